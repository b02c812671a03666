// SPDX-License-Identifier: GPL-3.0-or-later
//
// Recognizes formats that hstag does not extract, from their leading bytes,
// so that the error says what the file is ("unsupported format: DOCX").
//
// Thread safety: a pure function.
#ifndef HSTAG_TEXT_SNIFF_H_
#define HSTAG_TEXT_SNIFF_H_

#include <string>
#include <string_view>

namespace hstag {

// A name for the format of `head` (the file's first bytes) when it is one of
// the well-known binary or document formats, else "".
std::string DescribeFormat(std::string_view head);

}  // namespace hstag

#endif  // HSTAG_TEXT_SNIFF_H_
