// SPDX-License-Identifier: GPL-3.0-or-later
//
// The regex rule loader (plugins/regex): the input is a rules file
// (lexicons/rules/README.md); a pipeline whose config names it is built, as
// `hstag analyze --config` does, and a sample document is tagged with it.
#include <string>

#include "fuzz_support.h"
#include "hstag/builtins.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hstag;
  static const std::string config = [] {
    const std::string path = fuzz::ScratchPath("regex-pipeline.yaml");
    const std::string text =
        "pipeline: fuzz/1\nlexicons: []\ntaggers:\n  - plugin: regex\n"
        "    options: {rules: [fuzz-rules.yaml]}\n";
    fuzz::WriteScratch(path, reinterpret_cast<const uint8_t*>(text.data()), text.size());
    return path;
  }();
  fuzz::WriteScratch(fuzz::ScratchPath("fuzz-rules.yaml"), data, size);
  PipelineOptions o;
  o.config_path = config;
  o.builtins = BuiltinPlugins();
  auto pipeline = Pipeline::Create(o);
  if (!pipeline.ok()) {
    // Every reason names the file (the config and the document are fixed).
    if (pipeline.error().find("fuzz-rules.yaml") == std::string::npos) {
      fuzz::Fail("a rules file refused without naming it: " + pipeline.error());
    }
    return 0;
  }
  fuzz::CheckResult((*pipeline)->RunBytes(fuzz::kSampleDocument, "sample.txt"));
  return 0;
}
