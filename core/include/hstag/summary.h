// SPDX-License-Identifier: GPL-3.0-or-later
//
// The per-document summary: the `summary` block of the document JSON
// ("hstag.document/1", core/schema/document.schema.json), read by
// `hstag compare`.
//
// Every part but `concepts.<id>.boilerplate` leaves out matches in
// boilerplate (running heads, footers, page numbers), as `stats.words` does.
//
//   concepts.<id>   counts by strength, `per_10k_words` (explicit + indicator
//                   per 10,000 words; null when the document has no words),
//                   `pages` (sorted, unique; paged formats) or `xpaths` (the
//                   first 20 distinct, in document order; XML), `first`.
//   profile         the three freedoms: counts, shares, `orientation` by the
//                   rule kOrientationRule states; the seven dimensions (k of
//                   7, explicit and with indicators); approaches and
//                   principles present.
//   actors          every actor concept with its count and, per non-actor
//                   concept, the number of sentences holding both.
//   key_passages    per concept, up to N sentences, densest first; density
//                   = distinct concepts in the sentence / words in it.
//   definitions     the best-scoring passage per canonical definition.
//   abbreviations   short forms the document defines, with their long form,
//                   concept, definition offset and number of occurrences.
//
// Deterministic: no clock, no hash order; ties broken by ID and offset.
//
// Thread safety: free functions; the Pipeline is only read.
#ifndef HSTAG_SUMMARY_H_
#define HSTAG_SUMMARY_H_

#include <cstddef>
#include <nlohmann/json.hpp>

#include "hstag/pipeline.h"

namespace hstag {

struct SummaryOptions {
  size_t key_passages = 3;        // sentences per concept in `key_passages`
  size_t max_passage_bytes = 1000;  // longer sentences are cut (at a character) and end in "…"
};

// The orientation rule as written into `summary.profile.orientation_rule`.
extern const char kOrientationRule[];

// `fear`, `want`, `dignity`, `balanced` or `none` for the counts of the three
// freedoms, by kOrientationRule.
const char* Orientation(uint64_t fear, uint64_t want, uint64_t dignity);

class JsonSink;

// The `summary` object of the document JSON, into `sink`.
void WriteSummary(JsonSink& sink, const AnalysisResult& result, const Pipeline& pipeline,
                  const SummaryOptions& options = {});

// The same as a tree.
nlohmann::ordered_json Summary(const AnalysisResult& result, const Pipeline& pipeline,
                               const SummaryOptions& options = {});

}  // namespace hstag

#endif  // HSTAG_SUMMARY_H_
