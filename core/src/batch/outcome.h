// SPDX-License-Identifier: GPL-3.0-or-later
//
// What a worker process tells the supervisor about one document, as a typed
// message: the worker analyses the document, writes its JSON (and report),
// and renders its lines of the corpus files; the supervisor only counts and
// appends. Encoded for the pipe between them as a flag byte (failed or
// not, so that the worker pool can count failures without decoding) and
// length-prefixed fields.
//
// Thread safety: plain values.
#ifndef HSTAG_BATCH_OUTCOME_H_
#define HSTAG_BATCH_OUTCOME_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "batch/corpus_output.h"
#include "hstag/status.h"

namespace hstag {

struct DocumentOutcome {
  bool failed = false;   // the document has errors
  bool warned = false;   // it has warnings
  std::string path;      // source.path
  uint64_t bytes = 0;    // source.bytes
  uint64_t json_bytes = 0;  // the size of the document JSON written
  std::string sha256;    // source.sha256 (empty when the file could not be read)
  std::string error;     // its errors, joined by "; " (when failed)
  std::string line;      // its line in the command's closing list (SummaryLine)
  std::string write_error;  // why its JSON or report could not be written ("" when written)
  CorpusOutput::Rows rows;  // its lines of the corpus files

  std::string Encode() const;
  // Fails when `message` was cut short or is not an encoded outcome.
  static Result<DocumentOutcome> Decode(std::string_view message);
  // Whether an encoded outcome is of a failed document, from its first byte.
  static bool EncodedFailed(std::string_view message) {
    return !message.empty() && message[0] == kFailed;
  }

 private:
  static constexpr char kFailed = 'F', kDone = 'O';
};

}  // namespace hstag

#endif  // HSTAG_BATCH_OUTCOME_H_
