// SPDX-License-Identifier: GPL-3.0-or-later
//
// An example external tagger: marks the words "resilience" and "resilient"
// (a recurring theme of human security texts that the codebook does not
// have) as `user.example.resilience`, an indicator. It uses only the plugin
// SDK (<hstag/plugin.h>), so it builds against an installed hstag:
//
//   find_package(hstag REQUIRED)
//   hstag_add_plugin(NAME example MODULE SOURCES example_tagger.cc)
//
// Options (JSON, from the pipeline config): {"concept": "<id>"} renames the
// concept it emits.
#include <nlohmann/json.hpp>
#include <string>

#include "hstag/plugin.h"

namespace {

class ExampleTagger : public hstag::sdk::Tagger {
 public:
  explicit ExampleTagger(const hstag::sdk::CreateArgs& args) {
    const auto options = nlohmann::json::parse(args.options_json, nullptr, false);
    if (options.is_object() && options.contains("concept")) {
      concept_ = options["concept"].get<std::string>();
    }
  }

  void Tag(const hstag::sdk::TextView& text, const hstag::sdk::Sink& sink) const override {
    for (const hstag_token_v1& t : text.tokens()) {
      const std::string_view w = text.Norm(t);  // case-folded, NFKC
      if (w == "resilience" || w == "resilient") {
        hstag::sdk::Annotation a;
        a.concept_id = concept_;
        a.strength = hstag::sdk::Strength::kIndicator;
        a.start = t.source_start;
        a.end = t.source_end;
        a.rule = "example.resilience";
        sink.Emit(a);
      }
    }
  }

 private:
  std::string concept_ = "user.example.resilience";
};

}  // namespace

HSTAG_TAGGER_PLUGIN(ExampleTagger, "example", "1.0.0",
                    "Example external tagger: resilience as an indicator", "")
