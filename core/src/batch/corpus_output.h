// SPDX-License-Identifier: GPL-3.0-or-later
//
// The corpus files of a batch run into a folder OUT (batch/output_layout.h),
// besides each document's JSON:
//   corpus.jsonl     one line per document: source, stats, summary
//   matrix.csv       document x concept, every concept of the loaded
//                    lexicons as a column, in lexicon order
//   annotations.csv  the long format, one row per annotation
//   errors.jsonl     one line per failed document
//   run.json         the manifest (batch/manifest.h)
// Each is written to a temporary file beside it while the run goes and
// renamed into place when the run ends, so that a killed run leaves no
// half-written file (the previous complete one, if any, stays).
//
// Rows are added in input order, rendered from the document JSON (the same
// for a document analysed now and one reused by --resume), or copied from
// the files of the run before (a document --resume reuses, whose rows the
// earlier run recorded: batch/state.h). Each addition says where its rows
// went (RowsAt), for the next run's state.
//
// Thread safety: one thread at a time (the batch runner's delivering thread).
#ifndef HSTAG_BATCH_CORPUS_OUTPUT_H_
#define HSTAG_BATCH_CORPUS_OUTPUT_H_

#include <array>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "batch/manifest.h"
#include "batch/output_layout.h"
#include "batch/state.h"
#include "hstag/status.h"
#include "hstag/writer.h"

namespace hstag {

enum class MatrixValues { kTotal, kExplicit, kIndicator, kPer10k };
Result<MatrixValues> ParseMatrixValues(const std::string& name);
const char* MatrixValuesName(MatrixValues values);

class CorpusOutput {
 public:
  // `concepts`: the matrix's columns, in order. `earlier`: the state of the
  // run before into the same folder, whose rows can be copied when its
  // files are as it recorded them and its matrix holds the same values.
  static Result<std::unique_ptr<CorpusOutput>> Open(const OutputLayout& out,
                                                    std::vector<std::string> concepts,
                                                    MatrixValues values,
                                                    const RunState* earlier = nullptr);
  ~CorpusOutput();

  // The lines a document adds to each file. Rendering is a pure function
  // (workers do it in parallel); appending is the supervisor's only work.
  struct Rows {
    std::string corpus, matrix, annotations, errors;
  };
  static Rows Render(const ordered_json& doc, const std::vector<std::string>& concepts,
                     MatrixValues values);
  struct RowsView {
    std::string_view corpus, matrix, annotations, errors;
  };
  Status Append(const RowsView& rows, RowsAt* at);
  // A document's JSON (hstag.document/1), analysed or reused.
  Status Add(const ordered_json& doc, RowsAt* at) {
    const Rows r = Render(doc, concepts_, values_);
    return Append({r.corpus, r.matrix, r.annotations, r.errors}, at);
  }
  // Whether rows the earlier run recorded can be copied from its files.
  bool CanCopy() const { return !earlier_.empty(); }
  // Copies a document's rows from the earlier run's files (CanCopy).
  Status Copy(const RowsAt& from, RowsAt* at);
  // A document whose bytes equal an earlier one's.
  Status AddDuplicate(const std::string& path, const std::string& sha256,
                      const std::string& first_path, RowsAt* at);
  // Writes run.json and renames every file into place.
  Status Finish(const RunManifest& run);
  // The sizes of the four files (corpus, matrix, annotations, errors).
  std::array<uint64_t, 4> Sizes() const;

 private:
  struct File;
  CorpusOutput() = default;
  std::string run_path_;
  std::vector<std::string> concepts_;
  MatrixValues values_ = MatrixValues::kTotal;
  std::unique_ptr<File> corpus_, matrix_, annotations_, errors_;
  std::vector<int> earlier_;  // the earlier run's files, open to copy rows from
};

}  // namespace hstag

#endif  // HSTAG_BATCH_CORPUS_OUTPUT_H_
