// SPDX-License-Identifier: GPL-3.0-or-later
//
// Parsing a lexicon file in any of its formats, chosen by its content:
// hstag's YAML format (lexicons/README.md), a quanteda-style YAML dictionary
// (nested keys -> lists of glob patterns) or a LIWC .dic file (2007 and 2015
// layouts). Dictionary categories become concepts `user.<dictionary>.<key>`.
//
// Thread safety: free functions without shared state.
#ifndef HSTAG_LEXICON_FORMATS_H_
#define HSTAG_LEXICON_FORMATS_H_

#include <string>

#include "hstag/lexicon.h"
#include "hstag/status.h"

namespace hstag {

// The lexicon in `bytes`, the content of the file at `path`. Errors name
// `display`, the line and the column.
Result<Lexicon> ParseLexicon(const std::string& path, const std::string& display,
                             const std::string& bytes);

// The name a user dictionary's concepts take from its file: the file name
// up to its first dot, as an ID part ("My Dict.dic" -> "my_dict").
std::string DictionaryName(const std::string& path);

}  // namespace hstag

#endif  // HSTAG_LEXICON_FORMATS_H_
