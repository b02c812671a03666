// SPDX-License-Identifier: GPL-3.0-or-later
//
// The pipeline's lexicons as the C data of the plugin ABI (hstag_lexicon_v2
// and what it points to, <hstag/plugin_abi.h>), built once per pipeline, so
// that plugins neither parse the files nor analyze the terms again: every cue
// comes with its words as the document analyzer tokenizes them, all terms
// analyzed in one call.
//
// Thread safety: built once, then only read.
#ifndef HSTAG_LEXICON_LEXICON_VIEWS_H_
#define HSTAG_LEXICON_LEXICON_VIEWS_H_

#include <memory>
#include <span>
#include <vector>

#include "hstag/lexicon.h"
#include "hstag/plugin_abi.h"
#include "hstag/status.h"
#include "lexicon/cue_words.h"

namespace hstag {

class Analyzer;

class LexiconViews {
 public:
  // Views of `lexicons`, which must outlive them and not change. Fails,
  // naming the file and the line, when a term is not valid UTF-8.
  static Result<std::unique_ptr<const LexiconViews>> Build(const std::vector<Lexicon>& lexicons,
                                                           const Analyzer& analyzer);
  LexiconViews(const LexiconViews&) = delete;
  LexiconViews& operator=(const LexiconViews&) = delete;

  std::span<const hstag_lexicon_v2> lexicons() const { return lexicons_; }

 private:
  LexiconViews() = default;

  std::vector<std::vector<CueWord>> words_of_cue_;  // owns the words' strings
  std::vector<hstag_cue_word_v2> words_;
  std::vector<hstag_str> strings_;  // every cue's langs, also, context words and concepts
  std::vector<std::string> context_words_;  // folded; strings_ points into them
  std::vector<hstag_cue_v3> cues_;
  std::vector<hstag_concept_v2> concepts_;
  std::vector<hstag_lexicon_v2> lexicons_;
};

}  // namespace hstag

#endif  // HSTAG_LEXICON_LEXICON_VIEWS_H_
