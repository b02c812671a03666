// SPDX-License-Identifier: GPL-3.0-or-later
#include "batch/corpus_output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>

#include "hstag/codebook.h"
#include "output/csv.h"
#include "util/util.h"

namespace hstag {

namespace {

constexpr std::pair<MatrixValues, const char*> kMatrixValues[] = {
    {MatrixValues::kTotal, "total"},
    {MatrixValues::kExplicit, "explicit"},
    {MatrixValues::kIndicator, "indicator"},
    {MatrixValues::kPer10k, "per10k"}};

}  // namespace

Result<MatrixValues> ParseMatrixValues(const std::string& name) {
  for (const auto& [values, n] : kMatrixValues) {
    if (name == n) return values;
  }
  return Status::Error("--matrix-values is total, explicit, indicator or per10k, not `" + name +
                       "`");
}

const char* MatrixValuesName(MatrixValues values) {
  for (const auto& [v, n] : kMatrixValues) {
    if (v == values) return n;
  }
  return "";
}

// A file written under a temporary name and renamed when complete.
struct CorpusOutput::File {
  static constexpr size_t kWriteBackEvery = 4u << 20;
  std::string path, tmp;
  FILE* f = nullptr;
  uint64_t written = 0;  // bytes written so far
  size_t unsynced = 0;  // bytes written since write-back was last started
  ~File() {
    if (f) {
      std::fclose(f);
      ::unlink(tmp.c_str());
    }
  }
  static Result<std::unique_ptr<File>> Open(const std::string& path) {
    auto file = std::make_unique<File>();
    file->path = path;
    file->tmp = TemporaryPath(path);
    file->f = std::fopen(file->tmp.c_str(), "wb");
    if (!file->f) return Status::Error(file->tmp + ": " + std::strerror(errno));
    return file;
  }
  Status Write(std::string_view s) {
    if (std::fwrite(s.data(), 1, s.size(), f) != s.size()) {
      return Status::Error(tmp + ": " + std::strerror(errno));
    }
    // Start the write-back of what is written every few MiB, without waiting
    // for it: the fsync of Commit then has little left to do, and the end of
    // a long run does not stall on flushing the whole file at once.
    written += s.size();
    unsynced += s.size();
    if (unsynced >= kWriteBackEvery && std::fflush(f) == 0) {
      ::sync_file_range(fileno(f), 0, 0, SYNC_FILE_RANGE_WRITE);
      unsynced = 0;
    }
    return Status();
  }
  Status Commit() {
    const bool ok = std::fflush(f) == 0 && ::fsync(fileno(f)) == 0;
    const int e = errno;
    std::fclose(f);
    f = nullptr;
    if (!ok) return Status::Error(tmp + ": " + std::strerror(e));
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
      return Status::Error(path + ": " + std::strerror(errno));
    }
    return Status();
  }
};


CorpusOutput::~CorpusOutput() {
  for (int fd : earlier_) ::close(fd);
}

namespace {

// The earlier run's four files, open for reading, when they are as its
// state recorded them; empty otherwise.
std::vector<int> OpenEarlier(const OutputLayout& layout, const RunState& earlier,
                             MatrixValues values) {
  std::vector<int> fds;
  if (earlier.matrix_values != MatrixValuesName(values)) return fds;
  const std::string paths[] = {layout.Corpus(), layout.Matrix(), layout.Annotations(),
                               layout.Errors()};
  for (size_t k = 0; k < 4; ++k) {
    const int fd = ::open(paths[k].c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0 || static_cast<uint64_t>(st.st_size) != earlier.sizes[k]) {
      if (fd >= 0) ::close(fd);
      for (int f : fds) ::close(f);
      return {};
    }
    fds.push_back(fd);
  }
  return fds;
}

}  // namespace

Result<std::unique_ptr<CorpusOutput>> CorpusOutput::Open(const OutputLayout& layout,
                                                         std::vector<std::string> concepts,
                                                         MatrixValues values,
                                                         const RunState* earlier) {
  std::unique_ptr<CorpusOutput> out(new CorpusOutput());
  if (earlier) out->earlier_ = OpenEarlier(layout, *earlier, values);
  out->run_path_ = layout.Run();
  out->concepts_ = std::move(concepts);
  out->values_ = values;
  for (auto [member, path] : {std::pair{&out->corpus_, layout.Corpus()},
                              std::pair{&out->matrix_, layout.Matrix()},
                              std::pair{&out->annotations_, layout.Annotations()},
                              std::pair{&out->errors_, layout.Errors()}}) {
    auto f = File::Open(path);
    if (!f.ok()) return f.status();
    *member = std::move(f).value();
  }
  std::vector<std::string> header{"document"};
  header.insert(header.end(), out->concepts_.begin(), out->concepts_.end());
  std::string row;
  AppendCsvRow(header, &row);
  if (Status s = out->matrix_->Write(row); !s.ok()) return s;
  row.clear();
  AppendCsvRow({"document", "concept", "strength", "page", "page_label", "xpath", "start", "end",
                "text", "sentence", "boilerplate", "references", "plugin", "rule", "value"},
               &row);
  if (Status s = out->annotations_->Write(row); !s.ok()) return s;
  return out;
}

namespace {

std::string Fixed4(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", x);
  return buf;
}

}  // namespace

CorpusRows::CorpusRows(const std::vector<std::string>& columns, MatrixValues values)
    : columns_(columns), values_(values) {
  corpus_.BeginObject();
}

namespace {

// annotations.csv's columns after the document, as the annotation's keys.
constexpr std::array<std::string_view, 14> kAnnotationFields = {
    "concept", "strength", "page", "page_label", "xpath", "start", "end",
    "text", "sentence", "boilerplate", "references", "plugin", "rule", "value"};

int AnnotationField(std::string_view key) {
  for (size_t k = 0; k < kAnnotationFields.size(); ++k) {
    if (kAnnotationFields[k] == key) return static_cast<int>(k);
  }
  return -1;
}

}  // namespace

void CorpusRows::Key(std::string_view key) {
  Frame& f = open_.back();
  if (f.role == Role::kAnnotation) {
    f.field = AnnotationField(key);
    return;  // an annotation's members go to no corpus line and no errors value
  }
  f.key = key;
  if (f.role == Role::kTop) {
    using R = Role;
    f.member = key == "source"        ? R::kSource
               : key == "stats"       ? R::kStats
               : key == "annotations" ? R::kAnnotations
               : key == "summary"     ? R::kSummary
               : key == "warnings"    ? R::kWarnings
               : key == "errors"      ? R::kErrors
                                      : R::kOther;
    f.member_corpus = f.member == R::kSource || f.member == R::kStats ||
                      f.member == R::kSummary || f.member == R::kWarnings ||
                      f.member == R::kErrors;
    f.member_errors = f.member == R::kErrors;
  } else if (f.role == Role::kSummary) {
    f.member = key == "concepts" ? Role::kConcepts : Role::kOther;
    f.member_corpus = f.corpus && key != "key_passages";  // those stay in OUT/docs
  } else if (f.role == Role::kConcepts) {
    f.member = Role::kConcept;
    concept_key_ = key;
  }
  if (f.member_corpus) corpus_.Key(key);
  if (f.member_errors && f.role != Role::kTop) errors_.Key(key);  // the value, not its key
}

void CorpusRows::Begin(bool object) {
  Frame f{};
  f.object = object;
  if (open_.empty()) {
    f.role = Role::kTop;
  } else {
    const Frame& parent = open_.back();
    f.role = parent.member;
    f.corpus = parent.member_corpus;
    f.errors = parent.member_errors;
    if (parent.role == Role::kWarnings) doc_.warned = true;
    if (parent.role == Role::kErrors) doc_.failed = true;
  }
  f.member_corpus = f.corpus;  // an array's elements; an object's members until their keys
  f.member_errors = f.errors;
  if (f.role == Role::kAnnotations) f.member = Role::kAnnotation;
  if (f.role == Role::kErrors) f.member = Role::kError;
  if (f.role == Role::kConcept) concepts_.emplace_back(concept_key_, std::array<Count, 3>{});
  if (f.role == Role::kAnnotation) {
    for (auto& field : annotation_) field.clear();
  }
  if (f.corpus) object ? corpus_.BeginObject() : corpus_.BeginArray();
  if (f.errors) object ? errors_.BeginObject() : errors_.BeginArray();
  open_.push_back(f);
}

void CorpusRows::End() {
  const Frame f = open_.back();
  open_.pop_back();
  if (f.corpus) f.object ? corpus_.EndObject() : corpus_.EndArray();
  if (f.errors) f.object ? errors_.EndObject() : errors_.EndArray();
  if (f.role != Role::kAnnotation) return;
  // An annotation's row, with the columns of annotations.csv.
  std::array<std::string, 15>& a = annotation_;
  const bool boilerplate = a[9] == "true";
  const bool references = a[10] == "true";
  ++annotations_;
  boilerplate_ += boilerplate;
  // (In both: counted as boilerplate. A citation counts with the body's.)
  references_ += !boilerplate && references && codebook::CountedApartInReferences(a[0]);
  a[9] = boilerplate ? "true" : "false";
  a[10] = references ? "true" : "false";
  // Written field by field: the fields keep their buffers for the next one.
  // The document's path, the same on each of its rows, is quoted once.
  if (path_field_.empty()) AppendCsvField(doc_.path, &path_field_);
  annotations_csv_ += path_field_;
  for (size_t k = 0; k < kAnnotationFields.size(); ++k) {
    annotations_csv_.push_back(',');
    AppendCsvField(a[k], &annotations_csv_);
  }
  annotations_csv_.push_back('\n');
}

void CorpusRows::BeginObject() { Begin(true); }
void CorpusRows::EndObject() { End(); }
void CorpusRows::BeginArray() { Begin(false); }
void CorpusRows::EndArray() { End(); }

template <typename Write, typename Text>
void CorpusRows::Scalar(Write&& write, Text&& text, double number) {
  if (open_.empty()) return;
  const Frame& f = open_.back();
  if (f.member_corpus) write(corpus_);
  if (f.member_errors) write(errors_);
  switch (f.role) {
    case Role::kSource:
      if (f.key == "path") {
        text(&doc_.path);
      } else if (f.key == "sha256") {
        text(&doc_.sha256);
      } else if (f.key == "bytes") {
        doc_.bytes = static_cast<uint64_t>(number);
      }
      return;
    case Role::kStats:
      if (f.key == "words") words_ = number;
      return;
    case Role::kAnnotation:
      if (f.field >= 0) text(&annotation_[f.field]);
      return;
    case Role::kConcept: {
      const int at = f.key == "total" ? 0 : f.key == "explicit" ? 1 : f.key == "indicator" ? 2 : -1;
      if (at >= 0) {
        text(&concepts_.back().second[at].text);
        concepts_.back().second[at].value = number;
      }
      return;
    }
    case Role::kError:
      if (f.key == "message") {
        std::string message;
        text(&message);
        doc_.error += (doc_.error.empty() ? "" : "; ") + message;
      }
      return;
    case Role::kWarnings:
      doc_.warned = true;
      return;
    case Role::kErrors:
      doc_.failed = true;
      return;
    default:
      return;
  }
}

// A scalar's text is assigned to where a row keeps it (`text(&field)`),
// which keeps its buffer from one document or annotation to the next.
namespace {

template <typename Integer>
void AssignNumber(Integer n, std::string* to) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, n);
  to->assign(buf, r.ptr);
}

}  // namespace

void CorpusRows::String(std::string_view v) {
  Scalar([&](JsonSink& s) { s.String(v); }, [&](std::string* to) { to->assign(v); }, 0);
}
void CorpusRows::Uint(uint64_t n) {
  Scalar([&](JsonSink& s) { s.Uint(n); }, [&](std::string* to) { AssignNumber(n, to); },
         static_cast<double>(n));
}
void CorpusRows::Int(int64_t n) {
  Scalar([&](JsonSink& s) { s.Int(n); }, [&](std::string* to) { AssignNumber(n, to); },
         static_cast<double>(n));
}
void CorpusRows::Double(double x) {
  Scalar([&](JsonSink& s) { s.Double(x); }, [&](std::string* to) { *to = Fixed4(x); }, x);
}
void CorpusRows::Bool(bool b) {
  Scalar([&](JsonSink& s) { s.Bool(b); },
         [&](std::string* to) { to->assign(b ? "true" : "false"); }, b);
}
void CorpusRows::Null() {
  Scalar([](JsonSink& s) { s.Null(); }, [](std::string* to) { to->clear(); }, 0);
}

CorpusLines CorpusRows::Take() {
  CorpusLines rows;
  corpus_.EndObject();
  std::string path;
  JsonWriter(&path).String(doc_.path);
  rows.corpus = "{\"path\":" + path;
  if (corpus_members_.size() > 2) rows.corpus += "," + corpus_members_.substr(1);
  else rows.corpus += "}";
  rows.corpus += '\n';

  // The line in the command's closing list: the concepts it mentions most.
  std::string& line = doc_.line;
  line = "  " + doc_.path + ": ";
  if (doc_.failed) {
    line += "FAILED: " + doc_.error;
    rows.errors = "{\"path\":" + path + ",\"errors\":" + errors_text_ + "}\n";
    return rows;
  }
  line += std::to_string(annotations_) + " matches";
  if (boilerplate_) line += ", " + std::to_string(boilerplate_) + " of them in boilerplate";
  if (references_) line += ", " + std::to_string(references_) + " of them in references";
  std::vector<std::pair<double, const std::string*>> top;
  for (const auto& [id, counts] : concepts_) {
    // A concept matched only in boilerplate or references counts 0 in the summary.
    if (counts[0].value > 0) top.emplace_back(counts[0].value, &id);
  }
  std::stable_sort(top.begin(), top.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t k = 0; k < top.size() && k < 4; ++k) {
    line += (k ? ", " : " (") + *top[k].second + " " +
            std::to_string(static_cast<uint64_t>(top[k].first));
  }
  if (!top.empty()) line += top.size() > 4 ? ", …)" : ")";

  // The matrix row: per concept, the chosen value. The document's few
  // concepts, sorted, are looked up for each column.
  std::vector<std::pair<std::string_view, const std::array<Count, 3>*>> by_id;
  by_id.reserve(concepts_.size());
  for (const auto& [id, counts] : concepts_) by_id.emplace_back(id, &counts);
  std::sort(by_id.begin(), by_id.end());
  std::string& matrix = rows.matrix;
  AppendCsvField(doc_.path, &matrix);
  for (const auto& id : columns_) {
    matrix.push_back(',');
    const auto it = std::lower_bound(by_id.begin(), by_id.end(), std::string_view(id),
                                     [](const auto& e, std::string_view k) { return e.first < k; });
    if (it == by_id.end() || it->first != id) {
      matrix += values_ == MatrixValues::kPer10k ? "0.0000" : "0";
      continue;
    }
    const std::array<Count, 3>& c = *it->second;
    switch (values_) {
      case MatrixValues::kTotal:
        AppendCsvField(c[0].text, &matrix);
        break;
      case MatrixValues::kExplicit:
        AppendCsvField(c[1].text, &matrix);
        break;
      case MatrixValues::kIndicator:
        AppendCsvField(c[2].text, &matrix);
        break;
      case MatrixValues::kPer10k:
        if (words_ > 0) matrix += Fixed4(c[0].value * 1e4 / words_);
        break;
    }
  }
  matrix.push_back('\n');
  rows.annotations = std::move(annotations_csv_);
  return rows;
}

Status CorpusOutput::Add(const ordered_json& doc, RowsAt* at, std::string* line) {
  CorpusRows rows(concepts_, values_);
  Replay(doc, rows);
  const CorpusLines r = rows.Take();
  *line = rows.document().line;
  return Append({r.corpus, r.matrix, r.annotations, r.errors}, at);
}

Status CorpusOutput::Append(const RowsView& rows, RowsAt* at) {
  size_t k = 0;
  for (auto [file, text] :
       {std::pair{corpus_.get(), rows.corpus}, std::pair{matrix_.get(), rows.matrix},
        std::pair{annotations_.get(), rows.annotations}, std::pair{errors_.get(), rows.errors}}) {
    (*at)[k++] = file->written;
    (*at)[k++] = text.size();
    if (text.empty()) continue;
    if (Status s = file->Write(text); !s.ok()) return s;
  }
  return Status();
}

Status CorpusOutput::Copy(const RowsAt& from, RowsAt* at) {
  std::string rows[4];
  for (size_t k = 0; k < 4; ++k) {
    const uint64_t offset = from[2 * k], length = from[2 * k + 1];
    rows[k].resize(length);
    size_t got = 0;
    while (got < length) {
      const ssize_t r = ::pread(earlier_[k], rows[k].data() + got, length - got,
                                static_cast<off_t>(offset + got));
      if (r <= 0) {
        return Status::Error(std::string("the rows of the run before: ") +
                             (r < 0 ? std::strerror(errno) : "cut short"));
      }
      got += static_cast<size_t>(r);
    }
  }
  return Append({rows[0], rows[1], rows[2], rows[3]}, at);
}

Status CorpusOutput::AddDuplicate(const std::string& path, const std::string& sha256,
                                  const std::string& first_path, RowsAt* at) {
  const std::string line =
      Dump(ordered_json{{"path", path}, {"sha256", sha256}, {"duplicate_of", first_path}}) + "\n";
  return Append({line, {}, {}, {}}, at);
}

std::array<uint64_t, 4> CorpusOutput::Sizes() const {
  return {corpus_->written, matrix_->written, annotations_->written, errors_->written};
}

Status CorpusOutput::Finish(const RunManifest& run) {
  for (File* f : {corpus_.get(), matrix_.get(), annotations_.get(), errors_.get()}) {
    if (Status s = f->Commit(); !s.ok()) return s;
  }
  return WriteFileAtomic(run_path_, Dump(run.ToJson(), 2) + "\n");
}

}  // namespace hstag
