// SPDX-License-Identifier: GPL-3.0-or-later
//
// `hstag compare A B`: two documents' HS profiles side by side.
//
// A and B are documents (analysed with `pipeline`) or the JSON `hstag analyze`
// wrote for one document (hstag/writer.h's LoadDocument); either way the
// comparison is built from the two summaries (hstag/compare.h), so a document
// and its JSON compare the same.
//
// `format` "table": aligned columns for an 80-column terminal; "json": an
// object with "schema": "hstag.compare/1".
#ifndef HSTAG_CLI_COMPARE_H_
#define HSTAG_CLI_COMPARE_H_

#include <string>
#include <vector>

#include "hstag/pipeline.h"

namespace hstag::cli {

// Writes the comparison of inputs[0] and inputs[1] to stdout. Returns 0, 1
// (usage: not two inputs, unknown format), 2 (an input failed: unreadable, a
// failed analysis, hstag JSON without a complete summary) or 3 (fatal).
int Compare(const std::vector<std::string>& inputs, const std::string& format,
            const hstag::Pipeline& pipeline);

}  // namespace hstag::cli

#endif  // HSTAG_CLI_COMPARE_H_
