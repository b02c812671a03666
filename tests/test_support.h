// SPDX-License-Identifier: GPL-3.0-or-later
//
// Shared helpers for the tests: where the sources and the corpus are, a
// pipeline with the built-in plugins, running the hstag binary.
#ifndef HSTAG_TESTS_TEST_SUPPORT_H_
#define HSTAG_TESTS_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "hstag/builtins.h"
#include "hstag/pipeline.h"

namespace hstag::testing {

inline std::string SourceDir() { return HSTAG_SOURCE_DIR; }
inline std::string Binary() { return HSTAG_BINARY; }

// The shared corpus directory, or "" when it is absent (a user's clone).
inline std::string CorpusDir() {
  std::error_code ec;
  return std::filesystem::is_directory(HSTAG_CORPUS_DIR, ec) ? HSTAG_CORPUS_DIR : "";
}

// Skips the calling test when the shared corpus is absent.
#define HSTAG_REQUIRE_CORPUS()                                                      \
  do {                                                                              \
    if (::hstag::testing::CorpusDir().empty())                                      \
      GTEST_SKIP() << "shared corpus absent (" HSTAG_CORPUS_DIR "): test skipped"; \
  } while (0)

// A pipeline with the built-in plugins and the shipped config, built once;
// OCR off (tests/plugins/pdf/ocr_test.cc is about OCR: the tests that use
// this one are not, and the corpus has scans).
inline const Pipeline& DefaultPipeline() {
  static const std::unique_ptr<Pipeline> p = [] {
    PipelineOptions o;
    o.builtins = BuiltinPlugins();
    o.plugin_options.emplace_back("pdf", R"({"ocr": "off"})");
    auto r = Pipeline::Create(o);
    if (!r.ok()) {
      ADD_FAILURE() << r.error();
      std::abort();
    }
    return std::move(r).value();
  }();
  return *p;
}

// A whole file ("" when it cannot be read).
// A file name in GoogleTest's temporary folder that is this process's own:
// ctest runs tests of one binary in parallel processes, which share the folder.
std::filesystem::path TempPath(const std::string& name);
std::string ReadAll(const std::filesystem::path& path);

// Writes an archive of these members (name, bytes) with libarchive: a zip
// (deflated; `stored`: not compressed), a tar or a tar.gz.
enum class ArchiveKind { kZip, kStoredZip, kTar, kTarGz };
void WriteArchive(const std::filesystem::path& path,
                  const std::vector<std::pair<std::string, std::string>>& members,
                  ArchiveKind kind = ArchiveKind::kZip);

// A path or word quoted for the shell (single quotes).
std::string Quote(const std::filesystem::path& p);

// Runs a command through the shell; returns its exit status and stdout.
struct CommandResult {
  int status = -1;
  std::string out;
};
CommandResult RunCommand(const std::string& command);

// How a test runs hstag as an unprivileged user, for what root would read
// anyway (a file of mode 000, a locked folder). As root: `prefix` drops to
// nobody (setpriv) and `binary` is a copy of hstag with its data in a
// folder that nobody can read, made once per test process, since the
// checkout may sit in a folder only root can enter (Debian makes home
// folders 0700, and so does mktemp -d); `dir` is that folder, a working
// directory for nobody. Otherwise: no prefix, the build's binary, the
// source folder. `ok` is false (and `why` says why) when root has no
// setpriv.
struct Unprivileged {
  bool ok = true;
  std::string why;
  std::string prefix, binary, dir;
  // As root: a new empty folder `name` in `dir`, for files nobody reads.
  std::filesystem::path Scratch(const std::string& name) const;
};
const Unprivileged& AsNobody();

}  // namespace hstag::testing

#endif  // HSTAG_TESTS_TEST_SUPPORT_H_
