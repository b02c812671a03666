// SPDX-License-Identifier: GPL-3.0-or-later
//
// The PDF extractor over the shared corpus (../shared/corpus/pdf). Every test
// here skips when the corpus is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "pdf_test_util.h"

namespace fs = std::filesystem;

namespace hstag::testing {
namespace {

std::string PdfCorpus() { return CorpusDir() + "/pdf"; }

std::vector<std::string> CorpusPdfs() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(PdfCorpus(), ec)) {
    if (e.path().extension() == ".pdf") out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The three corpus PDFs whose pages are images only (pdftotext finds no text).
const std::set<std::string> kNoText = {"usdos_hiu_cgb_15-gaza-strip-and-west-bank-1994.pdf",
                                       "usdos_hiu_cgb_37-taiwan-2020.pdf",
                                       "usdos_hiu_cgb_38-morocco-western-sahara-2020.pdf"};

TEST(PdfCorpus, EveryPdfThroughThePipeline) {
  HSTAG_REQUIRE_CORPUS();
  const auto files = CorpusPdfs();
  ASSERT_GE(files.size(), 25u);
  StderrCapture capture;
  std::map<std::string, std::string> silent;  // no annotation, warning or error
  for (const auto& f : files) {
    const AnalysisResult r = DefaultPipeline().Run(PdfCorpus() + "/" + f, f);
    EXPECT_EQ(r.doc.format, "pdf") << f;
    if (r.annotations.empty() && r.doc.warnings.empty() && r.doc.errors.empty()) {
      silent[f] = "";
    }
    if (kNoText.count(f)) continue;
    EXPECT_FALSE(r.failed()) << f << ": " << Messages(r.doc);
    EXPECT_FALSE(r.annotations.empty()) << f << ": " << Messages(r.doc);
  }
  EXPECT_EQ(capture.Take(), "");
  EXPECT_TRUE(silent.empty()) << silent.begin()->first;
}

TEST(PdfCorpus, ScannedPdfsSayTheyHaveNoText) {
  HSTAG_REQUIRE_CORPUS();
  for (const auto& f : kNoText) {
    const Document d = DefaultPipeline().Extract(PdfCorpus() + "/" + f, f);
    EXPECT_TRUE(d.errors.empty()) << f << ": " << Messages(d);
    EXPECT_TRUE(HasWarning(d, "no extractable text on ")) << f << ": " << Messages(d);
    EXPECT_TRUE(HasWarning(d, "a scanned document needs OCR first")) << f;
    EXPECT_GT(d.pages, 0u) << f;
  }
}

// Pages whose boilerplate segments contain `line`.
std::set<uint32_t> PagesWithBoilerplate(const Document& d, const std::string& line) {
  std::set<uint32_t> pages;
  for (const auto& s : d.segments) {
    if (s.boilerplate && d.text.substr(s.start, s.end - s.start).find(line) != std::string::npos) {
      pages.insert(s.page);
    }
  }
  return pages;
}

// The printed page numbers in the footers, against the physical page number
// of the segment that holds them: one constant offset (front matter) for
// the whole document shows that every segment is on its right page.
void ExpectPrintedNumbers(const Document& d, int offset, size_t at_least) {
  size_t seen = 0;
  const std::regex number(R"((?:^|\n)(\d{1,4})(?:\n|$))");
  for (const auto& s : d.segments) {
    if (!s.boilerplate) continue;
    const std::string t = d.text.substr(s.start, s.end - s.start);
    for (std::sregex_iterator it(t.begin(), t.end(), number), end; it != end; ++it) {
      EXPECT_EQ(std::stoi((*it)[1]), static_cast<int>(s.page) + offset)
          << d.path << " page " << s.page << ": " << t;
      ++seen;
    }
  }
  EXPECT_GE(seen, at_least) << d.path;
}

TEST(PdfCorpus, RunningHeadersOfTheEcpatReport) {
  HSTAG_REQUIRE_CORPUS();
  const std::string f = "ecpat_child_sexual_exploitation_2006.pdf";
  const Document d = DefaultPipeline().Extract(PdfCorpus() + "/" + f, f);
  ASSERT_TRUE(d.errors.empty()) << Messages(d);
  EXPECT_EQ(d.pages, 56u);
  // Alternating running heads: the publisher on one side, the title on the other.
  EXPECT_GE(PagesWithBoilerplate(d, "ECPAT UK").size(), 25u);
  EXPECT_GE(PagesWithBoilerplate(d, "The end of the line for child exploitation").size(), 25u);
  // Printed page numbers are the physical ones.
  ExpectPrintedNumbers(d, 0, 40);
}

TEST(PdfCorpus, RunningHeadersOfTheNutritionReport) {
  HSTAG_REQUIRE_CORPUS();
  const std::string f = "unscn_progress_nutrition_2010.pdf";
  const Document d = DefaultPipeline().Extract(PdfCorpus() + "/" + f, f);
  ASSERT_TRUE(d.errors.empty()) << Messages(d);
  EXPECT_EQ(d.pages, 134u);
  EXPECT_GE(PagesWithBoilerplate(d, "Sixth report on the world nutrition situation").size(), 60u);
  EXPECT_GE(PagesWithBoilerplate(d, "United Nations System \u2022 Standing Committee on Nutrition")
                .size(),
            60u);
  // Printed numbers run two behind the physical pages (cover and inside cover).
  ExpectPrintedNumbers(d, -2, 60);
  // Poppler's 210 complaints about font weights are one warning.
  size_t poppler = 0;
  for (const auto& w : d.warnings) {
    if (w.message.rfind("PDF problem (recovered): ", 0) == 0) ++poppler;
  }
  EXPECT_EQ(poppler, 1u) << Messages(d);
}

TEST(PdfCorpus, AnnotationsCarryThePageOfTheirText) {
  HSTAG_REQUIRE_CORPUS();
  const std::string f = "fao_food_agriculture_2030_2014.pdf";
  const AnalysisResult r = DefaultPipeline().Run(PdfCorpus() + "/" + f, f);
  ASSERT_FALSE(r.failed()) << Messages(r.doc);
  ASSERT_FALSE(r.annotations.empty());
  // The page of an annotation is the number of form feeds before it, plus one.
  for (const auto& a : r.annotations) {
    const auto feeds = std::count(r.doc.text.begin(), r.doc.text.begin() + a.start, '\f');
    ASSERT_EQ(r.doc.segments[a.segment].page, static_cast<uint32_t>(feeds + 1)) << a.start;
  }
  ExpectPrintedNumbers(r.doc, -12, 80);
}

TEST(PdfCorpus, DamagedCorpusPdfWarnsOncePerKindOfProblem) {
  HSTAG_REQUIRE_CORPUS();
  const std::string f = "unep_state_of_env_se_asia_2004.pdf";
  const Document d = DefaultPipeline().Extract(PdfCorpus() + "/" + f, f);
  ASSERT_TRUE(d.errors.empty()) << Messages(d);
  size_t poppler = 0;
  bool summed_up = false;
  for (const auto& w : d.warnings) {
    if (w.message.rfind("PDF problem (recovered): ", 0) == 0) ++poppler;
    if (w.message.find("more message(s) from Poppler") != std::string::npos) summed_up = true;
  }
  // About 900 messages from Poppler: at most 8 shown, the rest summed up.
  EXPECT_LE(poppler, 8u);
  EXPECT_TRUE(summed_up) << Messages(d);
  EXPECT_TRUE(HasWarning(d, "Bad block header in flate stream")) << Messages(d);
}

}  // namespace
}  // namespace hstag::testing
