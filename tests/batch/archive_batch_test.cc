// SPDX-License-Identifier: GPL-3.0-or-later
//
// Archives walked like folders in batch runs: each member a document
// "a.zip!/inner/x.txt" in every output, its JSON under OUT/docs with names
// that climb out percent-encoded, --include/--exclude on the full member
// path, --resume per member, nested archives one level deep, a tar.gz.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "batch/output_layout.h"
#include "test_support.h"

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace hstag {
namespace {

using testing::ArchiveKind;
using testing::Binary;
using testing::Quote;
using testing::ReadAll;
using testing::RunCommand;
using testing::WriteArchive;

testing::CommandResult Hstag(const std::string& args) {
  return RunCommand(Binary() + " " + args + " 2>/dev/null");
}

fs::path Fresh(const std::string& name) {
  const fs::path dir = fs::path(::testing::TempDir()) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// corpus.jsonl's paths, in order.
std::vector<std::string> CorpusPaths(const fs::path& out) {
  std::vector<std::string> paths;
  std::istringstream lines(ReadAll(out / "corpus.jsonl"));
  for (std::string line; std::getline(lines, line);) {
    paths.push_back(json::parse(line)["path"].get<std::string>());
  }
  return paths;
}

const std::string kHs = "Human security puts people first.\n";
const std::string kFear = "Freedom from fear matters.\n";

TEST(ArchiveBatch, MembersAreDocumentsInEveryOutput) {
  const fs::path in = Fresh("arch_in"), out = Fresh("arch_out");
  WriteArchive(in / "a.zip", {{"docs/", ""}, {"docs/one.txt", kHs}, {"two.txt", kFear}});
  WriteArchive(in / "b.tar.gz", {{"three.txt", kHs + "3"}}, ArchiveKind::kTarGz);
  WriteArchive(in / "c.tar", {{"four.txt", kFear + "4"}}, ArchiveKind::kTar);
  std::ofstream(in / "plain.txt") << kHs;
  auto r = Hstag("analyze " + Quote(in) + " --out " + Quote(out) + " --jobs 2");
  ASSERT_EQ(r.status, 0) << r.out;
  const std::string base = in.string() + "/";
  EXPECT_EQ(CorpusPaths(out),
            (std::vector<std::string>{base + "a.zip!/docs/one.txt", base + "a.zip!/two.txt",
                                      base + "b.tar.gz!/three.txt", base + "c.tar!/four.txt",
                                      base + "plain.txt"}));
  const json doc = json::parse(ReadAll(out / "docs/a.zip!/docs/one.txt.json"));
  EXPECT_EQ(doc["source"]["path"], base + "a.zip!/docs/one.txt");
  EXPECT_EQ(doc["source"]["bytes"], kHs.size());
  EXPECT_EQ(doc["summary"]["concepts"]["hs.concept"]["total"], 1);
  EXPECT_TRUE(fs::exists(out / "docs/b.tar.gz!/three.txt.json"));
  EXPECT_TRUE(fs::exists(out / "docs/c.tar!/four.txt.json"));
  EXPECT_FALSE(fs::exists(out / "docs/a.zip.json"));  // the archive is no document
  EXPECT_NE(ReadAll(out / "matrix.csv").find("a.zip!/two.txt"), std::string::npos);
  EXPECT_NE(ReadAll(out / "annotations.csv").find("b.tar.gz!/three.txt"), std::string::npos);
  // The same bytes inside an archive and outside: a duplicate.
  EXPECT_NE(
      ReadAll(out / "corpus.jsonl").find("\"duplicate_of\":\"" + base + "a.zip!/docs/one.txt"),
      std::string::npos)
      << ReadAll(out / "corpus.jsonl");
}

TEST(ArchiveBatch, NamesThatClimbOutArePercentEncodedUnderDocs) {
  const fs::path in = Fresh("arch_trav_in"), out = Fresh("arch_trav_out");
  WriteArchive(in / "t.zip", {{"../../etc/x.txt", kHs},
                              {"./a/./b.txt", kFear},
                              {"/abs/c.txt", kHs + "c"},
                              {"50%.txt", kHs + "d"},
                              {"%2E%2E", kHs + "e"}});
  auto r = Hstag("analyze " + Quote(in) + " --out " + Quote(out) + " --jobs 1");
  ASSERT_EQ(r.status, 0) << r.out;
  for (const char* f :
       {"t.zip!/%2E%2E/%2E%2E/etc/x.txt.json", "t.zip!/%2E/a/%2E/b.txt.json",
        "t.zip!/%2F/abs/c.txt.json", "t.zip!/50%25.txt.json", "t.zip!/%252E%252E.json"}) {
    EXPECT_TRUE(fs::exists(out / "docs" / f)) << f;
  }
  const json doc = json::parse(ReadAll(out / "docs/t.zip!/%2E%2E/%2E%2E/etc/x.txt.json"));
  EXPECT_EQ(doc["source"]["path"], in.string() + "/t.zip!/../../etc/x.txt");  // the label
  EXPECT_FALSE(fs::exists(out / "etc"));
  EXPECT_FALSE(fs::exists(fs::path(::testing::TempDir()) / "etc/x.txt.json"));
}

TEST(ArchiveBatch, MemberRelativeEncodesOnlyWhatMustBe) {
  EXPECT_EQ(OutputLayout::MemberRelative("sub/a.zip", "in/x.pdf"), "sub/a.zip!/in/x.pdf");
  EXPECT_EQ(OutputLayout::MemberRelative("a.zip", "../x"), "a.zip!/%2E%2E/x");
  EXPECT_EQ(OutputLayout::MemberRelative("a.zip", "a//b/"), "a.zip!/a/%2F/b/%2F");
  EXPECT_EQ(OutputLayout::MemberRelative("a.zip", "...b/..c"), "a.zip!/...b/..c");  // names
  EXPECT_EQ(OutputLayout::MemberRelative("a.zip", "x%y"), "a.zip!/x%25y");
}

TEST(ArchiveBatch, IncludeAndExcludeMatchTheFullMemberPath) {
  const fs::path in = Fresh("arch_filter_in");
  WriteArchive(in / "a.zip", {{"keep/one.txt", kHs}, {"drop/two.txt", kFear}});
  WriteArchive(in / "skip.zip", {{"three.txt", kHs}});
  std::ofstream(in / "plain.txt") << kHs;
  auto names = [&](const std::string& filters) {
    const fs::path out = Fresh("arch_filter_out");
    auto r = Hstag("analyze " + Quote(in) + " --out " + Quote(out) + " " + filters);
    EXPECT_EQ(r.status, 0) << filters << "\n" << r.out;
    std::vector<std::string> rel;
    for (const auto& p : CorpusPaths(out)) rel.push_back(p.substr(in.string().size() + 1));
    return rel;
  };
  // --include does not stop an archive from being opened: its members match.
  EXPECT_EQ(names("--include 'a.zip!/keep/*'"), std::vector<std::string>{"a.zip!/keep/one.txt"});
  EXPECT_EQ(names("--include '*.txt' --exclude '*!/drop/*'"),
            (std::vector<std::string>{"a.zip!/keep/one.txt", "plain.txt", "skip.zip!/three.txt"}));
  // An --exclude that matches the archive skips it whole.
  EXPECT_EQ(names("--exclude skip.zip"),
            (std::vector<std::string>{"a.zip!/drop/two.txt", "a.zip!/keep/one.txt", "plain.txt"}));
  // A member's file name alone matches, as a file's does.
  EXPECT_EQ(names("--exclude two.txt --exclude plain.txt --exclude three.txt"),
            std::vector<std::string>{"a.zip!/keep/one.txt"});
}

TEST(ArchiveBatch, ResumeWorksPerMember) {
  const fs::path in = Fresh("arch_resume_in"), out = Fresh("arch_resume_out");
  WriteArchive(in / "a.zip", {{"one.txt", kHs}, {"two.txt", kFear}, {"three.txt", kHs + "3"}});
  auto first = Hstag("analyze " + Quote(in) + " --out " + Quote(out) + " --jobs 2");
  ASSERT_EQ(first.status, 0) << first.out;
  // One member changed (same size, other bytes), one added.
  WriteArchive(in / "a.zip", {{"one.txt", kHs},
                              {"two.txt", "Freedom from want matters.\n"},
                              {"three.txt", kHs + "3"},
                              {"four.txt", kFear}});
  auto again = Hstag("analyze " + Quote(in) + " --out " + Quote(out) + " --jobs 2 --resume");
  ASSERT_EQ(again.status, 0) << again.out;
  const json run = json::parse(ReadAll(out / "run.json"));
  EXPECT_EQ(run["counts"]["documents"], 4);
  EXPECT_EQ(run["counts"]["skipped"], 2) << again.out;  // one.txt, three.txt
  EXPECT_EQ(run["counts"]["done"], 2) << again.out;     // two.txt, four.txt
  const json two = json::parse(ReadAll(out / "docs/a.zip!/two.txt.json"));
  EXPECT_TRUE(two["summary"]["concepts"].contains("pillar.freedom_from_want"));
}

TEST(ArchiveBatch, NestedArchivesOneLevelDeep) {
  const fs::path in = Fresh("arch_nested_in"), out = Fresh("arch_nested_out");
  const fs::path tmp = Fresh("arch_nested_tmp");
  WriteArchive(tmp / "deeper.zip", {{"never.txt", kHs}});
  WriteArchive(tmp / "inner.tar.gz", {{"x.txt", kHs}, {"deeper.zip", ReadAll(tmp / "deeper.zip")}},
               ArchiveKind::kTarGz);
  WriteArchive(in / "outer.zip",
               {{"inner.tar.gz", ReadAll(tmp / "inner.tar.gz")}, {"y.txt", kFear}});
  auto r = Hstag("analyze " + Quote(in) + " --out " + Quote(out));
  EXPECT_EQ(r.status, 2) << r.out;  // the archive three deep is an input that fails
  const std::string base = in.string() + "/outer.zip!/";
  EXPECT_EQ(CorpusPaths(out),
            (std::vector<std::string>{base + "inner.tar.gz!/deeper.zip",
                                      base + "inner.tar.gz!/x.txt", base + "y.txt"}));
  const json x = json::parse(ReadAll(out / "docs/outer.zip!/inner.tar.gz!/x.txt.json"));
  EXPECT_EQ(x["summary"]["concepts"]["hs.concept"]["total"], 1);
  const json deeper = json::parse(ReadAll(out / "docs/outer.zip!/inner.tar.gz!/deeper.zip.json"));
  ASSERT_FALSE(deeper["errors"].empty());
  EXPECT_EQ(deeper["errors"][0]["message"],
            "an archive inside an archive inside an archive: hstag opens archives one level deep");
}

TEST(ArchiveBatch, DamagedArchiveIsOneFailedInput) {
  const fs::path in = Fresh("arch_damaged_in"), out = Fresh("arch_damaged_out");
  std::ofstream(in / "bad.zip") << "PK\x03\x04 this is no zip at all";
  std::ofstream(in / "fine.txt") << kHs;
  auto r = Hstag("analyze " + Quote(in) + " --out " + Quote(out));
  EXPECT_EQ(r.status, 2) << r.out;
  const json bad = json::parse(ReadAll(out / "docs/bad.zip.json"));
  ASSERT_FALSE(bad["errors"].empty());
  EXPECT_NE(bad["errors"][0]["message"].get<std::string>().find("damaged or not an archive"),
            std::string::npos);
  EXPECT_TRUE(fs::exists(out / "docs/fine.txt.json"));
}

TEST(ArchiveBatch, MaxMembersStopsAnArchive) {
  const fs::path in = Fresh("arch_members_in"), out = Fresh("arch_members_out");
  WriteArchive(in / "many.zip", {{"a.txt", kHs}, {"b.txt", kHs + "b"}, {"c.txt", kHs + "c"}});
  auto r = Hstag("analyze " + Quote(in) + " --out " + Quote(out) + " --max-members 2");
  EXPECT_EQ(r.status, 2) << r.out;
  const json many = json::parse(ReadAll(out / "docs/many.zip.json"));
  EXPECT_EQ(many["errors"][0]["stage"], "limit");
  EXPECT_EQ(many["errors"][0]["message"],
            "over the limit of 2 members per archive (--max-members raises it): " +
                (in / "many.zip").string() + " has more");
  const json run = json::parse(ReadAll(out / "run.json"));
  EXPECT_EQ(run["options"]["limits"]["max_members"], 2);
}

TEST(ArchiveBatch, AnArchiveWithoutOutPrintsJsonLines) {
  const fs::path in = Fresh("arch_stdout_in");
  WriteArchive(in / "a.zip", {{"one.txt", kHs}});
  auto r = Hstag("analyze " + Quote(in / "a.zip"));
  ASSERT_EQ(r.status, 0);
  std::istringstream lines(r.out);
  std::string line;
  ASSERT_TRUE(std::getline(lines, line));
  EXPECT_EQ(json::parse(line)["source"]["path"], (in / "a.zip").string() + "!/one.txt");
  EXPECT_FALSE(std::getline(lines, line));  // one line: JSON Lines even for one member
}

}  // namespace
}  // namespace hstag
