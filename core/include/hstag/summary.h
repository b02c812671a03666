// SPDX-License-Identifier: GPL-3.0-or-later
//
// The per-document summary: what a document says, by concept. Summarize
// computes it once from an analysis; WriteSummary writes it as the `summary`
// block of the document JSON ("hstag.document/1",
// core/schema/document.schema.json); SummaryFromJson reads that block back,
// so that a document and the JSON written for it give the same Summary. The
// HTML reports draw it and the comparison (hstag/compare.h) compares two.
//
// Every part but Concept::boilerplate_count and Concept::references_count
// leaves out matches in boilerplate (running heads, footers, page numbers)
// and in reference lists (bibliographies, notes sections: Segment::references),
// as `stats.words` does.
//
//   concepts      counts by strength, per 10,000 words (explicit + indicator;
//                 none when the document has no words), pages (sorted,
//                 unique; paged formats) or xpaths (the first 20 distinct, in
//                 document order; XML), the first match.
//   profile       the three freedoms: counts, shares, orientation by the rule
//                 kOrientationRule states; the seven dimensions (k of 7,
//                 explicit and with indicators); approaches and principles
//                 present.
//   actors        every actor concept with its count and, per non-actor
//                 concept, the number of sentences holding both.
//   key_passages  per concept, up to N sentences, densest first; density =
//                 distinct concepts in the sentence / words in it.
//   definitions   the best-scoring passage per canonical definition.
//   abbreviations short forms the document defines, with their long form,
//                 concept, definition offset and number of occurrences.
//
// Deterministic: no clock, no hash order; ties broken by ID and offset.
//
// Thread safety: free functions; the Pipeline is only read. A Summary is a
// plain value: it holds copies, nothing that points into the analysis.
#ifndef HSTAG_SUMMARY_H_
#define HSTAG_SUMMARY_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hstag/codebook.h"
#include "hstag/pipeline.h"
#include "hstag/status.h"

namespace hstag {

using ordered_json = nlohmann::ordered_json;

struct SummaryOptions {
  size_t key_passages = 3;          // sentences per concept in `key_passages`
  size_t max_passage_bytes = 1000;  // longer sentences are cut (at a character) and end in "…"
};

// The orientation rule as written into `summary.profile.orientation_rule`.
extern const char kOrientationRule[];

// `fear`, `want`, `dignity`, `balanced` or `none` for the counts of the three
// freedoms, by kOrientationRule.
const char* Orientation(uint64_t fear, uint64_t want, uint64_t dignity);

struct Summary {
  // Where a match or a sentence is: its page (and the page's printed label)
  // in a paged document, its element path in XML; empty otherwise.
  struct Place {
    uint32_t page = 0;  // 0: none
    std::string page_label;
    std::string xpath;
  };

  struct Concept {
    std::string id;
    std::string label;    // the lexicon's; the ID when no lexicon defines it
    std::string section;  // the lexicon's; else by the ID's prefix (codebook::SectionOf)
    uint64_t explicit_count = 0, indicator_count = 0;
    uint64_t total = 0;                          // explicit_count + indicator_count
    uint64_t boilerplate_count = 0;              // matches in boilerplate, counted apart
    uint64_t references_count = 0;  // matches in reference lists (not boilerplate), counted apart
    std::optional<double> best_score;            // the highest score, for matches that carry one
    std::optional<double> per_10k_words;         // total per 10,000 words; none without words
    std::optional<std::vector<uint32_t>> pages;  // paged documents
    std::optional<std::vector<std::string>> xpaths;  // XML
    struct First {
      uint64_t start = 0, end = 0;
      Place place;
    };
    std::optional<First> first;  // none when every match is in boilerplate or references
  };

  struct Freedom {
    uint64_t count = 0;
    double share = 0;  // of the three counts together (rounded to 3 decimals); 0 when all are 0
  };
  struct Dimension {
    uint64_t explicit_count = 0, indicator_count = 0;  // of its ID and any sub-ID below it
    std::optional<double> per_10k_words;
  };
  struct Profile {
    std::array<Freedom, std::size(codebook::kFreedoms)> freedoms;  // as codebook::kFreedoms
    std::string orientation;                                       // Orientation() of the counts
    std::string orientation_rule;                                  // kOrientationRule
    uint64_t covered_explicit = 0, covered_any = 0;                // dimensions, of 7
    std::array<Dimension, std::size(codebook::kDimensions)> dimensions;  // as codebook::kDimensions
    std::vector<std::string> approaches, principles;  // the IDs of those named, sorted
  };

  struct Actor {
    std::string id, label;
    std::optional<std::string> type;  // the codebook's actor type (state, un_body, ...)
    uint64_t count = 0;
    // Per non-actor concept (by ID), the sentences naming both.
    std::vector<std::pair<std::string, uint64_t>> co_occurrence;
  };

  struct Passage {
    uint64_t sentence = 0;  // as Annotation::sentence
    std::string text;       // the sentence, trimmed; cut past SummaryOptions::max_passage_bytes
    Place place;            // of the concept's first match in it
    double density = 0;     // concepts / words, rounded to 4 decimals
    uint64_t concepts = 0;  // distinct concepts in the sentence
    uint64_t words = 0;
  };
  struct KeyPassages {
    std::string concept_id;
    std::vector<Passage> passages;  // densest first, ties in document order
  };

  struct Definition {
    std::string id;
    std::optional<double> score;
    uint64_t start = 0, end = 0;
    std::string source;  // where the canonical wording is from
    Place place;
  };

  struct Abbreviation {
    std::string short_form, long_form, concept_id;
    std::optional<int64_t> defined_at;  // the offset of the definition
    uint64_t occurrences = 0;
  };

  uint64_t annotations = 0;       // all of them, boilerplate and references included
  std::vector<Concept> concepts;  // every concept matched, sorted by ID
  Profile profile;
  std::vector<Actor> actors;                // most often named first, ties by ID
  std::vector<KeyPassages> key_passages;    // by concept ID
  std::vector<Definition> definitions;      // highest score first
  std::vector<Abbreviation> abbreviations;  // by definition offset, short form, concept

  // The concept with this ID; null when the document has none.
  const Concept* FindConcept(std::string_view id) const;
};

// The summary of an analysed document.
Summary Summarize(const AnalysisResult& result, const Pipeline& pipeline,
                  const SummaryOptions& options = {});

class JsonSink;

// The `summary` object of the document JSON, into `sink`.
void WriteSummary(JsonSink& sink, const Summary& summary);

// The same as a tree.
ordered_json SummaryJson(const Summary& summary);

// A summary read back from its JSON (the `summary` object WriteSummary
// writes). Every member the schema requires must be there with its type;
// otherwise the error names the first one that is not
// ("summary.profile.freedoms is missing ...") and says to analyse the
// document again. Members it does not know are ignored. Concepts are sorted
// by ID.
Result<Summary> SummaryFromJson(const ordered_json& summary);

// The same from a whole document's JSON ("hstag.document/1"): its `summary`.
Result<Summary> SummaryFromDocumentJson(const ordered_json& doc);

}  // namespace hstag

#endif  // HSTAG_SUMMARY_H_
