// SPDX-License-Identifier: GPL-3.0-or-later
//
// Lexicons: the codebook made executable. A lexicon file lists concepts, each
// with its cues (explicit or indicator). The format is documented in
// lexicons/README.md. The loader keeps file:line of every concept and cue so
// that a match can be traced to the line that produced it.
//
// Thread safety: plain values.
#ifndef HSTAG_LEXICON_H_
#define HSTAG_LEXICON_H_

#include <string>
#include <string_view>
#include <vector>

#include "hstag/document.h"
#include "hstag/plugin_abi.h"
#include "hstag/status.h"

namespace hstag {

class Analyzer;
namespace sdk {
class Host;
}

struct Cue {
  enum class Case { kFold, kExact };
  std::string term;
  Strength strength = Strength::kExplicit;
  Case case_mode = Case::kFold;
  std::vector<std::string> langs;  // primary subtags; empty: every language
  std::vector<std::string> also;   // further concepts the same match yields
  std::string required;            // a concept the document must also mention
  int line = 0;
};

struct Concept {
  std::string id, label, section, parent, type, description;
  std::string matched_by;  // a plugin that finds it instead of cues
  std::vector<Cue> cues;
  std::vector<Cue> excludes;  // phrases inside which a match of this concept is dropped
  int line = 0;
  // Matches in one overlap group compete (the longest wins): the codebook
  // section for codebook concepts, the concept itself for a category of a
  // user dictionary (each category counts on its own, as in LIWC).
  std::string overlap_group;
};

struct Lexicon {
  std::string format;  // "hstag", "quanteda" or "liwc"
  std::string name, version, description;
  std::string path;     // as opened
  std::string display;  // as shown in output ("hstag:lexicons/hs.yaml" for shipped files)
  std::string sha256;   // of the file's bytes
  std::vector<Concept> concepts;
};

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

// True when a cue for `langs` (primary subtags; empty: every language)
// applies in a text of language `lang` (a BCP 47 tag, "" when unknown: every
// cue applies).
bool LanguageMatches(std::string_view lang, const std::vector<std::string>& langs);

// True when `word` matches the glob `pattern` (`*`: any run of characters).
bool GlobMatch(std::string_view pattern, std::string_view word);

// Loads a lexicon file: hstag's YAML format (lexicons/README.md), a
// quanteda-style YAML dictionary (nested keys -> lists of glob patterns) or a
// LIWC .dic file (2007 and 2015 layouts). Dictionary categories become
// concepts `user.<dictionary>.<key>` (the dictionary is the file's name).
// Errors name the file, the line and the column.
Result<Lexicon> LoadLexicon(const std::string& path, const std::string& display);

// The codebook section of a concept ID by its prefix ("pillar.x" -> "pillar",
// "hs.concept" -> "concept"); empty for an ID outside the codebook.
std::string SectionOfId(const std::string& id);

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

#endif  // HSTAG_LEXICON_H_
