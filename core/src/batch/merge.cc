// SPDX-License-Identifier: GPL-3.0-or-later
#include "batch/merge.h"

#include <algorithm>
#include <functional>
#include <map>

#include "batch/output_layout.h"
#include "output/csv.h"
#include "util/util.h"

namespace hstag {
namespace {

// The lines of a JSON Lines file, or the rows of a CSV file re-rendered
// (each with its first field, the document; the header with `kHeader`).
const std::string kHeader("\0header", 7);

Status ReadLines(const std::string& path, bool csv,
                 const std::function<void(std::string&&, const std::string&)>& take) {
  auto text = ReadFile(path, 1ull << 40);
  if (!text.ok()) return Status::Error(path + ": " + text.error());
  if (csv) {
    auto rows = ParseCsv(*text);
    if (!rows.ok()) return Status::Error(path + ": " + rows.error());
    for (size_t i = 0; i < rows->size(); ++i) {
      std::string row;
      AppendCsvRow((*rows)[i], &row);
      take(std::move(row), i == 0 ? kHeader : (*rows)[i][0]);
    }
    return Status();
  }
  std::string_view rest = *text;
  while (!rest.empty()) {
    const size_t nl = rest.find('\n');
    std::string line(rest.substr(0, nl));
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (!line.empty()) take(std::move(line), "");
  }
  return Status();
}

}  // namespace

Result<RunCounts> MergeRuns(const std::vector<std::string>& dirs, const std::string& out_dir) {
  struct Doc {
    std::string path, line;
    ordered_json json;
  };
  std::vector<Doc> docs;
  std::map<std::string, std::vector<std::string>> matrix_rows, annotation_rows, error_lines;
  std::string matrix_header, annotations_header;
  RunManifest merged;
  for (const auto& dir : dirs) {
    const OutputLayout shard(dir);
    auto run = ReadManifest(shard.Run());
    if (!run.ok()) return run.status();
    if (merged.fingerprint.empty()) {
      merged = *run;
      merged.skipped_outputs.clear();
    } else if (run->fingerprint != merged.fingerprint) {
      return Status::Error(dir + " was made by another pipeline (fingerprint " +
                           run->fingerprint.substr(0, 12) + " vs " +
                           merged.fingerprint.substr(0, 12) +
                           "): same hstag version, config, lexicons and options are needed");
    }
    for (const auto& part : merged.merged_from) {
      if (part.shard.n != run->shard.n || part.shard.k == run->shard.k) {
        return Status::Error(
            dir + " is shard " + std::to_string(run->shard.k) + "/" +
            std::to_string(run->shard.n) + " and " + part.dir + " shard " +
            std::to_string(part.shard.k) + "/" + std::to_string(part.shard.n) +
            ": merge takes distinct shards of one split");
      }
    }
    merged.merged_from.push_back({dir, run->shard, run->counts});
    for (auto& skipped : run->skipped_outputs) {
      if (std::find(merged.skipped_outputs.begin(), merged.skipped_outputs.end(), skipped) ==
          merged.skipped_outputs.end()) {
        merged.skipped_outputs.push_back(skipped);
      }
    }
    if (Status s = ReadLines(shard.Corpus(), false,
                             [&](std::string&& line, const std::string&) {
                               auto j = ordered_json::parse(line, nullptr, false);
                               if (j.is_object()) {
                                 docs.push_back({j.value("path", ""), std::move(line), std::move(j)});
                               }
                             });
        !s.ok()) {
      return s;
    }
    bool same_columns = true;
    if (Status s = ReadLines(shard.Matrix(), true,
                             [&](std::string&& row, const std::string& key) {
                               if (key == kHeader) {
                                 if (matrix_header.empty()) matrix_header = row;
                                 same_columns = same_columns && row == matrix_header;
                                 return;
                               }
                               matrix_rows[key].push_back(std::move(row));
                             });
        !s.ok()) {
      return s;
    }
    if (!same_columns) return Status::Error(shard.Matrix() + " has other columns");
    if (Status s = ReadLines(shard.Annotations(), true,
                             [&](std::string&& row, const std::string& key) {
                               if (key == kHeader) {
                                 annotations_header = row;
                                 return;
                               }
                               annotation_rows[key].push_back(std::move(row));
                             });
        !s.ok()) {
      return s;
    }
    if (Status s = ReadLines(shard.Errors(), false,
                             [&](std::string&& line, const std::string&) {
                               auto j = ordered_json::parse(line, nullptr, false);
                               if (j.is_object()) error_lines[j.value("path", "")].push_back(std::move(line));
                             });
        !s.ok()) {
      return s;
    }
  }
  std::stable_sort(docs.begin(), docs.end(),
                   [](const Doc& a, const Doc& b) { return a.path < b.path; });
  std::string corpus, matrix = matrix_header, annotations = annotations_header, errors;
  std::map<std::string, std::string> first_by_sha;
  RunCounts counts;
  counts.documents = docs.size();
  for (auto& d : docs) {
    const std::string sha = d.json.contains("source") ? d.json["source"].value("sha256", "")
                                                      : d.json.value("sha256", "");
    if (d.json.contains("duplicate_of")) {
      // A duplicate within its shard: of the first copy in all of them, as
      // in one run (paths are in input order here).
      ++counts.duplicate;
      const auto first = first_by_sha.find(sha);
      if (first != first_by_sha.end() && first->second != d.json.value("duplicate_of", "")) {
        corpus += Dump(ordered_json{
                      {"path", d.path}, {"sha256", sha}, {"duplicate_of", first->second}}) +
                  "\n";
      } else {
        corpus += d.line + "\n";
      }
      continue;
    }
    if (!sha.empty()) {
      auto [it, fresh] = first_by_sha.emplace(sha, d.path);
      if (!fresh) {  // the same bytes in another shard: a duplicate, as in one run
        ++counts.duplicate;
        corpus += Dump(ordered_json{{"path", d.path}, {"sha256", sha}, {"duplicate_of", it->second}}) +
                  "\n";
        continue;
      }
    }
    corpus += d.line + "\n";
    if (d.json.contains("errors") && !d.json["errors"].empty()) {
      ++counts.failed;
      for (auto& l : error_lines[d.path]) errors += l + "\n";
      continue;
    }
    ++counts.done;
    for (auto& r : matrix_rows[d.path]) matrix += r;
    for (auto& r : annotation_rows[d.path]) annotations += r;
  }
  const OutputLayout out(out_dir);
  for (auto [path, content] : {std::pair{out.Corpus(), &corpus}, std::pair{out.Matrix(), &matrix},
                               std::pair{out.Annotations(), &annotations},
                               std::pair{out.Errors(), &errors}}) {
    if (Status s = WriteFileAtomic(path, *content); !s.ok()) return s;
  }
  merged.shard = {1, 1};
  merged.finished = UtcNow();
  merged.counts = counts;
  if (Status s = WriteFileAtomic(out.Run(), Dump(merged.ToJson(), 2) + "\n"); !s.ok()) return s;
  return counts;
}

}  // namespace hstag
