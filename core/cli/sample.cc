// SPDX-License-Identifier: GPL-3.0-or-later
//
// `hstag sample`: random matches per concept, with their sentences, into a
// CSV for a person to mark right or wrong (then `hstag eval --reviewed`).
#include <iostream>
#include <memory>
#include <thread>

#include "batch/walk.h"
#include "command.h"
#include "eval/eval.h"
#include "util/util.h"

namespace hstag::cli {

Command AddSample(CLI::App& app) {
  struct Options {
    std::string out;
    std::vector<std::string> inputs;
    size_t per_concept = 20;
    uint64_t seed = 1;
    unsigned jobs = 0;
    CommonOptions common;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("sample", "Draw random matches per concept into a CSV "
                                               "for a person to mark right or wrong");
  cmd->add_option("out", o->out, "The CSV to write")->required();
  cmd->add_option("inputs", o->inputs, "Documents or directories")->required();
  cmd->add_option("--per-concept", o->per_concept, "Matches per concept (default 20)");
  cmd->add_option("--seed", o->seed, "Random seed (default 1): same inputs, same sample");
  cmd->add_option("-j,--jobs", o->jobs, "Documents analysed in parallel");
  AddCommonOptions(cmd, &o->common);
  return {cmd, [o] {
            auto pipeline = MakePipeline(o->common);
            if (!pipeline) return kExitFatal;
            const auto inputs = Walk(o->inputs, {{}, {}, ArchiveLimitsOf(pipeline->limits())});
            const unsigned jobs =
                o->jobs ? o->jobs : std::max(1u, std::thread::hardware_concurrency());
            const std::string csv = DrawSample(*pipeline, inputs, o->per_concept, o->seed, jobs);
            if (Status s = WriteFileAtomic(o->out, csv); !s.ok()) {
              std::cerr << "hstag: " << s.message() << "\n";
              return kExitFatal;
            }
            return kExitOk;
          }};
}

}  // namespace hstag::cli
