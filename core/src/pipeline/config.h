// SPDX-License-Identifier: GPL-3.0-or-later
//
// The pipeline config (lexicons/pipeline.yaml shows every key): which
// lexicons, which taggers in which order with their options, the options of
// extractors, which plugins are switched off, and per-document limits.
//
// Thread safety: plain values and a free function without shared state.
#ifndef HSTAG_PIPELINE_CONFIG_H_
#define HSTAG_PIPELINE_CONFIG_H_

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "hstag/pipeline.h"
#include "hstag/status.h"

namespace hstag {

struct TaggerConfig {
  std::string id;
  nlohmann::json options = nlohmann::json::object();
};

struct PipelineConfig {
  std::string dir;  // base of relative paths
  std::vector<std::string> lexicons;
  std::vector<TaggerConfig> taggers;
  std::map<std::string, nlohmann::json> extractor_options;
  std::set<std::string> disabled;
  Limits limits;
};

// Reads a config file; errors name the file and the line (and the column
// for a YAML syntax error).
Result<PipelineConfig> LoadConfig(const std::string& path);

}  // namespace hstag

#endif  // HSTAG_PIPELINE_CONFIG_H_
