// SPDX-License-Identifier: GPL-3.0-or-later
//
// A batch run into an output folder OUT (batch/output_layout.h), the engine
// of `hstag analyze ... --out OUT`:
//   1. plan (batch/plan.h): this shard's inputs; what --resume reuses; what
//      duplicates an earlier input;
//   2. analyse the rest in worker processes (batch/worker_pool.h): each
//      worker writes the document's JSON (and its report with --format
//      html) and renders its lines of the corpus files, and answers with a
//      DocumentOutcome (batch/outcome.h);
//   3. the supervisor appends every document's lines in input order (reused
//      documents from their earlier JSON, duplicates as such), then writes
//      the manifest and renames the corpus files into place
//      (batch/corpus_output.h), and the index with --format html.
// A run killed before it finished leaves its temporary files; the next run
// into OUT removes them (the complete files from before stay, and --resume
// picks up from them).
//
// REQUIRES: the calling process has no other threads (workers are forked).
#ifndef HSTAG_BATCH_CORPUS_RUN_H_
#define HSTAG_BATCH_CORPUS_RUN_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "batch/corpus_output.h"
#include "batch/manifest.h"
#include "batch/walk.h"
#include "hstag/pipeline.h"
#include "hstag/status.h"

namespace hstag {

struct CorpusRun {
  std::string out;        // OUT
  RunSettings settings;   // as given; recorded in run.json
  Shard shard;            // --shard, parsed
  MatrixValues matrix_values = MatrixValues::kTotal;
  bool html = false;      // --format html: reports and an index
  std::vector<std::string> skipped_outputs;  // Walked::skipped, recorded in run.json
  // When the run started (NowNs, batch/state.h), taken before the inputs'
  // status was read; 0: when RunCorpus starts.
  int64_t started_ns = 0;
};

// Called on the supervisor's thread while the run goes (any may be empty).
struct CorpusRunObserver {
  std::function<void(size_t to_analyse)> planned;
  std::function<void(uint64_t bytes, bool failed)> analysed;  // after each analysed document
  std::function<void(const std::string& path, const std::string& error)> failed;
};

struct CorpusRunReport {
  RunCounts counts;
  size_t warned = 0;            // analysed documents with warnings
  bool stopped_early = false;   // --max-errors was reached
  std::vector<std::string> lines;  // one per document, in input order: path and top concepts
  // Why OUT could not be written (the run's results are then incomplete).
  Status error;
};

CorpusRunReport RunCorpus(const Pipeline& pipeline, std::vector<Input> inputs,
                          const CorpusRun& run, const CorpusRunObserver& observer);

}  // namespace hstag

#endif  // HSTAG_BATCH_CORPUS_RUN_H_
