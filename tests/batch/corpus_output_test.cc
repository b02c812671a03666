// SPDX-License-Identifier: GPL-3.0-or-later
//
// A document's rows of the corpus files (CorpusRows): the annotations.csv
// columns, with the boilerplate and references flags; the same rows whether
// rendered while the document is written or from its JSON read back.
#include "batch/corpus_output.h"

#include <gtest/gtest.h>

#include "output/csv.h"
#include "test_support.h"

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
  const std::vector<std::string> no_columns;
  CorpusRows renderer(no_columns, MatrixValues::kTotal);
  Replay(doc, renderer);
  const CorpusLines rows = renderer.Take();
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
  EXPECT_EQ(renderer.document().line,
            "  a.pdf: 3 matches, 1 of them in boilerplate, 1 of them in references");
}

TEST(CorpusOutput, RowsWhileWritingEqualRowsFromTheJsonReadBack) {
  const Pipeline& pipeline = testing::DefaultPipeline();
  const std::string path = testing::SourceDir() + "/samples/txt/ungdc_THA_69_2014.txt";
  const AnalysisResult result = pipeline.Run(path, path);
  std::vector<std::string> columns;
  for (const Concept* c : pipeline.concepts()) columns.push_back(c->id);
  for (MatrixValues values : {MatrixValues::kTotal, MatrixValues::kPer10k}) {
    std::string json;
    JsonWriter text(&json, 2);
    CorpusRows writing(columns, values);
    TeeSink tee({&text, &writing});
    WriteDocument(tee, result, pipeline, ToolJson(pipeline), {});
    const CorpusLines a = writing.Take();
    const ordered_json doc = ordered_json::parse(json);
    CorpusRows reading(columns, values);
    Replay(doc, reading);
    const CorpusLines b = reading.Take();
    EXPECT_EQ(a.corpus, b.corpus);
    EXPECT_EQ(a.matrix, b.matrix);
    EXPECT_EQ(a.annotations, b.annotations);
    EXPECT_EQ(writing.document().line, reading.document().line);
    auto parsed = ParseCsv(a.annotations);  // a match across lines is one quoted field
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->size(), doc["annotations"].size());
    // The corpus line: path first, then the summary less its key passages.
    const ordered_json line = ordered_json::parse(a.corpus);
    EXPECT_EQ(line["path"], path);
    EXPECT_EQ(line["summary"]["concepts"], doc["summary"]["concepts"]);
    EXPECT_FALSE(line["summary"].contains("key_passages"));
    EXPECT_TRUE(doc["summary"].contains("key_passages"));
    EXPECT_EQ(line["source"], doc["source"]);
  }
}

TEST(CorpusOutput, AFailedDocumentHasAnErrorsLineAndNoOtherRow) {
  const ordered_json doc = ordered_json::parse(R"({
    "source": {"path": "bad.pdf"}, "stats": {"words": 0}, "annotations": [],
    "summary": {"concepts": {}}, "warnings": [],
    "errors": [{"stage": "extract", "message": "damaged"}, {"stage": "x", "message": "twice"}]})");
  const std::vector<std::string> columns{"hs.concept"};
  CorpusRows renderer(columns, MatrixValues::kTotal);
  Replay(doc, renderer);
  const CorpusLines rows = renderer.Take();
  EXPECT_EQ(rows.errors,
            R"({"path":"bad.pdf","errors":[{"stage":"extract","message":"damaged"},{"stage":"x","message":"twice"}]})"
            "\n");
  EXPECT_TRUE(rows.matrix.empty());
  EXPECT_TRUE(renderer.document().failed);
  EXPECT_EQ(renderer.document().line, "  bad.pdf: FAILED: damaged; twice");
}

}  // namespace
}  // namespace hstag
