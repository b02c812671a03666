// SPDX-License-Identifier: GPL-3.0-or-later
//
// The host side of the plugin ABI (<hstag/plugin_abi.h>): registers the
// plugins linked into the program and loads modules (dlopen), checks each
// descriptor against the ABI the host speaks, creates the instances with
// their options, and serves what the ABI offers plugins (the analyzer for
// short texts). The pipeline then calls the instances through `extractors`
// and `taggers`. The host services: the analyzer for short texts, and the
// unpacking of zips held in memory (core/src/archive) under the pipeline's
// limits.
//
// Thread safety: built and arranged from one thread; after that, only read
// (the instances' extract and tag may run on many threads at once, as the
// ABI allows).
#ifndef HSTAG_PIPELINE_PLUGIN_HOST_H_
#define HSTAG_PIPELINE_PLUGIN_HOST_H_

#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "hstag/pipeline.h"
#include "hstag/plugin_abi.h"
#include "hstag/status.h"

namespace hstag {

class Analyzer;

// Collects the message a plugin reports through hstag_error_v1.
struct ErrorBox {
  std::string message;
  hstag_error_v1 c{this, [](void* ctx, hstag_str m) {
                     static_cast<ErrorBox*>(ctx)->message.assign(m.data, m.size);
                   }};
  std::string Take(const char* fallback) {
    return message.empty() ? std::string(fallback) : std::move(message);
  }
};

// Where the host service announce_ocr goes (hstag_host_v1): a process-wide
// listener, set by a batch worker to extend the time limit of the document
// it is working on; none (the default): the announcement is ignored.
using OcrListener = void (*)(uint32_t pages);
void SetOcrListener(OcrListener listener);

// What the host services work with (hstag_host_v1.ctx).
struct HostServices {
  const Analyzer* analyzer;
  const Limits* limits;
};

struct LoadedPlugin {
  const hstag_plugin_v2* desc = nullptr;
  void* self = nullptr;  // the instance, once created
  PluginInfo info;
  nlohmann::json options = nlohmann::json::object();
};

class PluginHost {
 public:
  // REQUIRES: `analyzer` and `limits` outlive the host; `limits` is final
  // before the first plugin instance is created.
  PluginHost(const Analyzer& analyzer, const Limits& limits);
  ~PluginHost();  // destroys the instances, then closes the modules
  PluginHost(const PluginHost&) = delete;
  PluginHost& operator=(const PluginHost&) = delete;

  // A plugin linked into the program ("builtin") or found in a module (its
  // path). Refused: a descriptor for another ABI version, an incomplete one,
  // an id already taken.
  Status Register(hstag_plugin_query_fn query, const std::string& origin);
  // Every *.so of a directory, in the order of their names.
  Status LoadDirectory(const std::string& dir);
  // Creates p's instance with p.options and the lexicons (which must
  // outlive the instance).
  Status CreateInstance(LoadedPlugin& p, const std::string& config_dir, const std::string& data_dir,
                        std::span<const hstag_lexicon_v2> lexicons);

  // Registered plugins by kind, in registration order until the pipeline
  // arranges them.
  std::vector<LoadedPlugin> extractors, taggers;
  std::vector<PluginInfo> infos;  // of every registered plugin

 private:
  Status LoadModule(const std::string& path);

  HostServices services_;
  hstag_host_v1 host_{};
  std::vector<void*> modules_;  // dlopen handles, closed last
};

}  // namespace hstag

#endif  // HSTAG_PIPELINE_PLUGIN_HOST_H_
