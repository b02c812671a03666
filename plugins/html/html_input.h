// SPDX-License-Identifier: GPL-3.0-or-later
//
// A web page's bytes before the HTML parser sees them: its character set
// (byte order mark, else <meta charset> or <meta http-equiv> within the
// first 1024 bytes as HTML's prescan finds it, else the bytes: UTF-8 when
// they are, else ICU's detector, else windows-1252, the web's default), the
// page converted to UTF-8, and the checks made before parsing.
//
// Thread safety: pure functions.
#ifndef HSTAG_PLUGINS_HTML_HTML_INPUT_H_
#define HSTAG_PLUGINS_HTML_HTML_INPUT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hstag::html {

// The charset label a <meta> in the first 1024 bytes declares, lower-cased
// and trimmed ("" when none), as HTML's prescan reads it: comments and other
// tags skipped, `charset` or `http-equiv="content-type"` with `content`.
std::string PrescanCharset(std::string_view bytes);

// The page as UTF-8 text and how it was obtained.
struct Decoded {
  std::string text;
  std::string origin;  // utf8, utf8-bom, transcoded:X, repaired
  std::vector<std::string> warnings;
};
// Throws std::runtime_error when the page cannot be converted.
Decoded DecodePage(std::string_view bytes);

// The deepest nesting of elements in `text`, as a scan of its tags counts
// it: +1 for the start tag of an element that has content, -1 for an end
// tag; the elements whose end tag may be left out (p, li, td, option, ...),
// void elements (br, img, meta, ...), `/>` inside <svg> and <math>, the
// contents of comments and of raw-text elements (script, style, textarea,
// title ...) and whatever follows <plaintext> do not count. Stops as soon
// as `limit` is passed; returns the deepest depth reached (at most
// limit + 1) and in *at the byte offset where it was reached.
size_t NestingDepth(std::string_view text, size_t limit, size_t* at);

// True when `text` ends inside a tag or a comment (a file cut short).
bool EndsInsideMarkup(std::string_view text);

}  // namespace hstag::html

#endif  // HSTAG_PLUGINS_HTML_HTML_INPUT_H_
