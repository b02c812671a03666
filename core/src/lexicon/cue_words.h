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

namespace sdk {
class Host;
}

// A word of an analyzed cue term: the case-folded form (with `*` kept where
// the term has a wildcard) and the form as written. `*` is not a word
// character for ICU, so the words around it are glued back together here:
// "terror*" is one word, a glob.
struct CueWord {
  std::string norm;
  std::string surface;
  bool glob = false;
  std::string gap_before;  // what stands between this word and the previous one, spaces removed
};

// What stands between two words of the norm view, white space removed.
std::string GapBetween(std::string_view norm, uint32_t from, uint32_t to);
std::vector<CueWord> CueWords(const hstag_text_v1& term);

// The words of every term, each term analyzed as documents are: all of them
// in one call of the host's analyzer (joined by blank lines, so no term runs
// into the next), then split again by their offsets.
Result<std::vector<std::vector<CueWord>>> AnalyzeTerms(const sdk::Host& host,
                                                       const std::vector<std::string_view>& terms);

}  // namespace hstag

#endif  // HSTAG_LEXICON_CUE_WORDS_H_
