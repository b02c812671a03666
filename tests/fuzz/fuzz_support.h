// SPDX-License-Identifier: GPL-3.0-or-later
//
// Shared by the fuzz harnesses of this folder: the built-in plugins created
// the way the pipeline creates them, a pipeline built from a config text, and
// a scratch directory for inputs that the code under test reads from a file.
// Each harness defines LLVMFuzzerTestOneInput; it is linked either with
// libFuzzer (the `fuzz` preset) or with replay_main.cc, which feeds it every
// kept input (the normal test suite).
#ifndef HSTAG_TESTS_FUZZ_FUZZ_SUPPORT_H_
#define HSTAG_TESTS_FUZZ_FUZZ_SUPPORT_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hstag/pipeline.h"
#include "hstag/plugin_abi.h"

namespace hstag::fuzz {

// Stops the process with a message: a broken invariant is a finding.
[[noreturn]] void Fail(const std::string& what);

// A short document (several scripts, citations, abbreviations, a quoted
// definition) run through each pipeline built from a fuzzed file.
extern const char kSampleDocument[];

// A built-in plugin instance, created once and kept for the process.
struct Plugin {
  const hstag_plugin_v2* desc = nullptr;
  void* self = nullptr;
};

// Creates the built-in plugin `id` with `options_json` (a JSON object), as
// the pipeline does, with a host that analyzes nothing. Fails when it cannot.
Plugin CreateBuiltin(std::string_view id, const std::string& options_json);

// Creates a plugin and returns the reason it could not be, or "" and *out.
std::string TryCreateBuiltin(std::string_view id, const std::string& options_json, Plugin* out);

// What an extractor produced; every string is copied, so a dangling pointer
// passed by the plugin is caught when it is read.
struct Extracted {
  bool ok = false;
  std::string error;
  std::vector<std::string> segments;
  std::map<std::string, std::string> metadata;
  std::vector<std::string> warnings;
  uint32_t pages = 0;
};
Extracted Extract(const Plugin& p, const uint8_t* data, size_t size, std::string_view path);

// A pipeline built once from the config text `yaml` (written to the scratch
// directory; `@DATA@` is replaced by hstag's data directory).
const Pipeline& PipelineFromConfig(const std::string& yaml);

// Checks what the pipeline returns for any document: offsets inside the
// text and on UTF-8 boundaries, a reason for every error.
void CheckResult(const AnalysisResult& r);

// A file of the scratch directory (one per process, removed at exit).
std::string ScratchPath(const std::string& name);
void WriteScratch(const std::string& path, const uint8_t* data, size_t size);

}  // namespace hstag::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
// Optional: run once before the first input (libFuzzer and the replay driver).
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

#endif  // HSTAG_TESTS_FUZZ_FUZZ_SUPPORT_H_
