// SPDX-License-Identifier: GPL-3.0-or-later
//
// `hstag sample`: random matches per concept, with their sentences, into a
// CSV for a person to mark right or wrong (then `hstag eval --reviewed`).
#include <iostream>
#include <memory>
#include <thread>

#include "batch/manifest.h"
#include "batch/walk.h"
#include "command.h"
#include "eval/eval.h"
#include "util/util.h"

namespace hstag::cli {

namespace {

struct Options {
  std::string out;
  std::vector<std::string> inputs;
  size_t per_concept = 20;
  size_t per_family = 0;
  uint64_t seed = 1;
  unsigned jobs = 0;
  CommonOptions common;
};

SampleOptions SampleOf(const Options& o) {
  return o.per_family ? SampleOptions{o.per_family, true, o.seed}
                      : SampleOptions{o.per_concept, false, o.seed};
}

int WriteSample(const std::string& path, const std::string& csv) {
  if (Status s = WriteFileAtomic(path, csv); !s.ok()) {
    std::cerr << "hstag: " << s.message() << "\n";
    return kExitFatal;
  }
  return kExitOk;
}

// From a batch run's output: its annotations are drawn, not made again; the
// documents are only extracted, for the sentences.
int SampleRun(const Options& o) {
  auto extractor = MakePipeline(o.common, /*extract_only=*/true);
  if (!extractor) return kExitFatal;
  std::vector<std::string> problems;
  auto csv = DrawSampleFromRun(*extractor, o.inputs[0], SampleOf(o), &problems);
  if (!csv.ok()) {
    std::cerr << "hstag: " << csv.error() << "\n";
    return kExitFatal;
  }
  for (const auto& p : problems) std::cerr << "hstag: left out: " << p << "\n";
  const int rc = WriteSample(o.out, *csv);
  return rc != kExitOk ? rc : problems.empty() ? kExitOk : kExitDocuments;
}

}  // namespace

Command AddSample(CLI::App& app) {
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("sample", "Draw random matches per concept into a CSV "
                                               "for a person to mark right or wrong");
  cmd->add_option("out", o->out, "The CSV to write")->required();
  cmd->add_option("inputs", o->inputs,
                  "Documents or directories; or a batch run's output folder (with run.json): "
                  "its annotations, as that run made them")
      ->required();
  auto* per_concept =
      cmd->add_option("--per-concept", o->per_concept, "Matches per concept (default 20)");
  cmd->add_option("--per-family", o->per_family,
                  "Matches per family instead (hs, pillar, dimension/explicit, ..., state, "
                  "citation, abbreviation: the families of `hstag eval --reviewed`)")
      ->excludes(per_concept);
  cmd->add_option("--seed", o->seed, "Random seed (default 1): same inputs, same sample");
  cmd->add_option("-j,--jobs", o->jobs, "Documents analysed in parallel");
  AddCommonOptions(cmd, &o->common);
  return {cmd, [o] {
            if (o->inputs.size() == 1 && IsRunFolder(o->inputs[0])) return SampleRun(*o);
            auto pipeline = MakePipeline(o->common);
            if (!pipeline) return kExitFatal;
            const auto inputs =
                Walk(o->inputs, {{}, {}, ArchiveLimitsOf(pipeline->limits())}).inputs;
            const unsigned jobs =
                o->jobs ? o->jobs : std::max(1u, std::thread::hardware_concurrency());
            return WriteSample(o->out,
                               DrawSample(*pipeline, inputs, SampleOf(*o), jobs));
          }};
}

}  // namespace hstag::cli
