// SPDX-License-Identifier: GPL-3.0-or-later
//
// The codebook's fixed structure, in one table: its sections (and the prefix
// of their concept IDs), the three freedoms, the seven threat dimensions, the
// approaches and principles. The summary, the reports, the comparison and
// the lexicon checks read it from here; the concepts themselves and their
// cues are the lexicons' (<hstag/lexicon.h>). Header-only and part of the
// plugin SDK: a plugin may ask which section an ID belongs to.
//
// Thread safety: constants and pure functions.
#ifndef HSTAG_CODEBOOK_H_
#define HSTAG_CODEBOOK_H_

#include <cstddef>
#include <string_view>

namespace hstag::codebook {

struct Section {
  std::string_view id;      // as concepts name their section ("dimension")
  std::string_view prefix;  // of the IDs in it, before the first '.' ("dimension")
  std::string_view label;   // for readers, plural ("dimensions")
};

// In the codebook's order (codebook.md §1 to §9).
inline constexpr Section kSections[] = {
    {"concept", "hs", "human security"}, {"pillar", "pillar", "freedoms"},
    {"dimension", "dimension", "dimensions"}, {"approach", "approach", "approaches"},
    {"principle", "principle", "principles"}, {"topic", "topic", "topics"},
    {"actor", "actor", "actors"},         {"definition", "definition", "definitions"},
    {"citation", "citation", "citations"},
};

// The sections the summary treats apart: actors (counted with the concepts
// in their sentences), approaches and principles (listed in the profile).
inline constexpr std::string_view kActorSection = "actor";
inline constexpr std::string_view kApproachSection = "approach";
inline constexpr std::string_view kPrincipleSection = "principle";
inline constexpr std::string_view kCitationSection = "citation";

// The section of a concept ID by its prefix ("pillar.x" -> "pillar",
// "hs.concept" -> "concept"); empty for an ID outside the codebook (no
// known prefix, or no '.').
constexpr std::string_view SectionOf(std::string_view id) {
  const size_t dot = id.find('.');
  if (dot == std::string_view::npos) return {};
  for (const Section& s : kSections) {
    if (id.substr(0, dot) == s.prefix) return s.id;
  }
  return {};
}

// Whether a match of concept `id` in a reference list or a page's notes
// counts apart from the body's (§10.1: a title or series name in a reference
// list is no mention by the document). Citations count with the body's: a
// reference list's or a note's citations are the document's own (they keep
// their `references` flag).
constexpr bool CountedApartInReferences(std::string_view id) {
  return SectionOf(id) != kCitationSection;
}

struct Freedom {
  std::string_view key;    // in the summary's profile ("fear")
  std::string_view id;     // the concept ("pillar.freedom_from_fear")
  std::string_view label;  // "freedom from fear"
};

inline constexpr Freedom kFreedoms[] = {
    {"fear", "pillar.freedom_from_fear", "freedom from fear"},
    {"want", "pillar.freedom_from_want", "freedom from want"},
    {"dignity", "pillar.freedom_to_live_in_dignity", "freedom to live in dignity"},
};

struct Dimension {
  std::string_view key;  // in the summary's profile ("economic")
  std::string_view id;   // the concept ("dimension.economic"); a lexicon may add sub-IDs below it
};

// UNDP 1994's seven, in its order.
inline constexpr Dimension kDimensions[] = {
    {"economic", "dimension.economic"},
    {"food", "dimension.food"},
    {"health", "dimension.health"},
    {"environmental", "dimension.environmental"},
    {"personal", "dimension.personal"},
    {"community", "dimension.community"},
    {"political", "dimension.political"},
};

inline constexpr std::string_view kApproaches[] = {"approach.protection", "approach.empowerment"};

inline constexpr std::string_view kPrinciples[] = {
    "principle.people_centred",      "principle.comprehensive",  "principle.context_specific",
    "principle.prevention_oriented", "principle.interconnected", "principle.universal",
};

// The types of actor (codebook.md §7), the `type` of an actor concept.
inline constexpr std::string_view kActorTypes[] = {
    "international_organization", "un_body",       "commission",  "advisory_body",
    "regional_organization",      "eu_body",       "military_alliance", "nato_body",
    "ngo",                        "state_network", "think_tank",  "academic",
    "state",
};

}  // namespace hstag::codebook

#endif  // HSTAG_CODEBOOK_H_
