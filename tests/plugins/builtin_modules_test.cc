// SPDX-License-Identifier: GPL-3.0-or-later
//
// The built-in plugins built as modules (the test build builds each both
// ways, core/cmake/HstagPlugins.cmake) do what they do linked into hstag:
// hstag-nobuiltins, the same command with no plugin linked in, runs with the
// modules on every file of samples/, and its output is compared with hstag's.
//
// The modules are loaded in the order of the built-in registry, one
// --plugin-dir each (the host registers plugins in the order it loads them),
// so that the plugins are listed and tried in the same order. What differs by
// design, and only that, is normalised: a module's entry in tool.plugins says
// "origin": "external" where a linked plugin says "builtin". Every other
// byte of stdout and stderr, and the exit code, must be the same.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <sstream>
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

// The ids of the built-in plugins, in the registry's order.
std::vector<std::string> BuiltinIds() {
  std::istringstream in(HSTAG_BUILTIN_IDS);
  std::vector<std::string> ids;
  for (std::string id; in >> id;) ids.push_back(id);
  return ids;
}

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
  std::string dirs;
  for (const auto& id : BuiltinIds()) {
    dirs += "--plugin-dir " + Quote(fs::path(HSTAG_BUILTIN_MODULES_DIR) / id) + " ";
  }
  return RunBinary(HSTAG_NOBUILTINS_BINARY, "analyze " + dirs + args);
}

// Replaces every `from` in *text with `to`; returns how many there were.
size_t ReplaceAll(std::string* text, const std::string& from, const std::string& to) {
  size_t n = 0;
  for (size_t at = text->find(from); at != std::string::npos;
       at = text->find(from, at + to.size())) {
    text->replace(at, from.size(), to);
    ++n;
  }
  return n;
}

void ExpectSame(const std::string& args) {
  SCOPED_TRACE(args);
  const Output linked = Linked(args);
  Output modules = Modules(args);
  EXPECT_EQ(modules.status, linked.status);
  EXPECT_EQ(modules.err, linked.err);
  // The origin of each plugin, the one difference by design ("origin" with
  // the value "builtin" or "external" is in tool.plugins' entries only; a
  // segment's origin is "text" or "ocr"), with or without indentation. With
  // --emit-text the scanned samples are OCR'd: their segments' origin and
  // confidence cross the ABI the same way.
  size_t listed = 0, external = 0;
  for (const char* space : {"", " "}) {
    const std::string key = std::string("\"origin\":") + space;
    for (size_t at = linked.out.find(key + "\"builtin\""); at != std::string::npos;
         at = linked.out.find(key + "\"builtin\"", at + 1)) {
      ++listed;
    }
    external += ReplaceAll(&modules.out, key + "\"external\"", key + "\"builtin\"");
  }
  EXPECT_GT(listed, 0u);
  EXPECT_EQ(external, listed);
  EXPECT_TRUE(modules.out == linked.out) << "the outputs differ beyond the plugins' origin";
}

TEST(BuiltinModulesTest, EveryBuiltinPluginIsAModule) {
  const std::vector<std::string> ids = BuiltinIds();
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()),
            (std::set<std::string>{"abbreviations", "definitions", "html", "lexicon", "office", "pdf",
                                   "regex", "text", "xml"}));
  for (const auto& id : ids) {
    EXPECT_TRUE(fs::exists(fs::path(HSTAG_BUILTIN_MODULES_DIR) / id / ("hstag-" + id + ".so")))
        << id;
  }
}

// Without the modules the command has no plugin at all.
TEST(BuiltinModulesTest, TheCommandWithoutBuiltinsHasNoPlugin) {
  const Output r = RunBinary(HSTAG_NOBUILTINS_BINARY, "analyze samples/txt/typography.txt");
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err.find("no tagger plugin 'lexicon' is available"), std::string::npos) << r.err;
}

TEST(BuiltinModulesTest, SamplesGiveTheSameDocumentsAsJsonLines) {
  ExpectSame("samples --format jsonl --jobs 1 --ocr off");
}

TEST(BuiltinModulesTest, SamplesGiveTheSameDocumentsWithTheirText) {
  ExpectSame("samples --format json --emit-text --jobs 1");
}

}  // namespace
}  // namespace hstag
