// SPDX-License-Identifier: GPL-3.0-or-later
//
// End-to-end tests of the `hstag` command over samples/: reviewed golden
// JSON, exact counts, offsets that slice back to the text, exit codes, bad
// input in a batch, determinism, a reference list counted apart.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "test_support.h"

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace hstag {
namespace {

using testing::AsNobody;
using testing::Binary;
using testing::Quote;
using testing::ReadAll;
using testing::Unprivileged;
using testing::RunCommand;
using testing::SourceDir;

// hstag with stderr captured into a file; returns stdout and sets *err.
testing::CommandResult Hstag(const std::string& args, std::string* err = nullptr) {
  // One file per test process: ctest runs the tests of this binary in parallel.
  const std::string err_file =
      ::testing::TempDir() + "/hstag_stderr." + std::to_string(::getpid()) + ".txt";
  auto r = RunCommand("cd " + Quote(SourceDir()) + " && " + Binary() + " " + args + " 2>" +
                      Quote(err_file));
  if (err) *err = ReadAll(err_file);
  return r;
}

size_t Count(const json& doc, const std::string& concept_id, const std::string& strength) {
  size_t n = 0;
  for (const auto& a : doc["annotations"]) {
    n += a["concept"] == concept_id && a["strength"] == strength;
  }
  return n;
}

// Every annotation's text is the extracted text's bytes at its offsets.
void ExpectOffsetsSliceBack(const json& doc, const std::string& text) {
  for (const auto& a : doc["annotations"]) {
    const size_t s = a["start"], e = a["end"];
    ASSERT_LE(e, text.size());
    EXPECT_EQ(text.substr(s, e - s), a["text"].get<std::string>()) << a.dump();
  }
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

// The golden files are reviewed JSON (tests/cli/expected/README.md says what was
// checked). HSTAG_UPDATE_GOLDEN=1 rewrites them; review the diff.
TEST_P(GoldenTest, MatchesTheReviewedOutput) {
  const std::string sample = "samples/txt/" + GetParam();
  const std::string golden = SourceDir() + "/tests/cli/expected/" + GetParam() + ".json";
  std::string err;
  auto r = Hstag("analyze " + sample, &err);
  ASSERT_EQ(r.status, 0) << err;
  EXPECT_EQ(err, "");
  if (const char* u = std::getenv("HSTAG_UPDATE_GOLDEN"); u && std::string(u) == "1") {
    std::ofstream(golden, std::ios::binary) << r.out;
  }
  const std::string expected = ReadAll(golden);
  ASSERT_FALSE(expected.empty()) << "no golden file " << golden;
  if (r.out == expected) return;
  // Not byte-identical: show the first differing line.
  std::istringstream a(r.out), b(expected);
  std::string la, lb;
  for (int line = 1; std::getline(a, la) && std::getline(b, lb); ++line) {
    ASSERT_EQ(la, lb) << golden << ":" << line;
  }
  FAIL() << "output and " << golden << " differ in length";
}

INSTANTIATE_TEST_SUITE_P(Samples, GoldenTest,
                         ::testing::Values("typography.txt", "ungdc_JPN_75_2020.txt",
                                           "ungdc_THA_69_2014.txt"),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (auto& c : n) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return n;
                         });

TEST(CliTest, TypographySampleHasTheExactCounts) {
  auto r = Hstag("analyze samples/txt/typography.txt");
  ASSERT_EQ(r.status, 0);
  const json doc = json::parse(r.out);
  // Plain, line-broken, hyphenated, NBSP, curly quotes, soft hyphen and
  // Japanese: 7 mentions; "human, security" is not one.
  EXPECT_EQ(Count(doc, "hs.concept", "explicit"), 7u);
  EXPECT_EQ(Count(doc, "topic.children_armed_conflict", "explicit"), 1u);  // ﬂ ligature
  EXPECT_EQ(Count(doc, "pillar.freedom_from_fear", "explicit"), 1u);       // in curly quotes
  EXPECT_EQ(Count(doc, "principle.people_centred", "explicit"), 1u);
  EXPECT_EQ(Count(doc, "actor.nato", "explicit"), 1u);      // NATO’s
  EXPECT_EQ(Count(doc, "actor.state.JP", "explicit"), 1u);  // Japan's
  EXPECT_EQ(Count(doc, "actor.state.CI", "explicit"), 1u);  // Côte d’Ivoire
  EXPECT_EQ(doc["annotations"].size(), 13u);
  EXPECT_EQ(doc["summary"]["concepts"]["hs.concept"]["total"], 7);
  EXPECT_EQ(doc["source"]["language"], "en");
  EXPECT_EQ(doc["source"]["language_origin"], "detected");
  EXPECT_EQ(doc["source"]["text_origin"], "utf8");
  ExpectOffsetsSliceBack(doc, ReadAll(SourceDir() + "/samples/txt/typography.txt"));
  // The ligature is matched whole: the span covers its three bytes.
  for (const auto& a : doc["annotations"]) {
    if (a["concept"] == "topic.children_armed_conflict") {
      EXPECT_EQ(a["text"], "children and armed con\xEF\xAC\x82ict");
    }
  }
}

// --add-lexicon loads a lexicon after the config's; --lexicon replaces them.
TEST(CliTest, AddedLexiconsExtendTheConfigsAndReplacedOnesDoNot) {
  const std::string doc = "analyze samples/txt/typography.txt ";
  auto added = Hstag(doc + "--add-lexicon tests/data/lexicons/added.yaml");
  ASSERT_EQ(added.status, 0);
  const json a = json::parse(added.out);
  EXPECT_EQ(Count(a, "hs.concept", "explicit"), 7u);
  EXPECT_EQ(Count(a, "local.ligature", "explicit"), 1u);
  std::vector<std::string> names;
  for (const auto& l : a["tool"]["lexicons"]) names.push_back(l["name"]);
  ASSERT_FALSE(names.empty());
  EXPECT_EQ(names.back(), "added");  // recorded with its version, after the shipped ones
  EXPECT_GT(names.size(), 1u);

  auto replaced = Hstag(doc + "--lexicon tests/data/lexicons/added.yaml");
  ASSERT_EQ(replaced.status, 0);
  const json r = json::parse(replaced.out);
  EXPECT_EQ(Count(r, "hs.concept", "explicit"), 0u);
  EXPECT_EQ(Count(r, "local.ligature", "explicit"), 1u);

  // Both: the replacement, then the addition.
  auto both = Hstag(doc + "--lexicon tests/data/lexicons/semantics.yaml "
                          "--add-lexicon tests/data/lexicons/added.yaml");
  ASSERT_EQ(both.status, 0);
  const json b = json::parse(both.out);
  auto alone = Hstag(doc + "--lexicon tests/data/lexicons/semantics.yaml");
  ASSERT_EQ(alone.status, 0);
  EXPECT_EQ(Count(b, "hs.concept", "explicit"), Count(json::parse(alone.out), "hs.concept", "explicit"));
  EXPECT_GT(Count(b, "hs.concept", "explicit"), 0u);
  EXPECT_EQ(Count(b, "local.ligature", "explicit"), 1u);
  EXPECT_EQ(b["tool"]["lexicons"].size(), 2u);
}

TEST(CliTest, AnAddedLexiconMayNotRedefineAConcept) {
  std::string err;
  auto r = Hstag("analyze samples/txt/typography.txt --add-lexicon tests/data/lexicons/redefines.yaml",
                 &err);
  EXPECT_NE(r.status, 0);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(err.find("redefines.yaml:6: concept hs.concept is already defined (hstag:lexicons/hs.yaml:"),
            std::string::npos)
      << err;
  // The same file in place of the shipped ones is a lexicon like any other.
  EXPECT_EQ(Hstag("analyze samples/txt/typography.txt --lexicon tests/data/lexicons/redefines.yaml")
                .status,
            0);
}

TEST(CliTest, CcoeInfoSheetFindsHumanSecurityWhereverItIsWritten) {
  const std::string path = SourceDir() + "/../shared/reference/ccoe-human-security-info-sheet.txt";
  if (!fs::exists(path)) GTEST_SKIP() << "shared reference absent: test skipped";
  auto r = Hstag("analyze " + Quote(path));
  ASSERT_EQ(r.status, 0);
  const json doc = json::parse(r.out);
  const std::string text = ReadAll(path);
  ExpectOffsetsSliceBack(doc, text);
  std::set<size_t> starts;
  std::vector<std::pair<size_t, size_t>> actors;
  for (const auto& a : doc["annotations"]) {
    if (a["concept"] == "hs.concept") starts.insert(a["start"].get<size_t>());
    if (a["concept"].get<std::string>().rfind("actor.", 0) == 0) {
      actors.emplace_back(a["start"].get<size_t>(), a["end"].get<size_t>());
    }
  }
  // Every "human security" written as words (not inside a URL), but inside
  // the name of an entity (codebook §10.1): that of an actor the lexicons
  // know (which the actor's match covers) or one of these.
  const std::vector<std::string> kNames = {
      "Human Security Response Force", "Human Security Handbook",
      "Human Security Advisers Course", "Centre of Excellence for Human Security",
      "Journal of Human Security Studies"};
  auto named = [&](size_t at) {
    return std::any_of(kNames.begin(), kNames.end(), [&](const std::string& n) {
      const size_t in = n.find("Human Security");
      return at >= in && text.compare(at - in, n.size(), n) == 0;
    });
  };
  const std::regex re(R"(\bhuman[\s-]+security\b)", std::regex::icase);
  size_t written = 0, names = 0;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
       ++it) {
    const size_t at = static_cast<size_t>(it->position());
    const size_t line_start = text.rfind('\n', at) + 1;
    const std::string before = text.substr(line_start, at - line_start);
    if (before.find("http") != std::string::npos || before.find("www.") != std::string::npos) continue;
    ++written;
    const bool in_actor = std::any_of(actors.begin(), actors.end(), [&](const auto& s) {
      return s.first <= at && at + it->length() <= s.second && s.second - s.first > size_t(it->length());
    });
    const bool in_name = in_actor || named(at);
    EXPECT_EQ(starts.count(at) == 1, !in_name)
        << (in_name ? "counted inside a name" : "missed") << " at byte " << at << ": "
        << text.substr(at, 40);
    names += in_name;
  }
  EXPECT_GE(written, 40u);
  EXPECT_EQ(names, 14u);
}

TEST(CliTest, ExtractPrintsTheExtractedText) {
  auto r = Hstag("extract samples/txt/typography.txt");
  ASSERT_EQ(r.status, 0);
  EXPECT_EQ(r.out, ReadAll(SourceDir() + "/samples/txt/typography.txt"));
  auto j = Hstag("extract --format json samples/txt/typography.txt");
  ASSERT_EQ(j.status, 0);
  const json doc = json::parse(j.out);
  ASSERT_EQ(doc["segments"].size(), 1u);
  EXPECT_EQ(doc["segments"][0]["start"], 0);
  EXPECT_EQ(doc["format"], "text");
}

TEST(CliTest, EmitTextAddsTheTextTheOffsetsIndex) {
  auto r = Hstag("analyze --emit-text samples/txt/typography.txt");
  ASSERT_EQ(r.status, 0);
  const json doc = json::parse(r.out);
  ExpectOffsetsSliceBack(doc, doc["text"].get<std::string>());
  EXPECT_EQ(doc["text"], ReadAll(SourceDir() + "/samples/txt/typography.txt"));
}

TEST(CliTest, LexiconListHasEveryCodebookId) {
  auto r = Hstag("lexicon list");
  ASSERT_EQ(r.status, 0);
  std::set<std::string> ids;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) ids.insert(line.substr(0, line.find('\t')));
  EXPECT_TRUE(ids.count("hs.concept"));
  EXPECT_TRUE(ids.count("actor.state.JP"));
  const std::string codebook = SourceDir() + "/../shared/reference/codebook.md";
  if (!fs::exists(codebook)) GTEST_SKIP() << "codebook absent: checked the shipped list only";
  const std::string md = ReadAll(codebook);
  const std::regex id_re(R"(`((?:hs|pillar|dimension|approach|principle|topic|actor|definition|citation)\.[a-z_.]+[a-z_])`)");
  size_t n = 0;
  for (auto it = std::sregex_iterator(md.begin(), md.end(), id_re); it != std::sregex_iterator(); ++it) {
    const std::string id = (*it)[1];
    if (id == "actor.state") continue;  // actor.state.XX, the pattern
    ++n;
    EXPECT_TRUE(ids.count(id)) << id << " is in the codebook but not in the lexicons";
  }
  EXPECT_GE(n, 50u);
}

TEST(CliTest, ExitCodes) {
  EXPECT_EQ(Hstag("--help").status, 0);
  EXPECT_EQ(Hstag("--version").status, 0);
  EXPECT_EQ(Hstag("analyze --no-such-option x").status, 1);
  EXPECT_EQ(Hstag("").status, 1);
  std::string err;
  EXPECT_EQ(Hstag("analyze samples/txt/typography.txt --lexicon tests/data/lexicons/broken.yaml",
                  &err)
                .status,
            3);
  EXPECT_NE(err.find("broken.yaml:8:1: end of map flow not found"), std::string::npos) << err;
  EXPECT_EQ(Hstag("lexicon check tests/data/lexicons/problems.yaml").status, 2);
  EXPECT_EQ(Hstag("lexicon check").status, 0);
}

// A batch with bad inputs: each is reported with its file and reason, the
// good files still get their results, and the exit code is 2.
TEST(CliTest, BadInputIsReportedAndTheRestIsProcessed) {
  const fs::path dir = fs::path(::testing::TempDir()) / "hstag_bad_input";
  fs::remove_all(dir);
  fs::create_directories(dir / "locked");
  fs::copy_file(SourceDir() + "/samples/txt/typography.txt", dir / "good.txt");
  { std::ofstream(dir / "empty.txt"); }
  { std::ofstream(dir / "binary.txt", std::ios::binary) << std::string("\x01\x02\0\0\0\x03\x04\x05\x06\0\x07", 11); }
  { std::ofstream(dir / "locked" / "hidden.txt") << "human security"; }
  fs::permissions(dir / "locked", fs::perms::none);
  fs::permissions(dir, fs::perms::owner_all | fs::perms::others_read | fs::perms::others_exec);
  // Root reads everything: drop to nobody so that the locked folder is locked.
  const Unprivileged& nobody = AsNobody();
  if (!nobody.ok) GTEST_SKIP() << nobody.why;
  const std::string err_file = dir.string() + ".stderr";
  auto r = RunCommand("cd " + Quote(nobody.dir) + " && " + nobody.prefix + nobody.binary +
                      " analyze " + Quote(dir.string()) + " " +
                      Quote((dir / "missing.txt").string()) + " --jobs 2 2>" + Quote(err_file));
  fs::permissions(dir / "locked", fs::perms::owner_all);
  const std::string err = ReadAll(err_file);
  EXPECT_EQ(r.status, 2) << err;
  std::map<std::string, json> docs;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    json d = json::parse(line);
    docs[fs::path(d["source"]["path"].get<std::string>()).filename().string()] = d;
  }
  ASSERT_EQ(docs.size(), 5u) << r.out;
  EXPECT_TRUE(docs["good.txt"]["errors"].empty());
  EXPECT_EQ(Count(docs["good.txt"], "hs.concept", "explicit"), 7u);
  EXPECT_TRUE(docs["empty.txt"]["errors"].empty());
  EXPECT_EQ(docs["empty.txt"]["warnings"][0]["message"], "empty file");
  EXPECT_EQ(docs["binary.txt"]["errors"][0]["message"],
            "unsupported format: binary data that no extractor recognizes");
  EXPECT_EQ(docs["missing.txt"]["errors"][0]["message"], "No such file or directory");
  EXPECT_EQ(docs["locked"]["errors"][0]["message"], "cannot read directory: Permission denied");
  // One line on stderr per failed input, naming it.
  for (const char* name : {"binary.txt", "missing.txt", "locked"}) {
    EXPECT_NE(err.find(name), std::string::npos) << name << " not named on stderr: " << err;
  }
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 3) << err;
}

TEST(CliTest, OutputIsDeterministicWhateverTheNumberOfJobs) {
  auto one = Hstag("analyze samples --format jsonl --jobs 1 --ocr off");
  auto two = Hstag("analyze samples --format jsonl --jobs 2 --ocr off");
  auto again = Hstag("analyze samples --format jsonl --jobs 2 --ocr off");
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(two.out, again.out);
  EXPECT_GE(std::count(one.out.begin(), one.out.end(), '\n'), 3);
}

TEST(CliTest, OutDirectoryGetsOneJsonPerInput) {
  const fs::path out = fs::path(::testing::TempDir()) / "hstag_out";
  fs::remove_all(out);
  auto r = Hstag("analyze samples/txt --out " + Quote(out.string()));
  ASSERT_EQ(r.status, 0);
  for (const char* name : {"typography.txt.json", "ungdc_JPN_75_2020.txt.json"}) {
    const fs::path p = out / "docs" / name;
    ASSERT_TRUE(fs::exists(p)) << p;
    const json doc = json::parse(ReadAll(p.string()));
    EXPECT_EQ(doc["schema"], "hstag.document/1");
  }
  // The human summary names where the results went and what they hold.
  EXPECT_NE(r.out.find("results in " + out.string() + "/"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("samples/txt/typography.txt: 13 matches (hs.concept 7"), std::string::npos)
      << r.out;
}

// A reference list found in a plain text: the match of the network in it is
// written with `references: true` (on its segment too), the summary counts
// it apart, annotations.csv has the column, the closing list says so.
TEST(CliTest, AReferenceListsMatchesAreFlaggedAndCountedApart) {
  const std::string sample = "tests/data/references/report_with_references.txt";
  auto r = Hstag("analyze --emit-text " + sample);
  ASSERT_EQ(r.status, 0);
  const json doc = json::parse(r.out);
  std::vector<std::pair<std::string, bool>> network;
  for (const auto& a : doc["annotations"]) {
    if (a["concept"] == "actor.human_security_network") {
      network.emplace_back(a["text"], a.value("references", false));
    }
  }
  EXPECT_EQ(network, (std::vector<std::pair<std::string, bool>>{{"Human Security Network", false},
                                                                {"Human Security Network", true}}));
  const json& c = doc["summary"]["concepts"]["actor.human_security_network"];
  EXPECT_EQ(c["total"], 1);
  EXPECT_EQ(c["references"], 1);
  EXPECT_LT(c["first"]["start"].get<size_t>(), doc["text"].get<std::string>().find("References"));
  ASSERT_EQ(doc["segments"].size(), 2u);
  EXPECT_FALSE(doc["segments"][0].contains("references"));
  EXPECT_EQ(doc["segments"][1]["references"], true);
  ExpectOffsetsSliceBack(doc, ReadAll(SourceDir() + "/" + sample));

  const fs::path out = fs::path(::testing::TempDir()) / "hstag_references_out";
  fs::remove_all(out);
  auto b = Hstag("analyze " + sample + " --out " + Quote(out.string()));
  ASSERT_EQ(b.status, 0);
  // (hs.concept is not counted inside the network's name: codebook §10.1;
  // the list's citation of resolution 66/290 counts with the body's)
  EXPECT_NE(b.out.find(": 10 matches, 4 of them in references ("), std::string::npos) << b.out;
  const std::string csv = ReadAll((out / "annotations.csv").string());
  EXPECT_EQ(csv.rfind("document,concept,strength,page,page_label,xpath,start,end,text,sentence,"
                      "boilerplate,references,plugin,rule,value",
                      0),
            0u)
      << csv.substr(0, 200);
  EXPECT_NE(csv.find(",Human Security Network,8,false,true,lexicon,"), std::string::npos) << csv;
}

// The disk cache of parsed lexicons: entries appear on the first run, the
// output is the same with and without them, a damaged entry is a miss and is
// written again, and "off" writes nothing.
TEST(CliTest, LexiconCacheKeepsTheOutputAndSurvivesDamage) {
  const fs::path cache = fs::path(::testing::TempDir()) / "hstag_lexicon_cache";
  fs::remove_all(cache);
  auto run = [&](const std::string& dir) {
    return RunCommand("cd " + Quote(SourceDir()) + " && HSTAG_CACHE_DIR=" + Quote(dir) + " " +
                      Binary() + " analyze samples/txt --format jsonl --jobs 1 2>/dev/null")
        .out;
  };
  auto entries = [&] {
    std::vector<fs::path> out;
    if (fs::is_directory(cache / "lexicons")) {
      for (const auto& e : fs::directory_iterator(cache / "lexicons")) out.push_back(e.path());
    }
    return out;
  };
  const std::string uncached = run("off");
  ASSERT_FALSE(uncached.empty());
  EXPECT_FALSE(fs::exists(cache));
  const std::string first = run(cache.string());
  const auto made = entries();
  EXPECT_GE(made.size(), 3u);  // hs, actors, states at least
  const std::string second = run(cache.string());
  EXPECT_EQ(first, uncached);
  EXPECT_EQ(second, uncached);
  // Damage every entry: the run parses the YAML again and mends the cache.
  for (const auto& e : made) std::ofstream(e, std::ios::trunc) << "not cbor";
  EXPECT_EQ(run(cache.string()), uncached);
  for (const auto& e : made) EXPECT_GT(fs::file_size(e), 100u) << e;
  fs::remove_all(cache);
}

}  // namespace
}  // namespace hstag
