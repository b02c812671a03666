// SPDX-License-Identifier: GPL-3.0-or-later
//
// Inline SVG charts for the HTML reports: a radar (spider) chart and
// horizontal bars. Colours come from CSS classes the page defines; series are
// told apart by dash pattern and marker shape too, and every number is
// printed as text, so that a chart reads in grey print. Labels are escaped.
//
// Thread safety: free functions without shared state.
#ifndef HSTAG_REPORT_SVG_CHART_H_
#define HSTAG_REPORT_SVG_CHART_H_

#include <string>
#include <string_view>
#include <vector>

namespace hstag {

struct RadarSeries {
  std::string name;
  std::string css_class;       // stroke and fill of the polygon
  bool dashed = false;         // drawn dashed with square markers (else solid, round markers)
  std::vector<double> values;  // one per axis, >= 0
};

// One axis per label, clockwise from the top; `notes[i]` (numbers) is written
// under label i. Values are scaled to `max` (the largest value when 0).
std::string RadarSvg(const std::vector<std::string>& axes, const std::vector<std::string>& notes,
                     const std::vector<RadarSeries>& series, double max, std::string_view title);

struct Bar {
  std::string label;
  double value = 0;       // the bar's length relative to `max`
  std::string text;       // the number written after the bar
  std::string css_class;  // fill of the bar
};

// One bar a row, scaled to `max` (the largest value when 0).
std::string BarsSvg(const std::vector<Bar>& bars, double max, std::string_view title);

// A number with `decimals` digits after the point ("-" when not finite).
std::string FormatNumber(double v, int decimals);

}  // namespace hstag

#endif  // HSTAG_REPORT_SVG_CHART_H_
