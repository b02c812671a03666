// SPDX-License-Identifier: GPL-3.0-or-later
//
// The analyzer's own edits, before ICU's normalization (text -> joined in
// text/analyzer.h): soft hyphens removed, words broken across a line end
// joined ("hu-\nman" -> "human"; "Asia-\nPacific" -> "Asia-Pacific"), single
// line breaks and runs of white space inside a paragraph (NBSP included)
// folded to one space, blank lines kept as paragraph breaks, curly quotes
// straightened. Runs of plain ASCII are copied 16 bytes at a time.
//
// Thread safety: a pure function.
#ifndef HSTAG_TEXT_JOIN_LINES_H_
#define HSTAG_TEXT_JOIN_LINES_H_

#include <string>
#include <string_view>

#include "text/offset_map.h"

namespace hstag {

// `text` (valid UTF-8) joined into *out; every change recorded in *map
// (toward `text`).
void JoinLines(std::string_view text, std::string* out, OffsetMap* map);

}  // namespace hstag

#endif  // HSTAG_TEXT_JOIN_LINES_H_
