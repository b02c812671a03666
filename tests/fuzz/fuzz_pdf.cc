// SPDX-License-Identifier: GPL-3.0-or-later
//
// The PDF extractor (plugins/pdf): poppler-cpp's parser and our handling of
// what it returns (pages, labels, metadata, boilerplate detection).
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const hstag::fuzz::Plugin pdf = hstag::fuzz::CreateBuiltin("pdf", "{}");
  hstag::fuzz::Extract(pdf, data, size, "input.pdf");
  return 0;
}
