// SPDX-License-Identifier: GPL-3.0-or-later
//
// What the report pages share: the page around a body, reading a document's
// JSON defensively, numbers and names as text, concept chips ordered by
// category, and the HS profile (a document's radar, freedoms, approaches and
// principles) that the document page and the comparison both show.
//
// Thread safety: free functions without shared state.
#ifndef HSTAG_REPORT_WIDGETS_H_
#define HSTAG_REPORT_WIDGETS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hstag/writer.h"
#include "report/svg_chart.h"

namespace hstag::report {

inline constexpr const char* kDimensions[] = {"economic", "food",      "health",   "environmental",
                                              "personal", "community", "political"};
inline constexpr const char* kFreedoms[][2] = {{"fear", "freedom from fear"},
                                               {"want", "freedom from want"},
                                               {"dignity", "freedom to live in dignity"}};
// The codebook's approaches and principles, shown present or absent.
inline constexpr const char* kApproaches[] = {"approach.protection", "approach.empowerment"};
inline constexpr const char* kPrinciples[] = {
    "principle.people_centred",      "principle.comprehensive",  "principle.context_specific",
    "principle.prevention_oriented", "principle.interconnected", "principle.universal"};

// The whole page: the CSP allows the stylesheet and `script` by their hashes
// and nothing else.
std::string Page(const std::string& title, const std::string& body, const std::string& script);

// Reading the JSON defensively: a member of the wrong type or absent is
// null, "", 0.
const ordered_json& Get(const ordered_json& j, const char* key);
std::string Str(const ordered_json& j, const char* key);
uint64_t Uint(const ordered_json& j, const char* key);
double Num(const ordered_json& j, const char* key);
std::string Esc(std::string_view s);
std::string Int(uint64_t v);

// The last part of a path (the path itself when it has none).
std::string FileName(const std::string& path);

// A concept's section: from the summary, else its ID's first part.
std::string SectionOf(const ordered_json& concepts, const std::string& id);

// Concept IDs ordered by category, then ID.
std::vector<std::string> ByCategory(std::vector<std::string> ids, const ordered_json& concepts);

// A concept's ID in a chip of its category's colours, then `extra`.
std::string Chip(const std::string& id, const ordered_json& concepts, const std::string& extra);

// A density with one decimal, "-" for null.
std::string Per10k(const ordered_json& v);

// A heat class h0..h5 for `v` of `max`.
std::string Heat(double v, double max);

// The radar's two series: explicit and indicator matches per 10,000 words
// (counts when the document has no words) per dimension.
std::pair<RadarSeries, RadarSeries> DimensionSeries(const ordered_json& doc);

// The HS profile of a document: the radar, the freedoms, approaches and
// principles. `radar_max`: the radar's scale (0: the document's largest
// value).
std::string ProfileHtml(const ordered_json& doc, bool with_rule, double radar_max);

}  // namespace hstag::report

#endif  // HSTAG_REPORT_WIDGETS_H_
