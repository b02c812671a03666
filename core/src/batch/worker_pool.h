// SPDX-License-Identifier: GPL-3.0-or-later
//
// Runs the pipeline over many inputs in worker processes (a pre-forked
// pool), so that a crash or a hang inside a library costs one document, not
// the run. The supervisor hands out inputs to each worker, reads back what
// the worker made of each, and when a worker dies (a signal) or overruns the
// time limit (it is killed), records that document's error and starts a new
// worker. Results are handed back in input order, on the calling thread.
//
// Scheduling: work is handed out from a window of the next inputs not yet
// handed back (kWindow of them, or only the first while the finished ones
// waiting hold kPendingBytes): memory stays bounded whatever the number of
// inputs, yet one long document does not stall the other workers. Within the
// window the costliest input goes first (`cost`, e.g. the file size), so that
// the run does not end with one worker finishing a long document alone.
// Each worker has its next documents waiting in its pipe (2, or about 2 ms of
// work when documents are quicker), and the supervisor takes every answer
// that is ready in one wake-up.
//
// REQUIRES: the calling process has no other threads when RunInWorkers is
// called (workers are forked from it and inherit the built pipeline).
#ifndef HSTAG_BATCH_WORKER_POOL_H_
#define HSTAG_BATCH_WORKER_POOL_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

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
  std::function<uint64_t(size_t)> cost;  // optional; empty: input order
  std::function<std::string(size_t, const std::string&)> on_failure;
  std::function<bool(const std::string&)> failed;
  std::function<void(size_t, std::string&&)> deliver;
};
WorkerReport RunInWorkers(size_t inputs, const WorkerOptions& options, const WorkerTasks& tasks);

// Called from `work` in a worker, before slow work on the current document
// (OCR of its pages): the document's time limit grows by `seconds`. The
// worker tells the supervisor through its answer pipe (a header of index
// kExtendDeadline and milliseconds for length, no payload). Elsewhere (no
// worker, or the pool's fallback in the calling process): nothing.
void ExtendDocumentDeadline(double seconds);
constexpr uint64_t kExtendDeadline = ~uint64_t{0};

constexpr size_t kWindow = 256;                      // inputs
constexpr size_t kPendingBytes = size_t{256} << 20;  // finished payloads waiting for their turn

}  // namespace hstag

#endif  // HSTAG_BATCH_WORKER_POOL_H_
