// SPDX-License-Identifier: GPL-3.0-or-later
//
// The page of two documents side by side (report/report.h).
#include <algorithm>
#include <array>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "report/report.h"
#include "report/style.h"
#include "report/widgets.h"

namespace hstag {
namespace report {
namespace {

// A document's file name, then its metadata title when it has one (escaped).
std::string DocName(const ordered_json& doc) {
  const ordered_json& source = Get(doc, "source");
  const std::string title = Str(Get(source, "metadata"), "title");
  return Esc(FileName(Str(source, "path"))) +
         (title.empty() ? "" : " <span class=\"muted\">(" + Esc(title) + ")</span>");
}

// A table of an object of the comparison: a row per key, a name and the two
// sides' cells (escaped by `cells`); `none` when the object is empty.
std::string SideBySide(
    const ordered_json& object, const std::array<const char*, 3>& heads, const char* none,
    const std::function<std::array<std::string, 3>(const std::string&, const ordered_json&)>&
        cells) {
  if (!object.is_object() || object.empty())
    return std::string("<p class=\"muted\">") + none + "</p>";
  std::string o = std::string("<table><thead><tr><th>") + heads[0] + "</th><th class=\"n\">" +
                  heads[1] + "</th><th class=\"n\">" + heads[2] + "</th></tr></thead><tbody>\n";
  for (const auto& [id, x] : object.items()) {
    const auto c = cells(id, x);
    o += "<tr><td>" + c[0] + "</td><td class=\"n\">" + c[1] + "</td><td class=\"n\">" + c[2] +
         "</td></tr>\n";
  }
  return o + "</tbody></table>";
}

}  // namespace
}  // namespace report

using report::ByCategory;
using report::Chip;
using report::DimensionSeries;
using report::DocName;
using report::Esc;
using report::FileName;
using report::Get;
using report::Heat;
using report::Int;
using report::Num;
using report::Page;
using report::Per10k;
using report::ProfileHtml;
using report::SideBySide;
using report::Str;
using report::Uint;

std::string CompareReportHtml(const ordered_json& a, const ordered_json& b, const ordered_json& cmp,
                              const ReportOptions& options) {
  const std::string fa = FileName(Str(Get(a, "source"), "path"));
  const std::string fb = FileName(Str(Get(b, "source"), "path"));
  std::string o = "<main>\n<header><h1>Comparison: " + Esc(fa) + " / " + Esc(fb) + "</h1>\n";
  o += "<p class=\"muted\">Human Security audit report, two documents side by side</p>\n<dl "
       "class=\"meta\">";
  for (const auto& [letter, doc] : {std::pair{"A", &a}, std::pair{"B", &b}}) {
    const ordered_json& side = Get(cmp, letter[0] == 'A' ? "a" : "b");
    o += std::string("<dt>") + letter + "</dt><dd><code>" + Esc(Str(Get(*doc, "source"), "path")) +
         "</code>, " + Int(Uint(side, "words")) + " words</dd>";
  }
  o += "<dt>hstag</dt><dd>" + Esc(Str(Get(a, "tool"), "version")) + "</dd>";
  if (!options.date.empty()) o += "<dt>Report made</dt><dd>" + Esc(options.date) + "</dd>";
  o += "</dl></header>\n";
  o += "<nav class=\"toc\"><a href=\"#profiles\">HS profiles</a><a href=\"#concepts\">Concepts</a>"
       "<a href=\"#actors\">Actors</a><a href=\"#definitions\">Definitions</a></nav>\n";
  o += "<section id=\"profiles\"><h2>HS profiles</h2>\n<p class=\"muted\">Both radars on one "
       "scale.</p><div class=\"cols\">";
  double radar_max = 0;  // one scale for both radars
  for (const ordered_json* doc : {&a, &b}) {
    const auto [ex, ind] = DimensionSeries(*doc);
    for (const auto* series : {&ex, &ind}) {
      for (double v : series->values) radar_max = std::max(radar_max, v);
    }
  }
  for (const auto& [letter, doc] : {std::pair{"A", &a}, std::pair{"B", &b}}) {
    o += std::string("<div><h3>") + letter + ": " + DocName(*doc) + "</h3>" +
         ProfileHtml(*doc, /*with_rule=*/false, radar_max) + "</div>";
  }
  o += "</div></section>\n";

  const ordered_json& concepts = Get(cmp, "concepts");
  o += "<section id=\"concepts\"><h2>Concepts</h2>\n<p class=\"muted\">Matches per 10,000 words "
       "(count), every concept either document mentions.</p>\n";
  std::vector<std::string> ids;
  if (concepts.is_object()) {
    for (const auto& [id, c] : concepts.items()) ids.push_back(id);
  }
  double max = 0;
  for (const auto& id : ids) {
    for (const char* s : {"a", "b"})
      max = std::max(max, Num(Get(Get(concepts, id.c_str()), s), "per_10k_words"));
  }
  o += "<table><thead><tr><th>Concept</th><th>Label</th><th class=\"n\">A</th><th "
       "class=\"n\">B</th></tr></thead><tbody>\n";
  for (const auto& id : ByCategory(ids, concepts)) {
    const ordered_json& c = Get(concepts, id.c_str());
    o += "<tr><td>" + Chip(id, concepts, "") + "</td><td>" + Esc(Str(c, "label")) + "</td>";
    for (const char* s : {"a", "b"}) {
      const ordered_json& x = Get(c, s);
      o += "<td class=\"n " + Heat(Num(x, "per_10k_words"), max) + "\">" +
           Per10k(Get(x, "per_10k_words")) + " (" + Int(Uint(x, "total")) + ")</td>";
    }
    o += "</tr>\n";
  }
  o += "</tbody></table>\n";
  for (const auto& [key, label] :
       {std::pair{"only_in_a", "Only in A"}, std::pair{"only_in_b", "Only in B"}}) {
    o += std::string("<h3>") + label + "</h3><p>";
    const ordered_json& list = Get(cmp, key);
    if (!list.is_array() || list.empty()) o += "<span class=\"muted\">none</span>";
    for (const auto& id : list) {
      if (id.is_string()) o += Chip(id.get<std::string>(), concepts, "");
    }
    o += "</p>\n";
  }
  o += "</section>\n<section id=\"actors\"><h2>Actors</h2>\n";
  o += SideBySide(Get(cmp, "actors"), {"Actor", "A", "B"}, "No actor named.",
                  [](const std::string& id, const ordered_json& x) {
                    return std::array<std::string, 3>{
                        Esc(Str(x, "label")) + " <span class=\"id muted\">" + Esc(id) + "</span>",
                        Int(Uint(x, "a")), Int(Uint(x, "b"))};
                  });
  o += "</section>\n<section id=\"definitions\"><h2>Definitions</h2>\n";
  o += SideBySide(Get(cmp, "definitions"), {"Definition", "A: best score", "B: best score"},
                  "Neither aligns with a canonical definition.",
                  [](const std::string& id, const ordered_json& x) {
                    auto score = [&](const char* s) {
                      const ordered_json& v = Get(x, s);
                      return v.is_number() ? FormatNumber(v.get<double>(), 2) : std::string("-");
                    };
                    return std::array<std::string, 3>{"<span class=\"id\">" + Esc(id) + "</span>",
                                                      score("a"), score("b")};
                  });
  o += "</section>\n<footer>Made by hstag " + Esc(Str(Get(a, "tool"), "version")) +
       " from the two documents' summaries (as <code>hstag compare</code>).</footer>\n</main>\n";
  return Page("hstag comparison: " + fa + " / " + fb, o, "");
}

}  // namespace hstag
