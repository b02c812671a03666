// SPDX-License-Identifier: GPL-3.0-or-later
#include "batch/corpus_output.h"

#include <fcntl.h>
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

CorpusOutput::~CorpusOutput() = default;

Result<std::unique_ptr<CorpusOutput>> CorpusOutput::Open(const OutputLayout& layout,
                                                         std::vector<std::string> concepts,
                                                         MatrixValues values) {
  std::unique_ptr<CorpusOutput> out(new CorpusOutput());
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

Status CorpusOutput::Append(const RowsView& rows) {
  for (auto [file, text] :
       {std::pair{corpus_.get(), rows.corpus}, std::pair{matrix_.get(), rows.matrix},
        std::pair{annotations_.get(), rows.annotations}, std::pair{errors_.get(), rows.errors}}) {
    if (text.empty()) continue;
    if (Status s = file->Write(text); !s.ok()) return s;
  }
  return Status();
}

Status CorpusOutput::AddDuplicate(const std::string& path, const std::string& sha256,
                                  const std::string& first_path) {
  return corpus_->Write(
      Dump(ordered_json{{"path", path}, {"sha256", sha256}, {"duplicate_of", first_path}}) + "\n");
}

Status CorpusOutput::Finish(const RunManifest& run) {
  for (File* f : {corpus_.get(), matrix_.get(), annotations_.get(), errors_.get()}) {
    if (Status s = f->Commit(); !s.ok()) return s;
  }
  return WriteFileAtomic(run_path_, Dump(run.ToJson(), 2) + "\n");
}

}  // namespace hstag
