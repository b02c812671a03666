// SPDX-License-Identifier: GPL-3.0-or-later
//
// Loading and checking lexicons (the data model: <hstag/lexicon.h>), and the
// words of a cue term as the matcher compares them.
//
// Thread safety: free functions without shared state (the cache of parsed
// lexicons is guarded).
#ifndef HSTAG_LEXICON_LOADER_H_
#define HSTAG_LEXICON_LOADER_H_

#include <string>
#include <string_view>
#include <vector>

#include "hstag/lexicon.h"
#include "hstag/plugin_abi.h"
#include "hstag/status.h"

namespace hstag {

class Analyzer;
namespace sdk {
class Host;
}

// The words of an analyzed cue term, as the matcher compares them: the
// case-folded form (with `*` kept where the term has a wildcard) and the form
// as written. `*` is not a word character for ICU, so the words around it are
// glued back together here: "terror*" is one word, a glob.
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

// Loads a lexicon file: hstag's YAML format (lexicons/README.md), a
// quanteda-style YAML dictionary (nested keys -> lists of glob patterns) or a
// LIWC .dic file (2007 and 2015 layouts). Dictionary categories become
// concepts `user.<dictionary>.<key>` (the dictionary is the file's name).
// Errors name the file, the line and the column.
Result<Lexicon> LoadLexicon(const std::string& path, const std::string& display);

struct LexiconProblem {
  std::string file;
  int line = 0;
  std::string message;
};

// Everything `hstag lexicon check` reports: duplicate IDs, unknown parents
// and references, concepts without cues, cues that can never match, cues
// shared by two concepts.
std::vector<LexiconProblem> CheckLexicons(const std::vector<Lexicon>& lexicons,
                                          const Analyzer& analyzer);

}  // namespace hstag

#endif  // HSTAG_LEXICON_LOADER_H_
