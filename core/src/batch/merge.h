// SPDX-License-Identifier: GPL-3.0-or-later
//
// Combines the outputs of shards (`hstag analyze --shard K/N --out OUTk`)
// into one folder, the same as a single run would have written: corpus.jsonl,
// matrix.csv, annotations.csv and errors.jsonl with rows in document-path
// order (a single run's order for one root), files with the same bytes in
// two shards kept once (the second as a duplicate), and a run.json listing
// the shards. Shards made by another pipeline (another fingerprint) are
// refused.
//
// Thread safety: a free function.
#ifndef HSTAG_BATCH_MERGE_H_
#define HSTAG_BATCH_MERGE_H_

#include <string>
#include <vector>

#include "batch/manifest.h"
#include "hstag/status.h"

namespace hstag {

// The merged run's counts (documents, done, failed, duplicate), or why the
// shards cannot be merged (naming the folder and file).
Result<RunCounts> MergeRuns(const std::vector<std::string>& dirs, const std::string& out_dir);

}  // namespace hstag

#endif  // HSTAG_BATCH_MERGE_H_
