// SPDX-License-Identifier: GPL-3.0-or-later
//
// The reports in a real browser: headless Chromium renders them, dumps the
// DOM after load and takes a screenshot. Checks that the charts, highlights
// and legend are in the DOM, that no script from a document's text ran, that
// the policy blocked nothing of the page's own, and that the index's own
// script ran. Skips when chromium is not installed (scripts/setup.sh
// installs it).
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <string>

#include "report_fixture.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace hstag::testing {
namespace {

bool HaveChromium() { return RunCommand("command -v chromium >/dev/null 2>&1").status == 0; }

#define REQUIRE_CHROMIUM()                                                                        \
  do {                                                                                            \
    if (!HaveChromium()) GTEST_SKIP() << "chromium not installed (scripts/setup.sh installs it)"; \
  } while (0)

struct Browser {
  int status = -1;
  std::string dom;  // --dump-dom
  std::string log;  // stderr with the console's messages
};

// Runs headless Chromium on `page` with a fresh profile, never longer than
// two minutes: the DOM after load, and a screenshot into `png` when given.
// `fragment` ("#...") is added to the page's address for the DOM.
Browser Chromium(const fs::path& page, const fs::path& work, const fs::path& png = {},
                 const std::string& fragment = "") {
  static int runs = 0;
  const fs::path profile = work / ("profile" + std::to_string(++runs));
  fs::create_directories(profile);
  const std::string common =
      "timeout -k 10 120 chromium --headless --no-sandbox --disable-gpu --disable-quic "
      "--disable-background-networking --disable-component-update --disable-sync --no-first-run "
      "--disable-default-apps --enable-logging=stderr --v=0 --user-data-dir=" +
      Quote(profile) + " ";
  const fs::path err = work / ("stderr" + std::to_string(runs) + ".txt");
  Browser b;
  const auto r =
      RunCommand(common + "--dump-dom " +
                 Quote("file://" + fs::absolute(page).string() + fragment) + " 2>" + Quote(err));
  b.status = r.status;
  b.dom = r.out;
  b.log = ReadAll(err);
  if (!png.empty()) {
    const fs::path profile2 = work / ("profile" + std::to_string(++runs));
    RunCommand(
        "timeout -k 10 120 chromium --headless --no-sandbox --disable-gpu --disable-quic "
        "--disable-background-networking --disable-component-update --disable-sync "
        "--no-first-run --user-data-dir=" +
        Quote(profile2) + " --screenshot=" + Quote(png) + " --window-size=1280,2000 " +
        Quote("file://" + fs::absolute(page).string()) + " >/dev/null 2>&1");
  }
  fs::remove_all(profile);
  return b;
}

// Where the screenshots stay for a person to look at: the build folder's
// report-screenshots/.
fs::path ScreenshotDir() {
  const fs::path dir = fs::path(Binary()).parent_path().parent_path() / "report-screenshots";
  std::error_code ec;
  fs::create_directories(dir, ec);
  return ec ? fs::path(::testing::TempDir()) : dir;
}

void ExpectNoPolicyViolation(const Browser& b) {
  EXPECT_EQ(b.log.find("Content Security Policy"), std::string::npos) << b.log;
  EXPECT_EQ(b.log.find("Refused to"), std::string::npos) << b.log;
}

// `hstag report input` rendered in the browser, with a screenshot
// `screenshot` (a file name) in ScreenshotDir(). Expects what every report
// has: the radar, highlights, the legend, and nothing the policy blocked.
Browser ReportInBrowser(const fs::path& input, const fs::path& dir, const std::string& screenshot) {
  Browser b;
  const int status = RunReport(Quote(input), dir / "report.html");
  EXPECT_EQ(status, 0) << input;
  if (status != 0) return b;
  const fs::path png = ScreenshotDir() / screenshot;
  b = Chromium(dir / "report.html", dir, png);
  EXPECT_EQ(b.status, 0) << b.log;
  EXPECT_NE(b.dom.find("</html>"), std::string::npos) << b.dom.substr(0, 500);
  EXPECT_NE(b.dom.find("<svg class=\"chart radar\""), std::string::npos);
  EXPECT_NE(b.dom.find("<svg class=\"chart bars\""), std::string::npos);
  EXPECT_NE(b.dom.find("<mark class=\"c-"), std::string::npos);
  EXPECT_NE(b.dom.find("<div class=\"legend\""), std::string::npos);
  EXPECT_NE(b.dom.find("<label for=\"f-dimension\""), std::string::npos);
  ExpectNoPolicyViolation(b);
  EXPECT_TRUE(fs::exists(png));
  std::cout << "screenshot: " << png.string() << "\n";
  return b;
}

TEST(Browser, HostileDocumentReport) {
  REQUIRE_CHROMIUM();
  const fs::path dir = Scratch();
  const Browser b = ReportInBrowser(WriteHostileDocument(dir), dir, "hostile.png");
  ASSERT_FALSE(HasFailure());
  // The page as written: its title, no element from the text's script or markup.
  EXPECT_NE(b.dom.find("<title>hstag report: &lt;i&gt;bold"), std::string::npos);
  EXPECT_EQ(b.dom.find("<title>pwned"), std::string::npos);
  EXPECT_EQ(b.dom.find("id=\"pwned\""), std::string::npos);
  EXPECT_EQ(b.dom.find("<script"), std::string::npos);
  EXPECT_EQ(b.dom.find("<img"), std::string::npos);
  EXPECT_EQ(b.dom.find("<i>bold"), std::string::npos);
  EXPECT_EQ(b.dom.find("<a href=\"javascript:"), std::string::npos);  // as text it may stay
  EXPECT_NE(b.dom.find("&lt;script&gt;document.title='pwned'"), std::string::npos);
  EXPECT_NE(b.dom.find("&lt;/style&gt;&lt;style&gt;body{display:none}"), std::string::npos);
  EXPECT_NE(b.dom.find("<mark class=\"c-concept e\""), std::string::npos);
}

TEST(Browser, InfoSheetReport) {
  REQUIRE_CHROMIUM();
  const fs::path sheet =
      fs::path(SourceDir()) / ".." / "shared" / "reference" / "ccoe-human-security-info-sheet.txt";
  const fs::path input =
      fs::exists(sheet) ? sheet : fs::path(SourceDir()) / "samples/txt/ungdc_JPN_75_2020.txt";
  const fs::path dir = Scratch();
  const Browser b = ReportInBrowser(input, dir, "info-sheet.png");
  EXPECT_NE(b.dom.find("id=\"passages\""), std::string::npos);
}

TEST(Browser, IndexScriptRunsUnderThePolicy) {
  REQUIRE_CHROMIUM();
  const fs::path dir = Scratch();
  const fs::path in = dir / "in", out = dir / "out";
  fs::create_directories(in);
  fs::copy_file(fs::path(SourceDir()) / "samples/txt/ungdc_JPN_75_2020.txt", in / "jpn.txt");
  WriteHostileDocument(in);
  ASSERT_EQ(RunCommand(Quote(Binary()) + " analyze -q -j 1 --format html --out " + Quote(out) +
                       " " + Quote(in) + " 2>&1")
                .status,
            0);
  const Browser b = Chromium(out / "index.html", dir, ScreenshotDir() / "index.png");
  ASSERT_EQ(b.status, 0) << b.log;
  EXPECT_NE(b.dom.find("class=\"index sortable\""), std::string::npos);  // our script ran
  EXPECT_EQ(b.dom.find("id=\"pwned\""), std::string::npos);
  EXPECT_NE(b.dom.find("href=\"reports/jpn.txt.html\""), std::string::npos);
  ExpectNoPolicyViolation(b);
  // In the walk's order the hostile document comes first; sorted by words
  // ("#sort=Words", largest first) the longer speech does.
  const std::string hostile = "href=\"reports/%3Ci", jpn = "href=\"reports/jpn.txt.html\"";
  EXPECT_LT(b.dom.find(hostile), b.dom.find(jpn));
  const Browser sorted = Chromium(out / "index.html", dir, {}, "#sort=Words");
  ASSERT_EQ(sorted.status, 0) << sorted.log;
  EXPECT_LT(sorted.dom.find(jpn), sorted.dom.find(hostile));
  EXPECT_NE(sorted.dom.find("aria-sort=\"descending\""), std::string::npos);
}

TEST(Browser, LongPdfReportElementCount) {
  REQUIRE_CHROMIUM();
  HSTAG_REQUIRE_CORPUS();
  const fs::path dir = Scratch();
  const Browser b =
      ReportInBrowser(fs::path(CorpusDir()) / "pdf" / "adb_food_security_asia_2013.pdf", dir,
                      "adb-food-security.png");
  ASSERT_FALSE(HasFailure());
  const size_t elements = CountStartTags(b.dom);
  EXPECT_GT(elements, 1000u);
  EXPECT_LT(elements, 100000u);
  EXPECT_NE(b.dom.find("id=\"p131\""), std::string::npos);
  std::cout << "ADB report in the browser: " << elements << " elements\n";
}

}  // namespace
}  // namespace hstag::testing
