// SPDX-License-Identifier: GPL-3.0-or-later
//
// hstag/output.h's building blocks: the two JSON sinks, and Dump, which must
// write exactly the bytes nlohmann's dump writes (the goldens, the schema and every
// consumer of the JSON were checked against those).
#include "hstag/writer.h"

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

// A byte that needs an escape (or a UTF-8 character, or DEL, which needs
// none) at every place of strings of 1 to 70 bytes, as a value and as a
// member's key and value: the text is nlohmann's.
TEST(JsonSinkTest, EveryEscapeAtEveryPlace) {
  for (const std::string special : {"\"", "\\", "\x01", "\x1F", "\n", "\xC3\xA9", "\x7F"}) {
    for (size_t n = 1; n <= 70; ++n) {
      for (size_t at = 0; at + special.size() <= n; ++at) {
        const std::string s =
            std::string(at, 'a') + special + std::string(n - at - special.size(), 'b');
        ordered_json reference = ordered_json::object();
        reference[s] = s;
        for (int indent : {-1, 2}) {
          std::string text;
          JsonWriter writer(&text, indent);
          writer.BeginObject();
          writer.Member(s, s);
          writer.EndObject();
          ASSERT_EQ(text, Reference(reference, indent)) << n << " " << at;
          text.clear();
          writer.String(s);
          ASSERT_EQ(text, Reference(ordered_json(s), indent)) << n << " " << at;
        }
      }
    }
  }
}

// The two sinks agree: the text a JsonWriter writes for a sequence of
// events is the dump of the tree a JsonBuilder builds from the same events,
// numbers keeping their kind, in both layouts.
void Events(JsonSink& w) {
  w.BeginObject();
  w.Member("s", "quote \" and \xC3\xA9");
  w.Member("u", uint64_t{18446744073709551615u});
  w.Member("i", int64_t{-7});
  w.Member("d", 0.25);
  w.Member("nan", std::numeric_limits<double>::quiet_NaN());
  w.Member("b", false);
  w.Member("n", nullptr);
  // Members written at once when key and value are short and clean: at the
  // limit of 64 bytes and one past it, empty, with a byte to escape.
  const std::string key40(40, 'k'), key64(64, 'K');
  w.Member("", "");
  w.Member(key40, std::string(24, 'v'));
  w.Member(key40 + "x", std::string(25, 'v'));
  w.Member(key64, "");
  w.Member(std::string(64, 'U'), uint64_t{0});
  w.Member(key64 + "y", uint32_t{42});
  w.Member("ctl", "a\x01b");
  w.Member("tab\tkey", "x");
  w.Member("utf8", "\xE4\xBA\xBA");
  w.Member("long", std::string(100, 'l'));
  w.Key("empty_object");
  w.BeginObject();
  w.EndObject();
  w.Key("empty_array");
  w.BeginArray();
  w.EndArray();
  w.Key("nested");
  w.BeginArray();
  w.Uint(1);
  w.BeginArray();
  w.BeginObject();
  w.Key("k");
  w.Value(ordered_json::parse(R"({"t":[1,{"u":{}}],"v":"w"})"));
  w.EndObject();
  w.EndArray();
  w.String("");
  w.EndArray();
  w.EndObject();
}

TEST(JsonSinkTest, WriterWritesTheDumpOfTheBuildersTree) {
  JsonBuilder builder;
  Events(builder);
  const ordered_json tree = builder.Take();
  EXPECT_TRUE(tree["u"].is_number_unsigned());
  EXPECT_TRUE(tree["i"].is_number_integer() && !tree["i"].is_number_unsigned());
  EXPECT_EQ(tree["nested"][1][0]["k"]["t"][1]["u"], ordered_json::object());
  for (int indent : {-1, 2}) {
    std::string text = "prefix ";
    JsonWriter writer(&text, indent);
    Events(writer);
    EXPECT_EQ(text, "prefix " + Reference(tree, indent)) << "indent " << indent;
  }
}

TEST(JsonSinkTest, ScalarsAtTheTop) {
  std::string text;
  JsonWriter writer(&text, 2);
  writer.String("a");
  EXPECT_EQ(text, "\"a\"");
  JsonBuilder builder;
  builder.Uint(3);
  EXPECT_EQ(builder.Take(), 3);
}

}  // namespace
}  // namespace hstag
