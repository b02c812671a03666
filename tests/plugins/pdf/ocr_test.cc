// SPDX-License-Identifier: GPL-3.0-or-later
//
// OCR of scanned pages (plugins/pdf/ocr.h), over the scanned samples
// (samples/pdf/scanned.pdf: one image-only page; scanned_mixed.pdf: the same
// page with its text layer, then scanned). ctest label `ocr`.
#include <dirent.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "hstag/writer.h"
#include "ocr.h"
#include "pdf_test_util.h"

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace hstag::testing {
namespace {

// A pipeline with the shipped lexicons and these PDF options.
std::unique_ptr<Pipeline> FullPipeline(const std::string& pdf_options) {
  PipelineOptions o;
  o.builtins = BuiltinPlugins();
  o.plugin_options.emplace_back("pdf", pdf_options);
  auto r = Pipeline::Create(o);
  if (!r.ok()) {
    ADD_FAILURE() << r.error();
    return nullptr;
  }
  return std::move(r).value();
}

// Annotations of the concepts the accuracy goal names, by concept, on `page`
// (0: every page).
std::map<std::string, size_t> Targets(const AnalysisResult& r, uint32_t page = 0) {
  std::map<std::string, size_t> n;
  for (const auto& a : r.annotations) {
    if (page && r.doc.segments[a.segment].page != page) continue;
    if (a.concept_id == "hs.concept" || a.concept_id.starts_with("pillar.freedom_")) {
      ++n[a.concept_id];
    }
  }
  return n;
}

size_t Threads() {
  size_t n = 0;
  for (const auto& e : fs::directory_iterator("/proc/self/task")) n += e.is_directory();
  return n;
}

json DocumentOf(const AnalysisResult& r, const Pipeline& p, bool emit_text) {
  return json::parse(DocumentJson(r, p, ToolJson(p), OutputOptions{emit_text}).dump());
}

TEST(OcrLanguages, HstagCodesMapToTesseractNames) {
  const auto langs = pdf::ParseOcrLanguages("en+fr+zh");
  ASSERT_EQ(langs.size(), 3u);
  EXPECT_EQ(langs[0].tessdata, "eng");
  EXPECT_EQ(langs[1].tessdata, "fra");
  EXPECT_EQ(langs[2].tessdata, "chi_sim");
  EXPECT_EQ(pdf::ParseOcrLanguages("de+deu").size(), 1u);  // the same language once
  try {
    pdf::ParseOcrLanguages("en+xx");
    FAIL() << "xx accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("`xx` is not one hstag knows"), std::string::npos)
        << e.what();
  }
  EXPECT_EQ(pdf::NonSpaceCharacters(" a\u00e9 \n b\f"), 3u);
}

TEST(OcrOptions, BadValuesStopThePipelineNamingThem) {
  for (const auto& [options, says] :
       std::map<std::string, std::string>{{R"({"ocr": "maybe"})", "`maybe` is not one of auto"},
                                          {R"({"ocr_lang": "klingon"})", "`klingon`"},
                                          {R"({"ocr_dpi": 5000})", "5000 is not between 50"}}) {
    PipelineOptions o;
    o.builtins = BuiltinPlugins();
    o.extract_only = true;
    o.plugin_options.emplace_back("pdf", options);
    auto r = Pipeline::Create(o);
    ASSERT_FALSE(r.ok()) << options;
    EXPECT_NE(r.error().find(says), std::string::npos) << r.error();
  }
}

// The scanned page: OCR'd by default (auto), its segments and the document
// saying so, the confidence recorded, what the text version finds found, a
// word hyphenated at a line end joined as in a text PDF; nothing on stderr.
TEST(Ocr, AScannedPageIsReadByDefault) {
  const auto p = FullPipeline("{}");
  ASSERT_TRUE(p);
  StderrCapture capture;
  const AnalysisResult scan = p->Run(PdfSample("scanned.pdf"), "scanned.pdf");
  const AnalysisResult mixed = p->Run(PdfSample("scanned_mixed.pdf"), "scanned_mixed.pdf");
  EXPECT_EQ(capture.Take(), "");
  ASSERT_FALSE(scan.failed()) << Messages(scan.doc);
  EXPECT_EQ(scan.doc.text_origin, "ocr");
  ASSERT_FALSE(scan.doc.segments.empty());
  for (const auto& s : scan.doc.segments) {
    EXPECT_EQ(s.origin, "ocr");
    EXPECT_GE(s.ocr_confidence, 60);
    EXPECT_LE(s.ocr_confidence, 100);
  }
  EXPECT_NE(scan.doc.text.find("General Assembly"), std::string::npos) << scan.doc.text;
  EXPECT_TRUE(scan.doc.warnings.empty()) << Messages(scan.doc);

  // Page 1 has a text layer (read from it), page 2 is its scan (OCR'd).
  ASSERT_FALSE(mixed.failed()) << Messages(mixed.doc);
  EXPECT_EQ(mixed.doc.text_origin, "mixed");
  for (const auto& s : mixed.doc.segments) {
    EXPECT_EQ(s.origin, s.page == 1 ? "text" : "ocr");
    EXPECT_EQ(s.ocr_confidence >= 0, s.page == 2);
  }
  const auto text = Targets(mixed, 1), ocr = Targets(mixed, 2);
  EXPECT_EQ(text.at("hs.concept"), 3u);  // one of them "se-\ncurity" in the scan
  EXPECT_EQ(ocr, text);
  EXPECT_EQ(Targets(scan), text);

  // The output: origin on segments (with --emit-text), the OCR'd pages and
  // their confidence in source.ocr_pages.
  const json d = DocumentOf(mixed, *p, true);
  EXPECT_EQ(d["source"]["text_origin"], "mixed");
  ASSERT_EQ(d["source"]["ocr_pages"].size(), 1u);
  EXPECT_EQ(d["source"]["ocr_pages"][0]["page"], 2);
  EXPECT_EQ(d["source"]["ocr_pages"][0]["ocr_confidence"],
            mixed.doc.segments.back().ocr_confidence);
  EXPECT_EQ(d["segments"][0]["origin"], "text");
  EXPECT_FALSE(d["segments"][0].contains("ocr_confidence"));
  EXPECT_EQ(d["segments"].back()["origin"], "ocr");
}

// off: nothing is OCR'd, the page says it has no text; force: every page is,
// the text layer too.
TEST(Ocr, OffAndForce) {
  const auto off = FullPipeline(R"({"ocr": "off"})");
  const auto force = FullPipeline(R"({"ocr": "force"})");
  ASSERT_TRUE(off && force);
  const Document none = off->Extract(PdfSample("scanned.pdf"), "scanned.pdf");
  EXPECT_EQ(none.text, "");
  EXPECT_EQ(none.text_origin, "");
  EXPECT_TRUE(HasWarning(none, "a scanned document needs OCR first (--ocr auto)"))
      << Messages(none);
  for (const auto& s : none.segments) EXPECT_EQ(s.ocr_confidence, -1);
  AnalysisResult as_result;
  as_result.doc = none;
  const json d = DocumentOf(as_result, *off, false);
  EXPECT_FALSE(d["source"].contains("ocr_pages"));

  const Document all = force->Extract(PdfSample("scanned_mixed.pdf"), "scanned_mixed.pdf");
  EXPECT_EQ(all.text_origin, "ocr");
  for (const auto& s : all.segments) EXPECT_EQ(s.origin, "ocr");
}

// A blank page is not given to OCR: it has no text, with a warning.
TEST(Ocr, BlankPagesAreNotRecognized) {
  const auto p = FullPipeline(R"({"ocr": "force"})");
  ASSERT_TRUE(p);
  const Document d = p->Extract(PdfSample("blank_pages.pdf"), "blank_pages.pdf");
  ASSERT_FALSE(d.segments.empty());
  std::map<uint32_t, std::string> origin;
  for (const auto& s : d.segments) origin[s.page] = s.origin;
  EXPECT_EQ(origin[1], "ocr");
  EXPECT_EQ(origin[3], "ocr");
  // Page 2 holds a drawing: not blank, OCR'd, and it finds no text.
  EXPECT_TRUE(HasWarning(d, "no extractable text on page 2, by its text layer or by OCR"))
      << Messages(d);
}

// The language of the scans must be installed: a document that needs a
// missing one fails, naming the language and the package, before Tesseract
// starts (and prints nothing).
TEST(Ocr, AMissingLanguageFailsTheDocumentNamingThePackage) {
  const fs::path dir = fs::temp_directory_path() / ("hstag-tessdata-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::create_symlink(fs::path(pdf::TessdataDir()) / "eng.traineddata", dir / "eng.traineddata");
  const char* old = std::getenv("TESSDATA_PREFIX");
  const std::string saved = old ? old : "";
  ::setenv("TESSDATA_PREFIX", dir.c_str(), 1);
  const auto p = FullPipeline(R"({"ocr_lang": "en+fr"})");
  ASSERT_TRUE(p);
  StderrCapture capture;
  const Document d = p->Extract(PdfSample("scanned.pdf"), "scanned.pdf");
  const Document text = p->Extract(PdfSample("running_heads.pdf"), "running_heads.pdf");
  // A damaged language file: Tesseract would go on without the language.
  std::ofstream(dir / "fra.traineddata") << "not a traineddata file\n";
  const Document damaged = p->Extract(PdfSample("scanned.pdf"), "scanned.pdf");
  EXPECT_EQ(capture.Take(), "");
  old ? ::setenv("TESSDATA_PREFIX", saved.c_str(), 1) : ::unsetenv("TESSDATA_PREFIX");
  fs::remove_all(dir);
  ASSERT_EQ(d.errors.size(), 1u) << Messages(d);
  EXPECT_EQ(d.errors[0].message,
            "OCR language fr is not installed: fra.traineddata is not in " + dir.string() +
                " (install the Debian package tesseract-ocr-fra, or choose another language "
                "with --ocr-lang)");
  EXPECT_TRUE(text.errors.empty()) << Messages(text);  // a text layer needs no OCR
  ASSERT_EQ(damaged.errors.size(), 1u) << Messages(damaged);
  EXPECT_EQ(damaged.errors[0].message, "OCR language fr cannot be loaded from " + dir.string() +
                                           "/fra.traineddata (damaged? reinstall its Debian "
                                           "package)");
}

// The rendered size of a page is limited before it is rendered.
TEST(Ocr, APageTooLargeToRenderFailsBeforeTheWork) {
  const auto p = FullPipeline(R"({"ocr_max_pixels": 1000000})");
  ASSERT_TRUE(p);
  const auto start = std::chrono::steady_clock::now();
  const Document d = p->Extract(PdfSample("scanned.pdf"), "scanned.pdf");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_NE(d.errors[0].message.find("OCR: page 1 is 61"), std::string::npos)
      << d.errors[0].message;
  EXPECT_NE(d.errors[0].message.find("pixels, over the limit of 1000000 pixels a page"),
            std::string::npos)
      << d.errors[0].message;
}

// Tesseract's OpenMP threads are off: OCR starts no thread (libgomp keeps
// the threads of a parallel region alive in its pool, so they would stay).
TEST(Ocr, RunsOnTheCallingThreadOnly) {
  if (std::getenv("OMP_THREAD_LIMIT")) GTEST_SKIP() << "OMP_THREAD_LIMIT is set";
  const auto p = FullPipeline(R"({"ocr": "force"})");
  ASSERT_TRUE(p);
  const size_t before = Threads();
  const Document d = p->Extract(PdfSample("scanned.pdf"), "scanned.pdf");
  EXPECT_EQ(d.text_origin, "ocr");
  EXPECT_EQ(Threads(), before);
}

// In a batch, a document's time limit grows by 15 s for each page it OCRs:
// a scanned page passes a --doc-timeout far shorter than its OCR.
TEST(Ocr, TheTimeLimitGrowsWithTheOcrdPages) {
  const fs::path out =
      fs::temp_directory_path() / ("hstag-ocr-batch-" + std::to_string(::getpid()));
  fs::remove_all(out);
  const auto r =
      RunCommand(std::string(HSTAG_BINARY) + " analyze " + Quote(PdfSample("scanned.pdf")) +
                 " --out " + Quote(out) + " --doc-timeout 0.2 --jobs 1 --quiet 2>&1");
  EXPECT_EQ(r.status, 0) << r.out;
  const json d = json::parse(ReadAll(out / "docs" / "scanned.pdf.json"));
  EXPECT_EQ(d["errors"], json::array());
  EXPECT_EQ(d["source"]["text_origin"], "ocr");
  // (The limit itself, and that it grows by what is asked only:
  // tests/batch/worker_pool_test.cc.)
  fs::remove_all(out);
}

}  // namespace
}  // namespace hstag::testing
