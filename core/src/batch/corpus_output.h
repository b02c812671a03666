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
// Rows are added in input order, from the document JSON (the same for a
// document analysed now and one reused by --resume).
//
// Thread safety: one thread at a time (the batch runner's delivering thread).
#ifndef HSTAG_BATCH_CORPUS_OUTPUT_H_
#define HSTAG_BATCH_CORPUS_OUTPUT_H_

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "batch/manifest.h"
#include "batch/output_layout.h"
#include "hstag/status.h"
#include "hstag/writer.h"

namespace hstag {

enum class MatrixValues { kTotal, kExplicit, kIndicator, kPer10k };
Result<MatrixValues> ParseMatrixValues(const std::string& name);

class CorpusOutput {
 public:
  // `concepts`: the matrix's columns, in order.
  static Result<std::unique_ptr<CorpusOutput>> Open(const OutputLayout& out,
                                                    std::vector<std::string> concepts,
                                                    MatrixValues values);
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
  Status Append(const RowsView& rows);
  // A document's JSON (hstag.document/1), analysed or reused.
  Status Add(const ordered_json& doc) {
    const Rows r = Render(doc, concepts_, values_);
    return Append({r.corpus, r.matrix, r.annotations, r.errors});
  }
  // A document whose bytes equal an earlier one's.
  Status AddDuplicate(const std::string& path, const std::string& sha256,
                      const std::string& first_path);
  // Writes run.json and renames every file into place.
  Status Finish(const RunManifest& run);

 private:
  struct File;
  CorpusOutput() = default;
  std::string run_path_;
  std::vector<std::string> concepts_;
  MatrixValues values_ = MatrixValues::kTotal;
  std::unique_ptr<File> corpus_, matrix_, annotations_, errors_;
};

}  // namespace hstag

#endif  // HSTAG_BATCH_CORPUS_OUTPUT_H_
