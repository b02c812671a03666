// SPDX-License-Identifier: GPL-3.0-or-later
//
// The plugin ABI from the host's side: an external module is loaded and
// runs, a module of another ABI version is refused, a plugin that throws is
// contained.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "hstag/builtins.h"
#include "hstag/writer.h"
#include "hstag/pipeline.h"
#include "test_support.h"

namespace hstag {
namespace {

Result<std::unique_ptr<Pipeline>> WithPluginDir(const std::string& dir) {
  PipelineOptions o;
  o.builtins = BuiltinPlugins();
  o.plugin_dirs = {dir};
  return Pipeline::Create(o);
}

size_t Count(const AnalysisResult& r, const std::string& concept_id) {
  size_t n = 0;
  for (const auto& a : r.annotations) n += a.concept_id == concept_id;
  return n;
}

const std::string kText =
    "Human security needs resilient communities. Resilience is built locally.";

TEST(PluginLoaderTest, ExternalModuleIsLoadedAndTags) {
  auto p = WithPluginDir(HSTAG_EXAMPLE_PLUGIN_DIR);
  ASSERT_TRUE(p.ok()) << p.error();
  bool listed = false;
  for (const auto& info : (*p)->plugins()) {
    if (info.id == "example") {
      listed = true;
      EXPECT_EQ(info.kind, "tagger");
      EXPECT_NE(info.origin, "builtin");
    }
  }
  EXPECT_TRUE(listed);
  AnalysisResult r = (*p)->RunBytes(kText, "t.txt");
  EXPECT_TRUE(r.doc.errors.empty());
  EXPECT_EQ(Count(r, "user.example.resilience"), 2u);
  EXPECT_EQ(Count(r, "hs.concept"), 1u);  // the built-in lexicon tagger still runs
  for (const auto& a : r.annotations) {
    if (a.concept_id == "user.example.resilience") {
      EXPECT_EQ(a.plugin, "example");
      EXPECT_EQ(a.strength, Strength::kIndicator);
    }
  }
  EXPECT_EQ(ToolJson(**p)["plugins"].back()["origin"], "external");
}

TEST(PluginLoaderTest, WrongAbiVersionIsRefusedWithAClearMessage) {
  auto p = WithPluginDir(std::string(HSTAG_TEST_MODULES_DIR) + "/wrong_abi");
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.error().find("plugin 'wrong-abi' was built for plugin ABI 99, this hstag speaks ABI 3"),
            std::string::npos)
      << p.error();
}

// A module built against an older hstag, for ABI 1 (whose create() took the
// lexicons' file paths), is refused before anything of it is called.
TEST(PluginLoaderTest, ModuleBuiltForAbi1IsRefusedWithAClearMessage) {
  auto p = WithPluginDir(std::string(HSTAG_TEST_MODULES_DIR) + "/abi_one");
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.error().find("hstag-test_abi_one.so: plugin 'abi-one' was built for plugin ABI 1, "
                           "this hstag speaks ABI 3: rebuild it against this version of hstag"),
            std::string::npos)
      << p.error();
}

TEST(PluginLoaderTest, NotAPluginIsRefused) {
  const std::string dir = ::testing::TempDir() + "/notaplugin";
  std::filesystem::create_directories(dir);
  { std::ofstream(dir + "/junk.so") << "not an ELF file"; }
  auto p = WithPluginDir(dir);
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.error().find("junk.so: cannot load plugin"), std::string::npos) << p.error();
}

TEST(PluginLoaderTest, PluginThatThrowsIsContainedAndReported) {
  auto p = WithPluginDir(std::string(HSTAG_TEST_MODULES_DIR) + "/throws");
  ASSERT_TRUE(p.ok()) << p.error();
  AnalysisResult r = (*p)->RunBytes(kText, "t.txt");
  ASSERT_EQ(r.doc.errors.size(), 1u);
  EXPECT_EQ(r.doc.errors[0].stage, "tag:throws");
  EXPECT_NE(r.doc.errors[0].message.find("plugin 'throws' failed: out of coffee"), std::string::npos)
      << r.doc.errors[0].message;
  // The other plugins' annotations are all there.
  EXPECT_EQ(Count(r, "hs.concept"), 1u);
}

TEST(PluginLoaderTest, PluginThatThrowsWhenCreatedStopsThePipelineWithItsReason) {
  auto p = WithPluginDir(std::string(HSTAG_TEST_MODULES_DIR) + "/throws_on_create");
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.error().find("plugin 'throws-on-create' could not be created: cannot open my model file"),
            std::string::npos)
      << p.error();
}

TEST(PluginLoaderTest, BuiltinsAreListedWithVersions) {
  const auto& plugins = testing::DefaultPipeline().plugins();
  auto has = [&](const std::string& id, const std::string& kind) {
    for (const auto& p : plugins) {
      if (p.id == id && p.kind == kind && !p.version.empty() && p.origin == "builtin") return true;
    }
    return false;
  };
  EXPECT_TRUE(has("text", "extractor"));
  EXPECT_TRUE(has("lexicon", "tagger"));
}

}  // namespace
}  // namespace hstag
