// SPDX-License-Identifier: GPL-3.0-or-later
//
// The running header and footer rule of the PDF extractor, on page texts made
// up here.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "boilerplate.h"

namespace hstag::pdf {
namespace {

std::string Header(const std::string& page, const PageSplit& s) {
  return page.substr(0, s.header_end);
}
std::string Body(const std::string& page, const PageSplit& s) {
  return page.substr(s.header_end, s.footer_start - s.header_end);
}
std::string Footer(const std::string& page, const PageSplit& s) {
  return page.substr(s.footer_start);
}

TEST(PdfBoilerplate, LineKeyFoldsDigitsSpaceAndCase) {
  EXPECT_EQ(LineKey("  Chapter 12   Food  Security "), "chapter # food security");
  EXPECT_EQ(LineKey("Page 3 of 40"), "page # of #");
  EXPECT_EQ(LineKey("xiv"), "#");
  EXPECT_EQ(LineKey("Mix"), "mix");  // mixed case: a word
  EXPECT_EQ(LineKey("dim"), "dim");  // not a canonical numeral
  EXPECT_EQ(LineKey("mix"), "mix");  // 1009: past front matter
}

TEST(PdfBoilerplate, PageNumberShapes) {
  EXPECT_EQ(PageNumberOf("12"), 12);
  EXPECT_EQ(PageNumberOf(" - 12 - "), 12);
  EXPECT_EQ(PageNumberOf("\u2013 7 \u2013"), 7);
  EXPECT_EQ(PageNumberOf("[3]"), 3);
  EXPECT_EQ(PageNumberOf("Page 12"), 12);
  EXPECT_EQ(PageNumberOf("page 12 of 40"), 12);
  EXPECT_EQ(PageNumberOf("12/40"), 12);
  EXPECT_EQ(PageNumberOf("xii"), 12);
  EXPECT_EQ(PageNumberOf("IV"), 4);
  EXPECT_FALSE(PageNumberOf("2."));  // a numbered heading
  EXPECT_FALSE(PageNumberOf("12.5"));
  EXPECT_FALSE(PageNumberOf("Page twelve"));
  EXPECT_FALSE(PageNumberOf("mix"));
  EXPECT_FALSE(PageNumberOf("dim"));
  EXPECT_EQ(PageNumberOf("lxxx"), 80);
  EXPECT_FALSE(PageNumberOf(""));
}

TEST(PdfBoilerplate, CompactPages) {
  EXPECT_EQ(CompactPages({1, 2, 3, 7, 9, 10}), "1-3, 7, 9-10");
  EXPECT_EQ(CompactPages({4}), "4");
  EXPECT_EQ(CompactPages({1, 3, 5, 7}, 2), "1, 3, \u2026 (2 more)");
}

TEST(PdfBoilerplate, RunningHeaderAndPageNumberFooter) {
  const std::vector<std::string> topics = {"water", "food", "health", "shelter", "work", "peace"};
  std::vector<std::string> pages;
  for (int p = 1; p <= 6; ++p) {
    const std::string& t = topics[static_cast<size_t>(p - 1)];
    pages.push_back("Annual Report 2024\nOn " + t + " first.\nThen " + t + " again.\nLast, " + t +
                    ".\n\n- " + std::to_string(p) + " -");
  }
  const auto splits = SplitRunningLines(pages);
  ASSERT_EQ(splits.size(), pages.size());
  for (size_t i = 0; i < pages.size(); ++i) {
    const std::string& t = topics[i];
    EXPECT_EQ(Header(pages[i], splits[i]), "Annual Report 2024\n") << i;
    EXPECT_EQ(Body(pages[i], splits[i]),
              "On " + t + " first.\nThen " + t + " again.\nLast, " + t + ".\n\n")
        << i;
    EXPECT_EQ(Footer(pages[i], splits[i]), "- " + std::to_string(i + 1) + " -") << i;
  }
}

TEST(PdfBoilerplate, AlternatingHeadsOfABook) {
  std::vector<std::string> pages;
  for (int p = 1; p <= 8; ++p) {
    const std::string head = p % 2 ? "Food Security in Asia " + std::to_string(p)
                                   : std::to_string(p) + " Working Paper Series No. 383";
    pages.push_back(head + "\nThe text of page " + std::string(static_cast<size_t>(p), 'x') +
                    ".\nIt goes on " + std::string(static_cast<size_t>(p), 'z') + ".");
  }
  const auto splits = SplitRunningLines(pages);
  for (size_t i = 0; i < pages.size(); ++i) {
    const std::string h = Header(pages[i], splits[i]);
    EXPECT_TRUE(h.find("Food Security in Asia") != std::string::npos ||
                h.find("Working Paper Series") != std::string::npos)
        << i << ": " << h;
    EXPECT_EQ(Body(pages[i], splits[i]).rfind("The text of page", 0), 0u) << i;
  }
}

TEST(PdfBoilerplate, PrintedNumbersWithAnOffset) {
  // Physical page p prints p - 4 (front matter before it): a consistent
  // offset. A stray number in the last lines of one page (a table cell) is
  // not a page number.
  std::vector<std::string> pages;
  for (int p = 5; p <= 12; ++p) {
    std::string text = "Unique opening line " + std::string(static_cast<size_t>(p), 'y') +
                       "\nbody " + std::string(static_cast<size_t>(p), 'z') + "\n" +
                       std::to_string(p - 4);
    if (p == 9) text = "Unique table page\nYear\nValue\n1990";
    pages.push_back(text);
  }
  std::vector<std::string> all(4, "");  // pages 1-4 without text
  all.insert(all.end(), pages.begin(), pages.end());
  const auto splits = SplitRunningLines(all);
  for (size_t i = 4; i < all.size(); ++i) {
    if (i + 1 == 9) {
      EXPECT_EQ(Footer(all[i], splits[i]), "") << "the year is no page number";
      continue;
    }
    EXPECT_EQ(Footer(all[i], splits[i]), std::to_string(i + 1 - 4)) << i;
    EXPECT_EQ(Header(all[i], splits[i]), "") << i;
  }
  EXPECT_EQ(splits[0].header_end, 0u);
  EXPECT_EQ(splits[0].footer_start, 0u);
}

TEST(PdfBoilerplate, ShortDocumentsKeepTheirLines) {
  // Two pages cannot show a repeated line (three are needed); the page
  // numbers equal to the physical ones still count.
  const std::vector<std::string> pages = {"Same title\nText one.\n1", "Same title\nText two.\n2"};
  const auto splits = SplitRunningLines(pages);
  EXPECT_EQ(Header(pages[0], splits[0]), "");
  EXPECT_EQ(Footer(pages[0], splits[0]), "1");
  EXPECT_EQ(Footer(pages[1], splits[1]), "2");
}

}  // namespace
}  // namespace hstag::pdf
