// SPDX-License-Identifier: GPL-3.0-or-later
//
// `hstag eval`: precision, recall and F1 against a gold set of labelled
// passages; with --reviewed, the precision of a sample a person has marked
// right or wrong (`hstag sample`), with Wilson 95% intervals.
#include <cstdio>
#include <iostream>
#include <memory>
#include <set>

#include "batch/manifest.h"
#include "batch/output_layout.h"
#include "command.h"
#include "eval/eval.h"
#include "hstag/writer.h"
#include "output/csv.h"

namespace hstag::cli {
namespace {

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

int EvalGold(const std::string& gold_path, const std::string& split, const std::string& format,
             const std::vector<std::string>& skip, const std::string& sources,
             const CommonOptions& common) {
  auto pipeline = MakePipeline(common);
  if (!pipeline) return kExitFatal;
  auto gold = LoadGold(gold_path);
  if (!gold.ok()) {
    std::cerr << "hstag: " << gold.error() << "\n";
    return kExitDocuments;
  }
  const EvalReport r = Evaluate(
      *pipeline, *gold, split, std::set<std::string>(skip.begin(), skip.end()), sources);
  if (format == "json") {
    auto counts = [](const Counts& c) {
      return ordered_json{{"tp", c.tp},          {"fp", c.fp},
                                 {"fn", c.fn},          {"precision", c.Precision()},
                                 {"recall", c.Recall()}, {"f1", c.F1()}};
    };
    ordered_json j;
    j["gold"] = gold_path;
    j["split"] = split.empty() ? "all" : split;
    j["passages"] = r.passages;
    j["in_context"] = r.in_context;
    j["micro"] = counts(r.micro);
    for (const auto& [k, c] : r.sections) j["sections"][k] = counts(c);
    for (const auto& [k, c] : r.concepts) j["concepts"][k] = counts(c);
    ordered_json misses = ordered_json::array(), alarms = ordered_json::array();
    for (const auto& [p, c] : r.misses) misses.push_back({{"passage", p}, {"concept", c}});
    for (const auto& [p, c] : r.false_alarms) alarms.push_back({{"passage", p}, {"concept", c}});
    j["misses"] = misses;
    j["false_alarms"] = alarms;
    WriteStdout(Dump(j, 2) + "\n");
    return kExitOk;
  }
  std::string out = "gold " + gold_path + ", split " + (split.empty() ? "all" : split) + ": " +
                    std::to_string(r.passages) + " passages (" + std::to_string(r.in_context) +
                    " inside their source document)\n\n";
  char line[256];
  auto row = [&](const std::string& name, const Counts& c) {
    std::snprintf(line, sizeof line, "%-40s %5llu %5llu %5llu  %s  %s  %s\n", name.c_str(),
                  static_cast<unsigned long long>(c.tp), static_cast<unsigned long long>(c.fp),
                  static_cast<unsigned long long>(c.fn), Fixed(c.Precision()).c_str(),
                  Fixed(c.Recall()).c_str(), Fixed(c.F1()).c_str());
    out += line;
  };
  std::snprintf(line, sizeof line, "%-40s %5s %5s %5s  %5s  %5s  %5s\n", "concept", "tp", "fp",
                "fn", "P", "R", "F1");
  out += line;
  for (const auto& [k, c] : r.concepts) row(k, c);
  out += "\n";
  for (const auto& [k, c] : r.sections) row("section " + k, c);
  out += "\n";
  row("overall (micro)", r.micro);
  WriteStdout(out);
  return kExitOk;
}

// `run`: a batch run's output folder the sample must have been drawn from
// (hstag sample CSV OUT), or "".
int EvalReviewed(const std::string& path, const std::string& by, const std::string& run) {
  auto reviewed = ReadReviewed(path);
  if (!reviewed.ok()) {
    std::cerr << "hstag: " << reviewed.error() << "\n";
    return kExitDocuments;
  }
  if (!run.empty()) {
    auto manifest = ReadManifest(OutputLayout(run).Run());
    if (!manifest.ok()) {
      std::cerr << "hstag: " << manifest.error() << "\n";
      return kExitFatal;
    }
    if (reviewed->runs.empty()) {
      std::cerr << "hstag: " << path << " was not drawn from a run (no `run` column): draw it "
                << "with `hstag sample " << path << " " << run << "`\n";
      return kExitDocuments;
    }
    for (const auto& r : reviewed->runs) {
      if (r != manifest->fingerprint) {
        std::cerr << "hstag: " << path << " holds matches of another run (fingerprint `" << r
                  << "`), not of " << run << " (`" << manifest->fingerprint << "`)\n";
        return kExitDocuments;
      }
    }
  }
  std::string out;
  AppendCsvRow({by, "reviewed", "correct", "precision", "ci95_low", "ci95_high",
                       "unreviewed"},
                      &out);
  ReviewedCounts all;
  auto add = [&](const std::string& name, const ReviewedCounts& c) {
    const uint64_t n = c.correct + c.wrong;
    const Interval ci = Wilson(c.correct, n);
    AppendCsvRow({name, std::to_string(n), std::to_string(c.correct),
                         n ? Fixed(double(c.correct) / double(n)) : "", n ? Fixed(ci.low) : "",
                         n ? Fixed(ci.high) : "", std::to_string(c.unreviewed)},
                        &out);
  };
  for (const auto& [k, c] : by == "family" ? reviewed->families : reviewed->concepts) {
    add(k, c);
    all.correct += c.correct;
    all.wrong += c.wrong;
    all.unreviewed += c.unreviewed;
  }
  add("(all)", all);
  WriteStdout(out);
  return kExitOk;
}

}  // namespace

Command AddEval(CLI::App& app) {
  struct Options {
    std::string gold, split, format = "table", reviewed, sources, by = "family";
    std::vector<std::string> skip;
    CommonOptions common;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("eval", "Precision and recall against a gold set, or "
                                             "precision of a reviewed sample");
  cmd->add_option("gold", o->gold,
                  "Gold passages (JSON Lines: id, text, labels, split); with --reviewed, the "
                  "output folder of the batch run the sample was drawn from, to check that it was")
      ->check(CLI::ExistingPath);
  cmd->add_option("--split", o->split, "Only passages of this split (dev, test; default all)");
  cmd->add_option("--skip-section", o->skip, "Leave a codebook section out (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--sources", o->sources,
                  "Folder the passages' `source` paths are relative to: each passage is then "
                  "judged inside its document");
  cmd->add_option("--format", o->format, "table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  cmd->add_option("--reviewed", o->reviewed,
                  "A sample CSV (from `hstag sample`) with its `correct` column filled")
      ->check(CLI::ExistingFile);
  cmd->add_option("--by", o->by,
                  "With --reviewed: precision per family (default: hs, pillar, dimension/explicit, "
                  "..., state, citation, abbreviation) or per concept")
      ->check(CLI::IsMember({"family", "concept"}));
  AddCommonOptions(cmd, &o->common);
  return {cmd, [o] {
            if (!o->reviewed.empty()) return EvalReviewed(o->reviewed, o->by, o->gold);
            if (o->gold.empty()) {
              std::cerr << "hstag eval: give a gold file or --reviewed CSV\n";
              return kExitUsage;
            }
            return EvalGold(o->gold, o->split, o->format, o->skip, o->sources, o->common);
          }};
}

}  // namespace hstag::cli
