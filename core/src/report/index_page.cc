// SPDX-License-Identifier: GPL-3.0-or-later
//
// The index of a batch run (report/report.h).
#include <algorithm>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hstag/codebook.h"
#include "hstag/summary.h"
#include "report/html.h"
#include "report/report.h"
#include "report/widgets.h"

namespace hstag {
namespace report {
namespace {

// The sortable table's script: a click on a column's button sorts the rows
// by that column's data-v (numbers, largest first) or text. The table gets
// the class "sortable" when the script runs (the browser test checks it);
// "#sort=NAME" in the address sorts by the column NAME on load.
constexpr char kSortScript[] = R"JS(
(function () {
  var table = document.getElementById("index");
  if (!table) return;
  table.classList.add("sortable");
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    var button = th.querySelector("button");
    if (!button) return;
    button.addEventListener("click", function () {
      var numeric = th.getAttribute("data-type") === "number";
      var dir = th.getAttribute("aria-sort") === "descending" ? 1 : -1;
      if (!numeric) dir = -dir;
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", (numeric ? dir < 0 : dir > 0) ? "descending" : "ascending");
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute("data-v"), y = b.cells[col].getAttribute("data-v");
        if (numeric) { x = parseFloat(x) || 0; y = parseFloat(y) || 0; return dir * (x - y); }
        return dir * String(x).localeCompare(String(y));
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  // index.html#sort=NAME opens sorted by the column NAME (largest first).
  var m = /^#sort=(.+)$/.exec(location.hash);
  if (m) {
    var want = decodeURIComponent(m[1]);
    Array.prototype.forEach.call(heads, function (th) {
      var button = th.querySelector("button");
      if (button && button.textContent === want) button.click();
    });
  }
})();
)JS";

}  // namespace
}  // namespace report

using report::ByCategory;
using report::Esc;
using report::FileName;
using report::Get;
using report::Heat;
using report::Int;
using report::kSortScript;
using report::Num;
using report::Page;
using report::Per10k;
using report::Str;
using report::Uint;

std::string CorpusIndexHtml(const std::vector<IndexRow>& rows, const ordered_json& run,
                            const ReportOptions& options) {
  // Each line's summary; none for a line without a complete one (a
  // duplicate, a line of an older hstag), whose cells stay empty.
  std::vector<std::optional<Summary>> summaries;
  summaries.reserve(rows.size());
  for (const auto& r : rows) {
    Result<Summary> s = SummaryFromDocumentJson(r.line);
    summaries.push_back(s.ok() ? std::optional<Summary>(std::move(s).value()) : std::nullopt);
  }
  // Columns: every concept some document mentions, by category.
  std::map<std::string, std::string, std::less<>> sections;  // ID -> the last line's section
  double dim_max = 0;
  std::map<std::string, double> col_max;
  for (const auto& s : summaries) {
    if (!s) continue;
    for (const auto& c : s->concepts) {
      if (!c.total) continue;
      sections[c.id] = c.section;
      col_max[c.id] = std::max(col_max[c.id], c.per_10k_words.value_or(0));
    }
    for (const auto& d : s->profile.dimensions)
      dim_max = std::max(dim_max, d.per_10k_words.value_or(0));
  }
  std::vector<std::string> ids;
  for (const auto& [id, section] : sections) ids.push_back(id);
  ids = ByCategory(std::move(ids), [&](std::string_view id) {
    const std::string& s = sections.find(id)->second;
    return s.empty() ? codebook::SectionOf(id) : std::string_view(s);
  });

  std::string o = "<main>\n<header><h1>hstag corpus index</h1>\n<dl class=\"meta\">";
  o += "<dt>Documents</dt><dd>" + Int(rows.size()) + "</dd>";
  const ordered_json& counts = Get(run, "counts");
  if (counts.is_object()) {
    o += "<dt>Run</dt><dd>" + Int(Uint(counts, "done")) + " analysed, " +
         Int(Uint(counts, "failed")) + " failed, " + Int(Uint(counts, "skipped")) +
         " unchanged since the last run, " + Int(Uint(counts, "duplicate")) + " duplicate(s)</dd>";
  }
  const ordered_json& tool = Get(run, "tool");
  if (tool.is_object()) {
    std::string lex;
    for (const auto& l : Get(tool, "lexicons")) {
      lex += (lex.empty() ? "" : ", ") + Esc(Str(l, "name")) + " " + Esc(Str(l, "version"));
    }
    o += "<dt>hstag</dt><dd>" + Esc(Str(tool, "version")) + "</dd><dt>Lexicons</dt><dd>" + lex +
         "</dd>";
  }
  if (!Str(run, "started").empty()) {
    o += "<dt>Run started</dt><dd>" + Esc(Str(run, "started")) + "</dd>";
  }
  if (!options.date.empty()) o += "<dt>Index made</dt><dd>" + Esc(options.date) + "</dd>";
  o += "</dl></header>\n<p class=\"muted\">One row per document. Click a column's name to sort by "
       "it (again to reverse); index.html#sort=food opens sorted by that column. Numbers are "
       "matches per 10,000 words; the seven dimension columns form a heat map on one scale "
       "(darker: denser), each concept column is shaded on its own scale.</p>\n";
  o += "<div class=\"scroll\"><table class=\"index\" id=\"index\"><thead><tr>";
  auto th = [&](std::string_view label, const std::string& tip, bool number) {
    o += std::string("<th") + (number ? " class=\"n\" data-type=\"number\"" : "") + " title=\"" +
         Esc(tip) + "\"><button type=\"button\">" + Esc(label) + "</button></th>";
  };
  th("Document", "file name", false);
  th("Pages", "pages", true);
  th("Words", "words", true);
  th("Orientation", "the freedom the document leans to", false);
  th("Dims", "dimensions named explicitly, of " + Int(std::size(codebook::kDimensions)), true);
  for (const auto& d : codebook::kDimensions) {
    th(d.key, std::string(d.id) + ": per 10,000 words", true);
  }
  for (const auto& id : ids) th(id, sections.find(id)->second + ": per 10,000 words", true);
  o += "</tr></thead><tbody>\n";
  for (size_t k = 0; k < rows.size(); ++k) {
    const IndexRow& r = rows[k];
    const std::optional<Summary>& summary = summaries[k];
    const ordered_json& line = r.line;
    const std::string path = Str(line, "path");
    const ordered_json& stats = Get(line, "stats");
    const std::string name = r.name.empty() ? FileName(path) : r.name;
    o += "<tr><td data-v=\"" + Esc(name) + "\">";
    if (!r.href.empty()) {
      o += "<a href=\"" + Esc(UrlPathEncode(r.href)) + "\" title=\"" + Esc(path) + "\">" +
           Esc(name) + "</a>";
    } else {
      o += "<span title=\"" + Esc(path) + "\">" + Esc(name) + "</span>";
    }
    if (Get(line, "duplicate_of").is_string()) {
      o += "<br><span class=\"muted\">duplicate of " + Esc(Str(line, "duplicate_of")) + "</span>";
    }
    const ordered_json& errors = Get(line, "errors");
    if (errors.is_array() && !errors.empty()) {
      o += "<br><strong>failed:</strong> " + Esc(Str(errors[0], "message"));
    }
    o += "</td>";
    auto num = [&](double v, const std::string& text, const std::string& cls) {
      o += "<td class=\"n " + cls + "\" data-v=\"" + FormatNumber(v, 2) + "\">" + text + "</td>";
    };
    num(Num(stats, "pages"), Int(Uint(stats, "pages")), "");
    num(Num(stats, "words"), Int(Uint(stats, "words")), "");
    const std::string orientation = summary ? Esc(summary->profile.orientation) : "";
    o += "<td data-v=\"" + orientation + "\">" + orientation + "</td>";
    const uint64_t covered = summary ? summary->profile.covered_explicit : 0;
    num(double(covered), Int(covered), "");
    for (size_t d = 0; d < std::size(codebook::kDimensions); ++d) {
      const std::optional<double> v =
          summary ? summary->profile.dimensions[d].per_10k_words : std::nullopt;
      num(v.value_or(0), Per10k(v), Heat(v.value_or(0), dim_max));
    }
    for (const auto& id : ids) {
      // A concept the document has (if only in boilerplate or a reference
      // list) shows its density; one it has not, 0.
      const Summary::Concept* c = summary ? summary->FindConcept(id) : nullptr;
      const double v = c ? c->per_10k_words.value_or(0) : 0;
      num(v, c ? Per10k(c->per_10k_words) : FormatNumber(0, 1), Heat(v, col_max[id]));
    }
    o += "</tr>\n";
  }
  o += "</tbody></table></div>\n<footer>Made by hstag.</footer>\n</main>\n";
  return Page("hstag corpus index", o, kSortScript);
}

}  // namespace hstag
