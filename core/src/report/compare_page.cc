// SPDX-License-Identifier: GPL-3.0-or-later
//
// The page of two documents side by side (report/report.h).
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "hstag/codebook.h"
#include "hstag/compare.h"
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

// A table with a name and the two sides' cells a row (escaped already);
// `none` when there is no row.
std::string SideBySide(const std::vector<std::array<std::string, 3>>& rows,
                       const std::array<const char*, 3>& heads, const char* none) {
  if (rows.empty()) return std::string("<p class=\"muted\">") + none + "</p>";
  std::string o = std::string("<table><thead><tr><th>") + heads[0] + "</th><th class=\"n\">" +
                  heads[1] + "</th><th class=\"n\">" + heads[2] + "</th></tr></thead><tbody>\n";
  for (const auto& c : rows) {
    o += "<tr><td>" + c[0] + "</td><td class=\"n\">" + c[1] + "</td><td class=\"n\">" + c[2] +
         "</td></tr>\n";
  }
  return o + "</tbody></table>";
}

std::string Score(const std::optional<double>& v) { return v ? FormatNumber(*v, 2) : "-"; }

class ComparePage {
 public:
  ComparePage(const ordered_json& a, const ordered_json& b, const Comparison& cmp,
              const ReportOptions& options)
      : a_(a), b_(b), cmp_(cmp), options_(options) {}

  std::string Render() const {
    const std::string fa = FileName(Str(Get(a_, "source"), "path"));
    const std::string fb = FileName(Str(Get(b_, "source"), "path"));
    std::string o = "<main>\n<header><h1>Comparison: " + Esc(fa) + " / " + Esc(fb) + "</h1>\n";
    o += "<p class=\"muted\">Human Security audit report, two documents side by side</p>\n<dl "
         "class=\"meta\">";
    for (const auto& [letter, doc, side] :
         {std::tuple{"A", &a_, &cmp_.a}, std::tuple{"B", &b_, &cmp_.b}}) {
      o += std::string("<dt>") + letter + "</dt><dd><code>" +
           Esc(Str(Get(*doc, "source"), "path")) + "</code>, " + Int(side->words) + " words</dd>";
    }
    o += "<dt>hstag</dt><dd>" + Esc(Str(Get(a_, "tool"), "version")) + "</dd>";
    if (!options_.date.empty()) o += "<dt>Report made</dt><dd>" + Esc(options_.date) + "</dd>";
    o += "</dl></header>\n";
    o += "<nav class=\"toc\"><a href=\"#profiles\">HS profiles</a><a "
         "href=\"#concepts\">Concepts</a><a href=\"#actors\">Actors</a><a "
         "href=\"#definitions\">Definitions</a></nav>\n";
    o += Profiles() + Concepts();
    o += "</section>\n<section id=\"actors\"><h2>Actors</h2>\n" + Actors();
    o += "</section>\n<section id=\"definitions\"><h2>Definitions</h2>\n" + Definitions();
    o += "</section>\n<footer>Made by hstag " + Esc(Str(Get(a_, "tool"), "version")) +
         " from the two documents' summaries (as <code>hstag compare</code>).</footer>\n</main>\n";
    return Page("hstag comparison: " + fa + " / " + fb, o, "");
  }

 private:
  // Both profiles, their radars on one scale.
  std::string Profiles() const {
    std::string o =
        "<section id=\"profiles\"><h2>HS profiles</h2>\n<p class=\"muted\">Both radars on one "
        "scale.</p><div class=\"cols\">";
    double radar_max = 0;
    for (const ComparedDocument* d : {&cmp_.a, &cmp_.b}) {
      const auto [ex, ind] = DimensionSeries(d->summary, double(d->words));
      for (const auto* series : {&ex, &ind}) {
        for (double v : series->values) radar_max = std::max(radar_max, v);
      }
    }
    for (const auto& [letter, doc, side] :
         {std::tuple{"A", &a_, &cmp_.a}, std::tuple{"B", &b_, &cmp_.b}}) {
      o += std::string("<div><h3>") + letter + ": " + DocName(*doc) + "</h3>" +
           ProfileHtml(side->summary, double(side->words), /*with_rule=*/false, radar_max) +
           "</div>";
    }
    return o + "</div></section>\n";
  }

  // A concept's section as the comparison gives it, else by its ID.
  std::string_view SectionOf(std::string_view id) const {
    auto it = std::lower_bound(cmp_.concepts.begin(), cmp_.concepts.end(), id,
                               [](const auto& c, std::string_view x) { return c.id < x; });
    if (it != cmp_.concepts.end() && it->id == id && !it->section.empty()) return it->section;
    return codebook::SectionOf(id);
  }

  std::string Concepts() const {
    std::string o =
        "<section id=\"concepts\"><h2>Concepts</h2>\n<p class=\"muted\">Matches per 10,000 "
        "words (count), every concept either document mentions.</p>\n";
    std::vector<std::string> ids;
    double max = 0;
    for (const auto& c : cmp_.concepts) {
      ids.push_back(c.id);
      for (const auto* s : {&c.a, &c.b}) max = std::max(max, s->per_10k_words.value_or(0));
    }
    o += "<table><thead><tr><th>Concept</th><th>Label</th><th class=\"n\">A</th><th "
         "class=\"n\">B</th></tr></thead><tbody>\n";
    const auto section = [&](std::string_view id) { return SectionOf(id); };
    for (const auto& id : ByCategory(std::move(ids), section)) {
      const Comparison::Concept& c =
          *std::lower_bound(cmp_.concepts.begin(), cmp_.concepts.end(), id,
                            [](const auto& x, const std::string& y) { return x.id < y; });
      o += "<tr><td>" + Chip(id, SectionOf(id), "") + "</td><td>" + Esc(c.label) + "</td>";
      for (const auto* s : {&c.a, &c.b}) {
        o += "<td class=\"n " + Heat(s->per_10k_words.value_or(0), max) + "\">" +
             Per10k(s->per_10k_words) + " (" + Int(s->total) + ")</td>";
      }
      o += "</tr>\n";
    }
    o += "</tbody></table>\n";
    for (const auto& [label, list] :
         {std::pair{"Only in A", &cmp_.only_in_a}, std::pair{"Only in B", &cmp_.only_in_b}}) {
      o += std::string("<h3>") + label + "</h3><p>";
      if (list->empty()) o += "<span class=\"muted\">none</span>";
      for (const auto& id : *list) o += Chip(id, SectionOf(id), "");
      o += "</p>\n";
    }
    return o;
  }

  std::string Actors() const {
    std::vector<std::array<std::string, 3>> rows;
    for (const auto& x : cmp_.actors) {
      rows.push_back({Esc(x.label) + " <span class=\"id muted\">" + Esc(x.id) + "</span>", Int(x.a),
                      Int(x.b)});
    }
    return SideBySide(rows, {"Actor", "A", "B"}, "No actor named.");
  }

  std::string Definitions() const {
    std::vector<std::array<std::string, 3>> rows;
    for (const auto& d : cmp_.definitions) {
      rows.push_back({"<span class=\"id\">" + Esc(d.id) + "</span>", Score(d.a), Score(d.b)});
    }
    return SideBySide(rows, {"Definition", "A: best score", "B: best score"},
                      "Neither aligns with a canonical definition.");
  }

  const ordered_json& a_;
  const ordered_json& b_;
  const Comparison& cmp_;
  const ReportOptions& options_;
};

}  // namespace
}  // namespace report

std::string CompareReportHtml(const ordered_json& a, const ordered_json& b, const Comparison& cmp,
                              const ReportOptions& options) {
  return report::ComparePage(a, b, cmp, options).Render();
}

}  // namespace hstag
