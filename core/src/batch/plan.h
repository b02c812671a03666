// SPDX-License-Identifier: GPL-3.0-or-later
//
// Planning a batch run: which inputs are analysed, which are reused from an
// earlier run into the same folder (--resume), which are duplicates of an
// earlier input (the same bytes), and which belong to another shard.
//
// Duplicates and --resume go by content hashes, but only files that could
// be the same as another need one: files that share their size with
// another, and files that the earlier run recorded with the same size
// (batch/state.h) but whose status has changed since (touched, or
// rewritten) or was recorded too soon after their last change to be
// trusted. A file whose status is as recorded has the hash recorded, and
// is not read (--resume=checksum reads and hashes every recorded file). An
// archive member's size is what its header says (a hint: the hash
// decides), its status the archive's; its hash reads it from the archive.
// Every other file is read once, later, by the worker that analyses it.
// Sizes and hashes are computed on `jobs` threads, joined before planning
// returns (the workers are forked after it).
//
// Thread safety: free functions; PlanRun starts and joins its own threads.
#ifndef HSTAG_BATCH_PLAN_H_
#define HSTAG_BATCH_PLAN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "batch/manifest.h"
#include "batch/output_layout.h"
#include "batch/state.h"
#include "batch/walk.h"
#include "hstag/status.h"

namespace hstag {

// --shard: "K/N" (1 <= K <= N); "slurm" (K and N from the job array's
// environment: SLURM_ARRAY_TASK_ID, _MIN, _COUNT and _STEP, as submitted);
// or "slurm/N" (K is SLURM_ARRAY_TASK_ID, of an array 1-N, whether the task
// runs in the whole array or was submitted again alone).
Result<Shard> ParseShard(const std::string& spec);

// The shard (1 to n) of a document: from its path relative to its root, so
// that adding files moves no other file to another shard.
uint64_t ShardOf(const std::string& relative, uint64_t n);

// How --resume tells an unchanged file: by its status (size, times, inode),
// or by reading it and comparing its hash.
enum class ResumeCheck { kStat, kChecksum };

struct PlanOptions {
  Shard shard;                 // only this shard's inputs are kept
  // --resume: the earlier run's state (of this pipeline) whose documents
  // are reused when unchanged; null: none is.
  const RunState* earlier = nullptr;
  ResumeCheck check = ResumeCheck::kStat;
  uint64_t max_bytes = UINT64_MAX;  // larger files are left for the run to report
  unsigned jobs = 1;           // threads for sizes, earlier outputs and hashes
  // The limits archive members are read within, for their hashes (null:
  // the defaults).
  const Limits* limits = nullptr;
};

struct PlannedInput {
  enum class Action { kRun, kReuse, kDuplicate };
  Input input;  // its relative path made unique across roots
  Action action = Action::kRun;
  uint64_t bytes = 0;  // the file's size, when known (0 otherwise)
  std::string sha256;  // when it was hashed
  std::string first;   // kDuplicate: the path of the earlier input with the same bytes
  const DocumentState* earlier = nullptr;  // kReuse: what the earlier run recorded of it
};

struct RunPlan {
  std::vector<PlannedInput> inputs;  // in input order
  std::vector<size_t> to_run;        // the indices of the kRun ones
};

// The inputs of this shard with what to do with each. Two roots that give
// the same relative path: the second becomes "<path>~1" (and so on), so that
// each has its own output file.
RunPlan PlanRun(std::vector<Input> inputs, const OutputLayout& layout, const PlanOptions& options);

}  // namespace hstag

#endif  // HSTAG_BATCH_PLAN_H_
