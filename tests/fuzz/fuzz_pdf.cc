// SPDX-License-Identifier: GPL-3.0-or-later
//
// The PDF extractor (plugins/pdf): poppler-cpp's parser and our handling of
// what it returns (pages, labels, metadata, boilerplate detection), and OCR
// of the pages without text (auto), at a low resolution and with a small
// limit on a page's pixels, so that a page of any size costs little: a page
// over the limit fails the document before it is rendered.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const hstag::fuzz::Plugin pdf = hstag::fuzz::CreateBuiltin(
      "pdf", R"({"ocr": "auto", "ocr_dpi": 50, "ocr_max_pixels": 1000000})");
  hstag::fuzz::Extract(pdf, data, size, "input.pdf");
  return 0;
}
