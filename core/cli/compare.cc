// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare.h"

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "command.h"
#include "hstag/compare.h"
#include "hstag/writer.h"

namespace hstag::cli {
namespace {

// What the comparison reads of an input (a document or its JSON).
Result<ComparedDocument> Load(const std::string& input, const Pipeline& pipeline) {
  Result<ordered_json> doc = LoadDocument(input, pipeline, /*with_text=*/false);
  if (!doc.ok()) return doc.status();
  Result<ComparedDocument> d = ComparedDocumentFromJson(*doc, input);
  if (!d.ok()) return Status::Error(input + ": " + d.error());
  return d;
}

}  // namespace

int Compare(const std::vector<std::string>& inputs, const std::string& format,
            const hstag::Pipeline& pipeline) {
  if (inputs.size() != 2 || (format != "table" && format != "json")) {
    std::cerr << "hstag compare: give two inputs and --format table or json\n";
    return kExitUsage;
  }
  std::vector<ComparedDocument> docs;
  for (const auto& input : inputs) {
    Result<ComparedDocument> d = Load(input, pipeline);
    if (!d.ok()) {
      std::cerr << "hstag compare: " << d.error() << "\n";
      return kExitDocuments;
    }
    docs.push_back(std::move(d).value());
  }
  const Comparison cmp = CompareDocuments(std::move(docs[0]), std::move(docs[1]));
  std::string out;
  if (format == "json") {
    JsonWriter w(&out, 2);
    WriteComparison(w, cmp);
    out += '\n';
  } else {
    out = ComparisonTable(cmp);
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  return kExitOk;
}

Command AddCompare(CLI::App& app) {
  struct Options {
    std::vector<std::string> inputs = std::vector<std::string>(2);
    std::string format = "table";
    CommonOptions common;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("compare", "Two documents' HS profiles side by side "
                                                "(documents or their hstag JSON)");
  cmd->add_option("a", o->inputs[0], "A document or its hstag JSON")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("b", o->inputs[1], "Another document or its hstag JSON")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--format", o->format, "table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  AddCommonOptions(cmd, &o->common);
  return {cmd, [o] {
            auto pipeline = MakePipeline(o->common);
            return pipeline ? Compare(o->inputs, o->format, *pipeline) : kExitFatal;
          }};
}

}  // namespace hstag::cli
