// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/widgets.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include "report/html.h"
#include "report/style.h"
#include "util/util.h"

namespace hstag::report {

std::string Page(const std::string& title, const std::string& body, const std::string& script) {
  std::string csp = "default-src 'none'; style-src 'sha256-" + Sha256Base64(Css()) + "'; ";
  csp += script.empty() ? "script-src 'none'" : "script-src 'sha256-" + Sha256Base64(script) + "'";
  csp +=
      "; img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'";
  std::string o = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  o += "<meta http-equiv=\"Content-Security-Policy\" content=\"" + csp + "\">\n";
  o += "<meta name=\"referrer\" content=\"no-referrer\">\n";
  o += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  o += "<meta name=\"generator\" content=\"hstag\">\n<title>" + HtmlEscape(title) + "</title>\n";
  o += "<style>" + Css() + "</style>\n</head>\n<body>\n" + body;
  if (!script.empty()) o += "<script>" + script + "</script>\n";
  return o + "</body>\n</html>\n";
}

const ordered_json& Get(const ordered_json& j, const char* key) {
  static const ordered_json kNull;
  if (!j.is_object()) return kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}
std::string Str(const ordered_json& j, const char* key) {
  const ordered_json& v = Get(j, key);
  return v.is_string() ? v.get<std::string>() : "";
}
uint64_t Uint(const ordered_json& j, const char* key) {
  const ordered_json& v = Get(j, key);
  return v.is_number_unsigned()                 ? v.get<uint64_t>()
         : v.is_number() && v.get<double>() > 0 ? uint64_t(v.get<double>())
                                                : 0;
}
double Num(const ordered_json& j, const char* key) {
  const ordered_json& v = Get(j, key);
  return v.is_number() ? v.get<double>() : 0.0;
}
std::string Esc(std::string_view s) { return HtmlEscape(s); }
std::string Int(uint64_t v) { return std::to_string(v); }

std::string FileName(const std::string& path) {
  const std::string name = std::filesystem::path(path).filename().string();
  return name.empty() ? path : name;
}

// A concept's section: from the summary, else its ID's first part.
std::string SectionOf(const ordered_json& concepts, const std::string& id) {
  const std::string s = Str(Get(concepts, id.c_str()), "section");
  if (!s.empty()) return s;
  const std::string head = id.substr(0, id.find('.'));
  return head == "hs" ? "concept" : head;
}

// Concept IDs ordered by category, then ID.
std::vector<std::string> ByCategory(std::vector<std::string> ids, const ordered_json& concepts) {
  auto rank = [&](const std::string& id) {
    const Category* c = &CategoryOf(SectionOf(concepts, id));
    return c - kCategories;
  };
  std::stable_sort(ids.begin(), ids.end(), [&](const std::string& a, const std::string& b) {
    const auto ra = rank(a), rb = rank(b);
    return ra != rb ? ra < rb : a < b;
  });
  return ids;
}

std::string Chip(const std::string& id, const ordered_json& concepts, const std::string& extra) {
  return "<span class=\"chip c-" + std::string(CategoryOf(SectionOf(concepts, id)).id) +
         "\"><span class=\"id\">" + Esc(id) + "</span>" + extra + "</span>";
}

// "1–3, 5, 9"; at most `max_runs` runs, then "…".
std::string PageRanges(const ordered_json& pages, size_t max_runs = 12) {
  std::vector<uint64_t> p;
  if (pages.is_array()) {
    for (const auto& x : pages) {
      if (x.is_number_unsigned()) p.push_back(x.get<uint64_t>());
    }
  }
  std::string out;
  size_t runs = 0;
  for (size_t i = 0; i < p.size();) {
    size_t j = i;
    while (j + 1 < p.size() && p[j + 1] == p[j] + 1) ++j;
    if (runs == max_runs) return out + ", \xE2\x80\xA6";
    out += (runs ? ", " : "") + Int(p[i]) + (j > i ? "\xE2\x80\x93" + Int(p[j]) : "");
    ++runs;
    i = j + 1;
  }
  return out;
}

std::string Per10k(const ordered_json& v) {
  return v.is_number() ? FormatNumber(v.get<double>(), 1) : "-";
}

// A heat class h0..h5 for `v` of `max`.
std::string Heat(double v, double max) {
  if (!(v > 0) || !(max > 0)) return "h0";
  return "h" + Int(std::clamp<uint64_t>(static_cast<uint64_t>(std::ceil(5.0 * v / max)), 1, 5));
}

// The radar's two series: explicit and indicator matches per 10,000 words
// (counts when the document has no words) per dimension.
std::pair<RadarSeries, RadarSeries> DimensionSeries(const ordered_json& doc) {
  const ordered_json& by =
      Get(Get(Get(Get(doc, "summary"), "profile"), "dimensions"), "by_dimension");
  const double words = Num(Get(doc, "stats"), "words");
  auto per10k = [&](uint64_t n) { return words > 0 ? double(n) * 1e4 / words : double(n); };
  RadarSeries ex{"explicit (e.g. \"food security\")", "s-ex", false, {}};
  RadarSeries ind{"indicator (e.g. \"famine\")", "s-ind", true, {}};
  for (const char* d : kDimensions) {
    ex.values.push_back(per10k(Uint(Get(by, d), "explicit")));
    ind.values.push_back(per10k(Uint(Get(by, d), "indicator")));
  }
  return {ex, ind};
}

// `radar_max`: the radar's scale (0: the document's largest value).
std::string ProfileHtml(const ordered_json& doc, bool with_rule, double radar_max) {
  const ordered_json& summary = Get(doc, "summary");
  const ordered_json& concepts = Get(summary, "concepts");
  const ordered_json& profile = Get(summary, "profile");
  const ordered_json& dims = Get(profile, "dimensions");
  const ordered_json& by = Get(dims, "by_dimension");
  const double words = Num(Get(doc, "stats"), "words");
  std::vector<std::string> axes, notes;
  for (const char* d : kDimensions) {
    axes.push_back(d);
    notes.push_back(Int(Uint(Get(by, d), "explicit")) + " expl. \xC2\xB7 " +
                    Int(Uint(Get(by, d), "indicator")) + " ind.");
  }
  const auto [ex, ind] = DimensionSeries(doc);
  std::string o = "<div class=\"grid\">\n<div class=\"card\"><h3>Seven threat dimensions</h3>";
  o += "<p class=\"muted\">Matches per 10,000 words" +
       std::string(words > 0 ? "" : " (no words: counts)") + "; " +
       Int(Uint(dims, "covered_explicit")) + " of " + Int(Uint(dims, "of")) +
       " dimensions named explicitly, " + Int(Uint(dims, "covered_any")) + " of " +
       Int(Uint(dims, "of")) + " with indicators.</p>";
  o += RadarSvg(axes, notes, {ex, ind}, radar_max,
                "Radar of the seven dimensions: explicit and indicator matches per 10,000 words");
  o += "</div>\n<div class=\"card\"><h3>Three freedoms</h3>";
  const ordered_json& f = Get(profile, "freedoms");
  std::vector<Bar> bars;
  for (const auto& fr : kFreedoms) {
    const double share = Num(Get(f, "shares"), fr[0]);
    bars.push_back({fr[1], share, FormatNumber(share * 100, 0) + "% (" + Int(Uint(f, fr[0])) + ")",
                    std::string("b-") + fr[0]});
  }
  o += BarsSvg(bars, 1.0, "Share of each freedom among the freedom mentions (count)");
  o += "<p>Orientation: <strong>" + Esc(Str(profile, "orientation")) + "</strong></p>";
  const std::string rule = Str(profile, "orientation_rule");
  if (with_rule && !rule.empty()) o += "<p class=\"muted small\">" + Esc(rule) + "</p>";
  // Approaches and principles: the codebook's, present or absent, then any other.
  auto chips = [&](const char* key, const auto& expected) {
    std::set<std::string> present;
    for (const auto& x : Get(profile, key)) {
      if (x.is_string()) present.insert(x.get<std::string>());
    }
    std::string c;
    std::set<std::string> shown;
    for (const char* id : expected) {
      shown.insert(id);
      const bool on = present.count(id) > 0;
      c += "<span class=\"chip " + std::string(on ? "on" : "off") + "\"><span class=\"id\">" +
           Esc(id) + "</span>" +
           (on ? " " + Int(Uint(Get(concepts, id), "total")) : std::string(" absent")) + "</span>";
    }
    for (const auto& id : present) {
      if (!shown.count(id)) {
        c += "<span class=\"chip on\"><span class=\"id\">" + Esc(id) + "</span> " +
             Int(Uint(Get(concepts, id.c_str()), "total")) + "</span>";
      }
    }
    return c;
  };
  o += "<h3>Approaches</h3><p>" + chips("approaches", kApproaches) + "</p>";
  o += "<h3>Principles</h3><p>" + chips("principles", kPrinciples) + "</p>";
  o += "</div>\n</div>\n";
  return o;
}

}  // namespace hstag::report
