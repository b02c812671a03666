// SPDX-License-Identifier: GPL-3.0-or-later
//
// Writers: the document JSON ("hstag.document/1", core/schema/) and the
// summary it carries. The tagger side knows nothing of these.
//
// Thread safety: free functions; the Pipeline is only read.
#ifndef HSTAG_OUTPUT_H_
#define HSTAG_OUTPUT_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>

#include "hstag/pipeline.h"

namespace hstag {

using ordered_json = nlohmann::ordered_json;

struct OutputOptions {
  bool emit_text = false;  // add the extracted text and its segments
};

// The `tool` block: versions of hstag and its libraries, lexicons with their
// hashes, plugins with their versions. The same for every document of a run.
ordered_json ToolJson(const Pipeline& pipeline);

// Per-concept counts split by strength (boilerplate counted apart).
ordered_json SummaryJson(const AnalysisResult& result, const Pipeline& pipeline);

// The whole document. `tool` is ToolJson(pipeline), computed once per run.
ordered_json DocumentJson(const AnalysisResult& result, const Pipeline& pipeline,
                          const ordered_json& tool, const OutputOptions& options);

// A document's segments with their provenance (and their text when asked),
// and a list of warnings or errors: as in the document JSON.
ordered_json SegmentsJson(const Document& doc, bool with_text);
ordered_json MessagesJson(const std::vector<Message>& messages);

// Adds `key` to `object` (null becomes an empty object) without looking for
// it first, as operator[] does in a linear search: for the objects built
// here, whose keys are distinct by construction. Keeps insertion order.
template <typename V>
void Put(ordered_json& object, std::string_view key, V&& value) {
  if (object.is_null()) object = ordered_json::object();
  object.get_ref<ordered_json::object_t&>().emplace_back(std::string(key),
                                                         ordered_json(std::forward<V>(value)));
}

// An empty object with room for `members`. An object is a vector of
// (const key, value) pairs, which it copies, values and all, each time it
// grows: an object of large values is made with room for all of them.
inline ordered_json ObjectWithRoom(size_t members) {
  ordered_json object = ordered_json::object();
  object.get_ref<ordered_json::object_t&>().reserve(members);
  return object;
}

// Serializes compactly; invalid UTF-8 (never expected) is replaced, not thrown.
std::string Dump(const ordered_json& j, int indent = -1);

}  // namespace hstag

#endif  // HSTAG_OUTPUT_H_
