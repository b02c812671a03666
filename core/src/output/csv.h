// SPDX-License-Identifier: GPL-3.0-or-later
//
// CSV as R's read.csv and pandas' read_csv read it without arguments:
// comma-separated, a header row, fields quoted when they hold a comma, a
// quote, a line break or leading/trailing space (RFC 4180), LF line ends.
//
// Thread safety: free functions.
#ifndef HSTAG_OUTPUT_CSV_H_
#define HSTAG_OUTPUT_CSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "hstag/status.h"

namespace hstag {

// Appends one field, quoted as needed (no separator).
void AppendCsvField(std::string_view field, std::string* out);

// Appends one row (fields quoted as needed) and a line feed to *out.
void AppendCsvRow(const std::vector<std::string>& fields, std::string* out);

// Parses CSV text (quoted fields may span lines; CRLF accepted).
Result<std::vector<std::vector<std::string>>> ParseCsv(std::string_view text);

}  // namespace hstag

#endif  // HSTAG_OUTPUT_CSV_H_
