// SPDX-License-Identifier: GPL-3.0-or-later
//
// Loading a lexicon file (the data model: <hstag/lexicon.h>): read, then
// parsed in its format (formats.h) or taken from the disk cache of parsed
// lexicons (cache.h). A pipeline loads each of its lexicons once and hands
// them to the plugins that need them (lexicon_views.h).
//
// Thread safety: a free function; see cache.h for the cache.
#ifndef HSTAG_LEXICON_LOADER_H_
#define HSTAG_LEXICON_LOADER_H_

#include <string>
#include <vector>

#include "hstag/lexicon.h"
#include "hstag/status.h"

namespace hstag {

// Loads a lexicon file: hstag's YAML format (lexicons/README.md), a
// quanteda-style YAML dictionary or a LIWC .dic file. Errors name the file
// (as `display`), the line and the column.
Result<Lexicon> LoadLexicon(const std::string& path, const std::string& display);

// Gives the concepts of every lexicon that `extends` another their
// definition (label, section, parent, type, description, overlap group)
// from that lexicon, which must come before it. Fails, naming the file and
// the line, when it does not, or when it lacks a concept of the same ID.
Status LinkLexicons(std::vector<Lexicon>* lexicons);

}  // namespace hstag

#endif  // HSTAG_LEXICON_LOADER_H_
