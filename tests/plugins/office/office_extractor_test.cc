// SPDX-License-Identifier: GPL-3.0-or-later
//
// The office extractor on DOCX: the samples (one text as DOCX, ODT and plain
// text give the same counts), and packages written by hand for what pandoc
// does not make: tracked changes, notes, headers and footers, comments,
// page breaks, metadata, broken XML, a zip bomb.
#include <gtest/gtest.h>

#include <cstring>
#include <map>
#include <string>

#include "office_test_support.h"

extern "C" const hstag_plugin_v2* hstag_builtin_office_query(uint32_t);

namespace hstag {
namespace {

using testing::DefaultPipeline;
using testing::Docx;
using testing::kW;
using testing::ReadAll;
using testing::SourceDir;
using testing::Texts;

std::string Sample(const std::string& ext) {
  return SourceDir() + "/samples/note/human_security_note." + ext;
}

// Matches per concept, outside boilerplate.
std::map<std::string, int> Counts(const AnalysisResult& r) {
  std::map<std::string, int> c;
  for (const auto& a : r.annotations) ++c[a.concept_id];
  return c;
}

int32_t Sniff(const std::string& bytes, const char* ext) {
  const hstag_plugin_v2* d = hstag_builtin_office_query(HSTAG_PLUGIN_ABI_VERSION);
  return d->sniff(reinterpret_cast<const uint8_t*>(bytes.data()),
                  std::min<size_t>(bytes.size(), 4096), {ext, std::strlen(ext)});
}

TEST(OfficePlugin, Descriptor) {
  const hstag_plugin_v2* d = hstag_builtin_office_query(HSTAG_PLUGIN_ABI_VERSION);
  ASSERT_NE(d, nullptr);
  EXPECT_STREQ(d->id, "office");
  EXPECT_EQ(d->kind, static_cast<uint32_t>(HSTAG_KIND_EXTRACTOR));
  EXPECT_STREQ(d->formats, "docx,odt");
}

TEST(OfficeSniff, ByContentThenExtension) {
  EXPECT_EQ(Sniff(ReadAll(Sample("docx")), ""), 90);
  EXPECT_EQ(Sniff(ReadAll(Sample("odt")), ""), 95);
  EXPECT_EQ(Sniff(ReadAll(Sample("txt")), "docx"), 0);  // not a zip
  const std::filesystem::path zip = testing::TempPath("plain.zip");
  testing::WriteArchive(zip, {{"a.txt", "text"}});
  EXPECT_EQ(Sniff(ReadAll(zip), "zip"), 0);    // a zip of something else
  EXPECT_EQ(Sniff(ReadAll(zip), "docx"), 60);  // named as one: tried, and fails clearly
}

TEST(OfficeSamples, DocxOdtAndTextGiveTheSameCounts) {
  const Pipeline& p = DefaultPipeline();
  const AnalysisResult txt = p.Run(Sample("txt"), "note.txt");
  const AnalysisResult docx = p.Run(Sample("docx"), "note.docx");
  const AnalysisResult odt = p.Run(Sample("odt"), "note.odt");
  for (const auto* r : {&txt, &docx, &odt}) {
    ASSERT_FALSE(r->failed()) << r->doc.path << ": " << r->doc.errors[0].message;
    EXPECT_TRUE(r->doc.warnings.empty()) << r->doc.path << ": " << r->doc.warnings[0].message;
  }
  EXPECT_EQ(docx.doc.format, "docx");
  EXPECT_EQ(odt.doc.format, "odt");
  const auto t = Counts(txt), d = Counts(docx), o = Counts(odt);
  EXPECT_EQ(t.at("hs.concept"), 4);
  EXPECT_EQ(t.at("pillar.freedom_from_fear"), 3);
  EXPECT_EQ(t.at("pillar.freedom_from_want"), 3);
  for (const char* c : {"hs.concept", "pillar.freedom_from_fear", "pillar.freedom_from_want",
                        "pillar.freedom_to_live_in_dignity"}) {
    EXPECT_EQ(d.count(c) ? d.at(c) : 0, t.count(c) ? t.at(c) : 0) << c << " docx";
    EXPECT_EQ(o.count(c) ? o.at(c) : 0, t.count(c) ? t.at(c) : 0) << c << " odt";
  }
  EXPECT_EQ(d, t);
  EXPECT_EQ(o, t);
}

TEST(OfficeSamples, DocxStructure) {
  const Document d = DefaultPipeline().Extract(Sample("docx"), "note.docx");
  ASSERT_TRUE(d.errors.empty()) << d.errors[0].message;
  const auto texts = Texts(d);
  ASSERT_GE(texts.size(), 12u);
  EXPECT_EQ(texts[0], "Human security in practice");
  EXPECT_EQ(d.segments[0].heading, 1u);
  EXPECT_EQ(d.segments[0].xpath, "word/document.xml:/w:body/w:p[1]");
  EXPECT_EQ(d.segments[1].heading, 0u);
  EXPECT_EQ(texts[2], "Why human security");
  EXPECT_EQ(d.segments[2].heading, 2u);
  // A list item, then the table's cells, row by row.
  EXPECT_EQ(texts[5], "Protect people from violent conflict: freedom from fear.");
  size_t cell = 0;
  while (cell < texts.size() && texts[cell] != "people in armed conflict") ++cell;
  ASSERT_LT(cell, texts.size());
  EXPECT_EQ(d.segments[cell].xpath, "word/document.xml:/w:body/w:tbl[1]/w:tr[2]/w:tc[2]/w:p[1]");
  EXPECT_EQ(d.segments[0].page, 0u);  // pandoc records no page break
  EXPECT_EQ(d.pages, 0u);
}

// ---- DOCX written by hand -------------------------------------------------

std::string P(const std::string& runs, const std::string& ppr = "") {
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + runs + "</w:p>";
}
std::string R(const std::string& text) {
  return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}

TEST(OfficeDocx, TrackedChangesInsertionsInDeletionsOut) {
  const std::string body =
      P(R("Human ") + "<w:ins w:id=\"1\" w:author=\"a\"><w:r><w:t>security</w:t></w:r></w:ins>" +
        "<w:del w:id=\"2\" w:author=\"a\"><w:r><w:delText> DELETED</w:delText></w:r></w:del>" +
        R(" matters.")) +
      "<w:moveFrom w:id=\"3\" w:author=\"a\">" + P(R("MOVEDAWAY")) + "</w:moveFrom>" +
      "<w:moveTo w:id=\"4\" w:author=\"a\">" + P(R("Moved here.")) + "</w:moveTo>";
  const Document d = DefaultPipeline().ExtractBytes(Docx(body), "changes.docx");
  ASSERT_TRUE(d.errors.empty()) << d.errors[0].message;
  EXPECT_EQ(Texts(d), (std::vector<std::string>{"Human security matters.", "Moved here."}));
  EXPECT_EQ(d.text.find("DELETED"), std::string::npos);
  EXPECT_EQ(d.text.find("MOVEDAWAY"), std::string::npos);
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_EQ(d.warnings[0].stage, "extract:office");
  EXPECT_EQ(d.warnings[0].message,
            "the document has tracked changes that are not accepted; insertions are read, "
            "deletions left out");
}

TEST(OfficeDocx, NoTrackedChangesNoWarning) {
  const Document d = DefaultPipeline().ExtractBytes(Docx(P(R("Plain text."))), "plain.docx");
  ASSERT_TRUE(d.errors.empty());
  EXPECT_TRUE(d.warnings.empty());
  EXPECT_EQ(Texts(d), std::vector<std::string>{"Plain text."});
}

TEST(OfficeDocx, NotesHeadersFootersAndComments) {
  const std::string ns = kW;
  const std::string body =
      P(R("Body with a note.") + "<w:r><w:footnoteReference w:id=\"2\"/></w:r>" +
        "<w:commentRangeStart w:id=\"0\"/>" + R(" Commented.") + "<w:commentRangeEnd w:id=\"0\"/>" +
        "<w:r><w:commentReference w:id=\"0\"/></w:r>");
  const std::string footnotes =
      "<w:footnotes " + ns +
      "><w:footnote w:type=\"separator\" w:id=\"0\"><w:p><w:r><w:separator/></w:r></w:p>"
      "</w:footnote><w:footnote w:type=\"continuationSeparator\" w:id=\"1\"><w:p><w:r><w:t>SEP"
      "</w:t></w:r></w:p></w:footnote><w:footnote w:id=\"2\">" +
      P(R("Human security in a footnote.")) + "</w:footnote></w:footnotes>";
  const std::string endnotes = "<w:endnotes " + ns + "><w:endnote w:id=\"1\">" +
                               P(R("An endnote.")) + "</w:endnote></w:endnotes>";
  const std::string header = "<w:hdr " + ns + ">" + P(R("Running head")) + "</w:hdr>";
  const std::string footer = "<w:ftr " + ns + ">" + P(R("Page footer")) + "</w:ftr>";
  const std::string comments = "<w:comments " + ns + "><w:comment w:id=\"0\">" +
                               P(R("COMMENT TEXT")) + "</w:comment></w:comments>";
  const Document d = DefaultPipeline().ExtractBytes(Docx(body, {{"word/footnotes.xml", footnotes},
                                                                {"word/endnotes.xml", endnotes},
                                                                {"word/header1.xml", header},
                                                                {"word/footer1.xml", footer},
                                                                {"word/comments.xml", comments}}),
                                                    "notes.docx");
  ASSERT_TRUE(d.errors.empty()) << d.errors[0].message;
  EXPECT_EQ(Texts(d), (std::vector<std::string>{"Body with a note. Commented.",
                                                "Human security in a footnote.", "An endnote.",
                                                "Running head", "Page footer"}));
  EXPECT_EQ(d.text.find("COMMENT"), std::string::npos);
  EXPECT_EQ(d.text.find("SEP"), std::string::npos);
  EXPECT_EQ(d.segments[1].xpath, "word/footnotes.xml:/w:footnote[3]/w:p[1]");
  EXPECT_EQ(d.segments[2].xpath, "word/endnotes.xml:/w:endnote[1]/w:p[1]");
  EXPECT_EQ(d.segments[3].xpath, "word/header1.xml:/w:p[1]");
  EXPECT_FALSE(d.segments[0].boilerplate);
  EXPECT_FALSE(d.segments[1].boilerplate);
  EXPECT_TRUE(d.segments[3].boilerplate);
  EXPECT_TRUE(d.segments[4].boilerplate);
}

TEST(OfficeDocx, PagesFromExplicitBreaks) {
  const std::string body = P(R("One.")) +
                           P(R("Still one.") + "<w:r><w:br w:type=\"page\"/></w:r>") +
                           P(R("Two.")) + P(R("Three."), "<w:pageBreakBefore/>") +
                           P(R("Line") + "<w:r><w:br/></w:r>" + R("break, same page."));
  const Document d = DefaultPipeline().ExtractBytes(Docx(body), "pages.docx");
  ASSERT_TRUE(d.errors.empty());
  std::vector<uint32_t> pages;
  for (const auto& s : d.segments) pages.push_back(s.page);
  EXPECT_EQ(pages, (std::vector<uint32_t>{1, 1, 2, 3, 3}));
  EXPECT_EQ(d.pages, 3u);
  EXPECT_EQ(Texts(d)[4], "Line\nbreak, same page.");
}

TEST(OfficeDocx, PagesFromWordsLayoutWinOverExplicitBreaks) {
  // Word writes w:lastRenderedPageBreak where each page began; an explicit
  // break is then counted once, by the rendered break after it.
  const std::string body =
      P(R("One.") + "<w:r><w:br w:type=\"page\"/></w:r>") +
      P("<w:r><w:lastRenderedPageBreak/><w:t>Two.</w:t></w:r>") +
      P(R("Two, and") + "<w:r><w:lastRenderedPageBreak/><w:t> three.</w:t></w:r>") + P(R("Three."));
  const Document d = DefaultPipeline().ExtractBytes(Docx(body), "rendered.docx");
  ASSERT_TRUE(d.errors.empty());
  std::vector<uint32_t> pages;
  for (const auto& s : d.segments) pages.push_back(s.page);
  EXPECT_EQ(pages, (std::vector<uint32_t>{1, 2, 2, 3}));
}

TEST(OfficeDocx, HeadingsFromStylesAndOutlineLevels) {
  const std::string styles =
      std::string("<w:styles ") + kW +
      "><w:style w:type=\"paragraph\" w:styleId=\"Titre1\"><w:name w:val=\"heading 1\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Mine\"><w:name w:val=\"My heading\"/>"
      "<w:basedOn w:val=\"Titre1\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Outline\"><w:name w:val=\"Outline\"/>"
      "<w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"Normal\"/></w:style>"
      "</w:styles>";
  const std::string body =
      P(R("A"), "<w:pStyle w:val=\"Titre1\"/>") + P(R("B"), "<w:pStyle w:val=\"Mine\"/>") +
      P(R("C"), "<w:pStyle w:val=\"Outline\"/>") + P(R("D"), "<w:outlineLvl w:val=\"4\"/>") +
      P(R("E"), "<w:pStyle w:val=\"Heading2\"/>") +  // named Normal: no
      P(R("F"), "<w:outlineLvl w:val=\"9\"/>");      // body text
  const Document d =
      DefaultPipeline().ExtractBytes(Docx(body, {{"word/styles.xml", styles}}), "headings.docx");
  ASSERT_TRUE(d.errors.empty()) << d.errors[0].message;
  std::vector<uint32_t> levels;
  for (const auto& s : d.segments) levels.push_back(s.heading);
  EXPECT_EQ(levels, (std::vector<uint32_t>{1, 1, 3, 5, 0, 0}));
}

TEST(OfficeDocx, TablesTextBoxesAndFields) {
  const std::string body =
      "<w:tbl><w:tr><w:tc>" + P(R("cell one")) + "</w:tc><w:tc>" + P(R("cell two")) +
      "</w:tc></w:tr></w:tbl>" +
      P(R("Before box.") +
        "<w:r><mc:AlternateContent xmlns:mc=\"x\"><mc:Choice><w:drawing><w:txbxContent>" +
        P(R("In the box.")) +
        "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        "<w:txbxContent>" +
        P(R("In the box.")) +
        "</w:txbxContent></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>") +
      P("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText>"
        "</w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
        R("7") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>") +
      P("<w:hyperlink r:id=\"x\" xmlns:r=\"r\">" + R("linked") + "</w:hyperlink>" + R(" text"));
  const Document d = DefaultPipeline().ExtractBytes(Docx(body), "boxes.docx");
  ASSERT_TRUE(d.errors.empty()) << d.errors[0].message;
  EXPECT_EQ(Texts(d), (std::vector<std::string>{"cell one", "cell two", "Before box.",
                                                "In the box.", "7", "linked text"}));
  EXPECT_EQ(d.segments[1].xpath, "word/document.xml:/w:body/w:tbl[1]/w:tr[1]/w:tc[2]/w:p[1]");
}

TEST(OfficeDocx, CoreMetadata) {
  const std::string core =
      R"(<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>A note</dc:title><dc:creator>Jane Doe</dc:creator><cp:lastModifiedBy>John Roe</cp:lastModifiedBy><dcterms:created>2024-01-02T03:04:05Z</dcterms:created><dcterms:modified>2024-02-03T04:05:06Z</dcterms:modified><dc:subject> </dc:subject></cp:coreProperties>)";
  const Document d = DefaultPipeline().ExtractBytes(
      Docx(P(R("Text.")), {{"docProps/core.xml", core}}), "meta.docx");
  ASSERT_TRUE(d.errors.empty());
  EXPECT_EQ(d.metadata.at("title"), "A note");
  EXPECT_EQ(d.metadata.at("author"), "Jane Doe");
  EXPECT_EQ(d.metadata.at("last_modified_by"), "John Roe");
  EXPECT_EQ(d.metadata.at("creation_date"), "2024-01-02T03:04:05Z");
  EXPECT_EQ(d.metadata.at("modification_date"), "2024-02-03T04:05:06Z");
  EXPECT_EQ(d.metadata.count("subject"), 0u);  // blank: left out
}

TEST(OfficeDocx, BrokenXmlNamesTheMemberAndPosition) {
  const Document d = DefaultPipeline().ExtractBytes(
      Docx(P(R("fine")) + "<w:p><w:r><w:t>broken</w:r></w:p>"), "broken.docx");
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].stage, "extract");
  EXPECT_NE(d.errors[0].message.find("word/document.xml: malformed XML at line 2, column "),
            std::string::npos)
      << d.errors[0].message;
}

TEST(OfficeDocx, ZipOfSomethingElseNamedDocx) {
  const std::filesystem::path zip = testing::TempPath("other.docx");
  testing::WriteArchive(zip, {{"a.txt", "text"}});
  const Document d = DefaultPipeline().Extract(zip.string(), "other.docx");
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].message, "a zip that is neither a DOCX nor an ODT document");
}

TEST(OfficeDocx, ZipBombInsideADocxFailsOnTheRatio) {
  // A document.xml of 60 MB of spaces in a package of about 60 KB.
  const std::string body = P(R("x")) + std::string(60u << 20, ' ');
  const Document d = DefaultPipeline().ExtractBytes(Docx(body), "bomb.docx");
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_NE(d.errors[0].message.find("(--max-ratio raises it)"), std::string::npos)
      << d.errors[0].message;
  EXPECT_NE(d.errors[0].message.find("member word/document.xml"), std::string::npos)
      << d.errors[0].message;
}

TEST(OfficeDocx, DeepNestingFailsAsHostile) {
  std::string body;
  for (int i = 0; i < 500; ++i) body += "<w:tbl><w:tr><w:tc>";
  body += P(R("deep"));
  for (int i = 0; i < 500; ++i) body += "</w:tc></w:tr></w:tbl>";
  const Document d = DefaultPipeline().ExtractBytes(Docx(body), "deep.docx");
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_NE(d.errors[0].message.find("nested more than 200 deep"), std::string::npos)
      << d.errors[0].message;
}

}  // namespace
}  // namespace hstag
