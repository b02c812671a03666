// SPDX-License-Identifier: GPL-3.0-or-later
//
// The per-document summary (hstag/summary.h): densities on a text of known
// length, matches in a reference list counted apart, pages and xpaths, the orientation rule,
// dimension coverage, actor co-occurrence, key passages, definitions and abbreviations.
#include "hstag/summary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "hstag/writer.h"
#include "util/util.h"
#include "test_support.h"

namespace hstag {
namespace {

using ::hstag::testing::DefaultPipeline;
using ::hstag::testing::SourceDir;
using json = nlohmann::ordered_json;

struct Analysed {
  AnalysisResult r;
  json s;
};

Analysed Text(const std::string& text, SummaryOptions o = {}) {
  Analysed x;
  x.r = DefaultPipeline().RunBytes(text, "t.txt");
  EXPECT_FALSE(x.r.failed());
  x.s = SummaryJson(Summarize(x.r, DefaultPipeline(), o));
  return x;
}

Analysed File(const std::string& rel) {
  Analysed x;
  x.r = DefaultPipeline().Run(SourceDir() + "/" + rel, rel);
  EXPECT_FALSE(x.r.failed()) << rel;
  x.s = SummaryJson(Summarize(x.r, DefaultPipeline()));
  return x;
}

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(SummaryTest, DensityPerTenThousandWords) {
  // 2 x 4 words + 3 words + 89 filler words = 100 words.
  const std::string text = "Food security is vital. Food security is vital. Famine returns today. " +
                           Repeat("alpha ", 88) + "alpha.";
  const Analysed x = Text(text);
  ASSERT_EQ(x.r.stats.words, 100u);
  const json& food = x.s["concepts"]["dimension.food"];
  EXPECT_EQ(food["explicit"], 2);
  EXPECT_EQ(food["indicator"], 1);
  EXPECT_DOUBLE_EQ(food["per_10k_words"].get<double>(), 300.0);
  EXPECT_DOUBLE_EQ(x.s["profile"]["dimensions"]["by_dimension"]["food"]["per_10k_words"].get<double>(),
                   300.0);
  // A text document has neither pages nor xpaths; the first match has offsets only.
  EXPECT_FALSE(food.contains("pages"));
  EXPECT_FALSE(food.contains("xpaths"));
  EXPECT_EQ(food["first"], (json{{"start", 0}, {"end", 13}}));
}

TEST(SummaryTest, NoWordsNoDensity) {
  const Analysed x = Text("   \n");
  EXPECT_EQ(x.r.stats.words, 0u);
  EXPECT_TRUE(x.s["concepts"].empty());
  EXPECT_TRUE(x.s["profile"]["dimensions"]["by_dimension"]["food"]["per_10k_words"].is_null());
  EXPECT_EQ(x.s["profile"]["orientation"], "none");
  EXPECT_TRUE(x.s["actors"].empty());
  EXPECT_TRUE(x.s["key_passages"].empty());
}

// Matches in a reference list are counted apart (`references`), as those in
// boilerplate are: the totals, densities, first match and profile leave
// them out, and so do the words.
TEST(SummaryTest, MatchesInAReferenceListAreCountedApart) {
  const Analysed x = Text(
      "Food security is vital. Famine returns today.\n\nReferences\n\n"
      "FAO (2009). Food security in crisis. Rome: Food and Agriculture Organization, 12(3), 4-5.\n"
      "WFP (2010). Food security and famine. Rome, 7(2), 1-9.\n"
      "IFAD (2011). Rural poverty report. Rome: IFAD, 3(1), 2-8.\n");
  ASSERT_EQ(x.r.doc.segments.size(), 2u);
  EXPECT_FALSE(x.r.doc.segments[0].references);
  EXPECT_TRUE(x.r.doc.segments[1].references);
  EXPECT_EQ(x.r.stats.words, 7u);  // the body's
  EXPECT_EQ(x.s["annotations"], 6);
  const json& food = x.s["concepts"]["dimension.food"];
  EXPECT_EQ(food["explicit"], 1);
  EXPECT_EQ(food["indicator"], 1);
  EXPECT_EQ(food["total"], 2);
  EXPECT_EQ(food["references"], 3);
  EXPECT_FALSE(food.contains("boilerplate"));
  EXPECT_DOUBLE_EQ(food["per_10k_words"].get<double>(), 2857.14);
  EXPECT_EQ(food["first"], (json{{"start", 0}, {"end", 13}}));
  // A concept named only in the list: there, with nothing counted.
  const json& economic = x.s["concepts"]["dimension.economic"];
  EXPECT_EQ(economic["total"], 0);
  EXPECT_EQ(economic["references"], 1);
  EXPECT_TRUE(economic["first"].is_null());
  const json& dims = x.s["profile"]["dimensions"]["by_dimension"];
  EXPECT_EQ(dims["food"]["explicit"], 1);
  EXPECT_EQ(dims["food"]["indicator"], 1);
  EXPECT_EQ(dims["economic"]["explicit"], 0);
  EXPECT_EQ(dims["economic"]["indicator"], 0);
  // Key passages are the body's sentences only.
  ASSERT_TRUE(x.s["key_passages"].contains("dimension.food"));
  for (const auto& [id, passages] : x.s["key_passages"].items()) {
    for (const auto& p : passages) {
      EXPECT_EQ(p["text"].get<std::string>().find("Rome"), std::string::npos) << p.dump();
    }
  }
}

// A reference list's citations are the document's own: they count with the
// body's (and keep their flag), while the titles around them count apart.
TEST(SummaryTest, CitationsInAReferenceListCountWithTheBody) {
  const Analysed x = Text(
      "The Council acted on food security.\n\nReferences\n\n"
      "FAO (2009). Food security in crisis. Rome: Food and Agriculture Organization, 12(3), 4-5.\n"
      "WFP (2010). Famine and General Assembly resolution 66/290. Rome, 7(2), 1-9.\n"
      "IFAD (2011). Rural poverty report. Rome: IFAD, 3(1), 2-8.\n");
  ASSERT_EQ(x.r.doc.segments.size(), 2u);
  ASSERT_TRUE(x.r.doc.segments[1].references);
  bool flagged = false;
  for (const auto& a : x.r.annotations) {
    if (a.concept_id == "citation.un_resolution") flagged = x.r.doc.segments[a.segment].references;
  }
  EXPECT_TRUE(flagged);
  const json& cite = x.s["concepts"]["citation.un_resolution"];
  EXPECT_EQ(cite["total"], 1);
  EXPECT_FALSE(cite.contains("references"));
  EXPECT_FALSE(cite["first"].is_null());
  EXPECT_EQ(x.s["concepts"]["dimension.food"]["references"], 2);
}

TEST(SummaryTest, PagesAndFirstOccurrenceInAPdf) {
  const Analysed x = File("samples/pdf/running_heads.pdf");
  ASSERT_GT(x.r.doc.pages, 1u);
  ASSERT_FALSE(x.s["concepts"].empty());
  for (const auto& [id, c] : x.s["concepts"].items()) {
    ASSERT_TRUE(c.contains("pages")) << id;
    EXPECT_FALSE(c.contains("xpaths")) << id;
    // The pages are exactly those of the concept's non-boilerplate matches.
    std::vector<uint32_t> pages;
    const Annotation* first = nullptr;
    for (const auto& a : x.r.annotations) {
      if (a.concept_id != id || x.r.doc.segments[a.segment].boilerplate) continue;
      if (!first) first = &a;
      pages.push_back(x.r.doc.segments[a.segment].page);
    }
    std::sort(pages.begin(), pages.end());
    pages.erase(std::unique(pages.begin(), pages.end()), pages.end());
    EXPECT_EQ(c["pages"].get<std::vector<uint32_t>>(), pages) << id;
    if (!first) {
      EXPECT_TRUE(c["first"].is_null()) << id;
      continue;
    }
    EXPECT_EQ(c["first"]["start"], first->start) << id;
    EXPECT_EQ(c["first"]["end"], first->end) << id;
    EXPECT_EQ(c["first"]["page"], x.r.doc.segments[first->segment].page) << id;
  }
  // Some concept is found on more than one page.
  bool several = false;
  for (const auto& [id, c] : x.s["concepts"].items()) several |= c["pages"].size() > 1;
  EXPECT_TRUE(several);
}

TEST(SummaryTest, XpathsAndFirstOccurrenceInXml) {
  const Analysed x = File("samples/xml/akn_act.xml");
  ASSERT_FALSE(x.s["concepts"].empty());
  for (const auto& [id, c] : x.s["concepts"].items()) {
    EXPECT_FALSE(c.contains("pages")) << id;
    ASSERT_TRUE(c.contains("xpaths")) << id;
    std::vector<std::string> xpaths;
    for (const auto& a : x.r.annotations) {
      if (a.concept_id != id) continue;
      const std::string& xp = x.r.doc.segments[a.segment].xpath;
      if (std::find(xpaths.begin(), xpaths.end(), xp) == xpaths.end() && xpaths.size() < 20) {
        xpaths.push_back(xp);
      }
    }
    EXPECT_EQ(c["xpaths"].get<std::vector<std::string>>(), xpaths) << id;
    EXPECT_EQ(c["first"]["xpath"], xpaths.front()) << id;
  }
}

TEST(SummaryTest, OrientationRule) {
  EXPECT_STREQ(Orientation(0, 0, 0), "none");
  EXPECT_STREQ(Orientation(1, 0, 0), "fear");
  EXPECT_STREQ(Orientation(0, 3, 1), "want");
  EXPECT_STREQ(Orientation(0, 0, 2), "dignity");
  EXPECT_STREQ(Orientation(2, 1, 1), "fear");      // share 0.5, 2 >= 1.5 x 1
  EXPECT_STREQ(Orientation(3, 2, 1), "fear");      // share 0.5, 3 = 1.5 x 2
  EXPECT_STREQ(Orientation(5, 4, 0), "balanced");  // 5 < 1.5 x 4
  EXPECT_STREQ(Orientation(4, 3, 3), "balanced");  // share 0.4
  EXPECT_STREQ(Orientation(2, 2, 2), "balanced");
  EXPECT_STREQ(Orientation(1, 1, 0), "balanced");
}

TEST(SummaryTest, OrientationOfBuiltTexts) {
  const std::string fear = "People need freedom from fear. ";
  const std::string want = "People need freedom from want. ";
  const std::string dignity = "People need the freedom to live in dignity. ";
  struct Case {
    std::string text, orientation;
    int f, w, d;
  };
  const std::vector<Case> cases = {
      {Repeat(fear, 3) + want, "fear", 3, 1, 0},
      {Repeat(want, 2), "want", 0, 2, 0},
      {Repeat(dignity, 3) + fear + want, "dignity", 1, 1, 3},
      {Repeat(fear, 2) + Repeat(want, 2) + dignity, "balanced", 2, 2, 1},
      {"Food security matters to everyone. ", "none", 0, 0, 0},
  };
  for (const auto& c : cases) {
    const Analysed x = Text(c.text);
    const json& p = x.s["profile"];
    EXPECT_EQ(p["orientation"], c.orientation) << c.text;
    EXPECT_EQ(p["freedoms"]["fear"], c.f) << c.text;
    EXPECT_EQ(p["freedoms"]["want"], c.w) << c.text;
    EXPECT_EQ(p["freedoms"]["dignity"], c.d) << c.text;
    EXPECT_EQ(p["orientation_rule"], kOrientationRule);
    const int total = c.f + c.w + c.d;
    if (total) {
      EXPECT_NEAR(p["freedoms"]["shares"]["fear"].get<double>(), double(c.f) / total, 0.0005);
      EXPECT_NEAR(p["freedoms"]["shares"]["dignity"].get<double>(), double(c.d) / total, 0.0005);
    }
  }
}

TEST(SummaryTest, DimensionCoverageExplicitAndByIndicators) {
  const Analysed x = Text(
      "Economic security comes first. Famine and a pandemic followed. "
      "Food security was restored later.");
  const json& d = x.s["profile"]["dimensions"];
  EXPECT_EQ(d["of"], 7);
  EXPECT_EQ(d["covered_explicit"], 2);  // economic, food
  EXPECT_EQ(d["covered_any"], 3);       // and health by an indicator
  EXPECT_EQ(d["by_dimension"]["economic"]["explicit"], 1);
  EXPECT_EQ(d["by_dimension"]["food"]["explicit"], 1);
  EXPECT_EQ(d["by_dimension"]["food"]["indicator"], 1);
  EXPECT_EQ(d["by_dimension"]["health"]["explicit"], 0);
  EXPECT_EQ(d["by_dimension"]["health"]["indicator"], 1);
  EXPECT_EQ(d["by_dimension"]["political"]["explicit"], 0);
  EXPECT_EQ(d["by_dimension"].size(), 7u);
}

TEST(SummaryTest, ApproachesAndPrinciples) {
  const Analysed x = Text("A people-centred approach relies on the empowerment of communities.");
  EXPECT_EQ(x.s["profile"]["approaches"], json::array({"approach.empowerment"}));
  EXPECT_EQ(x.s["profile"]["principles"], json::array({"principle.people_centred"}));
}

const json* Actor(const json& s, const std::string& id) {
  for (const auto& a : s["actors"]) {
    if (a["id"] == id) return &a;
  }
  return nullptr;
}

TEST(SummaryTest, ActorCoOccurrenceWithinASentence) {
  {
    const Analysed x = Text("NATO defends freedom from fear. NATO speaks for freedom from fear.");
    const json* nato = Actor(x.s, "actor.nato");
    ASSERT_TRUE(nato);
    EXPECT_EQ((*nato)["count"], 2);
    EXPECT_EQ((*nato)["label"], "NATO");
    EXPECT_EQ((*nato)["type"], "military_alliance");
    EXPECT_EQ((*nato)["co_occurrence"], (json{{"pillar.freedom_from_fear", 2}}));
  }
  {
    const Analysed x = Text("NATO met in Brussels. Freedom from fear was discussed elsewhere.");
    const json* nato = Actor(x.s, "actor.nato");
    ASSERT_TRUE(nato);
    EXPECT_TRUE((*nato)["co_occurrence"].empty());
  }
  {
    // One sentence counts once, however often either is named in it; other
    // actors are not co-occurring concepts.
    const Analysed x = Text("NATO and the European Union name freedom from fear and freedom from fear again.");
    const json* nato = Actor(x.s, "actor.nato");
    ASSERT_TRUE(nato);
    EXPECT_EQ((*nato)["co_occurrence"], (json{{"pillar.freedom_from_fear", 1}}));
  }
}

TEST(SummaryTest, ActorsSortedByCountThenId) {
  const Analysed x = Text("Japan and Canada met. Japan spoke. NATO listened. Canada spoke.");
  std::vector<std::string> ids;
  for (const auto& a : x.s["actors"]) ids.push_back(a["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"actor.state.CA", "actor.state.JP", "actor.nato"}));
}

TEST(SummaryTest, KeyPassagesDensestFirstUpToN) {
  const std::string text =
      "Human security is discussed here in a rather long sentence with many plain words. "  // 1/14
      "Human security and food security.  "                                                 // 2/5
      "Human security, freedom from fear and freedom from want.  "                          // 3/9
      "Human security matters.";                                                            // 1/3
  const Analysed x = Text(text);
  const json& hs = x.s["key_passages"]["hs.concept"];
  ASSERT_EQ(hs.size(), 3u);  // N = 3 by default, of 4 sentences
  EXPECT_EQ(hs[0]["sentence"], 1);
  EXPECT_EQ(hs[0]["text"], "Human security and food security.");
  EXPECT_EQ(hs[0]["concepts"], 2);
  EXPECT_EQ(hs[0]["words"], 5);
  EXPECT_DOUBLE_EQ(hs[0]["density"].get<double>(), 0.4);
  // 3/9 and 1/3 tie: the earlier sentence first.
  EXPECT_EQ(hs[1]["sentence"], 2);
  EXPECT_EQ(hs[2]["sentence"], 3);
  for (size_t i = 1; i < hs.size(); ++i) {
    EXPECT_LE(hs[i]["density"].get<double>(), hs[i - 1]["density"].get<double>());
  }
  SummaryOptions two;
  two.key_passages = 2;
  EXPECT_EQ(Text(text, two).s["key_passages"]["hs.concept"].size(), 2u);
  SummaryOptions none;
  none.key_passages = 0;
  EXPECT_TRUE(Text(text, none).s["key_passages"].empty());
  // The food security sentence is the only one for its concept.
  EXPECT_EQ(x.s["key_passages"]["dimension.food"].size(), 1u);
}

TEST(SummaryTest, KeyPassagesCarryThePage) {
  const Analysed x = File("samples/pdf/running_heads.pdf");
  for (const auto& [id, list] : x.s["key_passages"].items()) {
    for (const auto& p : list) {
      EXPECT_TRUE(p.contains("page")) << id;
      EXPECT_FALSE(p["text"].get<std::string>().empty()) << id;
    }
  }
}

TEST(SummaryTest, DefinitionsAndAbbreviations) {
  const std::string rel = "tests/output/data/definitions.txt";
  auto bytes = ReadFile(SourceDir() + "/" + rel);
  ASSERT_TRUE(bytes.ok());
  const std::string text = *bytes;
  const Analysed x = File(rel);

  const json& defs = x.s["definitions"];
  ASSERT_EQ(defs.size(), 1u) << defs.dump(2);
  EXPECT_EQ(defs[0]["id"], "definition.unga_66_290");
  EXPECT_GE(defs[0]["score"].get<double>(), 0.9);
  EXPECT_NE(defs[0]["source"].get<std::string>().find("66/290"), std::string::npos);
  const size_t quote = text.find("the right of people");
  EXPECT_LE(defs[0]["start"].get<size_t>(), quote);
  EXPECT_GT(defs[0]["end"].get<size_t>(), quote);

  const json& abbr = x.s["abbreviations"];
  // The title defines HS too, but uses it only in its definition: the
  // summary lists the definition the uses take.
  ASSERT_EQ(abbr.size(), 1u) << abbr.dump(2);
  const size_t title = text.find("Human Security (HS)");
  const size_t body = text.find("Human Security (HS)", title + 1);
  EXPECT_EQ(abbr[0]["short"], "HS");
  EXPECT_EQ(abbr[0]["long"], "Human Security");
  EXPECT_EQ(abbr[0]["concept"], "hs.concept");
  EXPECT_EQ(abbr[0]["defined_at"], body);
  EXPECT_EQ(abbr[0]["occurrences"], 2);  // HS puts, HS is
}

TEST(SummaryTest, DocumentJsonCarriesTheSummary) {
  const Analysed x = Text("Human security and freedom from fear.");
  EXPECT_EQ(x.s["annotations"], x.r.annotations.size());
  for (const char* key : {"annotations", "concepts", "profile", "actors", "key_passages",
                          "definitions", "abbreviations"}) {
    EXPECT_TRUE(x.s.contains(key)) << key;
  }
  // Deterministic: the same input, the same bytes.
  EXPECT_EQ(x.s.dump(), Text("Human security and freedom from fear.").s.dump());
}

// A document written as text (the CLI's way, no tree) is the dump of the
// tree built from the same renderer (the way of batch runs, compare and
// reports), byte for byte, in both layouts, for every sample.
TEST(SummaryTest, WrittenDocumentIsTheDumpOfItsTree) {
  const Pipeline& p = DefaultPipeline();
  const json tool = ToolJson(p);
  size_t files = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(SourceDir() + "/samples")) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".txt" && ext != ".pdf" && ext != ".xml" && ext != ".xhtml" && ext != ".html") {
      continue;
    }
    ++files;
    const AnalysisResult r = p.Run(entry.path().string(), entry.path().filename().string());
    for (bool emit_text : {false, true}) {
      const json tree = DocumentJson(r, p, tool, OutputOptions{emit_text});
      for (int indent : {-1, 2}) {
        std::string text;
        JsonWriter writer(&text, indent);
        WriteDocument(writer, r, p, tool, OutputOptions{emit_text});
        EXPECT_EQ(text, tree.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace))
            << entry.path() << " indent " << indent << " emit_text " << emit_text;
      }
    }
  }
  EXPECT_GE(files, 15u);
}

}  // namespace
}  // namespace hstag
