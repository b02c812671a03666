// SPDX-License-Identifier: GPL-3.0-or-later
//
// The words of a cue term as the matcher compares them with a document's
// tokens: the term analyzed by the document analyzer, with wildcards glued
// back into their words.
//
// Thread safety: free functions without shared state.
#ifndef HSTAG_LEXICON_CUE_WORDS_H_
#define HSTAG_LEXICON_CUE_WORDS_H_

#include <string>
#include <string_view>
#include <vector>

#include "hstag/plugin_abi.h"
#include "hstag/status.h"

namespace hstag {

class Analyzer;

// A word of an analyzed cue term (hstag_cue_word_v2 is its C view): the
// case-folded form (with `*` kept where the term has a wildcard) and the form
// as written. `*` is not a word character for ICU, so the words around it
// are glued back together here: "terror*" is one word, a glob.
struct CueWord {
  std::string norm;
  std::string surface;
  bool glob = false;
  std::string gap_before;  // what stands between this word and the previous one, spaces removed
};

// The words of an analyzed term (gap_before as sdk::GapBetween gives it).
std::vector<CueWord> CueWords(const hstag_text_v1& term);

// The words of every term, each term analyzed as documents are: all of them
// in one call of the analyzer (joined by blank lines, so no term runs into
// the next), then split again by their offsets.
// REQUIRES: every term is valid UTF-8.
Result<std::vector<std::vector<CueWord>>> AnalyzeTerms(const Analyzer& analyzer,
                                                       const std::vector<std::string_view>& terms);

}  // namespace hstag

#endif  // HSTAG_LEXICON_CUE_WORDS_H_
