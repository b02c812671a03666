// SPDX-License-Identifier: GPL-3.0-or-later
//
// The batch runner's overhead before any document is analysed, on
// synthetic archives of small files (100 folders, 1 KB each, different
// sizes so that nothing needs a hash for duplicates): walking the input
// folder (batch/walk.h), and planning the run (batch/plan.h) as a first run
// does and as an unchanged --resume does (the status of every file as
// recorded, each document's JSON looked up). Reported per 1,000 documents
// (items_per_second). The archive is made once per size in a scratch folder
// (HSTAG_BENCH_DIR, default /tmp) and kept for the next run.
//
//   plan_bench [--benchmark_filter=...]   (scripts/bench_archive.sh runs it)
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "batch/plan.h"
#include "batch/state.h"
#include "batch/walk.h"

namespace fs = std::filesystem;

namespace hstag {
namespace {

std::string Scratch() {
  const char* dir = std::getenv("HSTAG_BENCH_DIR");
  return std::string(dir && *dir ? dir : "/tmp") + "/hstag-plan-bench";
}

// An archive of `n` small files, made once.
std::string Archive(int64_t n) {
  const std::string root = Scratch() + "/in-" + std::to_string(n);
  if (fs::exists(root + "/.complete")) return root;
  fs::remove_all(root);
  for (int64_t i = 0; i < n; ++i) {
    const std::string dir = root + "/d" + std::to_string(i % 100);
    if (i < 100) fs::create_directories(dir);
    std::ofstream(dir + "/doc" + std::to_string(i) + ".txt")
        << "Document " << i << ". " << std::string(900 + i % 4000, 'x') << "\n";
  }
  std::ofstream(root + "/.complete") << "";
  return root;
}

void BM_Walk(benchmark::State& state) {
  const std::string root = Archive(state.range(0));
  size_t found = 0;
  for (auto _ : state) {
    found = Walk({root}, {}).inputs.size();
    benchmark::DoNotOptimize(found);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(found));
  state.counters["documents"] = static_cast<double>(found);
}

void BM_PlanFirstRun(benchmark::State& state) {
  const std::string root = Archive(state.range(0));
  const std::vector<Input> inputs = Walk({root}, {}).inputs;
  const OutputLayout layout(Scratch() + "/out-none");
  for (auto _ : state) {
    RunPlan plan = PlanRun(inputs, layout, {});
    benchmark::DoNotOptimize(plan.to_run.size());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(inputs.size()));
}

// An unchanged --resume: every file as recorded, long settled; the
// documents' JSON are there (one empty file each, of the size recorded).
void BM_PlanUnchangedResume(benchmark::State& state) {
  const std::string root = Archive(state.range(0));
  const std::vector<Input> inputs = Walk({root}, {}).inputs;
  const OutputLayout layout(Scratch() + "/out-" + std::to_string(state.range(0)));
  RunState earlier;
  for (const Input& in : inputs) {
    const std::string json = layout.DocJson(in.relative);
    if (!fs::exists(json)) {
      fs::create_directories(fs::path(json).parent_path());
      std::ofstream(json) << "";
    }
    DocumentState d;
    d.relative = in.relative;
    d.path = in.path;
    d.stat = in.stat;
    d.bytes = in.stat.size;
    d.sha256 = std::string(64, '0');
    earlier.by_relative[d.relative] = earlier.documents.size();
    earlier.documents.push_back(d);
  }
  earlier.started_ns = NowNs() + 3'600'000'000'000;  // settled
  size_t reused = 0;
  for (auto _ : state) {
    PlanOptions o;
    o.earlier = &earlier;
    RunPlan plan = PlanRun(inputs, layout, o);
    reused = plan.inputs.size() - plan.to_run.size();
    benchmark::DoNotOptimize(reused);
  }
  if (reused != inputs.size()) state.SkipWithError("not every document was reused");
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(inputs.size()));
}

// Reading the state of an unchanged run (OUT/state.jsonl) back.
void BM_ReadRunState(benchmark::State& state) {
  const std::string root = Archive(state.range(0));
  const std::vector<Input> inputs = Walk({root}, {}).inputs;
  const OutputLayout layout(Scratch() + "/state-" + std::to_string(state.range(0)));
  fs::create_directories(layout.root());
  RunState s;
  s.fingerprint = "bench";
  for (const Input& in : inputs) {
    DocumentState d;
    d.relative = in.relative;
    d.path = in.path;
    d.stat = in.stat;
    d.bytes = in.stat.size;
    d.json_bytes = 4000;
    d.sha256 = std::string(64, '0');
    d.has_rows = true;
    d.line = "  " + in.path + ": 3 matches (hs.concept 2, dimension.food 1)";
    s.documents.push_back(d);
  }
  if (!WriteRunState(layout, s).ok()) state.SkipWithError("cannot write the state");
  for (auto _ : state) benchmark::DoNotOptimize(ReadRunState(layout, "bench").documents.size());
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(inputs.size()));
}

BENCHMARK(BM_Walk)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PlanFirstRun)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PlanUnchangedResume)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadRunState)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace hstag

BENCHMARK_MAIN();
