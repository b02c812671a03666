// SPDX-License-Identifier: GPL-3.0-or-later
//
// The text extractor (plugins/text): charset detection, BOMs, UTF-16
// without a BOM, legacy 8-bit encodings, repair of ill-formed UTF-8.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const hstag::fuzz::Plugin text = hstag::fuzz::CreateBuiltin("text", "{}");
  hstag::fuzz::Extract(text, data, size, "input.txt");
  return 0;
}
