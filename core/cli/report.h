// SPDX-License-Identifier: GPL-3.0-or-later
//
// `hstag report FILE -o report.html`: the HTML audit report of a document (or
// of the JSON `hstag analyze` wrote for it); `hstag report A B -o cmp.html`:
// two documents side by side, the comparison of `hstag compare` (compare.h).
// The pages themselves: hstag/report.h.
#ifndef HSTAG_CLI_REPORT_H_
#define HSTAG_CLI_REPORT_H_

#include <string>
#include <vector>

#include "hstag/writer.h"
#include "hstag/pipeline.h"

namespace hstag::cli {

// Writes the report of one input, or the comparison of two, to `out` ("-":
// stdout); `date` goes in its header. Returns 0, 1 (usage), 2 (an input
// failed) or 3 (the report could not be written).
int Report(const std::vector<std::string>& inputs, const std::string& out, const std::string& date,
           const Pipeline& pipeline);

}  // namespace hstag::cli

#endif  // HSTAG_CLI_REPORT_H_
