// SPDX-License-Identifier: GPL-3.0-or-later
//
// The rules of a lexicon cue that taggers apply when they match it in a
// document (lexicons/README.md): in which languages it applies, which words
// a glob matches, and which words head a name. The lexicon tagger and the
// abbreviation tagger both apply them, so both say the same.
//
// Thread safety: pure functions.
#ifndef HSTAG_PLUGINS_COMMON_LEXICON_MATCH_H_
#define HSTAG_PLUGINS_COMMON_LEXICON_MATCH_H_

#include <string>
#include <string_view>
#include <vector>

namespace hstag::common {

// True when a cue for `langs` (primary subtags; empty: every language)
// applies in a text of language `lang` (a BCP 47 tag, "" when unknown: every
// cue applies).
bool LanguageMatches(std::string_view lang, const std::vector<std::string>& langs);

// True when `word` matches the glob `pattern` (`*`: any run of characters).
bool GlobMatch(std::string_view pattern, std::string_view word);

// True when the word as written starts with an upper-case or title-case letter.
bool Capitalised(std::string_view surface);

// True when a word (case-folded) heads the names of organizations,
// programmes, units, publications, plans, series and events (codebook
// §10.1): a capitalised run of words holding one is a name. `before`: the
// word stands before the match; "Policy", "Framework", "Sector", "Rules",
// "Guidelines", "Principles", "Standards", "Classification", "Outlook",
// "Assessment" and "Inquiry" head a name only after it ("the NATO WPS
// Policy", "Food Security Sector"; the heading "Policy Framework for Food
// Security" names neither); "Minister" heads a post's title only before it
// ("the Minister for Women, Children and Poverty Alleviation"; "the EU
// Ministers" are the EU's).
bool NameHead(std::string_view norm, bool before = false);

// What kind of head NameHead finds a word (case-folded): none, a head
// anywhere, one only after the match, one only before it, or the plural of
// a body's head ("Councils", "Agencies").
enum class HeadKind { kNone, kHead, kAfterOnly, kBeforeOnly, kPlural };
HeadKind NameHeadKind(std::string_view norm);

}  // namespace hstag::common

#endif  // HSTAG_PLUGINS_COMMON_LEXICON_MATCH_H_
