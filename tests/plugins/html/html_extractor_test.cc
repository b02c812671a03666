// SPDX-License-Identifier: GPL-3.0-or-later
//
// The HTML extractor through the pipeline: which files it takes (and which
// it leaves to the XML and text extractors), HTML5 as browsers and editors
// write it, character sets, what is not text, boilerplate, reference lists,
// element paths, languages, metadata, and bad pages.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hstag/plugin_abi.h"
#include "html_test_support.h"

extern "C" const hstag_plugin_v2* hstag_builtin_html_query(uint32_t);
extern "C" const hstag_plugin_v2* hstag_builtin_xml_query(uint32_t);

namespace hstag::testing {
namespace {

using Strings = std::vector<std::string>;

int32_t Score(const hstag_plugin_v2* d, std::string_view head, std::string_view ext) {
  return d->sniff(reinterpret_cast<const uint8_t*>(head.data()), head.size(),
                  {ext.data(), ext.size()});
}
int32_t HtmlScore(std::string_view head, std::string_view ext) {
  return Score(hstag_builtin_html_query(HSTAG_PLUGIN_ABI_VERSION), head, ext);
}
int32_t XmlScore(std::string_view head, std::string_view ext) {
  return Score(hstag_builtin_xml_query(HSTAG_PLUGIN_ABI_VERSION), head, ext);
}

std::string Page(const std::string& body, const std::string& head = "") {
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>T</title>" +
         head + "</head>\n<body>\n" + body + "\n</body>\n</html>\n";
}

TEST(HtmlPlugin, Descriptor) {
  const hstag_plugin_v2* d = hstag_builtin_html_query(HSTAG_PLUGIN_ABI_VERSION);
  ASSERT_NE(d, nullptr);
  EXPECT_STREQ(d->id, "html");
  EXPECT_STREQ(d->formats, "html");
  EXPECT_EQ(std::string(d->libraries).rfind("gumbo 0.", 0), 0u) << d->libraries;
}

// ---- Which extractor takes a file ----------------------------------------

TEST(HtmlSniff, HtmlBeatsXmlAndText) {
  for (const char* head :
       {"<!DOCTYPE html>\n<html lang=en>", "<!doctype html><p>x", "<html><head><title>x</title>",
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">\n<html>",
        "<!-- saved from the web -->\n<html>"}) {
    EXPECT_GT(HtmlScore(head, "html"), XmlScore(head, "html")) << head;
    EXPECT_GT(HtmlScore(head, ""), XmlScore(head, "")) << head;
    EXPECT_GT(HtmlScore(head, "xml"), XmlScore(head, "xml")) << head;
  }
  // After a byte order mark: above the text extractor's 90 and XML's 95.
  EXPECT_GT(HtmlScore("\xEF\xBB\xBF<!DOCTYPE html><html>", "html"), 95);
  EXPECT_GT(HtmlScore(std::string_view("\xFF\xFE<\0h\0t\0m\0l\0>\0", 14), ""), 95);
}

TEST(HtmlSniff, XhtmlStaysWithTheXmlExtractor) {
  for (const char* head :
       {"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
        "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n<html>",
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>x</p></body></html>"}) {
    EXPECT_LT(HtmlScore(head, "html"), XmlScore(head, "html")) << head;
    EXPECT_LT(HtmlScore(head, "xhtml"), XmlScore(head, "xhtml")) << head;
  }
  const Document d = ExtractHtml(
      "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
      "<p>human security</p></body></html>",
      "page.html");
  EXPECT_EQ(d.format, "xml");
  EXPECT_EQ(d.metadata.at("profile"), "xhtml");
  const Document x = DefaultPipeline().Extract(SourceDir() + "/samples/xml/xhtml_proposal.xhtml",
                                               "xhtml_proposal.xhtml");
  EXPECT_EQ(x.format, "xml");
}

TEST(HtmlSniff, ByExtensionAndByContent) {
  // .html and .htm: any markup.
  EXPECT_EQ(ExtractHtml("<foo>human security</foo>", "a.html").format, "html");
  EXPECT_EQ(ExtractHtml("<p>human security", "a.htm").format, "html");
  // Another extension: content that looks like HTML.
  EXPECT_EQ(ExtractHtml(Page("<p>x"), "page.txt").format, "html");
  EXPECT_EQ(ExtractHtml(Page("<p>x"), "download").format, "html");
  EXPECT_EQ(ExtractHtml("<p>A fragment<p>and another", "notes.dat").format, "html");
  // A pandoc page: HTML5 doctype with the XHTML namespace on <html>.
  EXPECT_EQ(ExtractHtml("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" "
                        "lang=\"en\" xml:lang=\"en\">\n<head><meta charset=\"utf-8\" />"
                        "<title>x</title></head><body><p>y</p></body></html>",
                        "a.html")
                .format,
            "html");
}

TEST(HtmlSniff, NearMissesAreNotHtml) {
  // Text that mentions tags is text.
  const Document t = ExtractHtml("Write a paragraph as <p>text</p> in HTML.\n", "notes.txt");
  EXPECT_EQ(t.format, "text");
  EXPECT_EQ(HtmlScore("Write a paragraph as <p>text</p> in HTML.", "txt"), 0);
  // XML that is no HTML, an HTML-ish fragment named .xml, binary named .html.
  EXPECT_EQ(ExtractHtml("<report><p>x</p></report>", "r.xml").format, "xml");
  EXPECT_EQ(ExtractHtml("<p>x</p>", "r.xml").format, "xml");
  EXPECT_EQ(HtmlScore("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "html"), 0);
  EXPECT_EQ(HtmlScore("%PDF-1.7", "html"), 0);
  EXPECT_EQ(ExtractHtml("Prose, no markup, about human security.\n", "a.html").format, "text");
}

// ---- HTML5 as browsers and editors write it -------------------------------

TEST(HtmlParse, UnclosedParagraphsAndItemsBreaksAndReferences) {
  const Document d =
      ExtractHtml(Page("<p>Human security&mdash;freedom from fear<br>and want\n"
                       "<p>Second&nbsp;one &#8211; &#x2014; &amp; &copy &lt;p&gt;\n"
                       "<ul><li>one<li>two</ul>"));
  ASSERT_TRUE(d.errors.empty()) << Messages(d.errors);
  EXPECT_EQ(d.format, "html");
  EXPECT_EQ(Texts(d), (Strings{"Human security\u2014freedom from fear and want",
                               "Second\u00A0one \u2013 \u2014 & \u00A9 <p>", "one", "two"}));
  EXPECT_EQ(Xpaths(d), (Strings{"/html/body[1]/p[1]", "/html/body[1]/p[2]",
                                "/html/body[1]/ul[1]/li[1]", "/html/body[1]/ul[1]/li[2]"}));
}

TEST(HtmlParse, ErrorRecoveryAsBrowsersDo) {
  // Misnested formatting, </br>, a table with text outside cells, <p> in a
  // heading: the tree of HTML5's algorithm.
  const Document d =
      ExtractHtml(Page("<p><b>bold <i>both</b> italic</i> after</p>"
                       "<p>line</br>break"
                       "<table><tr><td>cell<td>other</table>"
                       "<h2>Head<p>para</h2>"));
  ASSERT_TRUE(d.errors.empty()) << Messages(d.errors);
  // <p> in a heading stays in it (the heading is one segment).
  EXPECT_EQ(Texts(d),
            (Strings{"bold both italic after", "line break", "cell", "other", "Head para"}));
  EXPECT_EQ(d.segments[2].xpath, "/html/body[1]/table[1]/tbody[1]/tr[1]/td[1]");
}

TEST(HtmlParse, WhatIsNotText) {
  const Document d =
      ExtractHtml(Page("<p>kept</p><script>var a = '<p>human security</p>';</script>"
                       "<style>p::before { content: 'human security' }</style>"
                       "<template><p>human security</p></template>"
                       "<noscript><p>human security</p></noscript>"
                       "<svg><text>human security</text></svg><!-- human security -->"
                       "<p>also kept</p>",
                       "<script>human_security()</script><style>b{}</style>"));
  ASSERT_TRUE(d.errors.empty()) << Messages(d.errors);
  EXPECT_EQ(Texts(d), (Strings{"kept", "also kept"}));
  EXPECT_EQ(d.text.find("human security"), std::string::npos);
}

TEST(HtmlParse, HeadingsParagraphsAndPaths) {
  const Document d =
      ExtractHtml(Page("<main><h1>Title</h1><section><h2>One</h2><p>a<p>b<p>c</section>"
                       "<div>Loose text <em>inline</em><div>inner</div></div></main>"));
  EXPECT_EQ(
      Xpaths(d),
      (Strings{"/html/body[1]/main[1]/h1[1]", "/html/body[1]/main[1]/section[1]/h2[1]",
               "/html/body[1]/main[1]/section[1]/p[1]", "/html/body[1]/main[1]/section[1]/p[2]",
               "/html/body[1]/main[1]/section[1]/p[3]", "/html/body[1]/main[1]/div[1]",
               "/html/body[1]/main[1]/div[1]/div[1]"}));
  EXPECT_EQ(Texts(d), (Strings{"Title", "One", "a", "b", "c", "Loose text inline", "inner"}));
}

TEST(HtmlParse, Boilerplate) {
  const Document d = ExtractHtml(
      Page("<header><p>Site banner</header><nav><a href=/>Home</a></nav>"
           "<main><article><header><h1>Article title</h1></header><p>Body"
           "<footer><p>Article footer</footer></article></main>"
           "<aside><p>Related</aside><div role=navigation>Menu</div><footer>Site footer</footer>"));
  std::vector<std::pair<std::string, bool>> got;
  for (size_t i = 0; i < d.segments.size(); ++i) {
    got.emplace_back(Texts(d)[i], d.segments[i].boilerplate);
  }
  // The page's header and footer, nav, aside and navigation roles; not an
  // article's own header and footer.
  EXPECT_EQ(got, (std::vector<std::pair<std::string, bool>>{{"Site banner", true},
                                                            {"Home", true},
                                                            {"Article title", false},
                                                            {"Body", false},
                                                            {"Article footer", false},
                                                            {"Related", true},
                                                            {"Menu", true},
                                                            {"Site footer", true}}));
}

TEST(HtmlParse, BoilerplateOptionOff) {
  auto p = Pipeline::Create([] {
    PipelineOptions o;
    o.builtins = BuiltinPlugins();
    o.plugin_options = {{"html", "{\"boilerplate\": false}"}};
    return o;
  }());
  ASSERT_TRUE(p.ok()) << p.error();
  const Document d = p.value()->ExtractBytes(Page("<nav>Home</nav><p>Body"), "a.html");
  ASSERT_EQ(d.segments.size(), 2u);
  EXPECT_FALSE(d.segments[0].boilerplate);
}

TEST(HtmlParse, ReferenceLists) {
  // A list its role or type marks (the extractor flags it), and one under a
  // "References" heading (the host finds it, as in every format) that runs to
  // the next heading of its level.
  const Document d = ExtractHtml(
      Page("<main><h1>Report</h1><p>The Human Security Network met in 2003.</p>"
           "<section role=doc-bibliography><h2>Sources</h2><ul><li>Axworthy 2001</ul></section>"
           "<ol epub:type=endnotes><li>Ibid.</ol>"
           "<h2>References</h2><ul><li>Axworthy, L. (2001). Human security. Global Governance."
           "<li>Paris, R. (2001). Human security. International Security, 26(2).</ul>"
           "<h2>Contact</h2><p>Write to the Human Security Unit (2024).</p></main>"));
  std::vector<std::pair<std::string, bool>> got;
  for (size_t i = 0; i < d.segments.size(); ++i) {
    got.emplace_back(Texts(d)[i], d.segments[i].references);
  }
  EXPECT_EQ(got, (std::vector<std::pair<std::string, bool>>{
                     {"Report", false},
                     {"The Human Security Network met in 2003.", false},
                     {"Sources", true},
                     {"Axworthy 2001", true},
                     {"Ibid.", true},
                     {"References", true},
                     {"Axworthy, L. (2001). Human security. Global Governance.", true},
                     {"Paris, R. (2001). Human security. International Security, 26(2).", true},
                     {"Contact", false},
                     {"Write to the Human Security Unit (2024).", false}}));
}

TEST(HtmlParse, Languages) {
  const Document d = ExtractHtml(
      "<!DOCTYPE html><html lang=\"EN-gb\"><body><p>English<p lang=fra>Fran\u00E7ais "
      "<span lang=de>Deutsch</span><div xml:lang=es><p>Espa\u00F1ol</div></body></html>");
  EXPECT_EQ(d.language, "en-gb");
  std::vector<std::string> langs;
  for (const auto& s : d.segments) langs.push_back(s.lang);
  EXPECT_EQ(langs, (Strings{"en-gb", "fr", "es"}));
}

TEST(HtmlParse, TitleAndMetaAsMetadata) {
  const Document d = ExtractHtml(Page(
      "<p>x",
      "<meta name=\"description\" content=\"A  strategy\"><meta name=Author content=\"Ministry\">"
      "<meta name=\"keywords\" content=\"security, people\">"
      "<meta name=\"DC.date\" content=\"2024-05-02\"><meta name=\"dc.creator\" content=\"Office\">"
      "<meta property=\"og:description\" content=\"A strategy\">"
      "<meta name=\"viewport\" content=\"width=device-width\">"));
  EXPECT_EQ(d.metadata.at("title"), "T");
  EXPECT_EQ(d.metadata.at("description"), "A strategy");
  EXPECT_EQ(d.metadata.at("author"), "Ministry; Office");
  EXPECT_EQ(d.metadata.at("keywords"), "security, people");
  EXPECT_EQ(d.metadata.at("date"), "2024-05-02");
  EXPECT_EQ(d.metadata.at("language"), "en");
  EXPECT_EQ(d.metadata.at("doctype"), "html");
  EXPECT_EQ(d.metadata.count("viewport"), 0u);
}

// ---- Character sets -------------------------------------------------------

TEST(HtmlCharset, Utf8ByMetaBomAndBytes) {
  EXPECT_EQ(ExtractHtml(Page("<p>s\u00E9curit\u00E9")).text_origin, "utf8");
  const Document bom = ExtractHtml("\xEF\xBB\xBF<!DOCTYPE html><p>s\u00E9curit\u00E9");
  EXPECT_EQ(bom.text_origin, "utf8-bom");
  EXPECT_EQ(bom.text, "s\u00E9curit\u00E9");
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("<!DOCTYPE html><p>human security")) {
    utf16 += c;
    utf16 += '\0';
  }
  const Document u = ExtractHtml(utf16);
  EXPECT_EQ(u.format, "html");
  EXPECT_EQ(u.text_origin, "transcoded:UTF-16LE");
  EXPECT_EQ(u.text, "human security");
}

TEST(HtmlCharset, DeclaredInMeta) {
  const Document d = ExtractHtml(
      "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" "
      "content=\"text/html; charset=ISO-8859-1\"></head><body><p>S\xE9\x63urit\xE9 \x96 "
      "humaine</p></body></html>");
  EXPECT_EQ(d.text_origin, "transcoded:windows-1252");  // Latin-1 means windows-1252
  EXPECT_EQ(d.text, "S\u00E9curit\u00E9 \u2013 humaine");
  const Document k =
      ExtractHtml("<!DOCTYPE html><meta charset=koi8-r><p>\xF3\xC5\xCB\xD5\xD2\xC9\xD4\xC9");
  EXPECT_EQ(k.text_origin, "transcoded:koi8-r");
  EXPECT_EQ(k.text, "\u0421\u0435\u043A\u0443\u0440\u0438\u0442\u0438");
}

TEST(HtmlCharset, DetectedWithoutMeta) {
  const Document d = ExtractHtml(
      "<!DOCTYPE html><html><head><title>Strat\xE9gie</title></head><body><p>La s\xE9\x63urit\xE9 "
      "humaine est une priorit\xE9 de notre minist\xE8re. Nous d\xE9\x66\x65ndons la libert\xE9 de "
      "vivre \xE0 l'abri de la peur et du besoin, et la dignit\xE9 de chacun.</p></body></html>");
  EXPECT_EQ(d.text_origin.rfind("transcoded:", 0), 0u) << d.text_origin;
  EXPECT_NE(d.text.find("La s\u00E9\x63urit\u00E9 humaine"), std::string::npos) << d.text;
  EXPECT_EQ(d.metadata.at("title"), "Strat\u00E9gie");
  EXPECT_NE(Messages(d.warnings).find("encoding detected as"), std::string::npos);
}

TEST(HtmlCharset, InvalidUtf8UnderAUtf8MetaIsRepaired) {
  const Document d = ExtractHtml(Page("<p>human \xFF security \xC3"));
  ASSERT_TRUE(d.errors.empty()) << Messages(d.errors);
  EXPECT_EQ(d.text_origin, "repaired");
  EXPECT_EQ(Messages(d.warnings), "invalid UTF-8: 2 ill-formed sequence(s) replaced by U+FFFD\n");
}

TEST(HtmlCharset, UnknownCharsetIsSaid) {
  const Document d = ExtractHtml("<!DOCTYPE html><meta charset=\"x-nonsense\"><p>plain");
  EXPECT_EQ(d.text, "plain");
  EXPECT_NE(Messages(d.warnings).find("unknown charset 'x-nonsense'"), std::string::npos);
}

// ---- Bad pages ------------------------------------------------------------

TEST(HtmlBad, DeepNestingFailsClearly) {
  std::string page = "<!DOCTYPE html><body>";
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page += "human security";
  const Document d = ExtractHtml(page);
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].message.rfind("elements nested more than 4096 deep (at byte ", 0), 0u)
      << d.errors[0].message;
  // Deep but allowed, and unclosed <p> and <li> by the thousand, which do
  // not nest.
  std::string ok = "<!DOCTYPE html><body>";
  for (int i = 0; i < 1000; ++i) ok += "<div>";
  for (int i = 0; i < 1000; ++i) ok += "<p>x";
  ok += "<ul>";
  for (int i = 0; i < 1000; ++i) ok += "<li>y";
  const Document fine = ExtractHtml(ok);
  EXPECT_TRUE(fine.errors.empty()) << Messages(fine.errors);
  EXPECT_EQ(fine.segments.size(), 2000u);
}

TEST(HtmlBad, HugeAttributeNulBytesAndTruncation) {
  const Document big =
      ExtractHtml(Page("<p title=\"" + std::string(8 << 20, 'x') + "\">human security</p>"));
  EXPECT_TRUE(big.errors.empty()) << Messages(big.errors);
  EXPECT_EQ(big.text, "human security");
  const Document nul = ExtractHtml(Page(std::string("<p>human\0 security", 18)));
  EXPECT_TRUE(nul.errors.empty()) << Messages(nul.errors);
  EXPECT_EQ(nul.text, "human security");
  EXPECT_EQ(Messages(nul.warnings), "1 NUL byte(s) in the page, left out of the text\n");
  const Document cut = ExtractHtml("<!DOCTYPE html><p>human security</p><p class=\"ab");
  EXPECT_EQ(cut.text, "human security");
  EXPECT_EQ(Messages(cut.warnings),
            "the page ends inside a tag or a comment: the file may be cut short\n");
}

TEST(HtmlBad, DeepPathsFailAsInXml) {
  // 4000 nested <section>s, each with a paragraph: 4000 paths of up to
  // 48,000 bytes are more than the path budget of a 100 kB page.
  std::string page = "<!DOCTYPE html><body>";
  for (int i = 0; i < 4000; ++i) page += "<section><p>x</p>";
  const Document d = ExtractHtml(page);
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_NE(d.errors[0].message.find("element paths of more than"), std::string::npos)
      << d.errors[0].message;
}

}  // namespace
}  // namespace hstag::testing
