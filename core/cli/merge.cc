// SPDX-License-Identifier: GPL-3.0-or-later
//
// `hstag merge`: the outputs of shards combined into one (batch/merge.h).
#include <iostream>
#include <memory>

#include "batch/merge.h"
#include "command.h"

namespace hstag::cli {

Command AddMerge(CLI::App& app) {
  struct Options {
    std::vector<std::string> dirs;
    std::string out;
    bool quiet = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("merge", "Combine the outputs of shards into one");
  cmd->add_option("dirs", o->dirs, "Output folders of `hstag analyze --shard ... --out`")
      ->required()
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--out", o->out, "The merged output folder")->required();
  cmd->add_flag("-q,--quiet", o->quiet, "Print nothing but errors");
  return {cmd, [o] {
            auto counts = MergeRuns(o->dirs, o->out);
            if (!counts.ok()) {
              std::cerr << "hstag merge: " << counts.error() << "\n";
              return kExitFatal;
            }
            if (!o->quiet) {
              WriteStdout("hstag merge: " + std::to_string(o->dirs.size()) + " shard(s), " +
                          std::to_string(counts->documents) + " document(s) (" +
                          std::to_string(counts->done) + " analysed, " +
                          std::to_string(counts->failed) + " failed, " +
                          std::to_string(counts->duplicate) + " duplicate(s)) into " + o->out +
                          "/\n");
            }
            return counts->failed ? kExitDocuments : kExitOk;
          }};
}

}  // namespace hstag::cli
