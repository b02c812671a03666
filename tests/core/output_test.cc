// SPDX-License-Identifier: GPL-3.0-or-later
//
// hstag/output.h's building blocks: Put, and Dump, which must write exactly
// the bytes nlohmann's dump writes (the goldens, the schema and every
// consumer of the JSON were checked against those).
#include "hstag/output.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace hstag {
namespace {

std::string Reference(const ordered_json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

void ExpectSameAsNlohmann(const ordered_json& j) {
  for (int indent : {-1, 0, 2, 4}) {
    EXPECT_EQ(Dump(j, indent), Reference(j, indent)) << "indent " << indent;
  }
}

TEST(DumpTest, EveryAsciiCharacter) {
  for (int c = 0; c < 128; ++c) {
    SCOPED_TRACE(c);
    ExpectSameAsNlohmann(std::string("a") + static_cast<char>(c) + "b");
    ExpectSameAsNlohmann(std::string(1, static_cast<char>(c)));
  }
}

TEST(DumpTest, WellFormedAndIllFormedUtf8) {
  const std::vector<std::string> strings = {
      "sécurité humaine", "人間の安全保障", "\xF0\x9F\x98\x80 emoji", "line\xE2\x80\xA8sep", "\x7F",
      "\xC2\x80", "\xEF\xBF\xBF", "\xF4\x8F\xBF\xBF",
      // ill-formed: replaced as nlohmann replaces them
      "\xC3", "a\xC3(b", "\xC0\xAF", "\xE0\x80\x80", "\xED\xA0\x80", "\xF0\x80\x80\x80",
      "\xF4\x90\x80\x80", "\xFF", "ok\x80ok", "\xE4\xBA", "tail\xF0\x9F\x98"};
  for (const auto& s : strings) {
    SCOPED_TRACE(s);
    ExpectSameAsNlohmann(s);
    ExpectSameAsNlohmann(ordered_json{{s, s}});
  }
}

TEST(DumpTest, RandomBytes) {
  std::mt19937 rng(20261127);
  const std::vector<unsigned char> edge = {0x00, 0x1F, 0x20, '"',  '\\', 'a',  0x7F, 0x80,
                                           0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0,
                                           0xF4, 0xF5, 0x9F, 0xA0, 0x8F, 0x90, 0xFF};
  for (int n = 0; n < 3000; ++n) {
    std::string s(rng() % 12, ' ');
    for (auto& c : s) c = static_cast<char>(rng() % 2 ? edge[rng() % edge.size()] : rng() % 256);
    ASSERT_EQ(Dump(s), Reference(s, -1)) << n;
  }
}

// Longer strings, mostly of bytes that need nothing: the runs copied whole
// end on every kind of byte that needs a look, at every position.
TEST(DumpTest, RandomTextWithRareSpecialBytes) {
  std::mt19937 rng(271127);
  const std::vector<std::string> special = {"\"",   "\\", "\n", "\t",   "\x01", "\x1F",
                                            "\x7F", "é",  "人", "\xC3", "\xFF"};
  for (int n = 0; n < 3000; ++n) {
    std::string s;
    const size_t length = rng() % 40;
    while (s.size() < length) {
      if (rng() % 10 == 0) {
        s += special[rng() % special.size()];  // a character, or an ill-formed byte
      } else {
        s += static_cast<char>(0x20 + rng() % 0x5F);  // printable ASCII, '"' and '\\' included
      }
    }
    ASSERT_EQ(Dump(s), Reference(s, -1)) << n;
  }
}

TEST(DumpTest, NumbersAndLayout) {
  const std::vector<ordered_json> values = {
      0,
      -1,
      std::numeric_limits<int64_t>::min(),
      std::numeric_limits<uint64_t>::max(),
      0.1,
      1.0,
      -0.0,
      0.25,
      123.456,
      1e300,
      5e-324,
      std::numeric_limits<double>::quiet_NaN(),
      std::numeric_limits<double>::infinity(),
      true,
      false,
      nullptr,
      ordered_json::object(),
      ordered_json::array(),
      ordered_json::parse(R"({"a":{},"b":[],"c":[[],{}],"d":{"e":[1,{"f":null}],"g":"h"}})"),
      ordered_json::parse(R"([1,[2,[3,[4]]],{"x":{"y":{"z":[]}}}])")};
  for (const auto& v : values) {
    SCOPED_TRACE(Reference(v, -1));
    ExpectSameAsNlohmann(v);
  }
}

// Put builds the output's objects: a null value becomes an object, keys keep
// the order they were put in, values of every kind.
TEST(PutTest, AppendsKeysInOrder) {
  ordered_json o;
  Put(o, "b", 1);
  Put(o, std::string("a"), std::string_view("text"));
  Put(o, "c", ordered_json::array({1, 2}));
  ASSERT_TRUE(o.is_object());
  EXPECT_EQ(Dump(o), R"({"b":1,"a":"text","c":[1,2]})");
  EXPECT_EQ(o["a"], "text");
}

TEST(PutTest, ObjectWithRoomIsAnEmptyObjectThatDoesNotGrow) {
  ordered_json o = ObjectWithRoom(3);
  EXPECT_EQ(Dump(o), "{}");
  const auto* members = o.get_ref<ordered_json::object_t&>().data();
  for (const char* key : {"a", "b", "c"}) Put(o, key, std::string(100, 'x'));
  EXPECT_EQ(o.get_ref<ordered_json::object_t&>().data(), members);  // no reallocation
  EXPECT_EQ(o.size(), 3u);
}

}  // namespace
}  // namespace hstag
