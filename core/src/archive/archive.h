// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reading archives (zip; tar, bare or compressed with gzip, bzip2 or xz)
// through libarchive, held to limits so that a zip bomb fails instead of
// filling memory or disk:
//
//   members         entries of the archive (files, folders, links)
//   unpacked bytes  bytes actually decompressed: the members' data as it is
//                   read, and for a compressed tar the decompressed stream
//                   (skipping a member there means decompressing it). Counted
//                   while reading and stopped at the limit; the sizes that
//                   headers claim are never trusted.
//   ratio           unpacked bytes per byte of the archive, checked once
//                   more than 1 MiB is unpacked (a small archive of one
//                   highly compressible file is no bomb)
//   member bytes    one member's data (the per-document --max-bytes): over
//                   it, that member fails and the others are read
//
// Errors name the archive (its label), the member, the limit and the option
// that raises it. An encrypted member fails as a password-protected zip.
//
// Thread safety: each call opens its own reader; any number may run at once.
#ifndef HSTAG_ARCHIVE_ARCHIVE_H_
#define HSTAG_ARCHIVE_ARCHIVE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "hstag/status.h"

namespace hstag::archive {

struct ArchiveLimits {
  uint64_t max_members = 10000;
  uint64_t max_unpacked_bytes = 1ull << 30;
  uint64_t max_ratio = 100;
  uint64_t max_member_bytes = UINT64_MAX;
};

// Unpacked bytes below which the ratio is not checked.
inline constexpr uint64_t kRatioFloor = 1u << 20;

enum class Formats {
  kZip,       // zip only (DOCX, ODT)
  kZipOrTar,  // zip, tar, and tar compressed with gzip, bzip2 or xz
};

// Where the archive's bytes are: a file (read as needed) or memory (which
// must outlive the call).
struct Source {
  std::string path;  // a file, when data is null
  const char* data = nullptr;
  size_t size = 0;
  static Source File(std::string path) { return {std::move(path), nullptr, 0}; }
  static Source Memory(std::string_view bytes) { return {{}, bytes.data(), bytes.size()}; }
};

struct Member {
  std::string name;            // as stored: UTF-8 when the archive says so
  bool regular = false;        // a file (folders and links are not)
  bool encrypted = false;      // password-protected: its data cannot be read
  int64_t declared_size = -1;  // the header's claim, -1 when unknown: a hint only
};

enum class Action { kSkip, kRead, kStop };

// Calls visit(member) for every entry in the archive's order; for a regular
// member it answers kRead, got(member, its bytes or why they cannot be read)
// follows, and answers kSkip or kStop too. A member's own failure (encrypted,
// over max_member_bytes, damaged data) goes to got and the walk goes on;
// failures of the archive (not an archive, damaged, over a limit) end it
// with an error. `label` names the archive in errors.
Status Unpack(const Source& source, const std::string& label, Formats formats,
              const ArchiveLimits& limits, const std::function<Action(const Member&)>& visit,
              const std::function<Action(const Member&, Result<std::string>&&)>& got);

// One member's bytes, found by name (the first of that name).
Result<std::string> ReadMember(const Source& source, const std::string& label, Formats formats,
                               const ArchiveLimits& limits, const std::string& name);

// Does a file name say archive (.zip, .tar, .tgz, .tar.gz, .tar.bz2, .tbz2,
// .tar.xz, .txz; case ignored)? DOCX, ODT and EPUB are zips too, but named
// otherwise: they are documents.
bool IsArchiveName(std::string_view name);

// "libarchive 3.6.2"
std::string LibraryVersion();

}  // namespace hstag::archive

#endif  // HSTAG_ARCHIVE_ARCHIVE_H_
