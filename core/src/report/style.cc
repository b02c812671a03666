// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/style.h"

#include <array>
#include <iterator>

#include "hstag/codebook.h"

namespace hstag::report {
namespace {

struct Look {
  std::string_view section;  // a codebook section's ID
  std::string_view colour, tint, line;
};

constexpr Look kLooks[] = {
    {"concept", "#8a7a00", "#f6ee8c", "text-decoration:underline solid 3px"},
    {"pillar", "#b06f00", "#f5d69a", "text-decoration:underline double 3px"},
    {"dimension", "#1f78b4", "#c3e3f6", "text-decoration:underline wavy 1.5px"},
    {"approach", "#007a5a", "#b3e6d6", "text-decoration:underline dashed 2px"},
    {"principle", "#b34a00", "#f6c9a8", "text-decoration:underline dotted 3px"},
    {"topic", "#a34c82", "#efcde2", "text-decoration:underline overline solid 1.5px"},
    {"actor", "#0060a0", "#d5e5f2", "border:1px solid;border-radius:3px"},
    {"definition", "#5a3d8a", "#ddd0f0", "text-decoration:underline overline dotted 2px"},
    {"citation", "#555555", "#e2e2e2", "text-decoration:underline overline dashed 1.5px"},
};
constexpr Category kOther = {"other", "other", "#333333", "#eeeeee",
                             "text-decoration:underline solid 1px"};

// A look for every section of the codebook, or the build fails here.
constexpr const Look& LookOf(std::string_view section) {
  for (const Look& look : kLooks) {
    if (look.section == section) return look;
  }
  throw "a codebook section without a look in kLooks";
}

constexpr auto kCategories = [] {
  std::array<Category, std::size(codebook::kSections) + 1> t{};
  for (size_t i = 0; i < std::size(codebook::kSections); ++i) {
    const codebook::Section& s = codebook::kSections[i];
    const Look& look = LookOf(s.id);
    t[i] = {s.id, s.label, look.colour, look.tint, look.line};
  }
  t.back() = kOther;
  return t;
}();

}  // namespace

std::span<const Category> Categories() { return kCategories; }

const Category& CategoryOf(std::string_view section) {
  for (const auto& c : kCategories) {
    if (section == c.id) return c;
  }
  return kCategories.back();
}

namespace {

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
mark.bp,mark.rf{opacity:.7}
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
    const std::string id(c.id), colour(c.colour), tint(c.tint), line(c.line);
    const std::string cls = "c-" + id;
    css += "mark." + cls + "{" + line + ";text-decoration-color:" + colour +
           ";border-color:" + colour + "}\n";
    css += "mark." + cls + ".e{background:" + tint + "}\n";
    css += ".legend label." + cls + "{" + line + ";text-decoration-color:" + colour +
           ";border-color:" + colour + ";background:" + tint + "}\n";
    css += ".chip." + cls + "{border-color:" + colour + ";background:" + tint + "}\n";
    // The legend's checkbox off: the category's marks plain, its label struck.
    const std::string box = "#f-" + id + ":not(:checked)~main ";
    css +=
        box + "mark." + cls + "{background:none;text-decoration:none;border-color:transparent}\n";
    css += box + "label[for=f-" + id + "]{opacity:.5;text-decoration:line-through}\n";
    css += box + "label[for=f-" + id + "]::before{content:\"\\2610\\00a0\"}\n";
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

}  // namespace

const std::string& Css() {
  static const std::string css = BuildCss();
  return css;
}

}  // namespace hstag::report
