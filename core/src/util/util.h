// SPDX-License-Identifier: GPL-3.0-or-later
//
// Small shared helpers of the library: files and hashes. One copy of
// each, here (UTF-8 validation and repair: <hstag/utf8.h>).
//
// Thread safety: free functions without shared state.
#ifndef HSTAG_UTIL_UTIL_H_
#define HSTAG_UTIL_UTIL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hstag/status.h"

namespace hstag {

// Reads a whole file; fails with the OS's reason, or when it exceeds max_bytes.
Result<std::string> ReadFile(const std::string& path, uint64_t max_bytes = UINT64_MAX);

// Writes the parts to `fd` in order, in one system call when there is room
// (writev), going on after a short write or an interruption; false, with
// errno set, when the system refuses.
bool WriteAll(int fd, std::vector<std::string_view> parts);

// Writes a file atomically, making its folder (and theirs) when missing: a
// temporary file beside it, then its name (an
// unnamed file linked in where the file system allows, else a named one
// renamed). A killed process leaves the old file or the new one, never a
// part, and with unnamed files no temporary file either. kDurable
// also syncs the data to disk before the rename, so that a machine that
// loses power does not leave an empty file either; kAtomicOnly skips that
// (for the many per-document files of a batch, which --resume checks one by
// one and makes again when they are damaged: a sync each would make the
// batch wait on the disk).
enum class Durability { kDurable, kAtomicOnly };
Status WriteFileAtomic(const std::string& path, std::string_view content,
                       Durability durability = Durability::kDurable);

// The name a file has while this process writes it (its name, ".tmp.", the
// process ID), and a test for such names: what a killed writer left behind.
std::string TemporaryPath(const std::string& path);
bool IsTemporaryPath(std::string_view path);

std::string Sha256Hex(std::string_view bytes);

// A file's SHA-256 (lower-case hex) and size, read in chunks (no copy of the
// whole file in memory); fails as ReadFile does.
struct FileDigest {
  std::string sha256;
  uint64_t bytes = 0;
};
Result<FileDigest> Sha256File(const std::string& path, uint64_t max_bytes = UINT64_MAX);
// The SHA-256 digest in base64 (as a Content-Security-Policy hash source wants it).
std::string Sha256Base64(std::string_view bytes);

}  // namespace hstag

#endif  // HSTAG_UTIL_UTIL_H_
