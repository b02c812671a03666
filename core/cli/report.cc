// SPDX-License-Identifier: GPL-3.0-or-later
#include "report.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>

#include "compare.h"
#include "report/report.h"
#include "util/util.h"

namespace fs = std::filesystem;

namespace hstag::cli {
namespace {

constexpr int kExitOk = 0, kExitUsage = 1, kExitDocuments = 2, kExitFatal = 3;

Status WriteWithDirs(const fs::path& path, const std::string& content,
                     Durability durability = Durability::kDurable) {
  std::error_code ec;
  if (!path.parent_path().empty()) fs::create_directories(path.parent_path(), ec);
  if (ec) return Status::Error(path.parent_path().string() + ": " + ec.message());
  return WriteFileAtomic(path.string(), content, durability);
}

}  // namespace

int Report(const std::vector<std::string>& inputs, const std::string& out, const std::string& date,
           const Pipeline& pipeline) {
  if (inputs.empty() || inputs.size() > 2) {
    std::cerr << "hstag report: give one input (a report) or two (a comparison)\n";
    return kExitUsage;
  }
  std::string html;
  try {
    std::vector<ordered_json> docs(inputs.size());
    for (size_t i = 0; i < inputs.size(); ++i) {
      if (!LoadDocument(inputs[i], pipeline, /*with_text=*/true, "report", &docs[i])) {
        return kExitDocuments;
      }
    }
    const ReportOptions options{date};
    if (docs.size() == 1) {
      html = DocumentReportHtml(docs[0], options);
    } else {
      ordered_json cmp;
      if (!CompareDocuments(docs[0], docs[1], inputs[0], inputs[1], "report", &cmp)) {
        return kExitDocuments;
      }
      html = CompareReportHtml(docs[0], docs[1], cmp, options);
    }
  } catch (const nlohmann::json::exception& e) {  // hstag JSON edited by hand
    std::cerr << "hstag report: an input's JSON is malformed: " << e.what() << "\n";
    return kExitDocuments;
  }
  if (out == "-") {
    std::fwrite(html.data(), 1, html.size(), stdout);
    std::fflush(stdout);
    return kExitOk;
  }
  if (Status s = WriteWithDirs(out, html); !s.ok()) {
    std::cerr << "hstag report: " << s.message() << "\n";
    return kExitFatal;
  }
  return kExitOk;
}

Status WriteBatchReport(const std::string& out_dir, const std::string& relative, ordered_json* doc,
                        bool keep_text, const std::string& date) {
  std::string html;
  try {
    html = DocumentReportHtml(*doc, ReportOptions{date});
  } catch (const nlohmann::json::exception& e) {
    return Status::Error(relative + ": the report failed: " + e.what());
  }
  if (!keep_text) {
    doc->erase("text");
    doc->erase("segments");
  }
  return WriteWithDirs(fs::path(out_dir) / "reports" / (relative + ".html"), html,
                       Durability::kAtomicOnly);  // one per document, as the docs/ files
}

Status WriteBatchIndex(const std::string& out_dir, const std::vector<Input>& inputs,
                       const std::string& date) {
  const fs::path out(out_dir);
  auto corpus = ReadFile((out / "corpus.jsonl").string());
  if (!corpus.ok()) return Status::Error((out / "corpus.jsonl").string() + ": " + corpus.error());
  ordered_json run;
  if (auto text = ReadFile((out / "run.json").string()); text.ok()) {
    run = ordered_json::parse(*text, nullptr, /*allow_exceptions=*/false);
    if (run.is_discarded()) run = nullptr;
  }
  std::map<std::string, std::string> relative;  // path -> relative
  for (const auto& in : inputs) relative.emplace(in.path, in.relative);
  std::vector<IndexRow> rows;
  std::string_view rest = *corpus;
  while (!rest.empty()) {
    const size_t nl = rest.find('\n');
    const std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    IndexRow row;
    row.line = ordered_json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!row.line.is_object()) continue;
    auto it = relative.find(row.line.value("path", ""));
    if (it != relative.end()) row.name = it->second;
    if (it != relative.end() && !row.line.contains("duplicate_of")) {
      const std::string href = "reports/" + it->second + ".html";
      std::error_code ec;
      if (!fs::exists(out / href, ec)) {
        // Reused by --resume from a run without reports: one from its JSON.
        auto json = ReadFile((out / "docs" / (it->second + ".json")).string());
        ordered_json doc = json.ok() ? ordered_json::parse(*json, nullptr, false) : ordered_json();
        if (doc.is_object()) {
          if (Status s = WriteBatchReport(out_dir, it->second, &doc, true, date); !s.ok()) return s;
        }
      }
      if (fs::exists(out / href, ec)) row.href = href;
    }
    rows.push_back(std::move(row));
  }
  std::string html;
  try {
    html = CorpusIndexHtml(rows, run, ReportOptions{date});
  } catch (const nlohmann::json::exception& e) {
    return Status::Error((out / "corpus.jsonl").string() + ": the index failed: " + e.what());
  }
  return WriteFileAtomic((out / "index.html").string(), html);
}

}  // namespace hstag::cli
