// SPDX-License-Identifier: GPL-3.0-or-later
//
// LoadDocument (hstag/writer.h): a document's JSON from the document or from
// the JSON written for it.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>

#include "hstag/writer.h"
#include "util/util.h"

namespace hstag {
namespace {

bool EndsWithJson(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext == ".json";
}

// The string member `key` of `j`; "" when `j` is no object or has none.
std::string StringMember(const ordered_json& j, const char* key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

Result<ordered_json> LoadDocument(const std::string& input, const Pipeline& pipeline,
                                  bool with_text) {
  if (EndsWithJson(input)) {
    auto bytes = ReadFile(input, pipeline.limits().max_bytes);
    if (!bytes.ok()) return Status::Error(input + ": " + bytes.error());
    ordered_json j = ordered_json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
    if (StringMember(j, "schema") == "hstag.document/1") {
      auto errors = j.find("errors");
      if (errors != j.end() && errors->is_array() && !errors->empty()) {
        return Status::Error(input +
                             ": the document failed: " + StringMember(errors->front(), "message"));
      }
      return j;
    }
    // Any other JSON is a document like any other.
  }
  AnalysisResult r = pipeline.Run(input, input);
  if (r.failed()) {
    std::string why;
    for (const auto& e : r.doc.errors) why += (why.empty() ? "" : "; ") + e.message;
    return Status::Error(input + ": " + why);
  }
  return DocumentJson(r, pipeline, ToolJson(pipeline), OutputOptions{with_text});
}

}  // namespace hstag
