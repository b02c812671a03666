// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/report.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/html.h"
#include "report/svg_chart.h"
#include "util/util.h"

namespace hstag {
namespace {

// ---- categories: a concept's codebook section -----------------------------

struct Category {
  const char* id;     // the codebook section, as the lexicons name it
  const char* label;  // in the legend
  const char* colour;
  const char* tint;  // background of explicit matches
  const char* line;  // the CSS of its underline (or box)
};

// Okabe-Ito colours, and an underline style of its own for each, so that
// categories are told apart without colour.
constexpr Category kCategories[] = {
    {"concept", "human security", "#8a7a00", "#f6ee8c", "text-decoration:underline solid 3px"},
    {"pillar", "freedoms", "#b06f00", "#f5d69a", "text-decoration:underline double 3px"},
    {"dimension", "dimensions", "#1f78b4", "#c3e3f6", "text-decoration:underline wavy 1.5px"},
    {"approach", "approaches", "#007a5a", "#b3e6d6", "text-decoration:underline dashed 2px"},
    {"principle", "principles", "#b34a00", "#f6c9a8", "text-decoration:underline dotted 3px"},
    {"topic", "topics", "#a34c82", "#efcde2", "text-decoration:underline overline solid 1.5px"},
    {"actor", "actors", "#0060a0", "#d5e5f2", "border:1px solid;border-radius:3px"},
    {"definition", "definitions", "#5a3d8a", "#ddd0f0",
     "text-decoration:underline overline dotted 2px"},
    {"citation", "citations", "#555555", "#e2e2e2",
     "text-decoration:underline overline dashed 1.5px"},
    {"other", "other", "#333333", "#eeeeee", "text-decoration:underline solid 1px"},
};

const Category& CategoryOf(std::string_view section) {
  for (const auto& c : kCategories) {
    if (section == c.id) return c;
  }
  return kCategories[std::size(kCategories) - 1];
}

constexpr const char* kDimensions[] = {"economic", "food",      "health",   "environmental",
                                       "personal", "community", "political"};
constexpr const char* kFreedoms[][2] = {{"fear", "freedom from fear"},
                                        {"want", "freedom from want"},
                                        {"dignity", "freedom to live in dignity"}};
// The codebook's approaches and principles, shown present or absent.
constexpr const char* kApproaches[] = {"approach.protection", "approach.empowerment"};
constexpr const char* kPrinciples[] = {
    "principle.people_centred",      "principle.comprehensive",  "principle.context_specific",
    "principle.prevention_oriented", "principle.interconnected", "principle.universal"};

// ---- the stylesheet (one for every page; allowed by its hash) ---------------

std::string BuildCss() {
  std::string css = R"CSS(
:root{color-scheme:light}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1a1a1a;background:#fff;margin:0 auto;max-width:1180px;padding:0 1.2rem 3rem}
h1{font-size:1.6rem;margin:1.2rem 0 .3rem;overflow-wrap:anywhere}
h2{font-size:1.25rem;margin:2rem 0 .6rem;border-bottom:2px solid #333;padding-bottom:.2rem}
h3{font-size:1.02rem;margin:1.1rem 0 .3rem}
a{color:#0b5394}
code,.id{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.86em}
.muted{color:#555}
.small{font-size:.85em}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.6rem 0}
dl.meta dt{font-weight:600;color:#444}
dl.meta dd{margin:0;overflow-wrap:anywhere}
nav.toc{margin:.8rem 0;padding:.4rem 0;border-top:1px solid #ccc;border-bottom:1px solid #ccc}
nav.toc a{margin-right:1.2rem}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:1rem 2rem;align-items:start}
.card{border:1px solid #ccc;border-radius:6px;padding:.6rem .9rem}
.card h3{margin-top:.2rem}
svg.chart{max-width:100%;height:auto;display:block}
svg.chart text{font:12px system-ui,"DejaVu Sans",sans-serif;fill:#1a1a1a}
svg.chart text.note,svg.chart text.scale{font-size:11px;fill:#444}
svg.chart text.value{font-weight:600}
.s-ex{stroke:#0060a0;fill:#0060a0}
.s-ind{stroke:#c05000;fill:#c05000}
.b-fear{fill:#d98a8a}.b-want{fill:#e6b84f}.b-dignity{fill:#8fb8de}
.chip{display:inline-block;border:1px solid #777;border-radius:1em;padding:0 .65em;margin:.12rem .15rem;font-size:.88em;white-space:nowrap}
.chip.on{background:#e3efe6;border-color:#2b7a3d;font-weight:600}
.chip.off{color:#777;border-style:dashed}
table{border-collapse:collapse;margin:.4rem 0;font-size:.92em}
th,td{border-bottom:1px solid #ddd;padding:.22rem .55rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td a{white-space:nowrap}
.warn{border-left:4px solid #c05000;background:#fff4ec;padding:.4rem .8rem;margin:.6rem 0}
ol.passages li{margin:.35rem 0}
blockquote{margin:.1rem 0;padding:.1rem .7rem;border-left:3px solid #bbb;font-family:Georgia,"DejaVu Serif",serif}
.filters{position:absolute;left:-9999px}
.legend{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid #bbb;padding:.45rem 0;font-size:.9em}
.legend label{display:inline-block;margin:.1rem .5rem .1rem 0;padding:0 .3rem;cursor:pointer;user-select:none}
.legend label::before{content:"\2611\00a0"}
.pt{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,"DejaVu Serif",serif;line-height:1.65}
.pm{font:600 .82rem system-ui,sans-serif;color:#444;border-top:2px solid #888;margin:1.4rem 0 .4rem;padding-top:.2rem}
mark{background:none;color:inherit;text-decoration-skip-ink:none;text-underline-offset:3px}
mark.bp{opacity:.7}
:target{outline:3px solid #e00;outline-offset:2px}
.scroll{overflow-x:auto;max-width:100%}
table.index th{white-space:nowrap;font-size:.85em}
table.index th button{font:inherit;background:none;border:0;padding:0;cursor:pointer;color:#0b5394;text-align:left}
table.index th[aria-sort=descending] button::after{content:" \25BE"}
table.index th[aria-sort=ascending] button::after{content:" \25B4"}
table.index td:first-child,table.index th:first-child{position:sticky;left:0;background:#fff;z-index:1;max-width:22rem;overflow-wrap:anywhere}
table.index th:first-child{background:#f3f3f3}
table.index td:first-child{min-width:15rem}
table.index td:first-child a{white-space:normal}
.h0{background:#fff}.h1{background:#eaf2fa}.h2{background:#c6dbef}.h3{background:#94bfe0}.h4{background:#5b9bd0}.h5{background:#2a6fb0;color:#fff}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}
footer{margin-top:2.5rem;border-top:1px solid #ccc;padding-top:.5rem;font-size:.85em;color:#555}
)CSS";
  for (const auto& c : kCategories) {
    const std::string cls = std::string("c-") + c.id;
    css += "mark." + cls + "{" + c.line + ";text-decoration-color:" + c.colour +
           ";border-color:" + c.colour + "}\n";
    css += "mark." + cls + ".e{background:" + c.tint + "}\n";
    css += ".legend label." + cls + "{" + c.line + ";text-decoration-color:" + c.colour +
           ";border-color:" + c.colour + ";background:" + c.tint + "}\n";
    css += ".chip." + cls + "{border-color:" + c.colour + ";background:" + c.tint + "}\n";
    // The legend's checkbox off: the category's marks plain, its label struck.
    const std::string box = std::string("#f-") + c.id + ":not(:checked)~main ";
    css +=
        box + "mark." + cls + "{background:none;text-decoration:none;border-color:transparent}\n";
    css += box + "label[for=f-" + c.id + "]{opacity:.5;text-decoration:line-through}\n";
    css += box + "label[for=f-" + c.id + "]::before{content:\"\\2610\\00a0\"}\n";
  }
  css +=
      "#f-ind:not(:checked)~main mark.i{background:none;text-decoration:none;"
      "border-color:transparent}\n"
      "#f-ind:not(:checked)~main label[for=f-ind]{opacity:.5;text-decoration:line-through}\n"
      "#f-ind:not(:checked)~main label[for=f-ind]::before{content:\"\\2610\\00a0\"}\n"
      "input.filters:focus-visible~main .legend{outline:2px solid #0b5394}\n";
  css += R"CSS(@media print{
body{font-size:10pt;max-width:none;padding:0}
nav.toc,.filters,.noprint,table.index th button::after{display:none}
.legend{position:static;border:0}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a{color:inherit;text-decoration:none}
h2{break-after:avoid}
h3{break-after:avoid}
svg.chart,.card,tr,blockquote{break-inside:avoid}
.pm{break-after:avoid}
.grid{display:block}
.card{margin-bottom:.6rem}
.scroll{overflow:visible}
:target{outline:none}
}
)CSS";
  return css;
}

const std::string& Css() {
  static const std::string css = BuildCss();
  return css;
}

// The whole page: the CSP allows the stylesheet and `script` by their hashes
// and nothing else.
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

// ---- reading the JSON defensively -----------------------------------------

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

// ---- the HS profile (shared by the document and the comparison) -----------

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

// ---- the document's text with its matches ---------------------------------

struct Mark {
  size_t start = 0, end = 0;
  std::vector<size_t> anns;  // annotation indices on exactly this span
};

class DocumentReport {
 public:
  DocumentReport(const ordered_json& doc, const ReportOptions& o) : doc_(doc), o_(o) {}

  std::string Render() {
    summary_ = &Get(doc_, "summary");
    concepts_ = &Get(*summary_, "concepts");
    const ordered_json& text = Get(doc_, "text");
    has_text_ = text.is_string();
    if (has_text_) text_ = text.get_ref<const std::string&>();
    BuildMarks();
    const std::string path = Str(Get(doc_, "source"), "path");
    std::string body = Filters();
    body += "<main>\n";
    body += Header(path);
    body +=
        "<nav class=\"toc\"><a href=\"#profile\">HS profile</a><a href=\"#concepts\">Concepts</a>"
        "<a href=\"#actors\">Actors</a><a href=\"#passages\">Key passages</a>"
        "<a href=\"#text\">Text</a></nav>\n";
    body += "<section id=\"profile\"><h2>HS profile</h2>\n" +
            ProfileHtml(doc_, /*with_rule=*/true, 0) + Definitions() + "</section>\n";
    body += Concepts();
    body += Actors();
    body += Passages();
    body += Text();
    body += Footer();
    body += "</main>\n";
    return Page("hstag report: " + FileName(path), body, "");
  }

 private:
  // Hidden checkboxes, siblings before <main>, so that CSS can filter by them.
  std::string Filters() const {
    std::string o;
    for (const auto& c : kCategories) {
      if (categories_.count(c.id)) {
        o += "<input class=\"filters\" type=\"checkbox\" id=\"f-" + std::string(c.id) +
             "\" checked aria-label=\"show " + c.label + "\">\n";
      }
    }
    return o +
           "<input class=\"filters\" type=\"checkbox\" id=\"f-ind\" checked "
           "aria-label=\"show indicators\">\n";
  }

  void BuildMarks() {
    const ordered_json& anns = Get(doc_, "annotations");
    if (!anns.is_array()) return;
    std::vector<size_t> order;
    for (size_t i = 0; i < anns.size(); ++i) {
      const ordered_json& a = anns[i];
      const std::string id = Str(a, "concept");
      categories_.insert(CategoryOf(SectionOf(*concepts_, id)).id);
      if (!has_text_) continue;
      const uint64_t s = Uint(a, "start"), e = Uint(a, "end");
      if (s < e && e <= text_.size()) order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
      const uint64_t sx = Uint(anns[x], "start"), sy = Uint(anns[y], "start");
      if (sx != sy) return sx < sy;
      return Uint(anns[x], "end") > Uint(anns[y], "end");
    });
    for (size_t i : order) {
      const size_t s = Uint(anns[i], "start"), e = Uint(anns[i], "end");
      if (marks_.empty() || marks_.back().start != s || marks_.back().end != e) {
        marks_.push_back({s, e, {}});
      }
      marks_.back().anns.push_back(i);
      mark_of_[i] = marks_.size() - 1;
    }
  }

  // An anchor to annotation `i` in the text ("" when it is not shown).
  std::string LinkTo(size_t i, const std::string& label) {
    auto it = mark_of_.find(i);
    if (it == mark_of_.end()) return "";
    linked_.insert(it->second);
    return "<a href=\"#m" + Int(it->second) + "\">" + label + "</a>";
  }
  // The first annotation of `concept` with `key` equal to `value`.
  size_t FindAnnotation(const std::string& concept_id, const char* key, uint64_t value,
                        const char* plugin = nullptr) const {
    const ordered_json& anns = Get(doc_, "annotations");
    for (size_t i = 0; anns.is_array() && i < anns.size(); ++i) {
      if (Str(anns[i], "concept") == concept_id && Uint(anns[i], key) == value &&
          Get(anns[i], key).is_number() && (!plugin || Str(anns[i], "plugin") == plugin)) {
        return i;
      }
    }
    return SIZE_MAX;
  }

  std::string Header(const std::string& path) const {
    const ordered_json& source = Get(doc_, "source");
    const ordered_json& meta = Get(source, "metadata");
    const ordered_json& stats = Get(doc_, "stats");
    const ordered_json& tool = Get(doc_, "tool");
    std::string title = Str(meta, "title");
    if (title.empty()) title = FileName(path);
    std::string o =
        "<header><h1>" + Esc(title) +
        "</h1>\n<p class=\"muted\">Human Security audit report</p>\n<dl class=\"meta\">";
    auto row = [&](const std::string& k, const std::string& v_escaped) {
      if (!v_escaped.empty()) o += "<dt>" + Esc(k) + "</dt><dd>" + v_escaped + "</dd>";
    };
    row("File", "<code>" + Esc(path) + "</code>");
    row("Format", Esc(Str(source, "format")));
    if (Uint(stats, "pages")) row("Pages", Int(Uint(stats, "pages")));
    row("Words", Int(Uint(stats, "words")));
    row("Language", Esc(Str(source, "language")));
    row("SHA-256", "<code>" + Esc(Str(source, "sha256")) + "</code>");
    if (meta.is_object()) {
      for (const auto& [k, v] : meta.items()) {
        if (k == "title" && Str(meta, "title") == title) continue;
        row(k, Esc(v.is_string() ? v.get<std::string>() : v.dump()));
      }
    }
    row("hstag", Esc(Str(tool, "version")));
    std::string lex;
    for (const auto& l : Get(tool, "lexicons")) {
      lex += (lex.empty() ? "" : ", ") + Esc(Str(l, "name")) + " " + Esc(Str(l, "version"));
    }
    row("Lexicons", lex);
    row("Report made", Esc(o_.date));
    o += "</dl>\n";
    for (const char* kind : {"errors", "warnings"}) {
      for (const auto& m : Get(doc_, kind)) {
        o += "<p class=\"warn\"><strong>" + std::string(kind[0] == 'e' ? "Error" : "Warning") +
             "</strong> (" + Esc(Str(m, "stage")) + "): " + Esc(Str(m, "message")) + "</p>\n";
      }
    }
    return o + "</header>\n";
  }

  std::string Definitions() {
    std::string o = "<h3>Canonical definitions the text aligns with</h3>";
    const ordered_json& defs = Get(*summary_, "definitions");
    if (!defs.is_array() || defs.empty()) return o + "<p class=\"muted\">None.</p>\n";
    o += "<table><thead><tr><th>Definition</th><th>Source</th><th "
         "class=\"n\">Score</th><th>Where</th></tr></thead><tbody>";
    for (const auto& d : defs) {
      const std::string id = Str(d, "id");
      const ordered_json& score = Get(d, "score");
      std::string where = Get(d, "page").is_number() ? "p. " + Int(Uint(d, "page")) : "";
      const size_t i = FindAnnotation(id, "start", Uint(d, "start"));
      const std::string link = i == SIZE_MAX ? "" : LinkTo(i, "in the text");
      o += "<tr><td>" + Chip(id, *concepts_, "") + "</td><td>" + Esc(Str(d, "source")) +
           "</td><td class=\"n\">" +
           (score.is_number() ? FormatNumber(score.get<double>(), 2) : "-") + "</td><td>" + where +
           (where.empty() || link.empty() ? "" : " ") + link + "</td></tr>";
    }
    return o + "</tbody></table>\n";
  }

  std::string Concepts() {
    std::string o = "<section id=\"concepts\"><h2>Concepts</h2>\n";
    std::vector<std::string> ids;
    if (concepts_->is_object()) {
      for (const auto& [id, c] : concepts_->items()) ids.push_back(id);
    }
    if (ids.empty()) return o + "<p class=\"muted\">No concept found.</p></section>\n";
    o += "<table><thead><tr><th>Concept</th><th>Label</th><th class=\"n\">Explicit</th>"
         "<th class=\"n\">Indicator</th><th class=\"n\">Per 10k "
         "words</th><th>Pages</th><th>First</th></tr></thead><tbody>\n";
    for (const auto& id : ByCategory(ids, *concepts_)) {
      const ordered_json& c = Get(*concepts_, id.c_str());
      std::string first;
      const ordered_json& f = Get(c, "first");
      if (f.is_object()) {
        const size_t i = FindAnnotation(id, "start", Uint(f, "start"));
        if (i != SIZE_MAX)
          first = LinkTo(i, Get(f, "page").is_number() ? "p. " + Int(Uint(f, "page")) : "first");
      }
      o += "<tr><td>" + Chip(id, *concepts_, "") + "</td><td>" + Esc(Str(c, "label")) +
           "</td><td class=\"n\">" + Int(Uint(c, "explicit")) + "</td><td class=\"n\">" +
           Int(Uint(c, "indicator")) + "</td><td class=\"n\">" + Per10k(Get(c, "per_10k_words")) +
           "</td><td>" + PageRanges(Get(c, "pages")) + "</td><td>" + first + "</td></tr>\n";
    }
    return o + "</tbody></table></section>\n";
  }

  std::string Actors() {
    std::string o = "<section id=\"actors\"><h2>Actors</h2>\n";
    const ordered_json& actors = Get(*summary_, "actors");
    if (!actors.is_array() || actors.empty())
      return o + "<p class=\"muted\">No actor named.</p></section>\n";
    o += "<table><thead><tr><th>Actor</th><th>Type</th><th class=\"n\">Mentions</th>"
         "<th>Concepts in the same sentences</th></tr></thead><tbody>\n";
    for (const auto& a : actors) {
      std::vector<std::pair<uint64_t, std::string>> with;
      for (const auto& [id, n] : Get(a, "co_occurrence").items()) {
        with.emplace_back(n.is_number_unsigned() ? n.get<uint64_t>() : 0, id);
      }
      std::stable_sort(with.begin(), with.end(),
                       [](const auto& x, const auto& y) { return x.first > y.first; });
      std::string chips;
      for (size_t k = 0; k < with.size() && k < 8; ++k) {
        chips += Chip(with[k].second, *concepts_, " " + Int(with[k].first));
      }
      if (with.size() > 8)
        chips += " <span class=\"muted\">+" + Int(with.size() - 8) + " more</span>";
      o += "<tr><td>" + Esc(Str(a, "label")) + "<br><span class=\"id muted\">" + Esc(Str(a, "id")) +
           "</span></td><td>" + Esc(Str(a, "type")) + "</td><td class=\"n\">" +
           Int(Uint(a, "count")) + "</td><td>" +
           (chips.empty() ? "<span class=\"muted\">none</span>" : chips) + "</td></tr>\n";
    }
    return o + "</tbody></table></section>\n";
  }

  std::string Passages() {
    std::string o =
        "<section id=\"passages\"><h2>Key passages</h2>\n<p class=\"muted\">Per concept, "
        "the sentences with the most distinct concepts per word.</p>\n";
    const ordered_json& kp = Get(*summary_, "key_passages");
    std::vector<std::string> ids;
    if (kp.is_object()) {
      for (const auto& [id, list] : kp.items()) ids.push_back(id);
    }
    if (ids.empty()) return o + "<p class=\"muted\">None.</p></section>\n";
    for (const auto& id : ByCategory(ids, *concepts_)) {
      const ordered_json& c = Get(*concepts_, id.c_str());
      o += "<h3>" + Chip(id, *concepts_, "") + " " + Esc(Str(c, "label")) +
           " <span class=\"muted\">(" + Int(Uint(c, "total")) +
           ")</span></h3><ol class=\"passages\">";
      for (const auto& p : Get(kp, id.c_str())) {
        std::string text = Str(p, "text");
        std::replace(text.begin(), text.end(), '\n', ' ');
        std::string where = Get(p, "page").is_number() ? "p. " + Int(Uint(p, "page")) : "";
        const size_t i = FindAnnotation(id, "sentence", Uint(p, "sentence"));
        const std::string link = i == SIZE_MAX ? "" : LinkTo(i, "in the text");
        o += "<li><blockquote>" + Esc(text) + "</blockquote><span class=\"muted\">" + where +
             (where.empty() || link.empty() ? "" : " \xC2\xB7 ") + link + "</span></li>";
      }
      o += "</ol>\n";
    }
    return o + "</section>\n";
  }

  std::string Legend() const {
    std::string o =
        "<div class=\"legend\" aria-label=\"Legend: click a category to hide or show its "
        "highlights\">"
        "<strong>Highlights</strong><span class=\"noprint\"> (click to hide or show)</span>: ";
    for (const auto& c : kCategories) {
      if (categories_.count(c.id)) {
        o += "<label for=\"f-" + std::string(c.id) + "\" class=\"c-" + c.id + "\">" + c.label +
             "</label>";
      }
    }
    o += "<label for=\"f-ind\">indicators</label><br><span class=\"muted\">Filled: explicit; "
         "underline only: indicator. Hover a match for its concept ID and strength.</span></div>\n";
    return o;
  }

  std::string Text() {
    std::string o = "<section id=\"text\"><h2>Text</h2>\n";
    if (!has_text_) {
      return o +
             "<p class=\"warn\">This JSON does not carry the document's text (it was written "
             "without --emit-text): the matches cannot be shown in it. Run <code>hstag "
             "report</code> "
             "on the document itself.</p></section>\n";
    }
    o += Legend();
    // Sections: one per page when the segments carry pages, else one.
    struct Part {
      size_t start;
      uint64_t page;
      std::string label;
    };
    std::vector<Part> parts;
    for (const auto& s : Get(doc_, "segments")) {
      const uint64_t page = Uint(s, "page");
      if (!page) continue;
      if (parts.empty() || parts.back().page != page) {
        const size_t start = std::min<size_t>(Uint(s, "start"), text_.size());
        if (!parts.empty() && start < parts.back().start) continue;  // out of order: ignore
        parts.push_back({start, page, Str(s, "page_label")});
      }
    }
    if (parts.empty()) parts.push_back({0, 0, ""});
    parts.front().start = 0;
    size_t m = 0;  // next mark
    for (size_t k = 0; k < parts.size(); ++k) {
      const size_t b = parts[k].start, e = k + 1 < parts.size() ? parts[k + 1].start : text_.size();
      if (parts[k].page) {
        const std::string num = Int(parts[k].page);
        o += "<div class=\"pm\" id=\"p" + num + "\">Page " + num;
        if (!parts[k].label.empty() && parts[k].label != num) o += " (" + Esc(parts[k].label) + ")";
        o += "</div>";
      }
      o += "<div class=\"pt\">";
      RenderRange(b, e, &m, &o);
      o += "</div>\n";
    }
    return o + "</section>\n";
  }

  // The text of [b, e) with the marks that start in it; a mark that crosses
  // an enclosing one or the range's end is cut there.
  void RenderRange(size_t b, size_t e, size_t* m, std::string* o) {
    const ordered_json& anns = Get(doc_, "annotations");
    std::vector<size_t> open;  // ends of open marks
    size_t pos = b;
    auto close_until = [&](size_t limit) {
      while (!open.empty() && open.back() <= limit) {
        AppendHtmlEscaped(std::string_view(text_).substr(pos, open.back() - pos), o);
        *o += "</mark>";
        pos = open.back();
        open.pop_back();
      }
    };
    for (; *m < marks_.size() && marks_[*m].start < e; ++*m) {
      const Mark& mk = marks_[*m];
      if (mk.start < pos) continue;  // overlapped by an earlier part's cut
      close_until(mk.start);
      size_t end = std::min(mk.end, e);
      if (!open.empty()) end = std::min(end, open.back());
      if (end <= mk.start) continue;
      AppendHtmlEscaped(std::string_view(text_).substr(pos, mk.start - pos), o);
      pos = mk.start;
      const ordered_json& first = anns[mk.anns.front()];
      bool is_explicit = false, boiler = true;
      std::string title;
      for (size_t i : mk.anns) {
        const std::string strength = Str(anns[i], "strength");
        is_explicit = is_explicit || strength == "explicit";
        boiler = boiler && Get(anns[i], "boilerplate").is_boolean() &&
                 Get(anns[i], "boilerplate").get<bool>();
        title += (title.empty() ? "" : "\n") + Str(anns[i], "concept") + " (" + strength + ")";
      }
      *o += "<mark class=\"c-" +
            std::string(CategoryOf(SectionOf(*concepts_, Str(first, "concept"))).id) +
            (is_explicit ? " e" : " i") + (boiler ? " bp" : "") + "\"";
      if (linked_.count(*m)) *o += " id=\"m" + Int(*m) + "\"";
      *o += " title=\"" + Esc(title) + "\">";
      open.push_back(end);
    }
    close_until(e);
    AppendHtmlEscaped(std::string_view(text_).substr(pos, e - pos), o);
  }

  std::string Footer() const {
    return "<footer>Made by hstag " + Esc(Str(Get(doc_, "tool"), "version")) +
           ". Matches are the lexicons' cues, not a reading of the document: check them in "
           "context.</footer>\n";
  }

  const ordered_json& doc_;
  const ReportOptions& o_;
  const ordered_json* summary_ = nullptr;
  const ordered_json* concepts_ = nullptr;
  bool has_text_ = false;
  std::string text_;
  std::vector<Mark> marks_;
  std::map<size_t, size_t> mark_of_;  // annotation index -> mark
  std::set<size_t> linked_;           // marks a link points at
  std::set<std::string> categories_;  // present in the annotations
};

// A heat class h0..h5 for `v` of `max`.
std::string Heat(double v, double max) {
  if (!(v > 0) || !(max > 0)) return "h0";
  return "h" + Int(std::clamp<uint64_t>(static_cast<uint64_t>(std::ceil(5.0 * v / max)), 1, 5));
}

// A document's file name, then its metadata title when it has one (escaped).
std::string DocName(const ordered_json& doc) {
  const ordered_json& source = Get(doc, "source");
  const std::string title = Str(Get(source, "metadata"), "title");
  return Esc(FileName(Str(source, "path"))) +
         (title.empty() ? "" : " <span class=\"muted\">(" + Esc(title) + ")</span>");
}

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

std::string DocumentReportHtml(const ordered_json& doc, const ReportOptions& options) {
  return DocumentReport(doc, options).Render();
}

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

std::string CorpusIndexHtml(const std::vector<IndexRow>& rows, const ordered_json& run,
                            const ReportOptions& options) {
  // Columns: every concept some document mentions, by category.
  std::set<std::string> seen;
  ordered_json sections = ordered_json::object();  // id -> {section}, for ByCategory
  double dim_max = 0;
  std::map<std::string, double> col_max;
  for (const auto& r : rows) {
    const ordered_json& summary = Get(r.line, "summary");
    const ordered_json& concepts = Get(summary, "concepts");
    if (concepts.is_object()) {
      for (const auto& [id, c] : concepts.items()) {
        if (!Uint(c, "total")) continue;
        seen.insert(id);
        sections[id] = {{"section", Str(c, "section")}};
        col_max[id] = std::max(col_max[id], Num(c, "per_10k_words"));
      }
    }
    const ordered_json& by = Get(Get(Get(summary, "profile"), "dimensions"), "by_dimension");
    for (const char* d : kDimensions) dim_max = std::max(dim_max, Num(Get(by, d), "per_10k_words"));
  }
  const std::vector<std::string> ids = ByCategory({seen.begin(), seen.end()}, sections);

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
  if (!Str(run, "started").empty())
    o += "<dt>Run started</dt><dd>" + Esc(Str(run, "started")) + "</dd>";
  if (!options.date.empty()) o += "<dt>Index made</dt><dd>" + Esc(options.date) + "</dd>";
  o += "</dl></header>\n<p class=\"muted\">One row per document. Click a column's name to sort by "
       "it "
       "(again to reverse); index.html#sort=food opens sorted by that column. Numbers are matches "
       "per 10,000 words; the seven dimension columns form "
       "a heat map on one scale (darker: denser), each concept column is shaded on its own "
       "scale.</p>\n";
  o += "<div class=\"scroll\"><table class=\"index\" id=\"index\"><thead><tr>";
  auto th = [&](const std::string& label, const std::string& tip, bool number) {
    o += std::string("<th") + (number ? " class=\"n\" data-type=\"number\"" : "") + " title=\"" +
         Esc(tip) + "\"><button type=\"button\">" + Esc(label) + "</button></th>";
  };
  th("Document", "file name", false);
  th("Pages", "pages", true);
  th("Words", "words", true);
  th("Orientation", "the freedom the document leans to", false);
  th("Dims", "dimensions named explicitly, of 7", true);
  for (const char* d : kDimensions)
    th(d, std::string("dimension.") + d + ": per 10,000 words", true);
  for (const auto& id : ids)
    th(id, Str(Get(sections, id.c_str()), "section") + ": per 10,000 words", true);
  o += "</tr></thead><tbody>\n";
  for (const auto& r : rows) {
    const ordered_json& line = r.line;
    const std::string path = Str(line, "path");
    const ordered_json& summary = Get(line, "summary");
    const ordered_json& profile = Get(summary, "profile");
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
    o += "<td data-v=\"" + Esc(Str(profile, "orientation")) + "\">" +
         Esc(Str(profile, "orientation")) + "</td>";
    const ordered_json& dims = Get(profile, "dimensions");
    num(Num(dims, "covered_explicit"), Int(Uint(dims, "covered_explicit")), "");
    for (const char* d : kDimensions) {
      const ordered_json& v = Get(Get(dims, "by_dimension"), d);
      num(Num(v, "per_10k_words"), Per10k(Get(v, "per_10k_words")),
          Heat(Num(v, "per_10k_words"), dim_max));
    }
    const ordered_json& concepts = Get(summary, "concepts");
    for (const auto& id : ids) {
      const ordered_json& c = Get(concepts, id.c_str());
      const double v = Num(c, "per_10k_words");
      num(v, c.is_object() ? Per10k(Get(c, "per_10k_words")) : FormatNumber(0, 1),
          Heat(v, col_max[id]));
    }
    o += "</tr>\n";
  }
  o += "</tbody></table></div>\n<footer>Made by hstag.</footer>\n</main>\n";
  return Page("hstag corpus index", o, kSortScript);
}

}  // namespace hstag
