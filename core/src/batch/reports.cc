// SPDX-License-Identifier: GPL-3.0-or-later
#include "batch/reports.h"

#include <filesystem>
#include <map>

#include "report/report.h"
#include "util/util.h"

namespace hstag {

Status WriteDocumentReport(const OutputLayout& out, const std::string& relative, ordered_json* doc,
                           bool keep_text, const std::string& date) {
  Result<Summary> summary = SummaryFromDocumentJson(*doc);
  if (!summary.ok()) return Status::Error(relative + ": the report failed: " + summary.error());
  std::string html;
  try {
    html = DocumentReportHtml(*doc, *summary, ReportOptions{date});
  } catch (const nlohmann::json::exception& e) {
    return Status::Error(relative + ": the report failed: " + e.what());
  }
  if (!keep_text) {
    doc->erase("text");
    doc->erase("segments");
  }
  return WriteFileAtomic(out.Report(relative), html,
                         Durability::kAtomicOnly);  // one per document, as the docs/ files
}

Status WriteIndex(const OutputLayout& out, const std::vector<Input>& inputs,
                  const std::string& date) {
  auto corpus = ReadFile(out.Corpus());
  if (!corpus.ok()) return Status::Error(out.Corpus() + ": " + corpus.error());
  ordered_json run;
  if (auto text = ReadFile(out.Run()); text.ok()) {
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
      std::error_code ec;
      if (!std::filesystem::exists(out.Report(it->second), ec)) {
        // Reused by --resume from a run without reports: one from its JSON.
        auto json = ReadFile(out.DocJson(it->second));
        ordered_json doc = json.ok() ? ordered_json::parse(*json, nullptr, false) : ordered_json();
        if (doc.is_object()) {
          if (Status s = WriteDocumentReport(out, it->second, &doc, true, date); !s.ok()) return s;
        }
      }
      if (std::filesystem::exists(out.Report(it->second), ec)) {
        row.href = OutputLayout::ReportHref(it->second);
      }
    }
    rows.push_back(std::move(row));
  }
  std::string html;
  try {
    html = CorpusIndexHtml(rows, run, ReportOptions{date});
  } catch (const nlohmann::json::exception& e) {
    return Status::Error(out.Corpus() + ": the index failed: " + e.what());
  }
  return WriteFileAtomic(out.Index(), html);
}

}  // namespace hstag
