// SPDX-License-Identifier: GPL-3.0-or-later
//
// The built-in plugins built as modules (the test build builds each both
// ways, core/cmake/HstagPlugins.cmake) do what they do linked into hstag:
// hstag-nobuiltins, the same command with no plugin linked in, runs with
// --plugin-dir over the modules on every file of samples/, and its output
// is compared with hstag's.
//
// Two things differ by design, and only they are normalised: a module's
// entry in tool.plugins says "origin": "external" where a linked plugin says
// "builtin", and modules are registered in the order of their file names
// (pdf, text, xml) where linked plugins follow the registry (text, pdf,
// xml). So each document's tool.plugins array is compared as a set of
// entries, with every linked entry's origin "builtin" and every module's
// "external"; every other byte of stdout, stderr and the exit code must be
// the same. (Which extractor wins a tie of sniff scores does not move: the
// first registered, and text comes before xml in both orders.)
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "test_support.h"

namespace fs = std::filesystem;

namespace hstag {
namespace {

using testing::Quote;
using testing::ReadAll;
using testing::RunCommand;
using testing::SourceDir;

struct Output {
  int status = -1;
  std::string out, err;
};

// `binary args` run in the source tree.
Output RunBinary(const std::string& binary, const std::string& args) {
  const std::string err_file =
      ::testing::TempDir() + "/builtin_modules_stderr." + std::to_string(::getpid()) + ".txt";
  const auto r = RunCommand("cd " + Quote(SourceDir()) + " && " + Quote(binary) + " " + args +
                            " 2>" + Quote(err_file));
  return {r.status, r.out, ReadAll(err_file)};
}

// `hstag analyze args`, and the same with every plugin loaded from a module.
Output Linked(const std::string& args) { return RunBinary(testing::Binary(), "analyze " + args); }
Output Modules(const std::string& args) {
  return RunBinary(HSTAG_NOBUILTINS_BINARY,
                   "analyze --plugin-dir " + Quote(HSTAG_BUILTIN_MODULES_DIR) + " " + args);
}

// Cuts each `"plugins": [...]` array out of *text (an empty array stays in
// its place) and returns the cut arrays, in order. Strings are skipped as a
// whole, so a bracket inside one does not count.
std::vector<std::string> CutPluginArrays(std::string* text) {
  std::vector<std::string> arrays;
  const std::string key = "\"plugins\":";
  for (size_t at = text->find(key); at != std::string::npos; at = text->find(key, at + 1)) {
    size_t open = at + key.size();
    while (open < text->size() && (*text)[open] == ' ') ++open;
    if (open >= text->size() || (*text)[open] != '[') continue;
    size_t i = open;
    int depth = 0;
    bool in_string = false;
    for (; i < text->size(); ++i) {
      const char c = (*text)[i];
      if (in_string) {
        if (c == '\\') {
          ++i;
        } else if (c == '"') {
          in_string = false;
        }
      } else if (c == '"') {
        in_string = true;
      } else if (c == '[' || c == '{') {
        ++depth;
      } else if ((c == ']' || c == '}') && --depth == 0) {
        break;
      }
    }
    arrays.push_back(text->substr(open, i + 1 - open));
    text->replace(open, i + 1 - open, "[]");
  }
  return arrays;
}

// The entries of a tool.plugins array without their origin, which must be
// `origin` for every entry.
std::multiset<std::string> Entries(const std::string& array, const std::string& origin) {
  std::multiset<std::string> out;
  for (auto entry : nlohmann::ordered_json::parse(array)) {
    EXPECT_EQ(entry.value("origin", ""), origin) << entry.dump();
    entry.erase("origin");
    out.insert(entry.dump());
  }
  return out;
}

void ExpectSame(const std::string& args) {
  SCOPED_TRACE(args);
  Output linked = Linked(args);
  Output modules = Modules(args);
  EXPECT_EQ(modules.status, linked.status);
  EXPECT_EQ(modules.err, linked.err);
  const auto linked_arrays = CutPluginArrays(&linked.out);
  const auto module_arrays = CutPluginArrays(&modules.out);
  EXPECT_FALSE(linked_arrays.empty());
  ASSERT_EQ(module_arrays.size(), linked_arrays.size());
  for (size_t k = 0; k < linked_arrays.size(); ++k) {
    EXPECT_EQ(Entries(module_arrays[k], "external"), Entries(linked_arrays[k], "builtin"));
  }
  EXPECT_TRUE(modules.out == linked.out) << "the outputs differ beyond tool.plugins";
}

TEST(BuiltinModulesTest, EveryBuiltinPluginIsAModule) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(HSTAG_BUILTIN_MODULES_DIR)) {
    names.insert(e.path().filename().string());
  }
  EXPECT_EQ(names, (std::set<std::string>{"hstag-abbreviations.so", "hstag-definitions.so",
                                          "hstag-lexicon.so", "hstag-pdf.so", "hstag-regex.so",
                                          "hstag-text.so", "hstag-xml.so"}));
}

// Without the modules the command has no plugin at all.
TEST(BuiltinModulesTest, TheCommandWithoutBuiltinsHasNoPlugin) {
  const Output r = RunBinary(HSTAG_NOBUILTINS_BINARY, "analyze samples/txt/typography.txt");
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err.find("no tagger plugin 'lexicon' is available"), std::string::npos) << r.err;
}

TEST(BuiltinModulesTest, SamplesGiveTheSameDocumentsAsJsonLines) {
  ExpectSame("samples --format jsonl --jobs 1");
}

TEST(BuiltinModulesTest, SamplesGiveTheSameDocumentsWithTheirText) {
  ExpectSame("samples --format json --emit-text --jobs 1");
}

}  // namespace
}  // namespace hstag
