// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/config.h"

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>

#include "util/util.h"

namespace hstag {
namespace {

using json = nlohmann::json;

// A YAML value as JSON, the form plugins take their options in: a quoted
// scalar is a string; a plain one true, false, null, an integer or a number
// when it reads as one.
json YamlToJson(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: {
      json o = json::object();
      for (const auto& kv : n) o[kv.first.Scalar()] = YamlToJson(kv.second);
      return o;
    }
    case YAML::NodeType::Sequence: {
      json a = json::array();
      for (const auto& item : n) a.push_back(YamlToJson(item));
      return a;
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = n.Scalar();
      if (n.Tag() == "!") return s;  // quoted: a string
      if (s == "true") return true;
      if (s == "false") return false;
      if (s == "null" || s == "~") return nullptr;
      char* end = nullptr;
      const long long i = std::strtoll(s.c_str(), &end, 10);
      if (!s.empty() && *end == '\0') return i;
      const double d = std::strtod(s.c_str(), &end);
      if (!s.empty() && *end == '\0') return d;
      return s;
    }
    default:
      return nullptr;
  }
}

}  // namespace

Result<PipelineConfig> LoadConfig(const std::string& path) {
  auto bytes = ReadFile(path, 16u << 20);
  if (!bytes.ok()) return Status::Error(path + ": " + bytes.error());
  PipelineConfig cfg;
  cfg.dir = std::filesystem::absolute(std::filesystem::path(path)).parent_path().string();
  try {
    const YAML::Node root = YAML::Load(*bytes);
    if (!root.IsMap()) return Status::Error(path + ": a pipeline config must be a YAML mapping");
    for (const auto& kv : root) {
      const std::string key = kv.first.Scalar();
      if (key != "lexicons" && key != "taggers" && key != "extractors" && key != "limits" &&
          key != "pipeline") {
        return Status::Error(path + ":" + std::to_string(kv.first.Mark().line + 1) +
                             ": unknown key `" + key + "`");
      }
    }
    for (const auto& l : root["lexicons"]) cfg.lexicons.push_back(l.as<std::string>());
    for (const auto& t : root["taggers"]) {
      TaggerConfig tc;
      if (t.IsScalar()) {
        tc.id = t.Scalar();
      } else {
        tc.id = t["plugin"].as<std::string>();
        if (t["enabled"] && !t["enabled"].as<bool>()) cfg.disabled.insert(tc.id);
        if (t["options"]) tc.options = YamlToJson(t["options"]);
      }
      cfg.taggers.push_back(std::move(tc));
    }
    for (const auto& kv : root["extractors"]) {
      const std::string id = kv.first.Scalar();
      if (kv.second["enabled"] && !kv.second["enabled"].as<bool>()) cfg.disabled.insert(id);
      cfg.extractor_options[id] =
          kv.second["options"] ? YamlToJson(kv.second["options"]) : json::object();
    }
    for (const auto& kv : root["limits"]) {
      const std::string key = kv.first.Scalar();
      uint64_t* limit = key == "max_bytes"            ? &cfg.limits.max_bytes
                        : key == "max_segments"       ? &cfg.limits.max_segments
                        : key == "max_annotations"    ? &cfg.limits.max_annotations
                        : key == "max_members"        ? &cfg.limits.max_members
                        : key == "max_unpacked_bytes" ? &cfg.limits.max_unpacked_bytes
                        : key == "max_ratio"          ? &cfg.limits.max_ratio
                                                      : nullptr;
      if (!limit) {
        return Status::Error(path + ":" + std::to_string(kv.first.Mark().line + 1) +
                             ": unknown limit `" + key +
                             "` (known: max_bytes, max_segments, max_annotations, max_members, "
                             "max_unpacked_bytes, max_ratio)");
      }
      *limit = kv.second.as<uint64_t>();
    }
  } catch (const YAML::Exception& e) {
    return Status::Error(path + ":" + std::to_string(e.mark.line + 1) + ":" +
                         std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
  return cfg;
}

}  // namespace hstag
