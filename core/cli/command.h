// SPDX-License-Identifier: GPL-3.0-or-later
//
// The hstag command: one file per subcommand (analyze.cc, extract.cc, ...),
// each adding itself to the CLI11 app with its options and returning what
// runs it; main.cc only dispatches. The work itself is the library's.
//
// Exit codes: 0 success, 1 usage error, 2 some documents failed (their
// errors are in the output), 3 fatal error (a config, lexicon or plugin that
// does not load, an output that cannot be written).
//
// Thread safety: the command runs on one thread (batch runs fork workers).
#ifndef HSTAG_CLI_COMMAND_H_
#define HSTAG_CLI_COMMAND_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "hstag/pipeline.h"

namespace hstag::cli {

constexpr int kExitOk = 0, kExitUsage = 1, kExitDocuments = 2, kExitFatal = 3;

// The options every command that builds a pipeline takes.
struct CommonOptions {
  std::string config;
  std::vector<std::string> lexicons;        // --lexicon: instead of the config's
  std::vector<std::string> added_lexicons;  // --add-lexicon: after them
  std::vector<std::string> plugin_dirs;
  std::string pdf_password;
  std::string xml_profile;
  // OCR of scanned PDF pages (the PDF extractor's ocr, ocr_lang, ocr_dpi);
  // empty or 0: not given (the config's, else auto, en, 300).
  std::string ocr, ocr_lang;
  uint64_t ocr_dpi = 0;
  // Per-document limits (hstag::Limits, the PDF extractor's pages); 0: not given.
  uint64_t max_bytes = 0, max_pages = 0, max_segments = 0, max_annotations = 0;
  uint64_t max_members = 0, max_unpacked_bytes = 0, max_ratio = 0;
};
void AddCommonOptions(CLI::App* app, CommonOptions* o);

// The command's pipeline, or nullptr after printing why it cannot be made.
// It lives until the process ends.
Pipeline* MakePipeline(const CommonOptions& o, bool extract_only = false);

// A subcommand: its parser and what runs it once parsed (the exit code).
struct Command {
  CLI::App* app;
  std::function<int()> run;
};
Command AddAnalyze(CLI::App& app);
Command AddExtract(CLI::App& app);
Command AddLexicon(CLI::App& app);
Command AddEval(CLI::App& app);
Command AddSample(CLI::App& app);
Command AddMerge(CLI::App& app);
Command AddCompare(CLI::App& app);
Command AddReport(CLI::App& app);

void WriteStdout(std::string_view s);
// A document's errors, joined by "; ".
std::string ErrorLine(const Document& d);

}  // namespace hstag::cli

#endif  // HSTAG_CLI_COMMAND_H_
