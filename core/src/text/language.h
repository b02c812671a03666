// SPDX-License-Identifier: GPL-3.0-or-later
//
// A small language guesser for documents that do not declare their language
// (plain text, most PDFs), so that cues restricted to one language (German
// "Island" for Iceland, French "ONU") do not fire in a text of another.
// Scripts decide for Japanese (kana), Chinese (Han without kana), Arabic,
// Cyrillic (Russian), Greek; Latin-script texts are told apart by their
// most frequent function words (en, fr, es, de, it, pt, nl). It answers only
// when the evidence is clear, else "".
//
// Thread safety: a pure function.
#ifndef HSTAG_TEXT_LANGUAGE_H_
#define HSTAG_TEXT_LANGUAGE_H_

#include <string>
#include <string_view>

namespace hstag {

// A BCP 47 primary language subtag, or "" when unsure. Reads at most the
// first 16 KiB of `text` (valid UTF-8).
std::string GuessLanguage(std::string_view text);

}  // namespace hstag

#endif  // HSTAG_TEXT_LANGUAGE_H_
