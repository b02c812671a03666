// SPDX-License-Identifier: GPL-3.0-or-later
//
// The cue examples of tests/lexicon/examples/<lang>.tsv, one sentence a line
// with what the shipped pipeline must and must not find in it when the text
// is declared to be in <lang> (an HTML page with lang="<lang>"):
//
//   <text> TAB <expectation> [TAB <expectation> ...] [TAB # why]
//
// where an expectation is `+concept.id` (a match of it), `+concept.id=words`
// (a match of it with exactly those words) or `-concept.id` (no match of it).
// Lines starting with # are comments. A file is what a language's cues are
// checked by: each cue of lexicons/hs.<lang>.yaml has a line that matches and,
// where a near miss exists, one that must not.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "hstag/pipeline.h"
#include "report/html.h"
#include "test_support.h"

namespace hstag {
namespace {

namespace fs = std::filesystem;
using testing::DefaultPipeline;
using testing::SourceDir;

std::vector<std::string> Fields(const std::string& line) {
  std::vector<std::string> out;
  size_t i = 0;
  while (true) {
    const size_t tab = line.find('\t', i);
    out.push_back(line.substr(i, tab == std::string::npos ? std::string::npos : tab - i));
    if (tab == std::string::npos) break;
    i = tab + 1;
  }
  return out;
}

std::vector<fs::path> ExampleFiles() {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(SourceDir()) / "tests/lexicon/examples")) {
    if (e.path().extension() == ".tsv") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class CueExamplesTest : public ::testing::TestWithParam<fs::path> {};

TEST_P(CueExamplesTest, EveryLineHolds) {
  const fs::path& file = GetParam();
  const std::string lang = file.stem().string();
  std::ifstream in(file);
  ASSERT_TRUE(in) << file;
  std::string line;
  int line_no = 0, checked = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> f = Fields(line);
    const std::string where = file.filename().string() + ":" + std::to_string(line_no);
    ASSERT_GE(f.size(), 2u) << where << ": a text, a TAB and at least one expectation";
    const std::string html = "<!DOCTYPE html><html lang=\"" + lang +
                             "\"><head><title>t</title></head><body><p>" + HtmlEscape(f[0]) +
                             "</p></body></html>";
    const AnalysisResult r = DefaultPipeline().RunBytes(html, "example.html");
    ASSERT_TRUE(r.doc.errors.empty()) << where;
    std::string found;
    for (const auto& a : r.annotations) {
      found += " " + a.concept_id + "=" + r.doc.text.substr(a.start, a.end - a.start) + ";";
    }
    for (size_t k = 1; k < f.size(); ++k) {
      const std::string& x = f[k];
      if (x.empty() || x[0] == '#') break;
      ASSERT_TRUE(x[0] == '+' || x[0] == '-') << where << ": `" << x << "` starts with + or -";
      const size_t eq = x.find('=');
      const std::string id = x.substr(1, eq == std::string::npos ? std::string::npos : eq - 1);
      const std::string words = eq == std::string::npos ? "" : x.substr(eq + 1);
      bool has = false;
      for (const auto& a : r.annotations) {
        if (a.concept_id == id &&
            (words.empty() || r.doc.text.substr(a.start, a.end - a.start) == words)) {
          has = true;
        }
      }
      EXPECT_EQ(has, x[0] == '+') << where << ": " << (x[0] == '+' ? "missing " : "unwanted ")
                                  << x.substr(1) << " in \"" << f[0] << "\"; found:" << found;
      ++checked;
    }
  }
  EXPECT_GT(checked, 0) << file << " has no example";
}

INSTANTIATE_TEST_SUITE_P(Languages, CueExamplesTest, ::testing::ValuesIn(ExampleFiles()),
                         [](const auto& info) { return info.param.stem().string(); });

}  // namespace
}  // namespace hstag
