// SPDX-License-Identifier: GPL-3.0-or-later
//
// The office extractor on ODT written by hand: headings, lists, tables,
// notes, text boxes, white space, pages, tracked changes, comments,
// headers and footers, metadata, and what fails.
#include <gtest/gtest.h>

#include <string>

#include "office_test_support.h"

namespace hstag {
namespace {

using testing::DefaultPipeline;
using testing::kOdfNs;
using testing::Odt;
using testing::Texts;

TEST(OfficeOdt, ParagraphsHeadingsListsTablesAndNotes) {
  const std::string text =
      "<text:h text:outline-level=\"2\">Human security</text:h>"
      "<text:p>People <text:span>first</text:span>,<text:s text:c=\"2\"/>always."
      "<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
      "<text:note-body><text:p>A footnote on human security.</text:p></text:note-body>"
      "</text:note></text:p>"
      "<text:list><text:list-item><text:p>freedom from fear</text:p></text:list-item>"
      "<text:list-item><text:p>freedom from want</text:p></text:list-item></text:list>"
      "<table:table><table:table-row><table:table-cell><text:p>cell</text:p></table:table-cell>"
      "</table:table-row></table:table>"
      "<text:p>Tab<text:tab/>and line<text:line-break/>break\n   collapsed   spaces</text:p>"
      "<text:p>Comment<office:annotation><text:p>COMMENT</text:p></office:annotation> "
      "out.</text:p>";
  const Document d = DefaultPipeline().ExtractBytes(Odt(text), "doc.odt");
  ASSERT_TRUE(d.errors.empty()) << d.errors[0].message;
  EXPECT_EQ(d.format, "odt");
  EXPECT_EQ(Texts(d), (std::vector<std::string>{
                          "Human security", "People first,  always.",
                          "A footnote on human security.", "freedom from fear", "freedom from want",
                          "cell", "Tab\tand line\nbreak collapsed spaces", "Comment out."}));
  EXPECT_EQ(d.segments[0].heading, 2u);
  EXPECT_EQ(d.segments[1].heading, 0u);
  EXPECT_EQ(d.segments[0].xpath, "content.xml:/office:body/office:text/text:h[1]");
  EXPECT_EQ(d.segments[2].xpath,
            "content.xml:/office:body/office:text/text:p[1]/text:note[1]/text:note-body[1]/"
            "text:p[1]");
  EXPECT_EQ(d.segments[4].xpath,
            "content.xml:/office:body/office:text/text:list[1]/text:list-item[2]/text:p[1]");
  EXPECT_EQ(d.segments[0].page, 0u);  // no page break recorded
  EXPECT_TRUE(d.warnings.empty());
}

TEST(OfficeOdt, PagesFromSoftBreaksAndBreakingStyles) {
  const std::string text =
      "<text:p>One.</text:p><text:soft-page-break/><text:p>Two.</text:p>"
      "<text:p>Still two,<text:soft-page-break/> then three.</text:p>"
      "<text:p text:style-name=\"P1\">Four.</text:p><text:p text:style-name=\"P2\">Four "
      "too.</text:p>";
  const std::string styles =
      "<style:style style:name=\"P1\" style:family=\"paragraph\"><style:paragraph-properties "
      "fo:break-before=\"page\"/></style:style><style:style style:name=\"P2\" "
      "style:family=\"paragraph\"><style:paragraph-properties fo:break-before=\"auto\"/>"
      "</style:style>";
  const Document d = DefaultPipeline().ExtractBytes(Odt(text, {}, styles), "pages.odt");
  ASSERT_TRUE(d.errors.empty()) << d.errors[0].message;
  std::vector<uint32_t> pages;
  for (const auto& s : d.segments) pages.push_back(s.page);
  EXPECT_EQ(pages, (std::vector<uint32_t>{1, 2, 2, 4, 4}));
}

TEST(OfficeOdt, TrackedChangesDeletionsOutWithAWarning) {
  const std::string text =
      "<text:tracked-changes><text:changed-region text:id=\"c1\"><text:deletion>"
      "<office:change-info/><text:p>DELETED TEXT</text:p></text:deletion></text:changed-region>"
      "<text:changed-region text:id=\"c2\"><text:insertion><office:change-info/></text:insertion>"
      "</text:changed-region></text:tracked-changes>"
      "<text:p>Human <text:change text:change-id=\"c1\"/><text:change-start "
      "text:change-id=\"c2\"/>security<text:change-end text:change-id=\"c2\"/>.</text:p>";
  const Document d = DefaultPipeline().ExtractBytes(Odt(text), "changes.odt");
  ASSERT_TRUE(d.errors.empty()) << d.errors[0].message;
  EXPECT_EQ(Texts(d), std::vector<std::string>{"Human security."});
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_NE(d.warnings[0].message.find("tracked changes that are not accepted"), std::string::npos);
}

TEST(OfficeOdt, HeadersFootersAndMetadata) {
  const std::string styles =
      std::string("<office:document-styles ") + kOdfNs +
      "><office:master-styles><style:master-page style:name=\"Standard\"><style:header>"
      "<text:p>Running head</text:p></style:header><style:footer><text:p>Footer</text:p>"
      "</style:footer></style:master-page></office:master-styles></office:document-styles>";
  const std::string meta =
      std::string("<office:document-meta ") + kOdfNs +
      "><office:meta><dc:title>A note</dc:title><meta:initial-creator>Jane Doe"
      "</meta:initial-creator><dc:creator>John Roe</dc:creator><meta:creation-date>"
      "2024-01-02T03:04:05</meta:creation-date><dc:date>2024-02-03T04:05:06</dc:date>"
      "<meta:keyword>security</meta:keyword><meta:keyword>people</meta:keyword>"
      "</office:meta></office:document-meta>";
  const Document d = DefaultPipeline().ExtractBytes(
      Odt("<text:p>Body.</text:p>", {{"styles.xml", styles}, {"meta.xml", meta}}), "hf.odt");
  ASSERT_TRUE(d.errors.empty()) << d.errors[0].message;
  EXPECT_EQ(Texts(d), (std::vector<std::string>{"Body.", "Running head", "Footer"}));
  EXPECT_FALSE(d.segments[0].boilerplate);
  EXPECT_TRUE(d.segments[1].boilerplate);
  EXPECT_EQ(d.segments[1].xpath,
            "styles.xml:/office:master-styles/style:master-page[1]/style:header[1]/text:p[1]");
  EXPECT_EQ(d.metadata.at("title"), "A note");
  EXPECT_EQ(d.metadata.at("author"), "Jane Doe");
  EXPECT_EQ(d.metadata.at("last_modified_by"), "John Roe");
  EXPECT_EQ(d.metadata.at("creation_date"), "2024-01-02T03:04:05");
  EXPECT_EQ(d.metadata.at("modification_date"), "2024-02-03T04:05:06");
  EXPECT_EQ(d.metadata.at("keywords"), "security; people");
}

TEST(OfficeOdt, BrokenContentNamesTheMember) {
  const Document d = DefaultPipeline().ExtractBytes(Odt("<text:p>open</text:span>"), "bad.odt");
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_NE(d.errors[0].message.find("content.xml: malformed XML at line 2, column "),
            std::string::npos)
      << d.errors[0].message;
}

TEST(OfficeOdt, SpreadsheetIsRefused) {
  const std::filesystem::path p = testing::TempPath("sheet.odt");
  testing::WriteArchive(
      p, {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", "<x/>"}},
      testing::ArchiveKind::kStoredZip);
  const Document d = DefaultPipeline().Extract(p.string(), "sheet.odt");
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_NE(d.errors[0].message.find("only text documents (ODT) are read"), std::string::npos)
      << d.errors[0].message;
}

}  // namespace
}  // namespace hstag
