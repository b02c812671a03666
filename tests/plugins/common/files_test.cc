// SPDX-License-Identifier: GPL-3.0-or-later
//
// plugins/common/files.h: a data file's bytes, or an error that names it.
#include "common/files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace hstag::common {
namespace {

std::string Error(const std::string& path, uint64_t max_bytes) {
  try {
    ReadDataFile(path, "shown.yaml", max_bytes);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

TEST(ReadDataFileTest, BytesOrAReasonNamingTheFile) {
  const std::string dir = ::testing::TempDir() + "/read_data_file";
  std::filesystem::create_directories(dir);
  const std::string bytes(70000, 'x');  // more than one read
  { std::ofstream(dir + "/f.yaml", std::ios::binary) << bytes; }
  EXPECT_EQ(ReadDataFile(dir + "/f.yaml", "shown.yaml", 70000), bytes);
  EXPECT_EQ(Error(dir + "/f.yaml", 69999), "shown.yaml: file exceeds the limit of 69999 bytes");
  EXPECT_EQ(Error(dir + "/missing.yaml", 100), "shown.yaml: No such file or directory");
  EXPECT_EQ(Error(dir, 100), "shown.yaml: Is a directory");
}

}  // namespace
}  // namespace hstag::common
