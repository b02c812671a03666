// SPDX-License-Identifier: GPL-3.0-or-later
//
// The XML extractor's text helpers (plugins/xml/xml_text.h).
#include "xml_text.h"

#include <gtest/gtest.h>

namespace hstag::xml {
namespace {

// Where a parse error is: lines from 1, columns in code points from 1.
TEST(XmlTextTest, LineColumnAtCountsCodePoints) {
  const std::string_view text = "<a>\n  <b>\xC3\xA9t\xC3\xA9</b>\n</a>";
  auto at = [&](size_t offset) {
    const LineColumn lc = LineColumnAt(text, offset);
    return std::to_string(lc.line) + ":" + std::to_string(lc.column);
  };
  EXPECT_EQ(at(0), "1:1");
  EXPECT_EQ(at(3), "1:4");
  EXPECT_EQ(at(4), "2:1");
  EXPECT_EQ(at(12), "2:8");              // after "  <b>", "é" (2 bytes) and "t"
  EXPECT_EQ(at(1000), at(text.size()));  // past the end: the end
}

}  // namespace
}  // namespace hstag::xml
