// SPDX-License-Identifier: GPL-3.0-or-later
//
// The lexicon loader (core/src/lexicon/): the input is a lexicon file in
// any of its formats (hstag YAML, quanteda YAML, LIWC .dic, chosen by its
// content). As `hstag analyze --lexicon FILE` and `hstag lexicon check` do,
// the file is loaded into a pipeline with the lexicon tagger, a sample
// document is tagged with it, and its concepts are checked.
#include <string>

#include "fuzz_support.h"
#include "hstag/builtins.h"
#include "lexicon/loader.h"
#include "pipeline/check_lexicons.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hstag;
  static const std::string config = [] {
    const std::string path = fuzz::ScratchPath("lexicon-pipeline.yaml");
    const std::string text = "pipeline: fuzz/1\nlexicons: []\ntaggers: [lexicon]\n";
    fuzz::WriteScratch(path, reinterpret_cast<const uint8_t*>(text.data()), text.size());
    return path;
  }();
  const std::string path = fuzz::ScratchPath("fuzz.dic");
  fuzz::WriteScratch(path, data, size);
  auto lexicon = LoadLexicon(path, "fuzz.dic");
  if (!lexicon.ok()) {
    if (lexicon.error().rfind("fuzz.dic", 0) != 0)
      fuzz::Fail("a lexicon error without the file's name");
    return 0;
  }
  PipelineOptions o;
  o.config_path = config;
  o.lexicons = {path};
  o.builtins = BuiltinPlugins();
  auto pipeline = Pipeline::Create(o);
  if (!pipeline.ok()) return 0;
  CheckLexicons(**pipeline, (*pipeline)->lexicons());
  fuzz::CheckResult((*pipeline)->RunBytes(fuzz::kSampleDocument, "sample.txt"));
  return 0;
}
