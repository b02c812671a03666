// SPDX-License-Identifier: GPL-3.0-or-later
//
// Helpers of the per-concept lexicon tests: run the shipped pipeline on a
// text and look at what it found.
#ifndef HSTAG_TESTS_LEXICON_LEXICON_TEST_SUPPORT_H_
#define HSTAG_TESTS_LEXICON_LEXICON_TEST_SUPPORT_H_

#include <string>
#include <string_view>
#include <vector>

namespace hstag {
class Pipeline;
struct Concept;
}  // namespace hstag

namespace hstag::testing {

struct Match {
  std::string concept_id;
  std::string text;  // the matched text, as it stands in the document
};

struct Tagged {
  std::string language;  // as detected ("" when unknown)
  std::vector<Match> matches;
  std::vector<std::string> errors;
};

// Runs DefaultPipeline() on `text` (as a plain-text file).
Tagged Tag(const std::string& text);

// True when a match of `concept_id` has exactly the text `matched`.
bool HasMatch(const Tagged& t, std::string_view concept_id, std::string_view matched);
// True when any match has the concept `concept_id`.
bool HasConcept(const Tagged& t, std::string_view concept_id);
// True when any match has a concept ID starting with `prefix`.
bool HasConceptWithPrefix(const Tagged& t, std::string_view prefix);

// "lang=en; hs.concept:'human security'; ..." for failure messages.
std::string Describe(const Tagged& t);

// A pipeline of the built-in plugins with the lexicon file `path` alone
// (made once per path).
const Pipeline& LexiconPipeline(const std::string& path);

// "concept:matched text" for every annotation `p` makes on `text`, in order.
std::vector<std::string> ConceptsAndTexts(const Pipeline& p, const std::string& text);

// The shipped lexicons' states (actor.state.*).
std::vector<const Concept*> States();

}  // namespace hstag::testing

#endif  // HSTAG_TESTS_LEXICON_LEXICON_TEST_SUPPORT_H_
