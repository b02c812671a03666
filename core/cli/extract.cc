// SPDX-License-Identifier: GPL-3.0-or-later
//
// `hstag extract`: the text the taggers see, or its segments with their
// provenance.
#include <cstdio>
#include <iostream>
#include <memory>

#include "command.h"
#include "hstag/writer.h"

namespace hstag::cli {
namespace {

int Extract(const std::string& path, const std::string& format, const CommonOptions& common) {
  auto pipeline = MakePipeline(common, /*extract_only=*/true);
  if (!pipeline) return kExitFatal;
  const Document d = pipeline->Extract(path, path);
  if (format == "json") {
    ordered_json j;
    j["path"] = d.path;
    j["format"] = d.format;
    j["text_origin"] = d.text_origin;
    j["language"] = d.language;
    j["pages"] = d.pages;
    ordered_json meta = ordered_json::object();
    for (const auto& [k, v] : d.metadata) meta[k] = v;
    j["metadata"] = meta;
    j["segments"] = SegmentsJson(d, /*with_text=*/true);
    j["warnings"] = MessagesJson(d.warnings);
    j["errors"] = MessagesJson(d.errors);
    WriteStdout(Dump(j, 2) + "\n");
  } else {
    WriteStdout(d.text);
  }
  std::fflush(stdout);
  if (!d.errors.empty()) {
    std::cerr << "hstag: " << d.path << ": " << ErrorLine(d) << "\n";
    return kExitDocuments;
  }
  return kExitOk;
}

}  // namespace

Command AddExtract(CLI::App& app) {
  struct Options {
    std::string path, format = "text";
    CommonOptions common;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("extract", "Print the text the tagger sees");
  cmd->add_option("file", o->path, "A document")->required();
  cmd->add_option("--format", o->format, "text (default) or json (segments with provenance)")
      ->check(CLI::IsMember({"text", "json"}));
  AddCommonOptions(cmd, &o->common);
  return {cmd, [o] { return Extract(o->path, o->format, o->common); }};
}

}  // namespace hstag::cli
