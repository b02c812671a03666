// SPDX-License-Identifier: GPL-3.0-or-later
//
// The abbreviation plugin (plugins/abbreviations): long forms and their
// abbreviations found in a document, after the lexicon
// tagger as in the shipped pipeline. The input is a document, run as
// `hstag analyze` runs it (extractor chosen by content, analyzer, taggers).
#include <string>

#include "fuzz_support.h"

namespace {
const hstag::Pipeline* pipeline = nullptr;
}  // namespace

// The pipeline is built before the first input: it loads the shipped
// lexicons, which must not count against -timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  pipeline = &hstag::fuzz::PipelineFromConfig(
      "pipeline: fuzz/1\n"
      "lexicons: [@DATA@/lexicons/hs.yaml, @DATA@/lexicons/actors.yaml, "
      "@DATA@/lexicons/states.yaml]\n"
      "taggers: [lexicon, abbreviations]\n");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  hstag::fuzz::CheckResult(
      pipeline->RunBytes(std::string(reinterpret_cast<const char*>(data), size), "input.txt"));
  return 0;
}
