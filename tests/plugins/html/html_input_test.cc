// SPDX-License-Identifier: GPL-3.0-or-later
//
// What the HTML extractor reads before parsing (plugins/html/html_input.h):
// the <meta> prescan, the nesting depth, a page cut short.
#include "html_input.h"

#include <gtest/gtest.h>

#include <string>

namespace hstag::html {
namespace {

TEST(HtmlPrescan, FindsTheDeclaredCharset) {
  EXPECT_EQ(PrescanCharset("<!DOCTYPE html><meta charset=\"UTF-8\">"), "utf-8");
  EXPECT_EQ(PrescanCharset("<meta charset=windows-1251><title>"), "windows-1251");
  EXPECT_EQ(PrescanCharset("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; "
                           "charset=Shift_JIS\">"),
            "shift_jis");
  EXPECT_EQ(PrescanCharset("<meta content='text/html;charset = \"koi8-r\"' "
                           "http-equiv=content-type>"),
            "koi8-r");
  // A content charset without the http-equiv pragma does not count.
  EXPECT_EQ(PrescanCharset("<meta name=x content=\"charset=koi8-r\">"), "");
  // Not in a comment, not in another tag's attribute, not after 1024 bytes.
  EXPECT_EQ(PrescanCharset("<!-- <meta charset=koi8-r> --><p>"), "");
  EXPECT_EQ(PrescanCharset("<a title='<meta charset=koi8-r>'>x</a>"), "");
  EXPECT_EQ(PrescanCharset(std::string(1100, ' ') + "<meta charset=koi8-r>"), "");
  EXPECT_EQ(PrescanCharset("<p>no declaration"), "");
  // Cut short anywhere: no crash, no charset.
  const std::string full = "<meta http-equiv=\"content-type\" content=\"text/html; charset=x\">";
  for (size_t n = 0; n < full.size(); ++n) EXPECT_EQ(PrescanCharset(full.substr(0, n)), "");
}

TEST(HtmlNesting, CountsWhatNests) {
  size_t at = 0;
  EXPECT_EQ(NestingDepth("<div><div><span>x</span></div></div>", 100, &at), 3u);
  // Void elements, elements whose end tag may be left out, raw text and
  // comments do not nest.
  EXPECT_EQ(NestingDepth("<p>a<p>b<li>c<br><img src=x><meta charset=utf-8>", 100, &at), 0u);
  EXPECT_EQ(NestingDepth("<script>if (a<b) { '<div><div>' }</script><!-- <div> --><div>", 100, &at),
            1u);
  EXPECT_EQ(NestingDepth("<title><div><div></title>", 100, &at), 0u);
  EXPECT_EQ(NestingDepth("<div><plaintext><div><div><div>", 100, &at), 1u);
  // `/>` closes only inside SVG and MathML.
  EXPECT_EQ(NestingDepth("<svg><path/><path/><g><path /></g></svg>", 100, &at), 2u);
  EXPECT_EQ(NestingDepth("<div/><div/><div/>", 100, &at), 3u);
  // A `>` inside a quoted attribute value is no tag end.
  EXPECT_EQ(NestingDepth("<div title=\"a>b\"><div>", 100, &at), 2u);
  // Over the limit: stops there and says where.
  std::string deep;
  for (int i = 0; i < 50; ++i) deep += "<div>";
  EXPECT_EQ(NestingDepth(deep, 10, &at), 11u);
  EXPECT_EQ(at, 55u);
}

TEST(HtmlTruncation, EndsInsideMarkup) {
  EXPECT_FALSE(EndsInsideMarkup("<p>done</p>\n"));
  EXPECT_FALSE(EndsInsideMarkup("<p>a < b"));
  EXPECT_TRUE(EndsInsideMarkup("<p>done</p><p class=\"x"));
  EXPECT_TRUE(EndsInsideMarkup("<p>done</"));
  EXPECT_TRUE(EndsInsideMarkup("<p>done<!-- a comment"));
  EXPECT_FALSE(EndsInsideMarkup("<p>done<!-- a comment -->"));
}

}  // namespace
}  // namespace hstag::html
