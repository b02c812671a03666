// SPDX-License-Identifier: GPL-3.0-or-later
//
// The HTML audit reports: single self-contained pages (inline CSS and SVG,
// no network, no external anything) that a reader opens in any browser.
//
//   DocumentReportHtml  one document from its JSON ("hstag.document/1") and
//                       its Summary: metadata and versions, the HS profile (a radar of the
//                       seven dimensions, bars for the three freedoms, chips
//                       for approaches and principles, definitions), the
//                       concepts, actors with their co-occurring concepts,
//                       key passages linking into the text, and the text
//                       split by page with every match highlighted by
//                       category (colour and underline style), filtered by
//                       a legend of checkboxes (CSS only, no script).
//   CompareReportHtml   two documents side by side: their Comparison
//                       (hstag/compare.h, as `hstag compare` prints it) with
//                       both profiles.
//   CorpusIndexHtml     a batch run's index: a row per document, sortable by
//                       any column (a small inline script, allowed by its
//                       hash), a heat map document x dimension, links. Each
//                       line's summary is read with SummaryFromDocumentJson;
//                       a line without a complete one (a duplicate, an older
//                       hstag's) has empty cells.
//
// Every string from a document (text, metadata, paths) is escaped; the pages
// set a Content-Security-Policy that allows nothing but their own inline
// style (and the index's own script), by hash.
//
// The summaries are typed (hstag/summary.h); the rest of a document's JSON
// (source, tool, stats, annotations, text) is read defensively: a member
// absent or of another type reads as empty. The document's text is shown
// when its JSON carries it ("text" and "segments", as --emit-text writes
// them); without it the report says so.
//
// Each page has its file (document_page.cc, compare_page.cc,
// index_page.cc); the stylesheet and the categories' look are style.h's, the
// parts the pages share widgets.h's.
//
// Thread safety: free functions without shared state.
#ifndef HSTAG_REPORT_REPORT_H_
#define HSTAG_REPORT_REPORT_H_

#include <string>
#include <vector>

#include "hstag/compare.h"
#include "hstag/summary.h"
#include "hstag/writer.h"

namespace hstag {

struct ReportOptions {
  std::string date;  // when the report was made, written in its header ("" leaves it out)
};

// `summary`: the document's (SummaryFromDocumentJson(doc), or Summarize of
// its analysis).
std::string DocumentReportHtml(const ordered_json& doc, const Summary& summary,
                               const ReportOptions& options);

// `a` and `b`: the two documents' JSON (their source and tool are shown);
// `comparison`: theirs.
std::string CompareReportHtml(const ordered_json& a, const ordered_json& b,
                              const Comparison& comparison, const ReportOptions& options);

struct IndexRow {
  ordered_json line;  // the document's line of corpus.jsonl
  std::string href;   // its report, relative to the index ("" when none)
  std::string name;   // shown for it (its path relative to its root); "" for its file name
};
// `run`: the run's run.json (its counts and versions are shown; may be null).
std::string CorpusIndexHtml(const std::vector<IndexRow>& rows, const ordered_json& run,
                            const ReportOptions& options);

}  // namespace hstag

#endif  // HSTAG_REPORT_REPORT_H_
