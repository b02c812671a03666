// SPDX-License-Identifier: GPL-3.0-or-later
//
// The HTML pages of a batch run with --format html (the pages themselves:
// report/report.h): each document's report beside the JSON, and the run's
// index.
//
// Thread safety: free functions; WriteDocumentReport runs in workers, one
// document each.
#ifndef HSTAG_BATCH_REPORTS_H_
#define HSTAG_BATCH_REPORTS_H_

#include <string>
#include <vector>

#include "batch/output_layout.h"
#include "batch/walk.h"
#include "hstag/status.h"
#include "hstag/writer.h"

namespace hstag {

// Writes the report of the document whose JSON (with its text) is `doc`,
// then drops the text and segments from `doc` unless `keep_text`
// (--emit-text). `date` goes in the page's header.
Status WriteDocumentReport(const OutputLayout& out, const std::string& relative, ordered_json* doc,
                           bool keep_text, const std::string& date);

// After the run: the index, from the corpus file and the manifest, linking
// to each document's report. A document reused by --resume whose report is
// missing gets one from its JSON (without its text unless that JSON has it).
Status WriteIndex(const OutputLayout& out, const std::vector<Input>& inputs,
                  const std::string& date);

}  // namespace hstag

#endif  // HSTAG_BATCH_REPORTS_H_
