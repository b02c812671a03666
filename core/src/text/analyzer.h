// SPDX-License-Identifier: GPL-3.0-or-later
//
// Analyzer: turns an extracted text into the view every tagger matches on.
//
//   text ──(our edits)──► joined ──(NFKC)──► surface ──(NFKC_Casefold)──► norm
//
// Our edits: soft hyphens removed, words broken across a line end joined
// ("hu-\nman" → "human"; "Asia-\nPacific" → "Asia-Pacific"), single line
// breaks and runs of white space inside a paragraph (NBSP included) folded to
// one space, blank lines kept as paragraph breaks, curly quotes straightened.
// Each step records its edits; tokens carry offsets in all three views, and
// OffsetMaps map any surface or norm offset back to the text.
//
// Sentences: ICU's sentence break with abbreviation suppression
// (`@ss=standard`) over the surface view, where a line break no longer ends a
// sentence. ICU reads it as UTF-16, with each run of plain ASCII words
// between spaces shortened to its first and last characters, all the rules
// look at there (tested against ICU over the whole text, on random strings and
// on the corpus). Words: ICU's word break over the norm view (dictionary-based for
// Japanese and Chinese); a token is a segment whose rule status is a word,
// number, kana or ideograph. Runs of plain ASCII text between guaranteed
// boundaries (a white space followed by a visible ASCII character) take a
// fast path that applies the same rules (UAX #29 as ICU implements them: no
// colon inside words; "_" and anything non-ASCII go to ICU), with the same
// segments and statuses as ICU's (tested exhaustively on short strings and on
// the corpus).
//
// Thread safety: an Analyzer is immutable after Create() and Analyze() may be
// called from any number of threads (each call clones the ICU iterators).
#ifndef HSTAG_TEXT_ANALYZER_H_
#define HSTAG_TEXT_ANALYZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hstag/document.h"
#include "text/offset_map.h"
#include "hstag/plugin_abi.h"
#include "hstag/status.h"

namespace hstag {

struct AnalyzedText {
  std::string_view text;  // the extracted text (not owned)
  std::string surface;
  std::string norm;
  OffsetMap joined_to_text, surface_to_joined, norm_to_surface;
  std::vector<hstag_token_v1> tokens;
  std::vector<hstag_span_v1> sentences;  // source offsets, trailing space trimmed
  std::vector<hstag_segment_info_v1> segments;
  std::string language;

  uint32_t SurfaceToSource(uint32_t off, bool is_end) const;
  uint32_t NormToSource(uint32_t off, bool is_end) const;
  // The sentence holding source offset `off`.
  uint32_t SentenceAt(uint32_t off) const;
  // A C view for plugins; valid while *this lives and is not modified.
  hstag_text_v1 View() const;
};

class Analyzer {
 public:
  static Result<std::unique_ptr<Analyzer>> Create();
  ~Analyzer();

  // `segments` (may be empty) gives each token its segment and language.
  // REQUIRES: text is valid UTF-8 and shorter than 4 GiB.
  Result<std::unique_ptr<AnalyzedText>> Analyze(std::string_view text,
                                                const std::vector<Segment>& segments,
                                                std::string_view language) const;

  // The word segments of a (normalized) UTF-8 string, with ICU's rule
  // status (UBRK_WORD_*), non-word segments left out. `ascii_fast_path`
  // false runs ICU over all of it (what the fast path is tested against).
  struct WordSegment {
    uint32_t start, end;
    int32_t status;
    bool operator==(const WordSegment&) const = default;
  };
  Result<std::vector<WordSegment>> Words(std::string_view s, bool ascii_fast_path = true) const;

  // The sentences of a (surface) UTF-8 string as [start, end) byte offsets,
  // white space trimmed off their ends: ICU's sentence break with the
  // abbreviation suppression of `language` (English when ICU has none for
  // it). `ascii_fast_path` false gives ICU every character (what the fast
  // path, which shortens the plain ASCII words it reads, is tested against).
  Result<std::vector<std::pair<uint32_t, uint32_t>>> Sentences(std::string_view s,
                                                               std::string_view language,
                                                               bool ascii_fast_path = true) const;

  // NFKC of a UTF-8 string (NFKC_Casefold with `casefold`) into *out, its
  // changes into *map (toward `s`). `ascii_fast_path` false runs ICU over all
  // of it (what the fast path is tested against).
  Status Normalize(std::string_view s, bool casefold, std::string* out, OffsetMap* map,
                   bool ascii_fast_path = true) const;

 private:
  struct Impl;
  explicit Analyzer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hstag

#endif  // HSTAG_TEXT_ANALYZER_H_
