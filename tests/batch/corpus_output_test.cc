// SPDX-License-Identifier: GPL-3.0-or-later
//
// A document's rows of the corpus files (CorpusOutput::Render): the
// annotations.csv columns, with the boilerplate and references flags.
#include "batch/corpus_output.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace hstag {
namespace {

// The fields of CSV lines without quoted commas.
std::vector<std::vector<std::string>> Rows(const std::string& csv) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(csv);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> fields;
    std::istringstream in(line);
    for (std::string f; std::getline(in, f, ',');) fields.push_back(f);
    if (!line.empty() && line.back() == ',') fields.emplace_back();  // an empty last field
    rows.push_back(fields);
  }
  return rows;
}

TEST(CorpusOutput, AnnotationRowsSayBoilerplateAndReferences) {
  const ordered_json doc = ordered_json::parse(R"({
    "source": {"path": "a.pdf"}, "stats": {"words": 10},
    "annotations": [
      {"concept": "hs.concept", "strength": "explicit", "start": 0, "end": 14,
       "text": "Human security", "sentence": 0, "page": 1, "plugin": "lexicon", "rule": "hs:1"},
      {"concept": "hs.concept", "strength": "explicit", "start": 20, "end": 34,
       "text": "Human security", "sentence": 1, "page": 1, "boilerplate": true,
       "plugin": "lexicon", "rule": "hs:1"},
      {"concept": "actor.human_security_network", "strength": "explicit", "start": 40,
       "end": 62, "text": "Human Security Network", "sentence": 2, "page": 2,
       "references": true, "plugin": "lexicon", "rule": "actors:7"}],
    "summary": {"concepts": {}}, "warnings": [], "errors": []})");
  const CorpusOutput::Rows rows = CorpusOutput::Render(doc, {}, MatrixValues::kTotal);
  const auto r = Rows(rows.annotations);
  ASSERT_EQ(r.size(), 3u);
  // document, concept, strength, page, page_label, xpath, start, end, text,
  // sentence, boilerplate, references, plugin, rule, value
  for (const auto& fields : r) ASSERT_EQ(fields.size(), 15u);
  EXPECT_EQ(r[0][10], "false");
  EXPECT_EQ(r[0][11], "false");
  EXPECT_EQ(r[1][10], "true");
  EXPECT_EQ(r[1][11], "false");
  EXPECT_EQ(r[2][1], "actor.human_security_network");
  EXPECT_EQ(r[2][10], "false");
  EXPECT_EQ(r[2][11], "true");
  EXPECT_EQ(r[2][12], "lexicon");
}

}  // namespace
}  // namespace hstag
