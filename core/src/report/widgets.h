// SPDX-License-Identifier: GPL-3.0-or-later
//
// What the report pages share: the page around a body, reading the parts of
// a document's JSON that are not its summary (source, tool, stats,
// annotations, text) defensively, numbers and names as text, concept chips
// ordered by category, and the HS profile of a summary (the radar of the
// seven dimensions, the three freedoms, approaches and principles) that the
// document page and the comparison both show.
//
// Thread safety: free functions without shared state.
#ifndef HSTAG_REPORT_WIDGETS_H_
#define HSTAG_REPORT_WIDGETS_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hstag/summary.h"
#include "report/svg_chart.h"

namespace hstag::report {

// The whole page: the CSP allows the stylesheet and `script` by their hashes
// and nothing else.
std::string Page(const std::string& title, const std::string& body, const std::string& script);

// A member of a JSON object; absent, or in a value that is no object: null.
const ordered_json& Get(const ordered_json& j, const char* key);
// The same as a string ("" unless a string), a count (0 unless a number
// above 0) or a number (0 unless a number).
std::string Str(const ordered_json& j, const char* key);
uint64_t Uint(const ordered_json& j, const char* key);
double Num(const ordered_json& j, const char* key);

std::string Esc(std::string_view s);
std::string Int(uint64_t v);

// The last part of a path (the path itself when it has none).
std::string FileName(const std::string& path);

// A concept's section as a summary gives it; by its ID's prefix when the
// summary does not have it (or gives none).
std::string_view SectionOf(const Summary& summary, std::string_view id);

// Concept IDs ordered by category (Categories()), then ID; `section` gives a
// concept's section.
std::vector<std::string> ByCategory(
    std::vector<std::string> ids, const std::function<std::string_view(std::string_view)>& section);

// A concept's ID in a chip of its category's colours, then `extra` (HTML).
std::string Chip(std::string_view id, std::string_view section, const std::string& extra);

// A density with one decimal; "-" for none.
std::string Per10k(const std::optional<double>& v);

// A heat class h0..h5 for `v` of `max`.
std::string Heat(double v, double max);

// The radar's two series: explicit and indicator matches per 10,000 of the
// document's `words` (counts when it has none), per dimension.
std::pair<RadarSeries, RadarSeries> DimensionSeries(const Summary& summary, double words);

// The HS profile: the radar, the freedoms, approaches and principles (with
// the orientation rule when `with_rule`). `radar_max`: the radar's scale (0:
// the document's largest value).
std::string ProfileHtml(const Summary& summary, double words, bool with_rule, double radar_max);

}  // namespace hstag::report

#endif  // HSTAG_REPORT_WIDGETS_H_
