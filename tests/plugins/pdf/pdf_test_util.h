// SPDX-License-Identifier: GPL-3.0-or-later
//
// Helpers of the PDF extractor tests: pipelines over the samples, stderr
// capture.
#ifndef HSTAG_TESTS_PDF_PDF_TEST_UTIL_H_
#define HSTAG_TESTS_PDF_PDF_TEST_UTIL_H_

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "test_support.h"

namespace hstag::testing {

inline std::string PdfSample(const std::string& name) {
  return SourceDir() + "/samples/pdf/" + name;
}

// The encrypted sample (user password `user`): test data, since it cannot
// be read without the password.
inline std::string EncryptedPdf() { return SourceDir() + "/tests/plugins/pdf/data/encrypted_user.pdf"; }

// PDFs broken on purpose (made by samples/pdf/make_samples.sh too).
inline std::string BrokenPdf(const std::string& name) {
  return SourceDir() + "/tests/plugins/pdf/data/broken/" + name;
}

// A pipeline with the built-in plugins and the one-concept test lexicon
// (tests/plugins/pdf/data/pdf_test.yaml), with `pdf_options` (a JSON object) for the
// PDF extractor, over OCR off (ocr_test.cc tests OCR).
inline std::unique_ptr<Pipeline> PdfPipeline(const std::string& pdf_options = "") {
  PipelineOptions o;
  o.builtins = BuiltinPlugins();
  o.lexicons = {SourceDir() + "/tests/plugins/pdf/data/pdf_test.yaml"};
  o.plugin_options.emplace_back("pdf", R"({"ocr": "off"})");
  if (!pdf_options.empty()) o.plugin_options.emplace_back("pdf", pdf_options);
  auto r = Pipeline::Create(o);
  if (!r.ok()) {
    ADD_FAILURE() << r.error();
    return nullptr;
  }
  return std::move(r).value();
}

// The pipeline without extra options, built once.
inline const Pipeline& SamplePipeline() {
  static const std::unique_ptr<Pipeline> p = PdfPipeline();
  if (!p) std::abort();
  return *p;
}

// Redirects file descriptor 2 to a temporary file while alive; Take() gives
// what was written.
class StderrCapture {
 public:
  StderrCapture() {
    std::fflush(stderr);
    file_ = std::tmpfile();
    saved_ = ::dup(2);
    ::dup2(::fileno(file_), 2);
  }
  ~StderrCapture() { Restore(); }
  std::string Take() {
    Restore();
    std::string out;
    std::rewind(file_);
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, file_)) > 0) out.append(buf, n);
    return out;
  }

 private:
  void Restore() {
    if (saved_ < 0) return;
    std::fflush(stderr);
    ::dup2(saved_, 2);
    ::close(saved_);
    saved_ = -1;
  }
  std::FILE* file_ = nullptr;
  int saved_ = -1;
};

inline bool HasWarning(const Document& d, const std::string& part) {
  for (const auto& w : d.warnings) {
    if (w.message.find(part) != std::string::npos) return true;
  }
  return false;
}

inline std::string Messages(const Document& d) {
  std::string s;
  for (const auto& w : d.warnings) s += "warning: " + w.message + "\n";
  for (const auto& e : d.errors) s += "error: " + e.message + "\n";
  return s;
}

}  // namespace hstag::testing

#endif  // HSTAG_TESTS_PDF_PDF_TEST_UTIL_H_
