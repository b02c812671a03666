// SPDX-License-Identifier: GPL-3.0-or-later
//
// Checking a lexicon the way a researcher does:
//  - against a gold set of labelled passages (precision, recall and F1 per
//    concept, per section and overall; passage-level: a concept counts once
//    per passage, found or not);
//  - by drawing random matches for a person to mark right or wrong, then
//    reporting precision per concept with a Wilson 95% interval.
//
// Thread safety: free functions; the Pipeline is only read.
#ifndef HSTAG_EVAL_EVAL_H_
#define HSTAG_EVAL_EVAL_H_

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "hstag/pipeline.h"
#include "batch/walk.h"

namespace hstag {

struct GoldPassage {
  std::string id, text, split;
  std::set<std::string> labels;
  std::string source;  // the document it was drawn from, when known
  int64_t start = -1, end = -1;  // its byte range in that document
};

// JSON Lines: {"id", "text", "labels": [...]} and optionally "split",
// "source", "start", "end".
Result<std::vector<GoldPassage>> LoadGold(const std::string& path);

struct Counts {
  uint64_t tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0; }
  double Recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct EvalReport {
  size_t passages = 0;
  size_t in_context = 0;  // evaluated inside their source document
  std::map<std::string, Counts> concepts, sections;
  Counts micro;
  // Per passage, what was missed and what was wrongly found (for tuning).
  std::vector<std::pair<std::string, std::string>> misses, false_alarms;  // passage id, concept
};

// Runs the pipeline over every passage of `split` ("" or "all": every one).
// Concepts of sections that `skip_sections` names are left out on both sides.
// When `sources_dir`/<source> exists, the passage is evaluated inside its
// document (the matches lying within its byte range), so that what depends
// on the rest of the document (a short form defined earlier, a cue that
// requires another concept) is judged as in real use; otherwise alone.
EvalReport Evaluate(const Pipeline& pipeline, const std::vector<GoldPassage>& gold,
                    const std::string& split, const std::set<std::string>& skip_sections,
                    const std::string& sources_dir = "");

// Wilson score interval for k successes in n trials (z = 1.96 for 95%).
struct Interval {
  double low = 0, high = 0;
};
Interval Wilson(uint64_t k, uint64_t n, double z = 1.959963984540054);

struct ReviewedCounts {
  uint64_t correct = 0, wrong = 0, unreviewed = 0;
};
struct Reviewed {
  std::map<std::string, ReviewedCounts> concepts;  // by concept ID
  std::map<std::string, ReviewedCounts> families;  // by FamilyOf
  std::set<std::string> runs;  // the `run` column's fingerprints (a sample of a batch run)
};
// Reads a reviewed sample (the CSV of DrawSample with its `correct` column
// filled: y/yes/1/true/x for right, n/no/0/false for wrong).
Result<Reviewed> ReadReviewed(const std::string& path);

// The family a match is judged in, as precision is reported: the codebook
// section (`hs` for the concept, `state` for actor.state.*, `actor` for the
// other actors), with the strength where a section has both kinds of cue
// (`dimension/explicit`, `dimension/indicator`; approach, principle, topic
// likewise), and `abbreviation` for any concept reached through an
// abbreviation the document defines (rule `abbreviation:...`), whatever it is.
std::string FamilyOf(std::string_view concept_id, std::string_view strength,
                     std::string_view rule);

// What a sample draws: up to `per_key` matches per concept, or per family
// (FamilyOf) when `by_family`, with the generator seeded by `seed`.
struct SampleOptions {
  size_t per_key = 20;
  bool by_family = false;
  uint64_t seed = 1;
};

// Draws a sample uniformly over the inputs (reservoir sampling, seeded: the
// same inputs and options give the same sample), as CSV with the match's
// sentence and page, and an empty `correct` column for the reviewer.
// Matches in boilerplate or a reference list are not drawn.
std::string DrawSample(const Pipeline& pipeline, const std::vector<Input>& inputs,
                       const SampleOptions& options, unsigned jobs);

// The same over what a batch run found: the annotations in OUT/docs, not
// made again, with their sentences from the documents' text, extracted
// again by `extractor` (a pipeline made with extract_only) from the source
// files, which must have the SHA-256 the run recorded. Rows carry the run's
// fingerprint (column `run`). A document that cannot be drawn from is left
// out, with the reason in `problems`; fails only without a readable run.
Result<std::string> DrawSampleFromRun(const Pipeline& extractor, const std::string& out_dir,
                                      const SampleOptions& options,
                                      std::vector<std::string>* problems);

}  // namespace hstag

#endif  // HSTAG_EVAL_EVAL_H_
