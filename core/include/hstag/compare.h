// SPDX-License-Identifier: GPL-3.0-or-later
//
// Two documents compared by their summaries (hstag/summary.h): the profile
// of each, every concept either one mentions with both sides' counts and
// densities, the seven dimensions, the actors, the canonical definitions,
// and the concepts only one of them mentions. Written as JSON
// ("hstag.compare/1", what `hstag compare --format json` prints) or as the
// text table of `hstag compare`; `hstag report A B` draws it as HTML.
//
// A document analysed now and the JSON written for it compare the same:
// both give the same Summary. Nothing depends on the clock or on the order
// of a JSON file's members.
//
// The JSON ("hstag.compare/1"):
//   a, b          per document: path (source.path), words, orientation,
//                 freedoms (counts and shares), dimensions (covered_explicit,
//                 covered_any, of), approaches, principles
//   concepts      {id: {label, section, a: {total, per_10k_words}, b: {...}}}
//                 every concept either document mentions (outside
//                 boilerplate and reference lists); a side that does not
//                 mention it has total 0 and per_10k_words 0.0 (null when it
//                 has no words)
//   dimensions    {economic: {a: {explicit, indicator, per_10k_words}, b}, ...}
//   actors        {id: {label, a: count, b: count}}
//   definitions   {id: {a: best score or null, b: ...}}
//   only_in_a, only_in_b   concept IDs one document mentions and the other not
// Keys are sorted by ID, the dimensions in the codebook's order.
//
// Thread safety: free functions; a Comparison is a plain value.
#ifndef HSTAG_COMPARE_H_
#define HSTAG_COMPARE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hstag/status.h"
#include "hstag/summary.h"

namespace hstag {

// One document of a comparison.
struct ComparedDocument {
  std::string path;    // its source.path
  uint64_t words = 0;  // its stats.words, which the densities are per
  Summary summary;
};

// One from a document's JSON ("hstag.document/1"); `fallback_path` stands in
// for a source.path the JSON lacks. Fails as SummaryFromJson does, or when
// stats.words is not a whole number.
Result<ComparedDocument> ComparedDocumentFromJson(const ordered_json& doc,
                                                  std::string_view fallback_path);

struct Comparison {
  ComparedDocument a, b;

  // A concept in one document: 0 when the document does not mention it.
  struct Side {
    uint64_t total = 0;
    std::optional<double> per_10k_words;  // none when the document has no words
  };
  struct Concept {
    std::string id, label, section;  // label and section from A when A mentions it, else B
    Side a, b;
  };
  std::vector<Concept> concepts;  // every concept either mentions, by ID

  struct Actor {
    std::string id, label;
    uint64_t a = 0, b = 0;  // mentions
  };
  std::vector<Actor> actors;  // the actors among `concepts`, by ID

  struct Definition {
    std::string id;
    std::optional<double> a, b;  // the best score; none when a document has none
  };
  std::vector<Definition> definitions;  // every definition either aligns with, by ID

  std::vector<std::string> only_in_a, only_in_b;  // concept IDs, sorted

  // The seven dimensions side by side are a.summary.profile.dimensions and
  // b.summary.profile.dimensions (in codebook::kDimensions' order).
};

// A compared with B. The Comparison keeps the two (moved in), for what is
// drawn from their whole summaries (the reports' profiles).
Comparison CompareDocuments(ComparedDocument a, ComparedDocument b);

class JsonSink;

// "hstag.compare/1", into `sink`.
void WriteComparison(JsonSink& sink, const Comparison& comparison);

// The same as a tree.
ordered_json ComparisonJson(const Comparison& comparison);

// The table `hstag compare` prints: aligned columns within 79 columns (an
// 80-column terminal), each line ending in '\n'. Words, orientation, freedom
// shares, dimension coverage and densities, each document's top concepts by
// density with the other's value, actors, definitions, and what only one
// mentions.
std::string ComparisonTable(const Comparison& comparison);

}  // namespace hstag

#endif  // HSTAG_COMPARE_H_
