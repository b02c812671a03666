// SPDX-License-Identifier: GPL-3.0-or-later
//
// The HTML extractor (plugins/html): the first input byte picks its options
// (boilerplate marking on or off) and the file's name (.html, or none, so
// that the charset and nesting checks run on pages of any extension), the
// rest is the page.
#include <array>
#include <string>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto extractors = [] {
    std::array<hstag::fuzz::Plugin, 2> p;
    p[0] = hstag::fuzz::CreateBuiltin("html", "{}");
    p[1] = hstag::fuzz::CreateBuiltin("html", "{\"boilerplate\": false}");
    return p;
  }();
  if (size == 0) return 0;
  const auto& html = extractors[data[0] & 1];
  hstag::fuzz::Extract(html, data + 1, size - 1, data[0] & 2 ? "input" : "input.html");
  return 0;
}
