// SPDX-License-Identifier: GPL-3.0-or-later
//
// The HTML reports: escaping of hostile documents, the page's
// Content-Security-Policy, highlights and links, matches in a reference list
// faded, pages of a PDF, the
// comparison, a batch run's index, and the size of a long document's report.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <set>
#include <string>

#include "hstag/codebook.h"
#include "hstag/summary.h"
#include "hstag/utf8.h"
#include "hstag/writer.h"
#include "report/html.h"
#include "report/report.h"
#include "report/style.h"
#include "report_fixture.h"
#include "test_support.h"
#include "util/util.h"

namespace fs = std::filesystem;

namespace hstag::testing {
namespace {

ordered_json DocumentOf(const fs::path& path, bool with_text = true) {
  const Pipeline& p = DefaultPipeline();
  AnalysisResult r = p.Run(path.string(), path.string());
  EXPECT_FALSE(r.failed()) << path;
  return DocumentJson(r, p, ToolJson(p), OutputOptions{with_text});
}

// The page of a document's JSON, with the summary read from it.
std::string DocumentReportHtml(const ordered_json& doc, const ReportOptions& options) {
  Result<Summary> summary = SummaryFromDocumentJson(doc);
  EXPECT_TRUE(summary.ok()) << summary.error();
  return summary.ok() ? hstag::DocumentReportHtml(doc, *summary, options) : "";
}

// The content of the first <tag>...</tag>.
std::string Element(const std::string& html, const std::string& tag) {
  const size_t open = html.find("<" + tag + ">");
  const size_t close = html.find("</" + tag + ">", open);
  if (open == std::string::npos || close == std::string::npos) return "";
  return html.substr(open + tag.size() + 2, close - open - tag.size() - 2);
}

// Every href="#x" has an element with id="x".
void ExpectLinksResolve(const std::string& html) {
  std::set<std::string> ids;
  const std::regex id_re("id=\"([^\"]+)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), id_re);
       it != std::sregex_iterator(); ++it) {
    ids.insert((*it)[1]);
  }
  const std::regex href_re("href=\"#([^\"]+)\"");
  size_t links = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), href_re);
       it != std::sregex_iterator(); ++it) {
    ++links;
    EXPECT_TRUE(ids.count((*it)[1])) << "dangling link #" << (*it)[1];
  }
  EXPECT_GT(links, 0u);
}

TEST(HtmlEscape, EscapesMarkupQuotesAndBrokenUtf8) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(HtmlEscape("a\xff"
                       "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(HtmlEscape(std::string("nul\0x", 5)), "nul\xEF\xBF\xBDx");
  EXPECT_EQ(HtmlEscape("tab\tline\n"), "tab\tline\n");
  EXPECT_EQ(HtmlEscape("caf\xC3\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(HtmlEscape("\xC2\x85"), "\xEF\xBF\xBD");  // C1 control
}

TEST(HtmlEscape, UrlPathEncodeLeavesNoSchemeQueryOrFragment) {
  EXPECT_EQ(UrlPathEncode("reports/a b/x.pdf.html"), "reports/a%20b/x.pdf.html");
  EXPECT_EQ(UrlPathEncode("javascript:alert(1)?#"), "javascript%3Aalert%281%29%3F%23");
  EXPECT_EQ(UrlPathEncode("\"<>"), "%22%3C%3E");
}

TEST(DocumentReport, HostileDocumentRendersAsText) {
  const fs::path dir = Scratch();
  ordered_json doc = DocumentOf(WriteHostileDocument(dir));
  // Broken UTF-8 cannot come through the pipeline or a JSON file: put it into
  // the text (in place, offsets unchanged) and the metadata.
  std::string text = doc["text"];
  const size_t at = text.find("Broken ");
  ASSERT_NE(at, std::string::npos);
  text.replace(at + 7, 2, "\xff\xfe");
  doc["text"] = text;
  doc["source"]["metadata"]["title"] = "Title \xc3</title><script>document.title='pwned'</script>";
  const std::string html = DocumentReportHtml(doc, ReportOptions{"2026-01-01T00:00:00Z"});
  EXPECT_TRUE(IsValidUtf8(html));
  EXPECT_EQ(html.find("<script"), std::string::npos);  // a document's report has no script at all
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<i>bold"), std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;document.title=&#39;pwned&#39;"), std::string::npos);
  EXPECT_NE(html.find("&lt;/style&gt;&lt;style&gt;body{display:none}"), std::string::npos);
  EXPECT_NE(html.find("&lt;a href=&quot;javascript:alert(1)&quot;&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;i&gt;bold &quot;q&quot; &#39;a&#39;"),
            std::string::npos);  // the file name
  EXPECT_NE(html.find("<title>hstag report: &lt;i&gt;bold"), std::string::npos);
  EXPECT_NE(html.find("<h1>Title \xEF\xBF\xBD&lt;/title&gt;&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Broken \xEF\xBF\xBD"), std::string::npos);
  // One <style>, the page's own; nothing from the text closes it.
  EXPECT_EQ(html.find("<style"), html.rfind("<style"));
  EXPECT_EQ(html.find("</style>"), html.rfind("</style>"));
  // Highlights with their concept and strength; the legend's filters.
  EXPECT_NE(html.find("<mark class=\"c-concept e\""), std::string::npos);
  EXPECT_NE(html.find("title=\"hs.concept (explicit)\""), std::string::npos);
  EXPECT_NE(html.find("title=\"dimension.food (explicit)\""), std::string::npos);
  EXPECT_NE(html.find("<label for=\"f-dimension\""), std::string::npos);
  EXPECT_NE(html.find("<input class=\"filters\" type=\"checkbox\" id=\"f-dimension\" checked"),
            std::string::npos);
}

TEST(DocumentReport, ContentSecurityPolicyAllowsOnlyTheOwnStyle) {
  const fs::path dir = Scratch();
  const std::string html =
      DocumentReportHtml(DocumentOf(WriteHostileDocument(dir)), ReportOptions{});
  const std::regex csp_re("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(html, m, csp_re));
  const std::string csp = m[1];
  EXPECT_EQ(csp.rfind("default-src 'none';", 0), 0u) << csp;
  EXPECT_NE(csp.find("script-src 'none'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("style-src 'sha256-" + Sha256Base64(Element(html, "style")) + "'"),
            std::string::npos)
      << csp;
  // The policy comes before anything it governs.
  EXPECT_LT(html.find("Content-Security-Policy"), html.find("<style>"));
  EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg"));  // SVG namespace only
  EXPECT_EQ(html.find("https://"), std::string::npos);
}

TEST(DocumentReport, ChartsConceptsActorsAndLinksIntoTheText) {
  const std::string html = DocumentReportHtml(
      DocumentOf(SourceDir() + "/samples/txt/ungdc_JPN_75_2020.txt"), ReportOptions{});
  EXPECT_NE(html.find("<svg class=\"chart radar\""), std::string::npos);
  EXPECT_NE(html.find("<svg class=\"chart bars\""), std::string::npos);
  for (const char* d : {">economic<", ">food<", ">political<"}) {
    EXPECT_NE(html.find(d), std::string::npos) << d;  // radar axes
  }
  EXPECT_NE(html.find("id=\"actors\""), std::string::npos);
  EXPECT_NE(html.find("id=\"passages\""), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  ExpectLinksResolve(html);
}

TEST(DocumentReport, PdfTextSplitByPage) {
  const std::string html = DocumentReportHtml(
      DocumentOf(SourceDir() + "/samples/pdf/running_heads.pdf"), ReportOptions{});
  EXPECT_NE(html.find("<div class=\"pm\" id=\"p1\">Page 1"), std::string::npos);
  EXPECT_NE(html.find("<div class=\"pm\" id=\"p2\">Page 2"), std::string::npos);
  EXPECT_LT(html.find("id=\"p1\""), html.find("id=\"p2\""));
}

// Matches in a reference list are faded as boilerplate's are, and say why.
TEST(DocumentReport, MatchesInAReferenceListAreFaded) {
  const std::string html = DocumentReportHtml(
      DocumentOf(SourceDir() + "/tests/data/references/report_with_references.txt"),
      ReportOptions{});
  const std::regex faded(
      "<mark class=\"c-actor e rf\"( id=\"m[0-9]+\")? "
      "title=\"actor.human_security_network \\(explicit\\)\nin a reference "
      "list\">");
  EXPECT_TRUE(std::regex_search(html, faded));
  // The body's mention is not faded.
  const std::regex body(
      "<mark class=\"c-actor e\"( id=\"m[0-9]+\")? "
      "title=\"actor.human_security_network \\(explicit\\)\">");
  EXPECT_TRUE(std::regex_search(html, body));
  // A citation in the list counts with the body's, and is not faded.
  const std::regex citation(
      "<mark class=\"c-citation e\"( id=\"m[0-9]+\")? "
      "title=\"citation.un_resolution \\(explicit\\)\">");
  EXPECT_TRUE(std::regex_search(html, citation));
  EXPECT_NE(html.find("Faded, counted apart: in a reference list."), std::string::npos);
  EXPECT_NE(html.find("mark.bp,mark.rf{opacity:.7}"), std::string::npos);
  // A document without one says nothing of it.
  const std::string plain = DocumentReportHtml(
      DocumentOf(SourceDir() + "/samples/txt/ungdc_JPN_75_2020.txt"), ReportOptions{});
  EXPECT_EQ(plain.find("Faded, counted apart"), std::string::npos);
  EXPECT_EQ(plain.find(" rf\""), std::string::npos);
}

TEST(DocumentReport, ADocumentInTwoLanguagesSaysTheWordsOfEach) {
  const Pipeline& p = DefaultPipeline();
  const std::string english =
      "<p>The government presented its report to the assembly, and the members of the "
      "committee discussed it with the ministers for most of the afternoon, as they do every "
      "year at this time, before they voted on the budget that was proposed.</p>";
  const std::string html =
      "<!DOCTYPE html><html><head><title>t</title></head><body>" + english + english +
      "<p lang=\"fr\">La sécurité humaine est une priorité.</p></body></html>";
  const AnalysisResult r = p.RunBytes(html, "mixed.html");
  const std::string page =
      DocumentReportHtml(DocumentJson(r, p, ToolJson(p), OutputOptions{true}), ReportOptions{});
  const std::regex row("<dt>Languages</dt><dd>en [0-9]+ words in 2 segments; fr 6 words in 1 "
                       "segment</dd>");
  EXPECT_TRUE(std::regex_search(page, row)) << Element(page, "header");
  // One language: no such row.
  const std::string plain = DocumentReportHtml(
      DocumentOf(SourceDir() + "/samples/txt/ungdc_JPN_75_2020.txt"), ReportOptions{});
  EXPECT_EQ(plain.find("<dt>Languages</dt>"), std::string::npos);
}

TEST(DocumentReport, JsonWithoutTextSaysSo) {
  const ordered_json doc =
      DocumentOf(SourceDir() + "/samples/txt/ungdc_JPN_75_2020.txt", /*with_text=*/false);
  const std::string html = DocumentReportHtml(doc, ReportOptions{});
  EXPECT_NE(html.find("does not carry the document"), std::string::npos);
  EXPECT_EQ(html.find("<mark"), std::string::npos);
  EXPECT_NE(html.find("<svg class=\"chart radar\""), std::string::npos);
}

TEST(ReportCli, DocumentAndItsJsonGiveTheSameReport) {
  const fs::path dir = Scratch();
  const std::string doc = SourceDir() + "/samples/txt/ungdc_THA_69_2014.txt";
  const fs::path json = dir / "doc.json";
  ASSERT_EQ(RunCommand(Quote(Binary()) + " analyze --emit-text " + Quote(doc) + " > " + Quote(json))
                .status,
            0);
  ASSERT_EQ(RunReport(Quote(doc), dir / "a.html"), 0);
  ASSERT_EQ(RunReport(Quote(json), dir / "b.html"), 0);
  // Equal but for the date the report was made.
  const std::regex date_re("<dt>Report made</dt><dd>[^<]*</dd>");
  EXPECT_EQ(std::regex_replace(ReadAll(dir / "a.html"), date_re, ""),
            std::regex_replace(ReadAll(dir / "b.html"), date_re, ""));
}

TEST(ReportCli, ComparisonSideBySide) {
  const fs::path dir = Scratch();
  const fs::path hostile = WriteHostileDocument(dir);
  const std::string a = SourceDir() + "/samples/txt/ungdc_JPN_75_2020.txt";
  ASSERT_EQ(RunReport(Quote(a) + " " + Quote(hostile), dir / "cmp.html"), 0);
  const std::string html = ReadAll(dir / "cmp.html");
  EXPECT_NE(html.find("ungdc_JPN_75_2020.txt"), std::string::npos);
  EXPECT_NE(html.find("&lt;i&gt;bold"), std::string::npos);
  EXPECT_EQ(html.find("<i>bold"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("Only in A"), std::string::npos);
  size_t radars = 0;
  for (size_t i = html.find("chart radar"); i != std::string::npos;
       i = html.find("chart radar", i + 1))
    ++radars;
  EXPECT_EQ(radars, 2u);
}

TEST(ReportCli, FailsClearlyOnBadInput) {
  const fs::path dir = Scratch();
  const fs::path bad = dir / "bad.json";
  {
    std::ofstream(bad)
        << R"({"schema":"hstag.document/1","errors":[{"stage":"read","message":"gone"}]})";
  }
  const auto r = RunCommand(Quote(Binary()) + " report " + Quote(bad) + " -o " +
                            Quote(dir / "x.html") + " 2>&1");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("bad.json"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("gone"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir / "x.html"));
}

TEST(ReportCli, IncompleteSummaryNamesTheFileAndThePart) {
  const fs::path dir = Scratch();
  const fs::path old = dir / "old.json";
  std::ofstream(old)
      << R"({"schema":"hstag.document/1","summary":{"annotations":0,"concepts":{}}})";
  const auto r = RunCommand(Quote(Binary()) + " report " + Quote(old) + " -o " +
                            Quote(dir / "x.html") + " 2>&1");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("old.json: summary.profile is missing"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("analyse the document again"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir / "x.html"));
}

// The legend, the filters and the chips name the codebook's sections, in its
// order, with its labels; a concept outside the codebook is "other".
TEST(DocumentReport, CategoriesAreTheCodebookSections) {
  const auto categories = report::Categories();
  ASSERT_EQ(categories.size(), std::size(codebook::kSections) + 1);
  for (size_t i = 0; i < std::size(codebook::kSections); ++i) {
    EXPECT_EQ(categories[i].id, codebook::kSections[i].id);
    EXPECT_EQ(categories[i].label, codebook::kSections[i].label);
  }
  EXPECT_EQ(categories.back().id, "other");
  EXPECT_EQ(report::CategoryOf("user.thing").id, "other");
  EXPECT_EQ(report::CategoryOf("dimension").label, "dimensions");
  const std::string html = DocumentReportHtml(
      DocumentOf(SourceDir() + "/samples/txt/ungdc_JPN_75_2020.txt"), ReportOptions{});
  EXPECT_NE(html.find("<label for=\"f-dimension\" class=\"c-dimension\">dimensions</label>"),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"chip c-dimension\"><span class=\"id\">dimension.economic"),
            std::string::npos);
  EXPECT_NE(html.find("mark.c-actor{border:1px solid;border-radius:3px"), std::string::npos);
}

// A line without a summary (a duplicate) has empty cells; the others show
// their summary's values.
TEST(CorpusIndex, LineWithoutSummaryHasEmptyCells) {
  const ordered_json doc = DocumentOf(SourceDir() + "/samples/txt/ungdc_JPN_75_2020.txt", false);
  IndexRow full{ordered_json::object(), "", "jpn.txt"};
  full.line["path"] = "jpn.txt";
  for (const char* key : {"source", "stats", "summary", "warnings", "errors"}) {
    full.line[key] = doc[key];
  }
  IndexRow duplicate{
      {{"path", "copy.txt"}, {"sha256", "x"}, {"duplicate_of", "jpn.txt"}}, "", "copy.txt"};
  const std::string html = CorpusIndexHtml({full, duplicate}, nullptr, ReportOptions{});
  const size_t row = html.find("<tr><td data-v=\"copy.txt\">");
  ASSERT_NE(row, std::string::npos);
  const std::string copy = html.substr(row, html.find("</tr>", row) - row);
  EXPECT_NE(copy.find("duplicate of jpn.txt"), std::string::npos);
  EXPECT_NE(copy.find("<td data-v=\"\"></td>"), std::string::npos) << copy;   // no orientation
  EXPECT_NE(copy.find("data-v=\"0.00\">-</td>"), std::string::npos) << copy;  // no density
  const size_t first = html.find("<tr><td data-v=\"jpn.txt\">");
  ASSERT_NE(first, std::string::npos);
  const std::string orientation =
      "<td data-v=\"" + doc["summary"]["profile"]["orientation"].get<std::string>() + "\">";
  EXPECT_NE(html.find(orientation, first), std::string::npos);
  EXPECT_NE(html.find("<button type=\"button\">hs.concept</button>"), std::string::npos);
}

TEST(BatchHtml, ReportsPerDocumentAndAnIndex) {
  const fs::path dir = Scratch();
  const fs::path in = dir / "in", out = dir / "out";
  fs::create_directories(in / "sub");
  fs::copy_file(SourceDir() + "/samples/txt/ungdc_JPN_75_2020.txt", in / "sub" / "jpn.txt");
  WriteHostileDocument(in);
  const auto r = RunCommand(Quote(Binary()) + " analyze -q -j 2 --format html --out " + Quote(out) +
                            " " + Quote(in) + " 2>&1");
  ASSERT_EQ(r.status, 0) << r.out;
  const fs::path report = out / "reports" / "sub" / "jpn.txt.html";
  ASSERT_TRUE(fs::exists(report));
  EXPECT_NE(ReadAll(report).find("<mark"), std::string::npos);
  // Without --emit-text the JSON stays as it was.
  const ordered_json saved = ordered_json::parse(ReadAll(out / "docs" / "sub" / "jpn.txt.json"));
  EXPECT_FALSE(saved.contains("text"));
  EXPECT_FALSE(saved.contains("segments"));
  const std::string index = ReadAll(out / "index.html");
  EXPECT_NE(index.find("href=\"reports/sub/jpn.txt.html\""), std::string::npos);
  EXPECT_NE(index.find("href=\"reports/%3Ci%3Ebold%20%22q%22%20%27a%27%20%3Cscript%3Ex.txt.html\""),
            std::string::npos);
  EXPECT_EQ(index.find("<i>bold"), std::string::npos);
  EXPECT_TRUE(fs::exists(out / "reports" / "<i>bold \"q\" 'a' <script>x.txt.html"));
  // Sortable columns: dimensions and concepts; one script, allowed by its hash.
  EXPECT_NE(index.find("<button type=\"button\">food</button>"), std::string::npos);
  EXPECT_NE(index.find("<button type=\"button\">hs.concept</button>"), std::string::npos);
  EXPECT_EQ(index.find("<script"), index.rfind("<script"));
  EXPECT_NE(index.find("script-src 'sha256-" + Sha256Base64(Element(index, "script")) + "'"),
            std::string::npos);
  // --format html needs --out.
  EXPECT_EQ(RunCommand(Quote(Binary()) + " analyze --format html " + Quote(in) + " 2>&1").status,
            1);
}

TEST(Size, LongPdfReportUnderTenMegabytesAndHundredThousandElements) {
  HSTAG_REQUIRE_CORPUS();
  const fs::path dir = Scratch();
  const fs::path pdf = fs::path(CorpusDir()) / "pdf" / "adb_food_security_asia_2013.pdf";
  ASSERT_TRUE(fs::exists(pdf));
  ASSERT_EQ(RunReport(Quote(pdf), dir / "adb.html"), 0);
  const std::string html = ReadAll(dir / "adb.html");
  EXPECT_LT(html.size(), 10u * 1000 * 1000);
  EXPECT_LT(CountStartTags(html), 100000u);
  EXPECT_NE(html.find("id=\"p131\""), std::string::npos);  // every page
  std::cout << "ADB report: " << html.size() << " bytes, " << CountStartTags(html) << " elements\n";
}

}  // namespace
}  // namespace hstag::testing
