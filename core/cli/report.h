// SPDX-License-Identifier: GPL-3.0-or-later
//
// `hstag report FILE -o report.html`: the HTML audit report of a document (or
// of the JSON `hstag analyze` wrote for it); `hstag report A B -o cmp.html`:
// two documents side by side, the comparison of `hstag compare` (compare.h).
// And the reports of a batch run with `analyze --out OUT --format html`:
// OUT/reports/<path relative to its root>.html and OUT/index.html.
// The pages themselves: hstag/report.h.
#ifndef HSTAG_CLI_REPORT_H_
#define HSTAG_CLI_REPORT_H_

#include <string>
#include <vector>

#include "hstag/writer.h"
#include "hstag/pipeline.h"
#include "hstag/status.h"
#include "batch/walk.h"

namespace hstag::cli {

// Writes the report of one input, or the comparison of two, to `out` ("-":
// stdout); `date` goes in its header. Returns 0, 1 (usage), 2 (an input
// failed) or 3 (the report could not be written).
int Report(const std::vector<std::string>& inputs, const std::string& out, const std::string& date,
           const Pipeline& pipeline);

// In a batch worker: writes OUT/reports/<relative>.html from the document's
// JSON (made with its text), then drops the text and segments from `doc`
// unless `keep_text` (--emit-text).
Status WriteBatchReport(const std::string& out_dir, const std::string& relative, ordered_json* doc,
                        bool keep_text, const std::string& date);

// After a batch run: OUT/index.html from OUT/corpus.jsonl and OUT/run.json,
// linking to each document's report. A document reused by --resume whose
// report is missing gets one from its OUT/docs JSON (without its text unless
// that JSON has it).
Status WriteBatchIndex(const std::string& out_dir, const std::vector<Input>& inputs,
                       const std::string& date);

}  // namespace hstag::cli

#endif  // HSTAG_CLI_REPORT_H_
