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
#include <map>
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

// The lines a document adds to each corpus file.
struct CorpusLines {
  std::string corpus, matrix, annotations, errors;
};

// A document's rows of the corpus files, rendered from its JSON as events
// (hstag/writer.h): those WriteDocument emits while the document is written
// (through a TeeSink), or a document JSON read back and replayed. The same
// events give the same rows. The corpus line is the document's source,
// stats, summary (less its key passages, which stay in OUT/docs), warnings
// and errors, after its path.
class CorpusRows final : public JsonSink {
 public:
  // `columns`: the matrix's concepts, in order; held by reference, so it
  // must outlive the renderer (a temporary is refused).
  CorpusRows(const std::vector<std::string>& columns, MatrixValues values);
  CorpusRows(std::vector<std::string>&& columns, MatrixValues values) = delete;

  void BeginObject() override;
  void EndObject() override;
  void BeginArray() override;
  void EndArray() override;
  void Key(std::string_view key) override;
  void String(std::string_view s) override;
  void Uint(uint64_t n) override;
  void Int(int64_t n) override;
  void Double(double x) override;
  void Bool(bool b) override;
  void Null() override;
  void Value(const ordered_json& j) override { Replay(j, *this); }

  // After the document's last event.
  struct Document {
    std::string path, sha256;
    uint64_t bytes = 0;
    bool failed = false, warned = false;
    std::string error;  // its errors' messages, joined by "; "
    std::string line;   // in the command's closing list: path and top concepts
  };
  const Document& document() const { return doc_; }
  CorpusLines Take();

 private:
  // What an open container is, as far as the rows go.
  enum class Role : uint8_t {
    kTop, kSource, kStats, kAnnotations, kAnnotation, kSummary, kConcepts, kConcept,
    kWarnings, kErrors, kError, kOther
  };
  struct Frame {
    Role role;
    bool object;
    bool corpus, errors;  // the container's events go to the corpus line, to the errors value
    bool member_corpus, member_errors;  // and those of its current member
    Role member = Role::kOther;  // what its current member opens, if a container
    std::string key;  // its current member's key
    int field = -1;   // in an annotation: the key's column of annotations.csv
  };
  template <typename Write, typename Text>
  void Scalar(Write&& write, Text&& text, double number);
  void Begin(bool object);
  void End();

  const std::vector<std::string>& columns_;
  MatrixValues values_;
  std::vector<Frame> open_;
  std::string concept_key_;     // the key of the concept being opened
  std::string corpus_members_;  // the corpus line's members after "path", as an object
  JsonWriter corpus_{&corpus_members_};
  std::string errors_text_;     // the errors value, compact
  JsonWriter errors_{&errors_text_};
  Document doc_;
  double words_ = 0;
  struct Count {
    std::string text;  // as the matrix writes it
    double value = 0;
  };
  std::vector<std::pair<std::string, std::array<Count, 3>>> concepts_;  // total, explicit,
                                                                         // indicator; in order
  std::array<std::string, 15> annotation_;  // the current one's annotations.csv fields
  std::string annotations_csv_;
  std::string path_field_;  // the document's path as a CSV field
  size_t annotations_ = 0, boilerplate_ = 0, references_ = 0;
};

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

  using Rows = CorpusLines;
  struct RowsView {
    std::string_view corpus, matrix, annotations, errors;
  };
  Status Append(const RowsView& rows, RowsAt* at);
  // A document's JSON (hstag.document/1), reused; its line in the
  // command's closing list into `line`.
  Status Add(const ordered_json& doc, RowsAt* at, std::string* line);
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
