// SPDX-License-Identifier: GPL-3.0-or-later
//
// The abbreviation plugin: short forms a document defines for a long form the
// lexicon knows, on a committed sample (data/sample.txt) and, when it is
// present, on the CCOE info sheet of the shared reference folder.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "hstag/builtins.h"
#include "hstag/writer.h"
#include "hstag/pipeline.h"
#include "util/util.h"
#include "test_support.h"

namespace hstag {
namespace {

using ::hstag::testing::SourceDir;

std::string DataDir() { return SourceDir() + "/tests/plugins/abbreviations/data"; }
std::string CcoePath() {
  return SourceDir() + "/../shared/reference/ccoe-human-security-info-sheet.txt";
}

std::unique_ptr<Pipeline> Make(const std::string& config,
                               std::vector<std::pair<std::string, std::string>> options = {}) {
  PipelineOptions o;
  o.config_path = DataDir() + "/" + config;
  o.builtins = BuiltinPlugins();
  o.plugin_options = std::move(options);
  auto r = Pipeline::Create(o);
  EXPECT_TRUE(r.ok()) << r.error();
  return r.ok() ? std::move(r).value() : nullptr;
}

const Pipeline& Rules() {
  static const std::unique_ptr<Pipeline> p = Make("pipeline.yaml");
  return *p;
}

std::vector<Annotation> FromPlugin(const AnalysisResult& r, const std::string& plugin) {
  std::vector<Annotation> out;
  for (const auto& a : r.annotations) {
    if (a.plugin == plugin) out.push_back(a);
  }
  return out;
}

bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Offsets of `word` as a whole word (no ASCII letter or digit on either side)
// at or after `from`.
std::vector<uint32_t> WholeWords(const std::string& text, const std::string& word, size_t from) {
  std::vector<uint32_t> out;
  for (size_t p = text.find(word, from); p != std::string::npos; p = text.find(word, p + 1)) {
    const bool left = p == 0 || !IsAlnum(text[p - 1]);
    const bool right = p + word.size() >= text.size() || !IsAlnum(text[p + word.size()]);
    if (left && right) out.push_back(static_cast<uint32_t>(p));
  }
  return out;
}

// True when the white-space delimited run around `p` is a URL or an e-mail
// address.
bool InUrl(const std::string& text, size_t p) {
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r'; };
  size_t a = p, b = p;
  while (a > 0 && !space(text[a - 1])) --a;
  while (b < text.size() && !space(text[b])) ++b;
  const std::string run = text.substr(a, b - a);
  return run.find("://") != std::string::npos || run.find("www.") != std::string::npos ||
         run.find('@') != std::string::npos;
}

const Annotation* At(const std::vector<Annotation>& list, uint32_t start) {
  for (const auto& a : list) {
    if (a.start == start) return &a;
  }
  return nullptr;
}

TEST(AbbreviationTest, PluginsRunInOrderAndAreListedWithVersions) {
  std::vector<std::string> taggers;
  for (const auto& p : Rules().plugins()) {
    if (p.kind == "tagger") {
      taggers.push_back(p.id);
      EXPECT_EQ(p.version, "1.0.0") << p.id;
    }
  }
  EXPECT_EQ(taggers, (std::vector<std::string>{"lexicon", "abbreviations"}));
  std::set<std::string> listed;
  const auto tool = ToolJson(Rules());
  for (const auto& p : tool["plugins"]) {
    listed.insert(p["id"].get<std::string>() + "@" + p["version"].get<std::string>());
  }
  EXPECT_TRUE(listed.count("abbreviations@1.0.0"));
}

class SampleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    text_ = testing::ReadAll(DataDir() + "/sample.txt");
    r_ = Rules().RunBytes(text_, "sample.txt");
    ASSERT_TRUE(r_.doc.errors.empty());
    ASSERT_EQ(r_.doc.text, text_);
    abbr_ = FromPlugin(r_, "abbreviations");
  }
  uint32_t Find(const std::string& s, size_t from = 0) const {
    const size_t p = text_.find(s, from);
    EXPECT_NE(p, std::string::npos) << s;
    return static_cast<uint32_t>(p);
  }
  std::string text_;
  AnalysisResult r_;
  std::vector<Annotation> abbr_;
};

TEST_F(SampleTest, EveryHsBecomesHumanSecurityExceptInUrlsAndLowerCase) {
  const uint32_t def = Find("Human Security (HS)");
  const uint32_t in_definition = def + static_cast<uint32_t>(std::string("Human Security (").size());
  std::set<uint32_t> expected;
  for (uint32_t p : WholeWords(text_, "HS", 0)) {
    if (!InUrl(text_, p) && p != in_definition) expected.insert(p);
  }
  std::set<uint32_t> got;
  for (const auto& a : abbr_) {
    if (a.rule != "abbreviation:HS") continue;
    got.insert(a.start);
    EXPECT_EQ(a.concept_id, "hs.concept");
    EXPECT_EQ(a.strength, Strength::kExplicit);
    EXPECT_EQ(a.end - a.start, 2u);
    EXPECT_EQ(a.value, "Human Security");
    EXPECT_EQ(a.via, def);
    EXPECT_LT(a.score, 0);
  }
  EXPECT_EQ(got, expected);
  EXPECT_EQ(got.size(), 5u);  // title, puts, page, HS-related, HS's; not the URL
  // The short form inside its own definition is not: "Human Security (HS)"
  // is one mention, the long form's.
  EXPECT_FALSE(got.count(in_definition));
  // Used before it is defined: tagged (one meaning), its `via` lies after it.
  const Annotation* title = At(abbr_, Find("HS"));
  ASSERT_NE(title, nullptr);
  EXPECT_GT(title->via, static_cast<int64_t>(title->start));
  // Lower case "hs" is another word.
  EXPECT_EQ(At(abbr_, Find("hs is a file")), nullptr);
}

TEST_F(SampleTest, LongestKnownLongFormWins) {
  // "UN Trust Fund for Human Security (UNTF)": actor.untfhs, not hs.concept.
  const uint32_t def = Find("UN Trust Fund for Human Security (UNTF)");
  std::vector<const Annotation*> untf;
  for (const auto& a : abbr_) {
    if (a.rule == "abbreviation:UNTF") untf.push_back(&a);
  }
  ASSERT_EQ(untf.size(), 1u);  // "The UNTF reports" (not the one in its definition)
  for (const auto* a : untf) {
    EXPECT_EQ(a->concept_id, "actor.untfhs");
    EXPECT_EQ(a->value, "UN Trust Fund for Human Security");
    EXPECT_EQ(a->via, def);
  }
}

TEST_F(SampleTest, ReverseFormAndPlurals) {
  // "POC (protection of civilians)": the short form comes first.
  // The long form's cue yields two concepts (the topic, and the protection
  // approach of codebook §4): every occurrence of the short form yields both.
  const uint32_t def = Find("POC (protection");
  std::vector<std::string> forms, approach;
  for (const auto& a : abbr_) {
    if (a.rule != "abbreviation:POC") continue;
    if (a.concept_id == "approach.protection") {
      approach.push_back(text_.substr(a.start, a.end - a.start));
      continue;
    }
    forms.push_back(text_.substr(a.start, a.end - a.start));
    EXPECT_EQ(a.concept_id, "topic.protection_of_civilians");
    EXPECT_EQ(a.via, def);
    EXPECT_EQ(a.value, "protection of civilians");
  }
  EXPECT_EQ(forms, (std::vector<std::string>{"POC", "POCs"}));  // not the definition's
  EXPECT_EQ(approach, forms);
  // HQ is never defined.
  EXPECT_EQ(At(abbr_, Find("HQ")), nullptr);
}

TEST_F(SampleTest, DefinedTwiceWithDifferentMeaningsTakesTheNearestDefinition) {
  const uint32_t centre = Find("Human Security Centre (HSC)");
  const uint32_t collective = Find("Human Security Collective (HSC)");
  std::map<uint32_t, std::string> seen;
  for (const auto& a : abbr_) {
    if (a.rule != "abbreviation:HSC") continue;
    seen[a.start] = a.concept_id;
    EXPECT_EQ(a.via, a.start < collective ? centre : collective);
  }
  // Before the first definition the meaning is open: untagged.
  EXPECT_FALSE(seen.count(Find("HSC")));
  std::vector<std::string> concepts;
  for (const auto& [start, c] : seen) concepts.push_back(c);
  EXPECT_EQ(concepts, (std::vector<std::string>{"actor.human_security_centre",
                                                 "actor.human_security_collective"}));
}

TEST(AbbreviationTest, ShortFormTheDocumentDoesNotDefineStaysUntagged) {
  const AnalysisResult r =
      Rules().RunBytes("HS matters. The HS agenda of the HSC is broad.", "t.txt");
  EXPECT_TRUE(FromPlugin(r, "abbreviations").empty());
  for (const auto& a : r.annotations) EXPECT_NE(a.concept_id, "hs.concept");
}

// A short form that the head of a name follows is a word of that name
// (codebook §10.1): "the 2023 TIP Report" names a publication.
TEST(AbbreviationTest, AShortFormInsideANameIsNotTagged) {
  const std::string text =
      "Trafficking in Persons (TIP) is a crime. The 2023 TIP Report ranks countries. TIP harms "
      "millions.";
  const AnalysisResult r = Rules().RunBytes(text, "t.txt");
  std::vector<uint32_t> starts;
  for (const auto& a : FromPlugin(r, "abbreviations")) {
    if (a.concept_id == "topic.human_trafficking") starts.push_back(a.start);
  }
  const uint32_t report = static_cast<uint32_t>(text.find("TIP Report"));
  const uint32_t harms = static_cast<uint32_t>(text.find("TIP harms"));
  EXPECT_EQ(std::count(starts.begin(), starts.end(), report), 0);
  EXPECT_EQ(std::count(starts.begin(), starts.end(), harms), 1);
}

TEST(AbbreviationTest, LongFormTheLexiconDoesNotKnowDefinesNothing) {
  const AnalysisResult r = Rules().RunBytes(
      "The European Security Strategy (ESS) was adopted in 2003. The ESS names threats.", "t.txt");
  EXPECT_TRUE(FromPlugin(r, "abbreviations").empty());
}

// The short form must be readable from the long form (codebook §10.7): a
// place before a parenthesised citation defines nothing, though Schwartz &
// Hearst's character match finds r-i-o in "resolution".
TEST(AbbreviationTest, AShortFormMustBeReadableFromItsLongForm) {
  const AnalysisResult r = Rules().RunBytes(
      "The conference in Rio (General Assembly resolution 66/288) agreed. Rio was a success.",
      "t.txt");
  EXPECT_TRUE(FromPlugin(r, "abbreviations").empty());
  for (const auto& a : r.annotations) EXPECT_NE(a.rule, "abbreviation:Rio");
  // A capitalised word spelt by the long form's initials is one ("Hsn"), one
  // with letters from inside its words is not ("Hsnet").
  auto network = [&](const std::string& text) {
    size_t n = 0;
    for (const auto& a : FromPlugin(Rules().RunBytes(text, "t.txt"), "abbreviations")) {
      n += a.concept_id == "actor.human_security_network";
    }
    return n;
  };
  EXPECT_EQ(network("The Human Security Network (Hsn) met. Hsn agreed."), 1u);
  EXPECT_EQ(network("The Human Security Network (Hsnet) met. Hsnet agreed."), 0u);
}

TEST(AbbreviationTest, ALexiconCueWins) {
  // PoC is a cue of the lexicon: the abbreviation plugin leaves it alone.
  const std::string text = "Protection of Civilians (PoC) matters. PoC is a core task.";
  const AnalysisResult r = Rules().RunBytes(text, "t.txt");
  EXPECT_TRUE(FromPlugin(r, "abbreviations").empty());
  size_t poc = 0;
  for (const auto& a : r.annotations) {
    if (text.substr(a.start, a.end - a.start) == "PoC") {
      ++poc;
      EXPECT_EQ(a.plugin, "lexicon");
    }
  }
  EXPECT_EQ(poc, 2u);
}

TEST(AbbreviationTest, MultiWordShortForm) {
  const std::string text =
      "The Human Security Network (HS Net) met. The HS Net agreed; HS alone is not defined.";
  const AnalysisResult r = Rules().RunBytes(text, "t.txt");
  const auto abbr = FromPlugin(r, "abbreviations");
  ASSERT_EQ(abbr.size(), 1u);  // "The HS Net agreed"
  for (const auto& a : abbr) {
    EXPECT_EQ(text.substr(a.start, a.end - a.start), "HS Net");
    EXPECT_EQ(a.concept_id, "actor.human_security_network");
  }
}

// The annotations of the abbreviation plugin on exactly `span` of `text`.
std::vector<std::string> ConceptsOn(const std::vector<Annotation>& abbr, const std::string& text,
                                    const std::string& span, size_t from = 0) {
  std::vector<std::string> out;
  const size_t at = text.find(span, from);
  for (const auto& a : abbr) {
    if (a.start == at && a.end == at + span.size()) out.push_back(a.concept_id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// "HS programme" is what "human security programme" is (hs.approach, and
// hs.concept by the cue's `also`) over the whole phrase, and "HS" is not
// tagged again inside it; hyphens join too ("HS-based approach").
TEST(AbbreviationTest, ShortFormInsideALexiconPhrase) {
  const std::string text =
      "Human Security (HS) is new. The HS programme of the ministry and its HS-based approach "
      "differ. HS matters.";
  const AnalysisResult r = Rules().RunBytes(text, "t.txt");
  const auto abbr = FromPlugin(r, "abbreviations");
  const std::vector<std::string> approach = {"hs.approach", "hs.concept"};
  EXPECT_EQ(ConceptsOn(abbr, text, "HS programme"), approach);
  EXPECT_EQ(ConceptsOn(abbr, text, "HS-based approach"), approach);
  EXPECT_TRUE(ConceptsOn(abbr, text, "HS", text.find("HS programme")).empty());
  EXPECT_EQ(ConceptsOn(abbr, text, "HS matters"), std::vector<std::string>{});
  EXPECT_EQ(ConceptsOn(abbr, text, "HS", text.find("HS matters")),
            std::vector<std::string>{"hs.concept"});
  for (const auto& a : abbr) {
    EXPECT_EQ(a.rule, "abbreviation:HS");
    EXPECT_EQ(a.value, "Human Security");
    EXPECT_EQ(a.via, 0);
  }
}

// A phrase of another section (an actor) leaves the short form's own
// concept in place, as the lexicon does for "Trust Fund for Human Security".
TEST(AbbreviationTest, PhraseOfAnotherSectionKeepsTheShortForm) {
  const std::string text = "Human Security (HS) matters. The Trust Fund for HS paid for it.";
  const auto abbr = FromPlugin(Rules().RunBytes(text, "t.txt"), "abbreviations");
  EXPECT_EQ(ConceptsOn(abbr, text, "Trust Fund for HS"), std::vector<std::string>{"actor.untfhs"});
  EXPECT_EQ(ConceptsOn(abbr, text, "HS", text.find("for HS")),
            std::vector<std::string>{"hs.concept"});
}

// Near misses: a phrase does not run across a sentence, across punctuation,
// or over words a prior annotation has; `phrases: false` switches it off.
TEST(AbbreviationTest, PhraseNearMisses) {
  const std::string text =
      "Human Security (HS) is new. We fund HS. Programme staff came. HS, programme, lens. "
      "HS (programme) too.";
  const auto abbr = FromPlugin(Rules().RunBytes(text, "t.txt"), "abbreviations");
  for (const auto& a : abbr) {
    EXPECT_EQ(a.concept_id, "hs.concept") << text.substr(a.start, a.end - a.start);
    EXPECT_EQ(text.substr(a.start, a.end - a.start), "HS");
  }
  EXPECT_EQ(abbr.size(), 3u);  // not in the parentheses of the definition
  auto off = Make("pipeline.yaml", {{"abbreviations", R"({"phrases": false})"}});
  ASSERT_TRUE(off);
  const std::string phrase = "Human Security (HS) is new. The HS programme started.";
  const auto plain = FromPlugin(off->RunBytes(phrase, "t.txt"), "abbreviations");
  EXPECT_EQ(ConceptsOn(plain, phrase, "HS", phrase.find("HS programme")),
            std::vector<std::string>{"hs.concept"});
  EXPECT_TRUE(ConceptsOn(plain, phrase, "HS programme").empty());
}

TEST(AbbreviationTest, BeforeDefinitionCanBeSwitchedOff) {
  auto p = Make("pipeline.yaml", {{"abbreviations", R"({"before_definition": false})"}});
  ASSERT_TRUE(p);
  const std::string text = "HS first. Then Human Security (HS) and HS.";
  const auto abbr = FromPlugin(p->RunBytes(text, "t.txt"), "abbreviations");
  ASSERT_EQ(abbr.size(), 1u);
  EXPECT_EQ(abbr[0].start, text.rfind("HS"));
}

// A short form inside a name, in lower case too where the head names a
// publication or an office, or inside a code, is not the concept.
TEST(AbbreviationTest, NamesAndCodesInLowerCase) {
  const std::string text =
      "Trafficking in persons (TIP) is a crime. The TIP report ranks states; J/TIP staff and "
      "the national TIP commission met. TIP victims need shelter.";
  std::vector<std::string> spans;
  for (const auto& a : FromPlugin(Rules().RunBytes(text, "t.txt"), "abbreviations")) {
    spans.push_back(std::to_string(a.start) + ":" + a.concept_id);
  }
  const std::string last = std::to_string(text.rfind("TIP victims"));
  EXPECT_EQ(spans, (std::vector<std::string>{last + ":dimension.personal",
                                             last + ":topic.human_trafficking"}));
}

TEST(AbbreviationTest, BadOptionsAreRefused) {
  PipelineOptions o;
  o.config_path = DataDir() + "/pipeline.yaml";
  o.builtins = BuiltinPlugins();
  o.plugin_options = {{"abbreviations", R"({"plural": true})"}};
  auto r = Pipeline::Create(o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find("unknown option `plural`"), std::string::npos) << r.error();
}

TEST(AbbreviationTest, CanBeSwitchedOff) {
  auto p = Make("pipeline_off.yaml");
  ASSERT_TRUE(p);
  for (const auto& info : p->plugins()) EXPECT_NE(info.id, "abbreviations");
  const AnalysisResult r = p->RunBytes(testing::ReadAll(DataDir() + "/sample.txt"), "sample.txt");
  EXPECT_TRUE(FromPlugin(r, "abbreviations").empty());
  EXPECT_FALSE(FromPlugin(r, "lexicon").empty());
}

// The CCOE info sheet: "Human Security (HS)" in its first lines, then "HS"
// about a hundred times.
TEST(AbbreviationTest, CcoeInfoSheetEveryHsAfterTheDefinition) {
  if (!std::filesystem::exists(CcoePath())) GTEST_SKIP() << CcoePath() << " absent";
  const std::string bytes = testing::ReadAll(CcoePath());
  const AnalysisResult r = Rules().Run(CcoePath(), "ccoe.txt");
  ASSERT_TRUE(r.doc.errors.empty());
  ASSERT_EQ(r.doc.text, bytes);  // offsets into the text are offsets into the file

  const size_t def = bytes.find("Human Security (HS)");
  ASSERT_NE(def, std::string::npos);
  std::set<uint32_t> expected;
  for (uint32_t p : WholeWords(bytes, "HS", def)) {
    // "the Journal of HS Studies" is a publication's name (codebook §10.1);
    // the definition's own "(HS)" is the long form's mention.
    if (!InUrl(bytes, p) && bytes.compare(p, 10, "HS Studies") != 0 &&
        p != def + std::string("Human Security (").size()) {
      expected.insert(p);
    }
  }
  // Every other "HS" is hs.concept: alone, or inside a phrase of the
  // approach cues, whose `also` brings hs.concept. Inside an actor's name it
  // is the actor as well.
  std::set<uint32_t> tagged;
  std::map<std::string, std::set<std::string>> phrases;  // phrase -> concepts
  for (const auto& a : FromPlugin(r, "abbreviations")) {
    if (a.rule != "abbreviation:HS") continue;
    EXPECT_EQ(a.via, static_cast<int64_t>(def));
    const std::string span = bytes.substr(a.start, a.end - a.start);
    if (span != "HS") phrases[span].insert(a.concept_id);
    if (a.concept_id != "hs.concept") continue;
    const auto in = WholeWords(span, "HS", 0);
    ASSERT_EQ(in.size(), 1u) << span;
    tagged.insert(a.start + in.front());
  }
  EXPECT_EQ(tagged, expected);
  EXPECT_GT(expected.size(), 100u);
  const std::set<std::string> approach = {"hs.approach", "hs.concept"};
  EXPECT_EQ(phrases["HS approach"], approach);
  EXPECT_EQ(phrases["HS Approach"], approach);
  EXPECT_EQ(phrases["HS programme"], approach);
  EXPECT_EQ(phrases["HS* approach"], approach);  // "*UN HS* approach": emphasis joins words
  EXPECT_EQ(phrases["Commission on HS"], std::set<std::string>{"actor.chs"});
  EXPECT_EQ(phrases["UN Trust Fund for HS"], std::set<std::string>{"actor.untfhs"});
  EXPECT_EQ(phrases.size(), 6u);
  // Nothing before the definition is "HS".
  EXPECT_TRUE(WholeWords(bytes.substr(0, def), "HS", 0).empty());

  // The other pairs it defines (POC, HSC, HSN, NAC) it never uses again:
  // they add nothing to the long forms' counts.
  std::set<std::string> rules;
  for (const auto& a : FromPlugin(r, "abbreviations")) rules.insert(a.rule);
  EXPECT_EQ(rules, std::set<std::string>{"abbreviation:HS"});
}

}  // namespace
}  // namespace hstag
