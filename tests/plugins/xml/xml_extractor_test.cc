// SPDX-License-Identifier: GPL-3.0-or-later
//
// The XML extractor over the samples in samples/xml and over small documents
// built here: element paths, word boundaries, languages, entities, errors,
// HTML5, deep nesting, profile choice.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "hstag/plugin_abi.h"
#include "xml_test_support.h"

extern "C" const hstag_plugin_v2* hstag_builtin_xml_query(uint32_t);

namespace hstag::testing {
namespace {

std::vector<std::string> Xpaths(const Document& d) {
  std::vector<std::string> out;
  for (const auto& s : d.segments) out.push_back(s.xpath);
  return out;
}

std::string SegText(const Document& d, size_t i) {
  return d.text.substr(d.segments[i].start, d.segments[i].end - d.segments[i].start);
}

Document Extract(const std::string& xml, const std::string& name = "test.xml") {
  return XmlPipeline().ExtractBytes(xml, name);
}

std::string Warnings(const Document& d) {
  std::string out;
  for (const auto& w : d.warnings) out += w.message + "\n";
  return out;
}

std::string Errors(const Document& d) {
  std::string out;
  for (const auto& e : d.errors) out += e.message + "\n";
  return out;
}

// The xpath of the segment of each annotation of `concept`.
std::vector<std::string> AnnotationXpaths(const AnalysisResult& r, const std::string& concept_id) {
  std::vector<std::string> out;
  for (const auto& a : r.annotations) {
    if (a.concept_id == concept_id) out.push_back(r.doc.segments.at(a.segment).xpath);
  }
  return out;
}

int32_t SniffScore(std::string_view head, std::string_view ext) {
  const hstag_plugin_v2* d = hstag_builtin_xml_query(HSTAG_PLUGIN_ABI_VERSION);
  return d->sniff(reinterpret_cast<const uint8_t*>(head.data()), head.size(),
                  {ext.data(), ext.size()});
}

TEST(XmlPlugin, Descriptor) {
  const hstag_plugin_v2* d = hstag_builtin_xml_query(HSTAG_PLUGIN_ABI_VERSION);
  ASSERT_NE(d, nullptr);
  EXPECT_STREQ(d->id, "xml");
  EXPECT_STREQ(d->libraries, "pugixml 1.13");
  EXPECT_STREQ(d->formats, "xml");
}

TEST(XmlSniff, ByContent) {
  EXPECT_EQ(SniffScore("<?xml version=\"1.0\"?><a/>", ""), 80);
  EXPECT_EQ(SniffScore("<?xml version=\"1.0\"?><a/>", "xml"), 85);
  // Above the text extractor's 90 for any byte order mark.
  EXPECT_EQ(SniffScore("\xEF\xBB\xBF<?xml version=\"1.0\"?><a/>", "xml"), 95);
  EXPECT_EQ(SniffScore(std::string_view("\xFF\xFE<\0?\0x\0", 8), ""), 95);
  EXPECT_EQ(SniffScore("<!doctype html>\n<html>", "html"), 85);
  EXPECT_EQ(SniffScore("<!-- c -->\n<akomaNtoso xmlns=\"x\">", ""), 70);
  EXPECT_EQ(SniffScore("<report>", "txt"), 60);
  // Not XML, whatever the extension says.
  EXPECT_EQ(SniffScore("Plain text about human security.", "xml"), 0);
  EXPECT_EQ(SniffScore("PK\x03\x04word/document.xml", "xml"), 0);
  EXPECT_EQ(SniffScore("%PDF-1.7", "xml"), 0);
  EXPECT_EQ(SniffScore("{\\rtf1", "xml"), 0);
}

TEST(XmlSniff, ContentWinsOverExtension) {
  // XML named .txt goes to the XML extractor; text named .xml to the text one.
  const Document x = Extract("<?xml version=\"1.0\"?><doc><p>human security</p></doc>", "a.txt");
  EXPECT_EQ(x.format, "xml");
  EXPECT_EQ(x.metadata.at("profile"), "generic");
  const Document t = Extract("just text, no markup", "a.xml");
  EXPECT_EQ(t.format, "text");
  // A DOCX named .xml goes to the office extractor (this one is cut short).
  const Document docx = Extract(std::string("PK\x03\x04", 4) + "word/document.xml", "a.xml");
  EXPECT_EQ(docx.format, "docx");
  EXPECT_EQ(Errors(docx).rfind("the zip: damaged or not an archive", 0), 0u) << Errors(docx);
}

// ---- Profiles over the samples --------------------------------------------

TEST(XmlProfiles, AkomaNtoso) {
  const Document d = XmlPipeline().Extract(Sample("akn_act.xml"), "akn_act.xml");
  ASSERT_TRUE(d.errors.empty()) << Errors(d);
  EXPECT_EQ(d.format, "xml");
  EXPECT_EQ(d.metadata.at("profile"), "akn");
  EXPECT_EQ(d.metadata.at("title"), "Sample Act on Human Security");
  EXPECT_EQ(d.metadata.at("date"), "2024-05-02");
  EXPECT_EQ(d.metadata.at("author"), "Sample Assembly");
  EXPECT_EQ(d.metadata.at("frbr_work"), "/akn/un/act/2024-05-02/hs-1");
  EXPECT_EQ(d.language, "en");  // FRBRlanguage "eng"
  const std::vector<std::string> expected = {
      "/akomaNtoso/act[1]/preface[1]/p[1]",
      "/akomaNtoso/act[1]/preamble[1]/recitals[1]/recital[1]/p[1]#rec_1",
      "/akomaNtoso/act[1]/body[1]/article[1]/heading[1]#art_1",
      "/akomaNtoso/act[1]/body[1]/article[1]/paragraph[1]/content[1]/p[1]#art_1__para_1",
      "/akomaNtoso/act[1]/body[1]/article[2]/heading[1]#art_2",
      "/akomaNtoso/act[1]/body[1]/article[2]/paragraph[1]/content[1]/p[1]#art_2__para_1",
      "/akomaNtoso/act[1]/body[1]/article[2]/paragraph[1]/content[1]/p[1]/authorialNote[1]"
      "#art_2__note_1",
      "/akomaNtoso/act[1]/body[1]/article[3]/heading[1]#art_3",
      "/akomaNtoso/act[1]/body[1]/article[3]/paragraph[1]/content[1]/p[1]#art_3__para_1",
      "/akomaNtoso/act[1]/body[1]/article[3]/paragraph[2]/content[1]/p[1]#art_3__para_2",
  };
  EXPECT_EQ(Xpaths(d), expected);
  EXPECT_EQ(SegText(d, 1), "a) recalling the Charter of the United Nations;");
  EXPECT_EQ(SegText(d, 2), "Article 1 Purpose");
  // The footnote leaves the sentence whole and follows it.
  EXPECT_EQ(SegText(d, 5), "It applies to every person in the territory.");
  EXPECT_EQ(SegText(d, 6), "Including stateless persons.");
  EXPECT_EQ(SegText(d, 9), "2. The State shall pursue human security through food security for all.");
  EXPECT_EQ(d.text.find("meta note"), std::string::npos);
}

TEST(XmlProfiles, AkomaNtosoAnnotations) {
  const AnalysisResult r = XmlPipeline().Run(Sample("akn_act.xml"), "akn_act.xml");
  ASSERT_FALSE(r.failed()) << Errors(r.doc);
  EXPECT_EQ(AnnotationXpaths(r, "xmltest.human_security"),
            (std::vector<std::string>{
                "/akomaNtoso/act[1]/preface[1]/p[1]",
                "/akomaNtoso/act[1]/body[1]/article[3]/paragraph[2]/content[1]/p[1]#art_3__para_2"}));
  EXPECT_EQ(AnnotationXpaths(r, "xmltest.food_security"),
            (std::vector<std::string>{
                "/akomaNtoso/act[1]/body[1]/article[3]/paragraph[2]/content[1]/p[1]#art_3__para_2"}));
  EXPECT_EQ(AnnotationXpaths(r, "xmltest.un"),
            (std::vector<std::string>{
                "/akomaNtoso/act[1]/preamble[1]/recitals[1]/recital[1]/p[1]#rec_1"}));
  EXPECT_EQ(AnnotationXpaths(r, "xmltest.freedom_from_fear"),
            (std::vector<std::string>{
                "/akomaNtoso/act[1]/body[1]/article[1]/paragraph[1]/content[1]/p[1]#art_1__para_1"}));
}

TEST(XmlProfiles, Tei) {
  const AnalysisResult r = XmlPipeline().Run(Sample("tei_sitting.xml"), "tei_sitting.xml");
  const Document& d = r.doc;
  ASSERT_TRUE(d.errors.empty()) << Errors(d);
  EXPECT_EQ(d.metadata.at("profile"), "tei");
  EXPECT_EQ(d.metadata.at("title"), "Sample parliamentary sitting on human security");
  EXPECT_EQ(d.metadata.at("publisher"), "The hstag project");
  EXPECT_EQ(d.metadata.at("date"), "2015-11-09");
  EXPECT_EQ(d.language, "en");
  EXPECT_EQ(Xpaths(d), (std::vector<std::string>{
                           "/TEI/text[1]/body[1]/div[1]/head[1]",
                           "/TEI/text[1]/body[1]/div[1]/u[1]/seg[1]",
                           "/TEI/text[1]/body[1]/div[1]/u[1]/seg[2]",
                           "/TEI/text[1]/body[1]/div[1]/u[2]/seg[1]",
                           "/TEI/text[1]/body[1]/div[1]/u[2]/seg[2]",
                       }));
  // Notes and kinesics are apparatus; the header is metadata.
  EXPECT_EQ(d.text.find("The President"), std::string::npos);
  EXPECT_EQ(d.text.find("Applause"), std::string::npos);
  EXPECT_EQ(d.text.find("hstag test suite"), std::string::npos);
  // xml:lang propagates from <u> and is overridden by <seg>.
  EXPECT_EQ(d.segments[2].lang, "en");
  EXPECT_EQ(d.segments[3].lang, "es");
  EXPECT_EQ(d.segments[4].lang, "en");
  EXPECT_EQ(AnnotationXpaths(r, "xmltest.human_security"),
            (std::vector<std::string>{"/TEI/text[1]/body[1]/div[1]/u[1]/seg[2]",
                                      "/TEI/text[1]/body[1]/div[1]/u[2]/seg[1]"}));
  EXPECT_EQ(AnnotationXpaths(r, "xmltest.un"),
            (std::vector<std::string>{"/TEI/text[1]/body[1]/div[1]/u[2]/seg[2]"}));
}

TEST(XmlProfiles, Jats) {
  const AnalysisResult r = XmlPipeline().Run(Sample("jats_article.xml"), "jats_article.xml");
  const Document& d = r.doc;
  ASSERT_TRUE(d.errors.empty()) << Errors(d);
  EXPECT_EQ(d.metadata.at("profile"), "jats");
  EXPECT_EQ(d.metadata.at("title"), "Food security and human security in drylands");
  EXPECT_EQ(d.metadata.at("journal"), "Journal of Sample Studies");
  EXPECT_EQ(d.metadata.at("doi"), "10.1234/sample.5678");
  EXPECT_EQ(d.metadata.at("author"), "Jane Doe; Richard Roe");
  EXPECT_EQ(d.metadata.at("date"), "2011-11-03");
  EXPECT_EQ(Xpaths(d), (std::vector<std::string>{
                           "/article/front[1]/article-meta[1]/title-group[1]/article-title[1]",
                           "/article/front[1]/article-meta[1]/abstract[1]/p[1]",
                           "/article/body[1]/sec[1]/title[1]",
                           "/article/body[1]/sec[1]/p[1]",
                           "/article/body[1]/sec[1]/p[2]",
                           "/article/back[1]/ack[1]/p[1]",
                           "/article/back[1]/ref-list[1]/title[1]",
                           "/article/back[1]/ref-list[1]/ref[1]/element-citation[1]",
                       }));
  EXPECT_EQ(SegText(d, 4), "The United Nations coordinate relief.");
  EXPECT_EQ(d.text.find("keyword not prose"), std::string::npos);
  EXPECT_EQ(d.text.find("Sample Press"), std::string::npos);
  // The reference list is text, flagged: its label starts its entry.
  EXPECT_EQ(SegText(d, 7), "1. Commission on Human Security Human security now 2003");
  for (size_t i = 0; i < d.segments.size(); ++i) EXPECT_EQ(d.segments[i].references, i >= 6) << i;
  EXPECT_EQ(AnnotationXpaths(r, "xmltest.food_security"),
            (std::vector<std::string>{
                "/article/front[1]/article-meta[1]/title-group[1]/article-title[1]",
                "/article/front[1]/article-meta[1]/abstract[1]/p[1]"}));
  EXPECT_EQ(
      AnnotationXpaths(r, "xmltest.human_security"),
      (std::vector<std::string>{"/article/front[1]/article-meta[1]/title-group[1]/article-title[1]",
                                "/article/body[1]/sec[1]/p[1]",
                                "/article/back[1]/ref-list[1]/ref[1]/element-citation[1]",
                                "/article/back[1]/ref-list[1]/ref[1]/element-citation[1]"}));
}

// Reference lists the formats mark: their segments are flagged, the
// document's other segments not.
std::vector<std::string> FlaggedTexts(const Document& d) {
  std::vector<std::string> out;
  for (size_t i = 0; i < d.segments.size(); ++i) {
    if (d.segments[i].references) out.push_back(SegText(d, i));
  }
  return out;
}

TEST(XmlReferences, TeiListBiblAndBibliographyDivision) {
  const Document d = Extract(R"(<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text>
    <body><p>The Human Security Network met in Graz.</p>
      <listBibl><bibl>Axworthy, <title>Human security</title>, 2001.</bibl></listBibl>
      <p>Its members stressed freedom from fear.</p></body>
    <back><div type="bibliography"><head>Works cited</head>
      <biblStruct><monogr><author>Commission on Human Security</author>
        <title>Human Security Now</title><imprint><date>2003</date></imprint></monogr></biblStruct>
    </div><div type="appendix"><p>Members of the network.</p></div></back></text></TEI>)");
  ASSERT_TRUE(d.errors.empty()) << Errors(d);
  EXPECT_EQ(FlaggedTexts(d),
            (std::vector<std::string>{"Axworthy, Human security, 2001.", "Works cited",
                                      "Commission on Human Security Human Security Now 2003"}));
  EXPECT_EQ(d.segments.size(), 6u);
}

TEST(XmlReferences, JatsRefListWithMixedCitations) {
  const Document d = Extract(R"(<article><front/><body><p>Droughts threaten people.</p></body>
    <back><ref-list><title>References</title>
      <ref id="r1"><mixed-citation><person-group><name><surname>Paris</surname>
        <given-names>R</given-names></name></person-group>. Human security. <source>Int Secur</source>
        <year>2001</year>;26:87-102.</mixed-citation></ref>
    </ref-list><fn-group><fn><p>A note of the authors.</p></fn></fn-group></back></article>)");
  ASSERT_TRUE(d.errors.empty()) << Errors(d);
  // (The name's elements separate words, as elements that hold no text do.)
  EXPECT_EQ(FlaggedTexts(d),
            (std::vector<std::string>{"References",
                                      "Paris R . Human security. Int Secur 2001;26:87-102."}));
  // Footnotes are not a reference list.
  EXPECT_NE(d.text.find("A note of the authors."), std::string::npos);
}

TEST(XmlReferences, XhtmlRolesAndDocBookBibliography) {
  const Document x = Extract(R"(<html xmlns="http://www.w3.org/1999/xhtml"><body>
    <p>The Human Security Network met in Graz.</p>
    <section role="doc-bibliography"><h2>Sources</h2><ul><li>Axworthy 2001</li></ul></section>
    <section role="doc-endnotes"><ol><li>Ibid.</li></ol></section>
    <section role="doc-appendix"><p>Members.</p></section></body></html>)",
                             "t.xhtml");
  ASSERT_TRUE(x.errors.empty()) << Errors(x);
  EXPECT_EQ(FlaggedTexts(x), (std::vector<std::string>{"Sources", "Axworthy 2001", "Ibid."}));
  const Document d = Extract(R"(<article xmlns="http://docbook.org/ns/docbook"><para>Prose.</para>
    <bibliography><title>Bibliography</title><biblioentry><author>Axworthy</author>
      <title>Human security</title><pubdate>2001</pubdate></biblioentry>
      <bibliomixed>Paris, <title>Human security</title>, 2001.</bibliomixed></bibliography>
    </article>)");
  ASSERT_TRUE(d.errors.empty()) << Errors(d);
  // (A <title> is a block: a word boundary, even inside a sentence.)
  EXPECT_EQ(FlaggedTexts(d),
            (std::vector<std::string>{"Bibliography", "Axworthy Human security 2001",
                                      "Paris, Human security , 2001."}));
}

TEST(XmlProfiles, Formex) {
  const AnalysisResult r = XmlPipeline().Run(Sample("formex_act.fmx.xml"), "formex_act.fmx.xml");
  const Document& d = r.doc;
  ASSERT_TRUE(d.errors.empty()) << Errors(d);
  EXPECT_EQ(d.metadata.at("profile"), "formex");
  EXPECT_EQ(d.metadata.at("title"), "Sample Regulation of 13 March 2024 on human security");
  EXPECT_EQ(d.metadata.at("date"), "2024-03-13");
  EXPECT_EQ(d.language, "en");
  EXPECT_EQ(Xpaths(d), (std::vector<std::string>{
                           "/ACT/TITLE[1]/TI[1]",
                           "/ACT/PREAMBLE[1]/PREAMBLE.INIT[1]",
                           "/ACT/PREAMBLE[1]/GR.VISA[1]/VISA[1]",
                           "/ACT/PREAMBLE[1]/GR.VISA[1]/VISA[1]/NOTE[1]",
                           "/ACT/PREAMBLE[1]/GR.CONSID[1]/CONSID[1]/NP[1]",
                           "/ACT/ENACTING.TERMS[1]/ARTICLE[1]/TI.ART[1]",
                           "/ACT/ENACTING.TERMS[1]/ARTICLE[1]/STI.ART[1]",
                           "/ACT/ENACTING.TERMS[1]/ARTICLE[1]/PARAG[1]/ALINEA[1]",
                       }));
  EXPECT_EQ(SegText(d, 2), "Having regard to the opinion of the Committee,");
  EXPECT_EQ(SegText(d, 4), "(1) Cooperation with the United Nations strengthens food security.");
  EXPECT_EQ(SegText(d, 7),
            "1. For the purposes of this Regulation, \u2018human security\u2019 means freedom "
            "from fear and want.");
  EXPECT_EQ(AnnotationXpaths(r, "xmltest.un"),
            (std::vector<std::string>{"/ACT/PREAMBLE[1]/GR.CONSID[1]/CONSID[1]/NP[1]"}));
}

TEST(XmlProfiles, Xhtml) {
  const AnalysisResult r = XmlPipeline().Run(Sample("xhtml_proposal.xhtml"), "xhtml_proposal.xhtml");
  const Document& d = r.doc;
  ASSERT_TRUE(d.errors.empty()) << Errors(d);
  EXPECT_EQ(d.metadata.at("profile"), "xhtml");
  EXPECT_EQ(d.metadata.at("title"), "Sample proposal on human security");
  EXPECT_EQ(d.metadata.at("author"), "Sample Commission");
  EXPECT_EQ(Xpaths(d), (std::vector<std::string>{
                           "/html/body[1]/div[1]/p[1]",
                           "/html/body[1]/div[1]/p[2]",
                           "/html/body[1]/div[1]/p[3]",
                           "/html/body[1]/div[1]/p[4]",
                           "/html/body[1]/div[1]/ul[1]/li[1]",
                       }));
  // <script> and <style> are not text; HTML named entities are decoded.
  EXPECT_EQ(d.text.find("notProse"), std::string::npos);
  EXPECT_EQ(d.text.find("color"), std::string::npos);
  EXPECT_EQ(SegText(d, 1), "1.1. The NATO summit");
  EXPECT_EQ(SegText(d, 2), "The Union\u00A0supports human security and the caf\u00E9 owners\u2014all of them.");
  EXPECT_EQ(SegText(d, 3), "La s\u00E9curit\u00E9 humaine\u00A0& la paix.");
  EXPECT_EQ(d.segments[3].lang, "fr");
  EXPECT_EQ(SegText(d, 4), "United Nations agencies");  // <br/> separates words
  EXPECT_TRUE(d.warnings.empty()) << Warnings(d);
  EXPECT_EQ(AnnotationXpaths(r, "xmltest.nato"),
            (std::vector<std::string>{"/html/body[1]/div[1]/p[2]"}));
  // "sécurité humaine" is a French cue: it counts in the French paragraph.
  EXPECT_EQ(AnnotationXpaths(r, "xmltest.human_security"),
            (std::vector<std::string>{"/html/body[1]/div[1]/p[3]", "/html/body[1]/div[1]/p[4]"}));
}

TEST(XmlProfiles, Udhr) {
  const AnalysisResult r = XmlPipeline().Run(Sample("udhr_eng_excerpt.xml"), "udhr.xml");
  const Document& d = r.doc;
  ASSERT_TRUE(d.errors.empty()) << Errors(d);
  EXPECT_EQ(d.metadata.at("profile"), "udhr");
  EXPECT_EQ(d.metadata.at("title"), "Universal Declaration of Human Rights");
  EXPECT_EQ(d.language, "en");
  ASSERT_EQ(d.segments.size(), 13u);
  EXPECT_EQ(d.segments[0].xpath, "/udhr/title[1]");
  EXPECT_EQ(d.segments[4].xpath, "/udhr/preamble[1]/para[3]");
  EXPECT_EQ(d.segments[10].xpath, "/udhr/article[3]/orderedlist[1]/listitem[1]/para[1]");
  EXPECT_EQ(AnnotationXpaths(r, "xmltest.freedom_from_fear"),
            (std::vector<std::string>{"/udhr/preamble[1]/para[2]"}));
  EXPECT_EQ(AnnotationXpaths(r, "xmltest.un"),
            (std::vector<std::string>{"/udhr/preamble[1]/para[3]",
                                      "/udhr/article[3]/orderedlist[1]/listitem[2]/para[1]"}));
}

TEST(XmlProfiles, DocBook) {
  const AnalysisResult r = XmlPipeline().Run(Sample("docbook_article.xml"), "docbook.xml");
  const Document& d = r.doc;
  ASSERT_TRUE(d.errors.empty()) << Errors(d);
  EXPECT_EQ(d.metadata.at("profile"), "docbook");
  EXPECT_EQ(d.metadata.at("title"), "Human Security in Practice");
  EXPECT_EQ(d.metadata.at("author"), "Ada Example");
  EXPECT_EQ(d.metadata.at("date"), "2023-09-01");
  EXPECT_EQ(Xpaths(d), (std::vector<std::string>{
                           "/article/section[1]/title[1]",
                           "/article/section[1]/para[1]",
                           "/article/section[1]/para[1]/footnote[1]",
                           "/article/section[1]/itemizedlist[1]/listitem[1]/para[1]",
                           "/article/section[1]/itemizedlist[1]/listitem[2]/para[1]",
                       }));
  EXPECT_EQ(SegText(d, 1), "The concept of human security was popularised in 1994.");
  EXPECT_EQ(d.text.find("not prose"), std::string::npos);
  EXPECT_EQ(AnnotationXpaths(r, "xmltest.food_security"),
            (std::vector<std::string>{"/article/section[1]/itemizedlist[1]/listitem[2]/para[1]"}));
}

TEST(XmlProfiles, Generic) {
  const AnalysisResult r = XmlPipeline().Run(Sample("generic_report.xml"), "report.xml");
  const Document& d = r.doc;
  ASSERT_TRUE(d.errors.empty()) << Errors(d);
  EXPECT_EQ(d.metadata.at("profile"), "generic");
  EXPECT_EQ(Xpaths(d), (std::vector<std::string>{
                           "/report/title[1]",
                           "/report/section[1]/heading[1]",
                           "/report/section[1]/text[1]",
                           "/report/section[1]/text[2]",
                           "/report/section[2]/heading[1]",
                           "/report/section[2]/text[1]",
                           "/report/section[2]/p[1]",
                       }));
  EXPECT_EQ(d.segments[3].lang, "fr");
  EXPECT_EQ(d.segments[2].lang, "en");
  EXPECT_EQ(AnnotationXpaths(r, "xmltest.human_security"),
            (std::vector<std::string>{"/report/section[1]/text[2]", "/report/section[2]/text[1]"}));
  EXPECT_EQ(AnnotationXpaths(r, "xmltest.nato"),
            (std::vector<std::string>{"/report/section[2]/p[1]"}));
}

TEST(XmlProfiles, ForcedByOption) {
  auto p = MakeXmlPipeline({{"xml", "{\"profile\":\"generic\"}"}});
  ASSERT_TRUE(p);
  const Document d = p->Extract(Sample("akn_act.xml"), "akn_act.xml");
  ASSERT_TRUE(d.errors.empty()) << Errors(d);
  EXPECT_EQ(d.metadata.at("profile"), "generic");
  // Generic: no eId on paths, and the <meta> block is not skipped.
  for (const auto& s : d.segments) EXPECT_EQ(s.xpath.find('#'), std::string::npos) << s.xpath;
  EXPECT_NE(d.text.find("meta note"), std::string::npos);

  auto tei = MakeXmlPipeline({{"xml", "{\"profile\":\"tei\"}"}});
  ASSERT_TRUE(tei);
  EXPECT_EQ(tei->Extract(Sample("generic_report.xml"), "r.xml").metadata.at("profile"), "tei");
}

TEST(XmlProfiles, UnknownProfileFailsClearly) {
  PipelineOptions o;
  o.builtins = BuiltinPlugins();
  o.lexicons = {SourceDir() + "/tests/plugins/xml/data/test_lexicon.yaml"};
  o.plugin_options = {{"xml", "{\"profile\":\"nosuch\"}"}};
  auto r = Pipeline::Create(o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find("unknown XML profile 'nosuch'"), std::string::npos) << r.error();
  EXPECT_NE(r.error().find("akn, tei, jats, formex, xhtml, udhr, docbook, generic"),
            std::string::npos);
}

TEST(XmlProfiles, DetectedFromRootAndNamespace) {
  auto profile = [](const std::string& xml) {
    const Document d = Extract(xml);
    return d.metadata.count("profile") ? d.metadata.at("profile") : Errors(d);
  };
  EXPECT_EQ(profile("<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><act><body><p>x</p></body></act></akomaNtoso>"), "akn");
  EXPECT_EQ(profile("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><p>x</p></body></text></TEI>"), "tei");
  EXPECT_EQ(profile("<article><front/><body><p>x</p></body></article>"), "jats");
  EXPECT_EQ(profile("<article xmlns=\"http://docbook.org/ns/docbook\"><para>x</para></article>"), "docbook");
  EXPECT_EQ(profile("<article><title>x</title><sect1><para>x</para></sect1></article>"), "docbook");
  EXPECT_EQ(profile("<ACT><BIB.INSTANCE/><TITLE><TI><P>x</P></TI></TITLE></ACT>"), "formex");
  EXPECT_EQ(profile("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>x</p></body></html>"), "xhtml");
  EXPECT_EQ(profile("<udhr xmlns=\"http://efele.net/udhr\"><para>x</para></udhr>"), "udhr");
  EXPECT_EQ(profile("<x:doc xmlns:x=\"urn:x\"><x:p>x</x:p></x:doc>"), "generic");
}

// ---- Text ---------------------------------------------------------------

TEST(XmlText, InlineElementsDoNotBreakWords) {
  const Document d = Extract(
      "<doc><p>hu<b>man</b> security</p><p><b>human</b> <i>security</i></p>"
      "<p>free<emph>dom</emph> from <hi rend=\"b\">fe</hi>ar</p>"
      "<p>un<unknown>listed</unknown> inline</p></doc>");
  ASSERT_EQ(d.segments.size(), 4u) << Errors(d);
  EXPECT_EQ(SegText(d, 0), "human security");
  EXPECT_EQ(SegText(d, 1), "human security");
  EXPECT_EQ(SegText(d, 2), "freedom from fear");
  EXPECT_EQ(SegText(d, 3), "unlisted inline");
}

TEST(XmlText, BlockBoundariesAndIndentationBecomeSingleSpaces) {
  const Document d = Extract(
      "<doc>\n  <p>  first\n\t line  </p>\n  <list><item>a</item><item>b</item></list>\n"
      "  <p>x<br/>y<lb/>z</p>\n</doc>");
  ASSERT_EQ(d.segments.size(), 4u) << Errors(d);
  EXPECT_EQ(SegText(d, 0), "first line");
  EXPECT_EQ(SegText(d, 1), "a");
  EXPECT_EQ(d.segments[1].xpath, "/doc/list[1]/item[1]");
  EXPECT_EQ(d.segments[2].xpath, "/doc/list[1]/item[2]");
  EXPECT_EQ(SegText(d, 3), "x y z");
  // Segments are joined by a blank line and the offsets index the joined text.
  EXPECT_EQ(d.text, "first line\n\na\n\nb\n\nx y z");
}

TEST(XmlText, SiblingIndexCountsSameNameOnly) {
  const Document d = Extract("<r><x>1</x><y>2</y><x>3</x><ns:x xmlns:ns=\"u\">4</ns:x></r>");
  EXPECT_EQ(Xpaths(d), (std::vector<std::string>{"/r/x[1]", "/r/y[1]", "/r/x[2]", "/r/ns:x[1]"}));
}

TEST(XmlText, LanguagePropagatesAndIsNormalized) {
  const Document d = Extract(
      "<doc xml:lang=\"fra\"><p>un</p><sec xml:lang=\"EN-GB\"><p>two</p><p xml:lang=\"\">three</p>"
      "</sec><p xml:lang=\"jpn\">four</p><p xml:lang=\"cmn-Hans\">five</p></doc>");
  ASSERT_EQ(d.segments.size(), 5u) << Errors(d);
  EXPECT_EQ(d.language, "fr");
  EXPECT_EQ(d.segments[0].lang, "fr");
  EXPECT_EQ(d.segments[1].lang, "en-GB");
  EXPECT_EQ(d.segments[2].lang, "");  // xml:lang="" means: unknown
  EXPECT_EQ(d.segments[3].lang, "ja");
  EXPECT_EQ(d.segments[4].lang, "zh-Hans");
}

TEST(XmlText, CdataIsText) {
  const Document d = Extract("<doc><p>a <![CDATA[<human> & security]]> b</p></doc>");
  EXPECT_EQ(SegText(d, 0), "a <human> & security b");
}

// ---- Entities -----------------------------------------------------------

TEST(XmlEntities, PredefinedAndCharacterReferences) {
  const Document d = Extract(
      "<doc><p>&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#233;&#xE9;&#X1F600; &amp;eacute;</p>"
      "</doc>");
  ASSERT_EQ(d.segments.size(), 1u);
  EXPECT_EQ(SegText(d, 0), "<a> & \"b\" 'c' \u00E9\u00E9\U0001F600 &eacute;");
  EXPECT_TRUE(d.warnings.empty()) << Warnings(d);
}

TEST(XmlEntities, HtmlNamedEntitiesOnlyInXhtml) {
  const std::string body = "<p>caf&eacute;&nbsp;&mdash;&hellip;&euro;&copy;&trade;&rsquo;</p>";
  const Document x = Extract("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>" + body +
                             "</body></html>");
  EXPECT_EQ(SegText(x, 0), "caf\u00E9\u00A0\u2014\u2026\u20AC\u00A9\u2122\u2019");
  EXPECT_TRUE(x.warnings.empty()) << Warnings(x);
  // Outside XHTML they are undeclared entities: left out, one warning each.
  const Document g = Extract("<doc>" + body + "<p>&eacute; again</p></doc>");
  EXPECT_EQ(SegText(g, 0), "caf");
  size_t eacute = 0;
  for (const auto& w : g.warnings) {
    if (w.message.find("&eacute;") != std::string::npos) ++eacute;
  }
  EXPECT_EQ(eacute, 1u) << Warnings(g);
}

TEST(XmlEntities, UnresolvedReferenceLeftOutWithOneWarning) {
  const Document d = Extract(
      "<!DOCTYPE doc [<!ENTITY co \"Company\">]><doc><p>The &co; and &co; again</p>"
      "<p>&bogus;x</p></doc>");
  ASSERT_TRUE(d.errors.empty()) << Errors(d);
  EXPECT_EQ(SegText(d, 0), "The and again");
  EXPECT_EQ(SegText(d, 1), "x");
  ASSERT_EQ(d.warnings.size(), 2u) << Warnings(d);
  EXPECT_NE(Warnings(d).find("unresolved entity reference &bogus;"), std::string::npos);
  EXPECT_NE(Warnings(d).find("unresolved entity reference &co;"), std::string::npos);
}

TEST(XmlEntities, BillionLaughsIsNotExpanded) {
  const auto t0 = std::chrono::steady_clock::now();
  const Document d = XmlPipeline().Extract(Hostile("billion_laughs.xml"), "lol.xml");
  const auto elapsed = std::chrono::steady_clock::now() - t0;
  ASSERT_TRUE(d.errors.empty()) << Errors(d);
  EXPECT_EQ(d.text, "Human security is not a joke.");
  EXPECT_NE(Warnings(d).find("&lol9;"), std::string::npos);
  EXPECT_LT(elapsed, std::chrono::seconds(2));
}

TEST(XmlEntities, ExternalEntityIsNeverRead) {
  const Document d = XmlPipeline().Extract(Hostile("external_entity.xml"), "xxe.xml");
  ASSERT_TRUE(d.errors.empty()) << Errors(d);
  EXPECT_EQ(d.text.find("root:"), std::string::npos);
  EXPECT_EQ(d.text, "Before after: human security.");
  EXPECT_NE(Warnings(d).find("&xxe;"), std::string::npos);
}

// ---- Errors -------------------------------------------------------------

TEST(XmlErrors, MalformedSampleGivesLineAndColumn) {
  const Document d = XmlPipeline().Extract(Hostile("malformed.xml"), "malformed.xml");
  EXPECT_EQ(Errors(d), "malformed XML at line 5, column 20: Start-end tags mismatch\n");
  EXPECT_TRUE(d.segments.empty());
}

TEST(XmlErrors, ColumnCountsCodePoints) {
  // "é" is two bytes, one column; the error is at the `/` of "</q>"... the
  // name after it, as pugixml reports.
  const Document d = Extract("<?xml version=\"1.0\"?>\n<doc>\n<p>\u00E9\u00E9</q></doc>");
  EXPECT_EQ(Errors(d), "malformed XML at line 3, column 8: Start-end tags mismatch\n");
  const Document unclosed = Extract("<?xml version=\"1.0\"?>\n<doc>\n  <p>text");
  EXPECT_EQ(unclosed.errors.size(), 1u);
  EXPECT_EQ(Errors(unclosed).rfind("malformed XML at line 3, column ", 0), 0u) << Errors(unclosed);
  const Document bad_attr = Extract("<doc a=1/>");
  EXPECT_EQ(Errors(bad_attr), "malformed XML at line 1, column 8: Error parsing element attribute\n");
}

// HTML5 goes to the HTML extractor (tests/plugins/html); without it, the
// XML extractor reads well-formed HTML5 and says clearly why it cannot read
// the rest.
const Pipeline& PipelineWithoutHtml() {
  static const std::unique_ptr<Pipeline> p = [] {
    PipelineOptions o;
    for (hstag_plugin_query_fn q : BuiltinPlugins()) {
      if (std::string_view(q(HSTAG_PLUGIN_ABI_VERSION)->id) != "html") o.builtins.push_back(q);
    }
    o.lexicons = {SourceDir() + "/tests/plugins/xml/data/test_lexicon.yaml"};
    auto r = Pipeline::Create(o);
    if (!r.ok()) std::abort();
    return std::move(r).value();
  }();
  return *p;
}

TEST(XmlErrors, Html5WellFormedIsRead) {
  const Document d = PipelineWithoutHtml().Extract(Sample("html5_udhr.html"), "udhr.html");
  ASSERT_TRUE(d.errors.empty()) << Errors(d);
  EXPECT_EQ(d.metadata.at("profile"), "xhtml");
  EXPECT_EQ(d.metadata.at("syntax"), "html5");
  EXPECT_EQ(d.language, "en");
  EXPECT_EQ(Xpaths(d), (std::vector<std::string>{"/html/body[1]/h1[1]",
                                                 "/html/body[1]/header[1]/h2[1]",
                                                 "/html/body[1]/header[1]/p[1]"}));
  EXPECT_NE(d.text.find("freedom from fear"), std::string::npos);
}

TEST(XmlErrors, Html5NotXmlIsRejectedClearly) {
  const Document d = PipelineWithoutHtml().Extract(Hostile("html5_not_xml.html"), "page.html");
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].message.rfind("HTML5 is not XML; save as XHTML", 0), 0u)
      << d.errors[0].message;
  EXPECT_EQ(d.errors[0].message.find("offset 2"), std::string::npos);
}

// ---- Depth and size ------------------------------------------------------

TEST(XmlDepth, HundredThousandLevels) {
  constexpr int kDepth = 100000;
  std::string xml;
  xml.reserve(kDepth * 8 + 64);
  for (int i = 0; i < kDepth; ++i) xml += "<d>";
  xml += "human security";
  for (int i = 0; i < kDepth; ++i) xml += "</d>";
  const AnalysisResult r = XmlPipeline().RunBytes(xml, "deep.xml");
  ASSERT_TRUE(r.doc.errors.empty()) << Errors(r.doc);
  ASSERT_EQ(r.doc.segments.size(), 1u);
  EXPECT_EQ(r.doc.text, "human security");
  const std::string& xpath = r.doc.segments[0].xpath;
  EXPECT_EQ(xpath.size(), 2 + (kDepth - 1) * 5u);  // "/d" then "/d[1]"
  EXPECT_EQ(xpath.substr(0, 14), "/d/d[1]/d[1]/d");
  EXPECT_EQ(AnnotationXpaths(r, "xmltest.human_security").size(), 1u);
}

TEST(XmlDepth, DeepInlineAndBlockNesting) {
  constexpr int kDepth = 100000;
  std::string xml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>";
  for (int i = 0; i < kDepth; ++i) xml += "<span>";
  xml += "deep";
  for (int i = 0; i < kDepth; ++i) xml += "</span>";
  xml += "</p></body></html>";
  const Document d = Extract(xml, "deep.xhtml");
  ASSERT_TRUE(d.errors.empty()) << Errors(d);
  ASSERT_EQ(d.segments.size(), 1u);
  EXPECT_EQ(d.text, "deep");
  EXPECT_EQ(d.segments[0].xpath, "/html/body[1]/p[1]");
}

}  // namespace
}  // namespace hstag::testing
