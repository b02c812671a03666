// SPDX-License-Identifier: GPL-3.0-or-later
//
// The lexicon linter behind `hstag lexicon check`.
//
// Thread safety: a free function without shared state.
#ifndef HSTAG_LEXICON_CHECK_H_
#define HSTAG_LEXICON_CHECK_H_

#include <string>
#include <vector>

#include "hstag/lexicon.h"

namespace hstag {

class Analyzer;

struct LexiconProblem {
  std::string file;
  int line = 0;
  std::string message;
};

// Everything `hstag lexicon check` reports: duplicate IDs, unknown parents
// and references, concepts without cues, cues that can never match, cues
// shared by two concepts. Sorted by file and line.
std::vector<LexiconProblem> CheckLexicons(const std::vector<Lexicon>& lexicons,
                                          const Analyzer& analyzer);

}  // namespace hstag

#endif  // HSTAG_LEXICON_CHECK_H_
