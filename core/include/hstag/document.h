// SPDX-License-Identifier: GPL-3.0-or-later
//
// The document model: what an extractor produces and what the output
// describes. Offsets are half-open UTF-8 byte ranges into Document::text, the
// extracted text (what `--emit-text` prints).
//
// Thread safety: plain values; a Document belongs to one thread at a time.
#ifndef HSTAG_DOCUMENT_H_
#define HSTAG_DOCUMENT_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "hstag/strength.h"

namespace hstag {

struct Segment {
  uint32_t start = 0, end = 0;  // in Document::text
  uint32_t page = 0;            // 1-based; 0 when the format has no pages
  std::string page_label;       // printed label, when the PDF has one
  std::string xpath;            // XML element path
  std::string lang;             // BCP 47, when known
  bool boilerplate = false;     // running header, footer, page number
  bool references = false;      // in a reference list, bibliography or notes section
  std::string origin;           // "text" (a text layer), "ocr", or empty (not said)
  int32_t ocr_confidence = -1;  // origin "ocr": the page's mean word confidence, 0-100
  uint32_t heading = 0;         // a heading's level, 1 to 9; 0: not a heading
};

// A message attached to a document: where it arose and what happened.
struct Message {
  std::string stage;  // "read", "extract", "analyze", "tag:<plugin>", ...
  std::string message;
};

// An annotation in its resolved form, as the output writes it: it owns its
// strings and knows its sentence, segment and plugin. (Plugins see and give
// annotations as hstag_annotation_v1, through the SDK's view
// hstag::sdk::Annotation; the host converts with the SDK's ToC and FromC.)
struct Annotation {
  std::string concept_id;
  Strength strength = Strength::kExplicit;
  uint32_t start = 0, end = 0;  // in Document::text
  uint32_t sentence = 0;        // 0-based, per document
  uint32_t segment = 0;         // index into Document::segments
  std::string plugin;
  std::string rule;
  std::string value;  // normalized value, may be empty
  int64_t via = -1;   // offset of the definition this match depends on
  double score = -1;  // similarity, negative when none
};

struct Document {
  // source
  std::string path;         // as given (relative to the walk's root for directories)
  std::string format;       // "text", "pdf", "xml", ...
  std::string sha256;       // of the file's bytes
  uint64_t bytes = 0;       // file size
  std::string text_origin;  // utf8, utf8-bom, transcoded:<charset>, repaired, ocr, mixed
  std::string language;     // BCP 47, when known
  std::string language_origin;  // "declared" (by the document) or "detected"
  std::map<std::string, std::string> metadata;
  uint32_t pages = 0;

  std::string text;  // the extracted text
  std::vector<Segment> segments;

  std::vector<Message> warnings;
  std::vector<Message> errors;

  void Warn(std::string stage, std::string message) {
    warnings.push_back({std::move(stage), std::move(message)});
  }
  void Fail(std::string stage, std::string message) {
    errors.push_back({std::move(stage), std::move(message)});
  }
  // The segment holding byte `offset` (the last one starting at or before it).
  // REQUIRES: !segments.empty()
  size_t SegmentAt(uint32_t offset) const;
};

}  // namespace hstag

#endif  // HSTAG_DOCUMENT_H_
