// SPDX-License-Identifier: GPL-3.0-or-later
#include "hstag/util.h"

#include <gtest/gtest.h>

#include <string>

namespace hstag {
namespace {

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
