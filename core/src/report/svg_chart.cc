// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/html.h"

namespace hstag {
namespace {

constexpr double kPi = 3.14159265358979323846;

std::string N(double v) { return FormatNumber(v, 1); }

}  // namespace

std::string FormatNumber(double v, int decimals) {
  if (!std::isfinite(v)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string RadarSvg(const std::vector<std::string>& axes, const std::vector<std::string>& notes,
                     const std::vector<RadarSeries>& series, double max, std::string_view title) {
  const size_t n = axes.size();
  if (max <= 0) {
    for (const auto& s : series) {
      for (double v : s.values) max = std::max(max, v);
    }
  }
  const bool empty = max <= 0;
  if (empty) max = 1;
  const double w = 460, h = 410, cx = 230, cy = 210, r = 125;
  std::string o = "<svg class=\"chart radar\" viewBox=\"0 0 " + N(w) + " " + N(h) + "\" width=\"" +
                  N(w) + "\" height=\"" + N(h) +
                  "\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\"><title>";
  AppendHtmlEscaped(title, &o);
  o += "</title>";
  auto point = [&](size_t i, double frac) {
    const double a = -kPi / 2 + 2 * kPi * double(i) / double(n);
    return std::pair{cx + r * frac * std::cos(a), cy + r * frac * std::sin(a)};
  };
  // Grid: rings at quarters, spokes, the scale on the top spoke.
  for (int q = 1; q <= 4; ++q) {
    o += "<polygon class=\"grid\" fill=\"none\" stroke=\"#999\" stroke-width=\"0.6\" points=\"";
    for (size_t i = 0; i < n; ++i) {
      auto [x, y] = point(i, q / 4.0);
      o += N(x) + "," + N(y) + " ";
    }
    o += "\"/>";
  }
  for (size_t i = 0; i < n; ++i) {
    auto [x, y] = point(i, 1.0);
    o += "<line stroke=\"#999\" stroke-width=\"0.6\" x1=\"" + N(cx) + "\" y1=\"" + N(cy) +
         "\" x2=\"" + N(x) + "\" y2=\"" + N(y) + "\"/>";
  }
  if (!empty) {
    for (int q = 2; q <= 4; q += 2) {
      auto [x, y] = point(0, q / 4.0);
      o += "<text class=\"scale\" x=\"" + N(x + 4) + "\" y=\"" + N(y + 4) + "\">" +
           FormatNumber(max * q / 4.0, max >= 10 ? 0 : 1) + "</text>";
    }
  }
  // Series: a closed polygon and a marker per axis.
  for (const auto& s : series) {
    std::string pts;
    for (size_t i = 0; i < n; ++i) {
      const double v = i < s.values.size() ? std::max(0.0, s.values[i]) : 0.0;
      auto [x, y] = point(i, std::min(1.0, v / max));
      pts += N(x) + "," + N(y) + " ";
    }
    o += "<g class=\"series " + HtmlEscape(s.css_class) + "\"><polygon points=\"" + pts +
         "\" fill-opacity=\"0.18\" stroke-width=\"2\"" +
         (s.dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>";
    for (size_t i = 0; i < n; ++i) {
      const double v = i < s.values.size() ? std::max(0.0, s.values[i]) : 0.0;
      auto [x, y] = point(i, std::min(1.0, v / max));
      if (s.dashed) {
        o += "<rect x=\"" + N(x - 3.5) + "\" y=\"" + N(y - 3.5) + "\" width=\"7\" height=\"7\"/>";
      } else {
        o += "<circle cx=\"" + N(x) + "\" cy=\"" + N(y) + "\" r=\"3.5\"/>";
      }
    }
    o += "</g>";
  }
  // Axis labels with their numbers.
  for (size_t i = 0; i < n; ++i) {
    auto [x, y] = point(i, 1.12);
    const char* anchor = std::abs(x - cx) < 10 ? "middle" : (x < cx ? "end" : "start");
    if (y < cy - r * 0.9) y -= 20;  // the top label and its note above the spoke
    o += "<text class=\"axis\" text-anchor=\"" + std::string(anchor) + "\" x=\"" + N(x) +
         "\" y=\"" + N(y) + "\">";
    AppendHtmlEscaped(axes[i], &o);
    if (i < notes.size() && !notes[i].empty()) {
      o += "<tspan class=\"note\" x=\"" + N(x) + "\" dy=\"14\">";
      AppendHtmlEscaped(notes[i], &o);
      o += "</tspan>";
    }
    o += "</text>";
  }
  // Legend, bottom left.
  double ly = h - 12.0 * double(series.size()) - 4;
  for (const auto& s : series) {
    o += "<g class=\"series " + HtmlEscape(s.css_class) + "\"><line x1=\"8\" x2=\"34\" y1=\"" +
         N(ly - 4) + "\" y2=\"" + N(ly - 4) + "\" stroke-width=\"2\"" +
         (s.dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>";
    o += s.dashed ? "<rect x=\"17.5\" y=\"" + N(ly - 7.5) + "\" width=\"7\" height=\"7\"/>"
                  : "<circle cx=\"21\" cy=\"" + N(ly - 4) + "\" r=\"3.5\"/>";
    o += "</g><text class=\"key\" x=\"40\" y=\"" + N(ly) + "\">";
    AppendHtmlEscaped(s.name, &o);
    o += "</text>";
    ly += 14;
  }
  if (empty) {
    o += "<text class=\"axis\" text-anchor=\"middle\" x=\"" + N(cx) + "\" y=\"" + N(cy - 8) +
         "\">no dimension mentioned</text>";
  }
  return o + "</svg>";
}

std::string BarsSvg(const std::vector<Bar>& bars, double max, std::string_view title) {
  if (max <= 0) {
    for (const auto& b : bars) max = std::max(max, b.value);
  }
  if (max <= 0) max = 1;
  const double label_w = 190, bar_w = 200, row = 26, w = label_w + bar_w + 90;
  const double h = row * double(bars.size()) + 6;
  std::string o = "<svg class=\"chart bars\" viewBox=\"0 0 " + N(w) + " " + N(h) + "\" width=\"" +
                  N(w) + "\" height=\"" + N(h) +
                  "\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\"><title>";
  AppendHtmlEscaped(title, &o);
  o += "</title>";
  double y = 4;
  for (const auto& b : bars) {
    const double len = bar_w * std::clamp(b.value / max, 0.0, 1.0);
    o += "<text class=\"axis\" text-anchor=\"end\" x=\"" + N(label_w - 8) + "\" y=\"" + N(y + 15) +
         "\">";
    AppendHtmlEscaped(b.label, &o);
    o += "</text><rect class=\"track\" fill=\"none\" stroke=\"#999\" stroke-width=\"0.6\" x=\"" +
         N(label_w) + "\" y=\"" + N(y + 2) + "\" width=\"" + N(bar_w) + "\" height=\"17\"/>";
    o += "<rect class=\"" + HtmlEscape(b.css_class) +
         "\" stroke=\"#333\" stroke-width=\"0.6\" x=\"" + N(label_w) + "\" y=\"" + N(y + 2) +
         "\" width=\"" + N(len) + "\" height=\"17\"/>";
    o += "<text class=\"value\" x=\"" + N(label_w + bar_w + 8) + "\" y=\"" + N(y + 15) + "\">";
    AppendHtmlEscaped(b.text, &o);
    o += "</text>";
    y += row;
  }
  return o + "</svg>";
}

}  // namespace hstag
