// SPDX-License-Identifier: GPL-3.0-or-later
//
// OCR accuracy: a scanned copy of a document finds at least 97% of what its
// text version finds, for hs.concept and the three freedoms. The document,
// tests/plugins/pdf/data/ocr/ocr_accuracy.ms (three pages, over 100 target
// mentions), is typeset with groff, then scanned by samples/pdf/make_scan.sh
// (300 dpi, seeded noise, turned by 1 degree, image-only PDF by img2pdf),
// here at test time into the build tree (once; about 15 MB). Needs groff,
// poppler-utils, imagemagick and img2pdf (scripts/setup.sh installs them).
// ctest labels `ocr;slow`: a minute or so on one core.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

#include "pdf_test_util.h"

namespace fs = std::filesystem;

namespace hstag::testing {
namespace {

std::map<std::string, size_t> Targets(const AnalysisResult& r) {
  std::map<std::string, size_t> n;
  for (const auto& a : r.annotations) {
    if (a.concept_id == "hs.concept" || a.concept_id.starts_with("pillar.freedom_")) {
      ++n[a.concept_id];
    }
  }
  return n;
}

TEST(OcrAccuracy, AScanFindsWhatItsTextFinds) {
  const fs::path dir = fs::path(HSTAG_OCR_WORK_DIR);
  fs::create_directories(dir);
  const fs::path text = dir / "ocr_accuracy.pdf", scan = dir / "ocr_accuracy_scan.pdf";
  const std::string source = SourceDir() + "/tests/plugins/pdf/data/ocr/ocr_accuracy.ms";
  if (!fs::exists(scan) || fs::last_write_time(scan) < fs::last_write_time(source)) {
    const auto made =
        RunCommand("groff -ms -Tpdf " + Quote(source) + " > " + Quote(text) + " && sh " +
                   Quote(SourceDir() + "/samples/pdf/make_scan.sh") + " " + Quote(text) + " " +
                   Quote(scan.string() + ".tmp") + " 300 1 png 2>&1 && mv " +
                   Quote(scan.string() + ".tmp") + " " + Quote(scan));
    ASSERT_EQ(made.status, 0) << "making the scan (scripts/setup.sh installs groff, "
                                 "poppler-utils, imagemagick and img2pdf): "
                              << made.out;
  }

  PipelineOptions o;
  o.builtins = BuiltinPlugins();
  o.plugin_options.emplace_back("pdf", R"({"ocr": "auto"})");
  auto p = Pipeline::Create(o);
  ASSERT_TRUE(p.ok()) << p.error();
  const AnalysisResult t = (*p)->Run(text, "ocr_accuracy.pdf");
  const auto start = std::chrono::steady_clock::now();
  const AnalysisResult s = (*p)->Run(scan, "ocr_accuracy_scan.pdf");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_FALSE(t.failed()) << Messages(t.doc);
  ASSERT_FALSE(s.failed()) << Messages(s.doc);
  EXPECT_EQ(t.doc.text_origin, "");
  EXPECT_EQ(s.doc.text_origin, "ocr");

  const auto want = Targets(t), got = Targets(s);
  size_t total_want = 0, total_got = 0;
  std::string table;
  for (const auto& [concept_id, n] : want) {
    const size_t g = got.count(concept_id) ? got.at(concept_id) : 0;
    total_want += n;
    total_got += std::min(g, n);
    table +=
        "  " + concept_id + ": text " + std::to_string(n) + ", scan " + std::to_string(g) + "\n";
    EXPECT_GE(g * 100, n * 97) << concept_id;
    EXPECT_LE(g, n) << concept_id << ": the scan finds more than the text";
  }
  EXPECT_GE(total_want, 100u);
  EXPECT_EQ(want.size(), 4u);
  EXPECT_GE(total_got * 100, total_want * 97);
  int confidence = 100;
  for (const auto& seg : s.doc.segments) confidence = std::min(confidence, seg.ocr_confidence);
  std::printf(
      "OCR accuracy: %zu of %zu target mentions (%.1f%%), %u pages in %.1f s, lowest page "
      "confidence %d\n%s",
      total_got, total_want, 100.0 * total_got / std::max<size_t>(total_want, 1), s.doc.pages,
      seconds, confidence, table.c_str());
}

}  // namespace
}  // namespace hstag::testing
