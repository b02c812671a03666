// SPDX-License-Identifier: GPL-3.0-or-later
#include "report.h"

#include <cstdio>
#include <iostream>
#include <memory>

#include "batch/manifest.h"
#include "command.h"
#include "hstag/compare.h"
#include "report/report.h"
#include "util/util.h"

namespace hstag::cli {

int Report(const std::vector<std::string>& inputs, const std::string& out, const std::string& date,
           const Pipeline& pipeline) {
  if (inputs.empty() || inputs.size() > 2) {
    std::cerr << "hstag report: give one input (a report) or two (a comparison)\n";
    return kExitUsage;
  }
  std::string html;
  try {
    std::vector<ordered_json> docs;
    for (const auto& input : inputs) {
      Result<ordered_json> doc = LoadDocument(input, pipeline, /*with_text=*/true);
      if (!doc.ok()) {
        std::cerr << "hstag report: " << doc.error() << "\n";
        return kExitDocuments;
      }
      docs.push_back(std::move(doc).value());
    }
    const ReportOptions options{date};
    if (docs.size() == 1) {
      Result<Summary> summary = SummaryFromDocumentJson(docs[0]);
      if (!summary.ok()) {
        std::cerr << "hstag report: " << inputs[0] << ": " << summary.error() << "\n";
        return kExitDocuments;
      }
      html = DocumentReportHtml(docs[0], *summary, options);
    } else {
      std::vector<ComparedDocument> sides;
      for (size_t i = 0; i < docs.size(); ++i) {
        Result<ComparedDocument> d = ComparedDocumentFromJson(docs[i], inputs[i]);
        if (!d.ok()) {
          std::cerr << "hstag report: " << inputs[i] << ": " << d.error() << "\n";
          return kExitDocuments;
        }
        sides.push_back(std::move(d).value());
      }
      const Comparison cmp = CompareDocuments(std::move(sides[0]), std::move(sides[1]));
      html = CompareReportHtml(docs[0], docs[1], cmp, options);
    }
  } catch (const nlohmann::json::exception& e) {  // hstag JSON edited by hand
    std::cerr << "hstag report: an input's JSON is malformed: " << e.what() << "\n";
    return kExitDocuments;
  }
  if (out == "-") {
    std::fwrite(html.data(), 1, html.size(), stdout);
    std::fflush(stdout);
    return kExitOk;
  }
  if (Status s = WriteFileAtomic(out, html); !s.ok()) {
    std::cerr << "hstag report: " << s.message() << "\n";
    return kExitFatal;
  }
  return kExitOk;
}

Command AddReport(CLI::App& app) {
  struct Options {
    std::vector<std::string> inputs;
    std::string out;
    CommonOptions common;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("report", "An HTML audit report of a document (or its "
                                               "hstag JSON), or of two side by side");
  cmd->add_option("inputs", o->inputs, "One or two documents or hstag JSON files")
      ->required()
      ->expected(1, 2)
      ->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", o->out, "The HTML file to write (- for stdout)")->required();
  AddCommonOptions(cmd, &o->common);
  return {cmd, [o] {
            auto pipeline = MakePipeline(o->common);
            return pipeline ? Report(o->inputs, o->out, UtcNow(), *pipeline) : kExitFatal;
          }};
}

}  // namespace hstag::cli
