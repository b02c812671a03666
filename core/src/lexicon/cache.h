// SPDX-License-Identifier: GPL-3.0-or-later
//
// The on-disk cache of parsed lexicons. Parsing the shipped lexicons' YAML
// takes about 20 ms, 30% of hstag's start (`hstag lexicon list`: 63 ms of
// CPU without the cache, 44 ms with it), so a parsed lexicon is kept as
// CBOR in the cache directory, named by the hash of all that determines it:
// the file's bytes, its dictionary name (a user dictionary's concepts are
// named after the file), the cache format and the hstag version. An entry
// cannot be stale; a damaged or unreadable one is a miss; a cache that
// cannot be written is skipped. The directory: $HSTAG_CACHE_DIR ("off": no
// disk cache), else $XDG_CACHE_HOME/hstag, else $HOME/.cache/hstag.
//
// Thread safety: concurrent calls may write the same entry; each write is
// atomic (a temporary file renamed), so a reader sees a whole entry or none.
#ifndef HSTAG_LEXICON_CACHE_H_
#define HSTAG_LEXICON_CACHE_H_

#include <string>

#include "hstag/lexicon.h"
#include "hstag/status.h"

namespace hstag {

// The lexicon parsed from `bytes` (the file at `path`, whose SHA-256 is
// `sha`), from the cache when it has it; else parsed, and cached.
Result<Lexicon> ParseCached(const std::string& path, const std::string& display,
                            const std::string& bytes, const std::string& sha);

}  // namespace hstag

#endif  // HSTAG_LEXICON_CACHE_H_
