// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/widgets.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iterator>
#include <set>

#include "hstag/codebook.h"
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

std::string_view SectionOf(const Summary& summary, std::string_view id) {
  const Summary::Concept* c = summary.FindConcept(id);
  return c && !c->section.empty() ? std::string_view(c->section) : codebook::SectionOf(id);
}

std::vector<std::string> ByCategory(
    std::vector<std::string> ids,
    const std::function<std::string_view(std::string_view)>& section) {
  auto rank = [&](const std::string& id) { return &CategoryOf(section(id)) - Categories().data(); };
  std::stable_sort(ids.begin(), ids.end(), [&](const std::string& a, const std::string& b) {
    const auto ra = rank(a), rb = rank(b);
    return ra != rb ? ra < rb : a < b;
  });
  return ids;
}

std::string Chip(std::string_view id, std::string_view section, const std::string& extra) {
  return "<span class=\"chip c-" + std::string(CategoryOf(section).id) + "\"><span class=\"id\">" +
         Esc(id) + "</span>" + extra + "</span>";
}

std::string Per10k(const std::optional<double>& v) { return v ? FormatNumber(*v, 1) : "-"; }

std::string Heat(double v, double max) {
  if (!(v > 0) || !(max > 0)) return "h0";
  return "h" + Int(std::clamp<uint64_t>(static_cast<uint64_t>(std::ceil(5.0 * v / max)), 1, 5));
}

std::pair<RadarSeries, RadarSeries> DimensionSeries(const Summary& summary, double words) {
  auto per10k = [&](uint64_t n) { return words > 0 ? double(n) * 1e4 / words : double(n); };
  RadarSeries ex{"explicit (e.g. \"food security\")", "s-ex", false, {}};
  RadarSeries ind{"indicator (e.g. \"famine\")", "s-ind", true, {}};
  for (const Summary::Dimension& d : summary.profile.dimensions) {
    ex.values.push_back(per10k(d.explicit_count));
    ind.values.push_back(per10k(d.indicator_count));
  }
  return {ex, ind};
}

namespace {

// The codebook's approaches or principles, each present (with its count) or
// absent, then any other the document names.
template <size_t N>
std::string Chips(const Summary& summary, const std::vector<std::string>& named,
                  const std::string_view (&expected)[N]) {
  const std::set<std::string, std::less<>> present(named.begin(), named.end());
  auto total = [&](std::string_view id) {
    const Summary::Concept* c = summary.FindConcept(id);
    return Int(c ? c->total : 0);
  };
  std::string o;
  for (std::string_view id : expected) {
    const bool on = present.count(id) > 0;
    o += "<span class=\"chip " + std::string(on ? "on" : "off") + "\"><span class=\"id\">" +
         Esc(id) + "</span>" + (on ? " " + total(id) : std::string(" absent")) + "</span>";
  }
  for (const auto& id : present) {
    if (std::find(std::begin(expected), std::end(expected), id) == std::end(expected)) {
      o += "<span class=\"chip on\"><span class=\"id\">" + Esc(id) + "</span> " + total(id) +
           "</span>";
    }
  }
  return o;
}

}  // namespace

std::string ProfileHtml(const Summary& summary, double words, bool with_rule, double radar_max) {
  const Summary::Profile& profile = summary.profile;
  std::vector<std::string> axes, notes;
  for (size_t k = 0; k < profile.dimensions.size(); ++k) {
    axes.emplace_back(codebook::kDimensions[k].key);
    notes.push_back(Int(profile.dimensions[k].explicit_count) + " expl. \xC2\xB7 " +
                    Int(profile.dimensions[k].indicator_count) + " ind.");
  }
  const auto [ex, ind] = DimensionSeries(summary, words);
  const std::string of = Int(profile.dimensions.size());
  std::string o = "<div class=\"grid\">\n<div class=\"card\"><h3>Seven threat dimensions</h3>";
  o += "<p class=\"muted\">Matches per 10,000 words" +
       std::string(words > 0 ? "" : " (no words: counts)") + "; " + Int(profile.covered_explicit) +
       " of " + of + " dimensions named explicitly, " + Int(profile.covered_any) + " of " + of +
       " with indicators.</p>";
  o += RadarSvg(axes, notes, {ex, ind}, radar_max,
                "Radar of the seven dimensions: explicit and indicator matches per 10,000 words");
  o += "</div>\n<div class=\"card\"><h3>Three freedoms</h3>";
  std::vector<Bar> bars;
  for (size_t k = 0; k < profile.freedoms.size(); ++k) {
    const codebook::Freedom& fr = codebook::kFreedoms[k];
    const Summary::Freedom& f = profile.freedoms[k];
    bars.push_back({std::string(fr.label), f.share,
                    FormatNumber(f.share * 100, 0) + "% (" + Int(f.count) + ")",
                    "b-" + std::string(fr.key)});
  }
  o += BarsSvg(bars, 1.0, "Share of each freedom among the freedom mentions (count)");
  o += "<p>Orientation: <strong>" + Esc(profile.orientation) + "</strong></p>";
  if (with_rule && !profile.orientation_rule.empty()) {
    o += "<p class=\"muted small\">" + Esc(profile.orientation_rule) + "</p>";
  }
  o +=
      "<h3>Approaches</h3><p>" + Chips(summary, profile.approaches, codebook::kApproaches) + "</p>";
  o +=
      "<h3>Principles</h3><p>" + Chips(summary, profile.principles, codebook::kPrinciples) + "</p>";
  o += "</div>\n</div>\n";
  return o;
}

}  // namespace hstag::report
