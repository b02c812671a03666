// SPDX-License-Identifier: GPL-3.0-or-later
//
// The outputs of a batch run into a folder OUT, besides OUT/docs/*.json:
//   OUT/corpus.jsonl     one line per document: source, stats, summary
//   OUT/matrix.csv       document x concept, every concept of the loaded
//                        lexicons as a column, in lexicon order
//   OUT/annotations.csv  the long format, one row per annotation
//   OUT/errors.jsonl     one line per failed document
//   OUT/run.json         the manifest: versions, options, fingerprint, times,
//                        counts
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

#include "hstag/writer.h"
#include "hstag/status.h"

namespace hstag {

enum class MatrixValues { kTotal, kExplicit, kIndicator, kPer10k };
Result<MatrixValues> ParseMatrixValues(const std::string& name);

class CorpusOutput {
 public:
  // `concepts`: the matrix's columns, in order.
  static Result<std::unique_ptr<CorpusOutput>> Open(const std::string& out_dir,
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
  Status Finish(const ordered_json& run);

 private:
  struct File;
  CorpusOutput() = default;
  std::string dir_;
  std::vector<std::string> concepts_;
  MatrixValues values_ = MatrixValues::kTotal;
  std::unique_ptr<File> corpus_, matrix_, annotations_, errors_;
};

// The pipeline's fingerprint: a hash of everything that decides the output
// (tool and plugin versions, lexicon hashes, the config's bytes, options).
std::string Fingerprint(const ordered_json& tool, const std::string& config_bytes,
                        const ordered_json& options);

}  // namespace hstag

#endif  // HSTAG_BATCH_CORPUS_OUTPUT_H_
