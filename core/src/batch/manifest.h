// SPDX-License-Identifier: GPL-3.0-or-later
//
// A batch run's manifest, OUT/run.json ("hstag.run/1"): the versions of
// everything that made the outputs (the `tool` block of every document), the
// pipeline's fingerprint, the options, the shard, the matrix's columns, when
// the run started and finished, and what became of its documents. `hstag
// merge` reads the shards' manifests and writes one for the whole.
//
// The fingerprint is a hash of all that decides a document's output (tool
// and plugin versions, lexicon hashes, the config's bytes, the options that
// change a document's JSON): --resume reuses a document only when it was
// made with the same fingerprint, and merge refuses shards made with
// different ones.
//
// Thread safety: plain values and free functions.
#ifndef HSTAG_BATCH_MANIFEST_H_
#define HSTAG_BATCH_MANIFEST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hstag/status.h"
#include "hstag/writer.h"

namespace hstag {

// What a batch run was asked to do, as the command line gave it.
struct RunSettings {
  // What changes a document's JSON (hashed into the fingerprint).
  bool emit_text = false;
  std::vector<std::string> lexicons;     // --lexicon files, as given
  std::vector<std::string> plugin_dirs;  // --plugin-dir
  std::string xml_profile;
  bool pdf_password = false;  // whether one was given (the password is never written)
  // --ocr, --ocr-lang, --ocr-dpi; empty or 0: not given (then not written,
  // so that a run without them keeps the fingerprint it had before them)
  std::string ocr, ocr_lang;
  uint64_t ocr_dpi = 0;
  std::string config_path;    // the pipeline config whose bytes are hashed
  // Recorded only.
  std::vector<std::string> inputs;  // paths as given
  std::string files_from;
  std::vector<std::string> include, exclude;
  std::string matrix_values = "total";
  unsigned jobs = 1;
  bool resume = false;
  bool resume_checksum = false;  // --resume=checksum: every recorded file read and hashed
  double doc_timeout = 120;
  size_t max_errors = 0;
  uint64_t max_pages = 0;  // --max-pages; 0: not given
};

// The options that decide a document's output, as the fingerprint hashes
// them.
ordered_json FingerprintOptions(const RunSettings& settings);

// The pipeline's fingerprint: `tool` (ToolJson), the config's bytes and the
// options above, hashed.
std::string Fingerprint(const ordered_json& tool, const std::string& config_bytes,
                        const ordered_json& options);

struct RunCounts {
  uint64_t documents = 0;  // inputs of this run (its shard)
  uint64_t done = 0;       // analysed
  uint64_t failed = 0;
  uint64_t skipped = 0;    // reused from an earlier run by --resume
  uint64_t duplicate = 0;  // the same bytes as an earlier input
  std::optional<uint64_t> not_started;  // left out after --max-errors (a merge has none)
};

struct Shard {
  uint64_t k = 1, n = 1;  // this is shard k of n (1-based)
};

struct RunManifest {
  ordered_json tool;  // ToolJson with the fingerprint
  std::string fingerprint;
  ordered_json options;  // FingerprintOptions, then the recorded ones
  Shard shard;
  std::vector<std::string> matrix_columns;
  std::string started, finished;  // UTC, ISO 8601
  RunCounts counts;
  // A merged run's shards: their folders, shards and counts; empty otherwise.
  struct Part {
    std::string dir;
    Shard shard;
    RunCounts counts;
  };
  std::vector<Part> merged_from;
  // Folders the walk skipped as the outputs of a run (batch/walk.h).
  std::vector<std::string> skipped_outputs;

  ordered_json ToJson() const;
};

// The manifest of a run with `settings`, before its counts and end time.
RunManifest NewManifest(const ordered_json& tool, const std::string& fingerprint,
                        const RunSettings& settings, const Limits& limits, const Shard& shard,
                        std::vector<std::string> matrix_columns, std::string started);

// Reads OUT/run.json; fails naming the file when it is missing or is not an
// hstag run manifest.
Result<RunManifest> ReadManifest(const std::string& path);

// A folder that holds an hstag run's manifest (DIR/run.json that
// ReadManifest reads): a batch run's output folder.
bool IsRunFolder(const std::string& dir);

// The current time, UTC, as the manifest writes it (2026-01-31T12:00:00Z).
std::string UtcNow();

}  // namespace hstag

#endif  // HSTAG_BATCH_MANIFEST_H_
