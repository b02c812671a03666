// SPDX-License-Identifier: GPL-3.0-or-later
#include "batch/corpus_output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>

#include "output/csv.h"
#include "util/util.h"

namespace hstag {

Result<MatrixValues> ParseMatrixValues(const std::string& name) {
  if (name == "total") return MatrixValues::kTotal;
  if (name == "explicit") return MatrixValues::kExplicit;
  if (name == "indicator") return MatrixValues::kIndicator;
  if (name == "per10k") return MatrixValues::kPer10k;
  return Status::Error("--matrix-values is total, explicit, indicator or per10k, not `" + name +
                       "`");
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

const char* MatrixValuesName(MatrixValues v) {
  switch (v) {
    case MatrixValues::kTotal:
      return "total";
    case MatrixValues::kExplicit:
      return "explicit";
    case MatrixValues::kIndicator:
      return "indicator";
    case MatrixValues::kPer10k:
      return "per10k";
  }
  return "";
}

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

std::string Number(const ordered_json& v) {
  if (v.is_null()) return "";
  if (v.is_number_integer() || v.is_number_unsigned()) return std::to_string(v.get<int64_t>());
  if (v.is_number()) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", v.get<double>());
    return buf;
  }
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

}  // namespace

CorpusOutput::Rows CorpusOutput::Render(const ordered_json& doc,
                                        const std::vector<std::string>& columns,
                                        MatrixValues values) {
  Rows rows;
  const std::string path = doc["source"]["path"];
  JsonWriter line(&rows.corpus);
  line.BeginObject();
  line.Member("path", path);
  for (const char* key : {"source", "stats", "summary", "warnings", "errors"}) {
    line.Key(key);
    line.Value(doc[key]);
  }
  line.EndObject();
  rows.corpus += '\n';
  if (!doc["errors"].empty()) {
    rows.errors = Dump(ordered_json{{"path", path}, {"errors", doc["errors"]}}) + "\n";
    return rows;
  }
  // The matrix row: per concept, the chosen value.
  const ordered_json& concepts = doc["summary"]["concepts"];
  const double words = doc["stats"]["words"].get<double>();
  std::vector<std::string> row{path};
  for (const auto& id : columns) {
    const auto it = concepts.find(id);
    if (it == concepts.end()) {
      row.emplace_back(values == MatrixValues::kPer10k ? "0.0000" : "0");
      continue;
    }
    switch (values) {
      case MatrixValues::kTotal:
        row.push_back(Number((*it)["total"]));
        break;
      case MatrixValues::kExplicit:
        row.push_back(Number((*it)["explicit"]));
        break;
      case MatrixValues::kIndicator:
        row.push_back(Number((*it)["indicator"]));
        break;
      case MatrixValues::kPer10k:
        row.push_back(words > 0 ? Number(ordered_json((*it)["total"].get<double>() * 1e4 / words))
                                : "");
        break;
    }
  }
  AppendCsvRow(row, &rows.matrix);
  for (const auto& a : doc["annotations"]) {
    AppendCsvRow(
        {path, a["concept"], a["strength"], a.contains("page") ? Number(a["page"]) : "",
         a.value("page_label", ""), a.value("xpath", ""), Number(a["start"]), Number(a["end"]),
         a["text"], Number(a["sentence"]), a.value("boilerplate", false) ? "true" : "false",
         a.value("references", false) ? "true" : "false", a["plugin"], a["rule"],
         a.value("value", "")},
        &rows.annotations);
  }
  return rows;
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
