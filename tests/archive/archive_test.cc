// SPDX-License-Identifier: GPL-3.0-or-later
//
// The archive reader (core/src/archive): members of zips and tars in order,
// their bytes, and the limits: members, bytes actually unpacked, the ratio
// (a zip bomb made here, and one whose headers lie about its sizes), one
// member over the per-document bytes, encrypted members.
#include "archive/archive.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace fs = std::filesystem;

namespace hstag::archive {
namespace {

using hstag::testing::ArchiveKind;
using hstag::testing::Quote;
using hstag::testing::ReadAll;
using hstag::testing::RunCommand;
using hstag::testing::WriteArchive;

fs::path Temp(const std::string& name) { return testing::TempPath(name); }

struct Listing {
  Status status;
  std::vector<std::string> names;                           // every entry
  std::vector<std::pair<std::string, std::string>> read;    // name, bytes
  std::vector<std::pair<std::string, std::string>> failed;  // name, error
};

Listing ReadAllMembers(const Source& source, const ArchiveLimits& limits = {},
                       Formats formats = Formats::kZipOrTar) {
  Listing l;
  l.status = Unpack(
      source, "test.archive", formats, limits,
      [&](const Member& m) {
        l.names.push_back(m.name);
        return Action::kRead;
      },
      [&](const Member& m, Result<std::string>&& bytes) {
        if (bytes.ok()) {
          l.read.emplace_back(m.name, *bytes);
        } else {
          l.failed.emplace_back(m.name, bytes.error());
        }
        return Action::kSkip;
      });
  return l;
}

const std::vector<std::pair<std::string, std::string>> kMembers = {
    {"docs/", ""}, {"docs/a.txt", "human security\n"}, {"b.txt", std::string(5000, 'b')}};

TEST(ArchiveReader, ZipTarAndTarGzGiveTheirMembersInOrder) {
  for (ArchiveKind kind :
       {ArchiveKind::kZip, ArchiveKind::kStoredZip, ArchiveKind::kTar, ArchiveKind::kTarGz}) {
    const fs::path p = Temp("members_" + std::to_string(static_cast<int>(kind)));
    WriteArchive(p, kMembers, kind);
    const Listing l = ReadAllMembers(Source::File(p.string()));
    ASSERT_TRUE(l.status.ok()) << l.status.message();
    EXPECT_EQ(l.names, (std::vector<std::string>{"docs/", "docs/a.txt", "b.txt"}));
    ASSERT_EQ(l.read.size(), 2u);  // the folder is not read
    EXPECT_EQ(l.read[0], kMembers[1]);
    EXPECT_EQ(l.read[1], kMembers[2]);
    // The same from memory.
    const std::string bytes = ReadAll(p);
    const Listing m = ReadAllMembers(Source::Memory(bytes));
    EXPECT_EQ(m.read, l.read);
  }
}

TEST(ArchiveReader, ReadMemberFindsOneByName) {
  const fs::path p = Temp("find.zip");
  WriteArchive(p, kMembers);
  auto r = ReadMember(Source::File(p.string()), "find.zip", Formats::kZip, {}, "docs/a.txt");
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(*r, "human security\n");
  auto missing = ReadMember(Source::File(p.string()), "find.zip", Formats::kZip, {}, "c.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().find("no member c.txt"), std::string::npos);
}

TEST(ArchiveReader, ZipOnlyRefusesATar) {
  const fs::path p = Temp("only.tar");
  WriteArchive(p, kMembers, ArchiveKind::kTar);
  const Listing l = ReadAllMembers(Source::File(p.string()), {}, Formats::kZip);
  ASSERT_FALSE(l.status.ok());
  EXPECT_NE(l.status.message().find("test.archive: damaged or not an archive"), std::string::npos)
      << l.status.message();
}

TEST(ArchiveReader, NotAnArchive) {
  const std::string text = "just some text, not an archive\n";
  const Listing l = ReadAllMembers(Source::Memory(text));
  ASSERT_FALSE(l.status.ok());
  EXPECT_NE(l.status.message().find("damaged or not an archive"), std::string::npos);
  const Listing empty = ReadAllMembers(Source::Memory(""));
  EXPECT_FALSE(empty.status.ok());
}

// 200 MB of zeros deflate to about 200 KB: a ratio near 1000.
const std::string& ZipBomb() {
  static const std::string bytes = [] {
    const fs::path p = Temp("bomb.zip");
    WriteArchive(p, {{"zeros.bin", std::string(200u << 20, '\0')}});
    return ReadAll(p);
  }();
  return bytes;
}

TEST(ArchiveReader, ZipBombFailsOnTheRatio) {
  const std::string& bomb = ZipBomb();
  ASSERT_LT(bomb.size(), 1u << 20);
  const Listing l = ReadAllMembers(Source::Memory(bomb));
  ASSERT_FALSE(l.status.ok());
  const std::string& m = l.status.message();
  EXPECT_NE(m.find("over the limit of 100 unpacked bytes per packed byte (--max-ratio raises it)"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("test.archive"), std::string::npos) << m;
  EXPECT_NE(m.find("member zeros.bin"), std::string::npos) << m;
  EXPECT_TRUE(l.read.empty());
}

TEST(ArchiveReader, ZipBombFailsOnUnpackedBytesWhenTheRatioIsRaised) {
  ArchiveLimits limits;
  limits.max_ratio = 1u << 30;
  limits.max_unpacked_bytes = 10u << 20;
  const Listing l = ReadAllMembers(Source::Memory(ZipBomb()), limits);
  ASSERT_FALSE(l.status.ok());
  EXPECT_NE(l.status.message().find("over the limit of 10485760 unpacked bytes per archive "
                                    "(--max-unpacked-bytes raises it)"),
            std::string::npos)
      << l.status.message();
}

TEST(ArchiveReader, SkippedBombMembersCostNothingInAZip) {
  // Only the small member is read: the bomb beside it is skipped unread.
  const fs::path p = Temp("bomb_beside.zip");
  WriteArchive(p, {{"zeros.bin", std::string(50u << 20, '\0')}, {"a.txt", "text"}});
  auto r = ReadMember(Source::File(p.string()), "bomb_beside.zip", Formats::kZip, {}, "a.txt");
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(*r, "text");
}

TEST(ArchiveReader, TarGzBombFailsWhileSkipping) {
  // In a compressed stream, skipping a member decompresses it: counted too.
  const fs::path p = Temp("bomb.tar.gz");
  WriteArchive(p, {{"zeros.bin", std::string(50u << 20, '\0')}, {"a.txt", "text"}},
               ArchiveKind::kTarGz);
  const Status s = Unpack(
      Source::File(p.string()), "bomb.tar.gz", Formats::kZipOrTar, {},
      [](const Member& m) { return m.name == "a.txt" ? Action::kRead : Action::kSkip; },
      [](const Member&, Result<std::string>&&) { return Action::kSkip; });
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("--max-ratio"), std::string::npos) << s.message();
}

TEST(ArchiveReader, ZipWhoseHeadersLieAboutSizesIsCountedAsUnpacked) {
  // 8 MB of zeros stored as deflate; every size field in the local header,
  // the data descriptor and the central directory claims 16 bytes.
  const fs::path p = Temp("liar.zip");
  WriteArchive(p, {{"small.txt", std::string(8u << 20, '\0')}});
  std::string z = ReadAll(p);
  const uint32_t real = 8u << 20;
  size_t patched = 0;
  for (size_t i = 0; i + 4 <= z.size(); ++i) {
    uint32_t v;
    std::memcpy(&v, z.data() + i, 4);
    if (v == real) {
      const uint32_t lie = 16;
      std::memcpy(z.data() + i, &lie, 4);
      ++patched;
    }
  }
  ASSERT_GE(patched, 1u);
  ArchiveLimits limits;
  limits.max_ratio = 1u << 30;
  limits.max_unpacked_bytes = 1u << 20;
  const Listing l = ReadAllMembers(Source::Memory(z), limits);
  // Either the lie is caught as damage, or the bytes are counted as they
  // come: never more than the limit handed over.
  for (const auto& [name, bytes] : l.read) EXPECT_LE(bytes.size(), 1u << 20) << name;
  if (l.status.ok()) {
    EXPECT_TRUE(l.read.empty() || l.read[0].second.size() <= 16 || !l.failed.empty());
  } else {
    EXPECT_TRUE(l.status.message().find("--max-unpacked-bytes") != std::string::npos ||
                l.status.message().find("damaged") != std::string::npos)
        << l.status.message();
  }
}

TEST(ArchiveReader, TooManyMembers) {
  std::vector<std::pair<std::string, std::string>> many;
  for (int i = 0; i < 12; ++i) many.emplace_back("m" + std::to_string(i), "x");
  const fs::path p = Temp("many.zip");
  WriteArchive(p, many);
  ArchiveLimits limits;
  limits.max_members = 12;
  EXPECT_TRUE(ReadAllMembers(Source::File(p.string()), limits).status.ok());  // at the limit
  limits.max_members = 11;
  const Listing l = ReadAllMembers(Source::File(p.string()), limits);
  ASSERT_FALSE(l.status.ok());
  EXPECT_NE(
      l.status.message().find("over the limit of 11 members per archive (--max-members raises it): "
                              "test.archive has more"),
      std::string::npos)
      << l.status.message();
}

TEST(ArchiveReader, AMemberOverTheDocumentLimitFailsAlone) {
  const fs::path p = Temp("big_member.zip");
  WriteArchive(p, {{"big.txt", std::string(3000, 'x')}, {"small.txt", "ok"}});
  ArchiveLimits limits;
  limits.max_member_bytes = 2999;
  const Listing l = ReadAllMembers(Source::File(p.string()), limits);
  ASSERT_TRUE(l.status.ok()) << l.status.message();
  ASSERT_EQ(l.failed.size(), 1u);
  EXPECT_EQ(l.failed[0].first, "big.txt");
  EXPECT_NE(l.failed[0].second.find("over the limit of 2999 bytes per document (--max-bytes "
                                    "raises it): member big.txt"),
            std::string::npos)
      << l.failed[0].second;
  ASSERT_EQ(l.read.size(), 1u);
  EXPECT_EQ(l.read[0].first, "small.txt");
  limits.max_member_bytes = 3000;  // exactly at the limit: read
  EXPECT_EQ(ReadAllMembers(Source::File(p.string()), limits).read.size(), 2u);
}

TEST(ArchiveReader, RatioBelowTheLimitAndSmallArchivesPass) {
  // A text that compresses about 3:1 and is over the 1 MiB floor.
  std::string text;
  for (uint32_t i = 0; text.size() < (3u << 20); ++i) text += std::to_string(i * 2654435761u) + " ";
  const fs::path p = Temp("fine.zip");
  WriteArchive(p, {{"numbers.txt", text}, {"tiny.txt", std::string(100000, 'a')}});
  const Listing l = ReadAllMembers(Source::File(p.string()));
  ASSERT_TRUE(l.status.ok()) << l.status.message();
  EXPECT_EQ(l.read.size(), 2u);
}

TEST(ArchiveReader, PasswordProtectedZip) {
  const fs::path dir = Temp("encrypted");
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "secret.txt") << "human security\n";
  std::ofstream(dir / "plain.txt") << "open\n";
  const fs::path zip = dir / "locked.zip";
  auto r = RunCommand("cd " + Quote(dir) + " && zip -q -P secret locked.zip secret.txt && " +
                      "zip -q locked.zip plain.txt && echo ok");
  if (r.out.find("ok") == std::string::npos) GTEST_SKIP() << "zip is not installed";
  const Listing l = ReadAllMembers(Source::File(zip.string()));
  ASSERT_TRUE(l.status.ok()) << l.status.message();
  ASSERT_EQ(l.failed.size(), 1u);
  EXPECT_EQ(l.failed[0].first, "secret.txt");
  EXPECT_NE(l.failed[0].second.find("password-protected zip"), std::string::npos)
      << l.failed[0].second;
  ASSERT_EQ(l.read.size(), 1u);
  EXPECT_EQ(l.read[0].second, "open\n");
}

TEST(ArchiveReader, ArchiveNames) {
  for (const char* yes : {"a.zip", "A.ZIP", "x.tar", "x.tar.gz", "x.TGZ", "x.tar.bz2", "x.txz"}) {
    EXPECT_TRUE(IsArchiveName(yes)) << yes;
  }
  for (const char* no : {"a.docx", "a.odt", "a.epub", "zip", "a.gz", "a.zip.txt", "tar"}) {
    EXPECT_FALSE(IsArchiveName(no)) << no;
  }
}

}  // namespace
}  // namespace hstag::archive
