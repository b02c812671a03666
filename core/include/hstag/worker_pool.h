// SPDX-License-Identifier: GPL-3.0-or-later
//
// Runs the pipeline over many inputs in worker processes (a pre-forked
// pool), so that a crash or a hang inside a library costs one document, not
// the run. The supervisor hands out one input at a time per worker, reads
// back the document's JSON, and when a worker dies (a signal) or overruns the
// time limit (it is killed), records that document's error and starts a new
// worker. Results are handed back in input order, on the calling thread, with
// at most `window` of them waiting: memory stays bounded.
//
// REQUIRES: the calling process has no other threads when RunInWorkers is
// called (workers are forked from it and inherit the built pipeline).
#ifndef HSTAG_WORKER_POOL_H_
#define HSTAG_WORKER_POOL_H_

#include <functional>
#include <vector>

#include <string>

namespace hstag {

struct WorkerOptions {
  unsigned jobs = 1;
  double doc_timeout_seconds = 120;  // 0: no limit
  size_t max_errors = 0;             // stop handing out work after this many failures; 0: never
};

struct WorkerReport {
  size_t failed = 0;
  bool stopped_early = false;  // max_errors was reached
  size_t not_started = 0;      // inputs left out because of that
};

// `work(index)` runs in a worker and returns the document's payload (what the
// supervisor needs of it: the worker does the per-document work itself, so
// that the supervisor only appends). `on_failure(index, reason)` makes the
// payload of a document whose worker died or timed out, in the supervisor.
// `deliver(index, payload, failed)` gets every input's payload in order;
// `failed(payload)` tells a failed document (for --max-errors).
struct WorkerTasks {
  std::function<std::string(size_t)> work;
  std::function<std::string(size_t, const std::string&)> on_failure;
  std::function<bool(const std::string&)> failed;
  std::function<void(size_t, std::string&&)> deliver;
};
WorkerReport RunInWorkers(size_t inputs, const WorkerOptions& options, const WorkerTasks& tasks);

}  // namespace hstag

#endif  // HSTAG_WORKER_POOL_H_
