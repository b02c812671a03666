// SPDX-License-Identifier: GPL-3.0-or-later
#include "report.h"

#include <cstdio>
#include <iostream>
#include <memory>

#include "batch/manifest.h"
#include "command.h"
#include "compare.h"
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
    std::vector<ordered_json> docs(inputs.size());
    for (size_t i = 0; i < inputs.size(); ++i) {
      if (!LoadDocument(inputs[i], pipeline, /*with_text=*/true, "report", &docs[i])) {
        return kExitDocuments;
      }
    }
    const ReportOptions options{date};
    if (docs.size() == 1) {
      html = DocumentReportHtml(docs[0], options);
    } else {
      ordered_json cmp;
      if (!CompareDocuments(docs[0], docs[1], inputs[0], inputs[1], "report", &cmp)) {
        return kExitDocuments;
      }
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
