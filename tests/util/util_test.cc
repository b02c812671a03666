// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/util.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace hstag {
namespace {

namespace fs = std::filesystem;

// The streamed digest equals the digest of the whole bytes, across the
// 64 KiB chunk boundaries, and the file's limits fail as ReadFile's do.
TEST(Sha256FileTest, EqualsTheDigestOfTheWholeFile) {
  const fs::path dir = fs::path(::testing::TempDir()) / "sha256file";
  fs::create_directories(dir);
  for (size_t size : {size_t{0}, size_t{1}, size_t{65535}, size_t{65536}, size_t{200001}}) {
    std::string bytes(size, '\0');
    for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((i * 131 + i / 7) & 0xFF);
    const fs::path f = dir / ("f" + std::to_string(size));
    std::ofstream(f, std::ios::binary) << bytes;
    auto d = Sha256File(f.string());
    ASSERT_TRUE(d.ok()) << d.error();
    EXPECT_EQ(d->sha256, Sha256Hex(bytes)) << size;
    EXPECT_EQ(d->bytes, size);
  }
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  auto too_big = Sha256File((dir / "f200001").string(), 1000);
  ASSERT_FALSE(too_big.ok());
  EXPECT_NE(too_big.error().find("exceeds the limit of 1000 bytes"), std::string::npos);
  EXPECT_FALSE(Sha256File((dir / "absent").string()).ok());
  auto directory = Sha256File(dir.string());
  ASSERT_FALSE(directory.ok());
  EXPECT_EQ(directory.error(), "is a directory");
}

// The parts arrive whole and in order through a pipe that takes 4 KiB at a
// time (so that writes come back short, inside a part and between parts),
// empty parts included.
TEST(WriteAllTest, PartsArriveWholeThroughShortWrites) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ::fcntl(fds[1], F_SETPIPE_SZ, 4096);
  std::string big(100003, '\0');
  for (size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>('a' + i % 26);
  std::string got;
  std::thread reader([&] {
    char buf[1000];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) got.append(buf, n);
  });
  const bool ok = WriteAll(fds[1], {"<", big, "", "|", std::string_view(), "tail", ">"});
  ::close(fds[1]);
  reader.join();
  ::close(fds[0]);
  EXPECT_TRUE(ok);
  EXPECT_EQ(got, "<" + big + "|tail>");
}

// A file written atomically has exactly its content, whether it is new or
// replaces a longer one, with the mode 0644 less the umask; nothing else
// is left in the directory; a directory that does not exist is an error
// naming the file.
TEST(WriteFileAtomicTest, CreatesAndReplacesLeavingNothingElse) {
  const fs::path dir = fs::path(::testing::TempDir()) / "write_atomic";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path a = dir / "a.json", b = dir / "b.json";
  auto read = [](const fs::path& f) {
    auto r = ReadFile(f.string());
    return r.ok() ? *r : "<" + r.error() + ">";
  };
  ASSERT_TRUE(WriteFileAtomic(a.string(), "first, and longer\n").ok());
  EXPECT_EQ(read(a), "first, and longer\n");
  ASSERT_TRUE(WriteFileAtomic(a.string(), "second\n", Durability::kAtomicOnly).ok());
  EXPECT_EQ(read(a), "second\n");
  ASSERT_TRUE(WriteFileAtomic(b.string(), "", Durability::kAtomicOnly).ok());
  EXPECT_EQ(read(b), "");
  ASSERT_TRUE(WriteFileAtomic(b.string(), std::string(200000, 'x')).ok());
  EXPECT_EQ(read(b), std::string(200000, 'x'));

  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"a.json", "b.json"}));

  const mode_t mask = ::umask(0);
  ::umask(mask);
  EXPECT_EQ(static_cast<mode_t>(fs::status(a).permissions()), 0644 & ~mask);

  // Missing folders are made; a folder that cannot be made fails, named.
  ASSERT_TRUE(WriteFileAtomic((dir / "new" / "deeper" / "c.json").string(), "x").ok());
  EXPECT_EQ(read(dir / "new" / "deeper" / "c.json"), "x");
  const Status blocked = WriteFileAtomic((a / "c.json").string(), "x");  // a.json is a file
  ASSERT_FALSE(blocked.ok());
  EXPECT_NE(blocked.message().find("a.json"), std::string::npos) << blocked.message();
}

}  // namespace
}  // namespace hstag
