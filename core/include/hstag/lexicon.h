// SPDX-License-Identifier: GPL-3.0-or-later
//
// Lexicons: the codebook made executable. A lexicon file lists concepts, each
// with its cues (explicit or indicator). The format is documented in
// lexicons/README.md. A loaded lexicon keeps file:line of every concept and
// cue so that a match can be traced to the line that produced it. (Loading
// and checking are the library's: core/src/lexicon/.)
//
// Thread safety: plain values.
#ifndef HSTAG_LEXICON_H_
#define HSTAG_LEXICON_H_

#include <string>
#include <string_view>
#include <vector>

#include "hstag/document.h"

namespace hstag {

// Conditions on the text around a match (lexicons/README.md, "Context"):
// words within `within` words before, after or on either side of the match
// in its sentence, words anywhere in its sentence, concepts the sentence has
// a match of, and where the match lies ("name", "actor", "references"). An
// empty list is no condition.
struct CueContext {
  static constexpr int kDefaultWithin = 5;
  std::vector<std::string> near, after, before;  // one word each, as written
  int within = kDefaultWithin;
  std::vector<std::string> sentence;  // anywhere in the sentence
  std::vector<std::string> concepts;
  std::vector<std::string> in;
  bool empty() const {
    return near.empty() && after.empty() && before.empty() && sentence.empty() &&
           concepts.empty() && in.empty();
  }
};

struct Cue {
  enum class Case { kFold, kExact };
  std::string term;
  Strength strength = Strength::kExplicit;
  Case case_mode = Case::kFold;
  std::vector<std::string> langs;  // primary subtags; empty: every language
  std::vector<std::string> also;   // further concepts the same match yields
  std::string required;            // a concept the document must also mention
  CueContext context;              // every condition set must hold
  CueContext veto;                 // no condition set may hold
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
  // The lexicon whose concepts this one adds cues to (a language's cues of
  // the codebook, say), or empty. Its concepts name concepts of that lexicon
  // and take their label, section and the rest from it when the pipeline
  // links them (LinkLexicons); they define nothing of their own.
  std::string extends;
  std::string path;     // as opened
  std::string display;  // as shown in output ("hstag:lexicons/hs.yaml" for shipped files)
  std::string sha256;   // of the file's bytes
  std::vector<Concept> concepts;
};

}  // namespace hstag

#endif  // HSTAG_LEXICON_H_
