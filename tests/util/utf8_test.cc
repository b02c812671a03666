// SPDX-License-Identifier: GPL-3.0-or-later
//
// <hstag/utf8.h>: validation and repair, checked against ICU's U8_NEXT (what
// the library used before the header had its own decoder).
#include "hstag/utf8.h"

#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <random>
#include <string>
#include <vector>

namespace hstag {
namespace {

// What ICU makes of `s`: valid or not, and the text with each sequence
// U8_NEXT rejects replaced by U+FFFD.
struct IcuView {
  bool valid = true;
  std::string repaired;
  size_t bad = 0;
};
IcuView ByIcu(std::string_view s) {
  IcuView v;
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) {
      v.valid = false;
      v.repaired += "\xEF\xBF\xBD";
      ++v.bad;
    } else {
      v.repaired.append(s.data() + start, static_cast<size_t>(i - start));
    }
  }
  return v;
}

void ExpectAsIcu(const std::string& s) {
  const IcuView icu = ByIcu(s);
  std::string repaired = "left over";
  const size_t bad = RepairUtf8(s, &repaired);
  // The first character's length: what U8_NEXT takes when it decodes one.
  size_t first = 0;
  if (!s.empty()) {
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
    if (c >= 0) first = static_cast<size_t>(i);
  }
  if (IsValidUtf8(s) == icu.valid && repaired == icu.repaired && bad == icu.bad &&
      Utf8CharLength(s) == first) {
    return;
  }
  std::string hex;
  for (unsigned char c : s) hex += std::to_string(c) + " ";
  ADD_FAILURE() << "not as ICU: " << hex;
}

// Every sequence of up to four bytes drawn from the bytes where the ranges
// of Unicode's table 3-7 begin and end, behind ASCII of every length that
// puts it on either side of the eight-byte steps.
TEST(Utf8Test, AgreesWithIcuOnEverySequenceOfBoundaryBytes) {
  const std::vector<unsigned char> edges = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF,
                                            0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE,
                                            0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
  std::vector<std::string> seqs = {""};
  for (int len = 1; len <= 4; ++len) {
    std::vector<std::string> longer;
    for (const auto& s : seqs) {
      if (s.size() + 1 != static_cast<size_t>(len)) continue;
      for (unsigned char b : edges) longer.push_back(s + static_cast<char>(b));
    }
    seqs.insert(seqs.end(), longer.begin(), longer.end());
  }
  for (const auto& s : seqs) {
    ExpectAsIcu(s);
    ExpectAsIcu("abcdefg" + s + "xyz");
  }
}

TEST(Utf8Test, AgreesWithIcuOnRandomBytes) {
  std::mt19937 rng(42);
  for (int round = 0; round < 20000; ++round) {
    std::string s(rng() % 40, '\0');
    for (char& c : s) {
      // Mostly ASCII and well-formed lead and trail bytes, as in real text.
      const unsigned r = rng() % 4;
      c = static_cast<char>(r == 0 ? rng() % 0x80 : r == 1 ? 0x80 + rng() % 0x40 : rng() % 256);
    }
    ExpectAsIcu(s);
  }
}

TEST(Utf8Test, RepairCountsAndReplacesEachMaximalSubpart) {
  std::string out;
  // "\xE2\x82" is one cut character (one U+FFFD), "\xC0\xAF" two bytes that
  // start nothing (two).
  EXPECT_EQ(RepairUtf8("a\xE2\x82z\xC0\xAF", &out), 3u);
  EXPECT_EQ(out, "a\xEF\xBF\xBDz\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(RepairUtf8("s\xC3\xA9", &out), 0u);
  EXPECT_EQ(out, "s\xC3\xA9");
}

// A bad byte is found wherever it stands against the eight-byte ASCII steps,
// and so is a character cut at the end.
TEST(Utf8Test, IllFormedSequencesAreFoundAtEveryPosition) {
  const std::string bad[] = {"\xFF",
                             "\xC3",
                             "\xE2\x82",
                             "\xC0\xAF" /* overlong */,
                             "\xED\xA0\x80" /* surrogate */,
                             "\xF4\x90\x80\x80" /* > U+10FFFF */,
                             "\x80"};
  for (const std::string& b : bad) {
    for (size_t pos = 0; pos <= 17; ++pos) {
      const std::string s =
          std::string(pos, 'a') + b + (b.size() == 1 && b[0] == '\xC3' ? "" : "tail");
      EXPECT_FALSE(IsValidUtf8(s)) << pos;
      EXPECT_FALSE(IsValidUtf8(std::string(pos, 'a') + b)) << pos << " at the end";
    }
  }
}

TEST(Utf8Test, WellFormedTextPasses) {
  EXPECT_TRUE(IsValidUtf8(""));
  for (size_t pos = 0; pos <= 17; ++pos) {
    EXPECT_TRUE(IsValidUtf8(std::string(pos, 'a') +
                            "s\xC3\xA9"
                            "curit\xC3\xA9 \xE4\xBA\xBA\xF0\x9F\x98\x80" +
                            std::string(pos, 'b')));
  }
}

}  // namespace
}  // namespace hstag
