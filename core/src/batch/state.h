// SPDX-License-Identifier: GPL-3.0-or-later
//
// What --resume knows of the last run into OUT without reading a document
// or its JSON: OUT/state.jsonl ("hstag.state/1"), written with the corpus
// files when a run ends, and OUT/state.journal.jsonl, a line appended by
// the worker for each document it analysed, right after its JSON, as the
// run goes. A run killed before its end leaves its journal; the next run
// with the same pipeline reads it and appends to it, and the run that ends
// removes it.
//
//   {"schema":"hstag.state/1","fingerprint":"…","matrix_values":"total",
//    "started_ns":…,"sizes":[corpus,matrix,annotations,errors]}
//   {"relative":"1990/x.txt","path":"…","size":…,"mtime_ns":…,"ctime_ns":…,
//    "ino":…,"bytes":…,"json_bytes":…,"sha256":"…","rows":[offset,length, ×4],"line":"…"}
//   …
//
// A document line records the file's status when the run met it
// (FileStat), the hash of the bytes analysed, whether it failed or
// duplicated an earlier input, where its rows are in the corpus files the
// run wrote (corpus.jsonl, matrix.csv, annotations.csv, errors.jsonl: byte
// offset and length of each), and its line in the command's closing list.
// A journal line has no rows (the files they were in were never completed).
//
// Thread safety: plain values and free functions; a StateJournal is used by
// one thread.
#ifndef HSTAG_BATCH_STATE_H_
#define HSTAG_BATCH_STATE_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "batch/output_layout.h"
#include "batch/walk.h"
#include "hstag/status.h"

namespace hstag {

// Where a document's rows are in the four corpus files: offset and length
// in corpus.jsonl, matrix.csv, annotations.csv and errors.jsonl.
using RowsAt = std::array<uint64_t, 8>;

struct DocumentState {
  std::string relative, path;
  FileStat stat;
  uint64_t bytes = 0;  // the document's size (a member's, not its archive's)
  uint64_t json_bytes = 0;  // the size of its JSON in OUT/docs (not a duplicate's)
  std::string sha256;
  bool failed = false;
  std::string duplicate_of;  // the earlier input with the same bytes
  bool has_rows = false;
  RowsAt rows{};
  std::string line;  // in the command's closing list
};

struct RunState {
  std::string fingerprint;
  std::string matrix_values;
  // When the run that recorded it started (ns since the epoch, the system
  // clock): a file modified less than kRacyNs before it may have changed
  // again within the same timestamp tick after its status was read.
  int64_t started_ns = 0;
  static constexpr int64_t kRacyNs = 2'000'000'000;
  std::array<uint64_t, 4> sizes{};  // of the corpus files the rows are in
  std::vector<DocumentState> documents;  // in input order
  std::unordered_map<std::string, size_t> by_relative;

  // Whether `d`'s recorded status may be trusted: it was recorded longer
  // than kRacyNs after the file was last modified.
  bool Settled(const DocumentState& d) const {
    return d.stat.known && d.stat.mtime_ns < started_ns - kRacyNs &&
           d.stat.ctime_ns < started_ns - kRacyNs;
  }
  const DocumentState* Find(const std::string& relative) const {
    const auto it = by_relative.find(relative);
    return it == by_relative.end() ? nullptr : &documents[it->second];
  }
};

// The state of the last run into `layout` made with `fingerprint`: its
// state.jsonl, then what its journal adds (a killed run's documents, which
// replace earlier lines of the same document). Empty when there is none,
// when it was made by another pipeline, or when it cannot be read (a run
// redoes what it cannot trust).
RunState ReadRunState(const OutputLayout& layout, const std::string& fingerprint);

// The current time as RunState::started_ns takes it.
int64_t NowNs();

// The line of a document, and of a state's header.
std::string DocumentStateLine(const DocumentState& d);
std::string RunStateHeader(const RunState& state);

// Writes OUT/state.jsonl whole, atomically (after the corpus files are in
// place), and removes the journal.
Status WriteRunState(const OutputLayout& layout, const RunState& state);

// OUT/state.journal.jsonl as a run goes: opened after the earlier one was
// read, to append to it when it is of the same pipeline, else anew with
// the run's header. Workers forked after it append to it, each line in one
// write (O_APPEND).
class StateJournal {
 public:
  static Result<std::unique_ptr<StateJournal>> Open(const OutputLayout& layout,
                                                    const RunState& header);
  ~StateJournal();
  Status Add(const DocumentState& d) const;

 private:
  StateJournal() = default;
  std::string path_;
  int fd_ = -1;
};

}  // namespace hstag

#endif  // HSTAG_BATCH_STATE_H_
