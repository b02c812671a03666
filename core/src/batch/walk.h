// SPDX-License-Identifier: GPL-3.0-or-later
//
// The input walker: expands the command line's paths into the files to
// analyze, in a stable order (sorted by path within each root). Directories
// are walked recursively; a symbolic link to a directory is followed once
// (a link back into a visited directory is not walked again, so link loops
// end). Paths that cannot be read are reported as inputs with an error, so
// that the run reports them and goes on.
//
// Archives (.zip, .tar, .tar.gz, ... : archive::IsArchiveName) are walked
// like folders: each member is an input "<archive>!/<member>", and a member
// that is an archive itself is opened too, one level deep. An --exclude
// that matches the archive skips it whole; the patterns are otherwise
// matched against the full member path ("sub/a.zip!/x.pdf"), the archive
// itself is opened whatever --include says. An archive that cannot be read
// (damaged, over a limit) is one input with its error.
//
// Outputs are never inputs: the walk skips the run's own output folder
// (WalkOptions::out) wherever it meets it, and every folder that holds an
// hstag run manifest (run.json, batch/manifest.h), a root included, and
// lists them in Walked::skipped.
//
// Thread safety: a pure function of the file system.
#ifndef HSTAG_BATCH_WALK_H_
#define HSTAG_BATCH_WALK_H_

#include <sys/stat.h>

#include <cstdint>
#include <string>
#include <vector>

#include "archive/archive.h"
#include "hstag/pipeline.h"
#include "hstag/status.h"

namespace hstag {

// What --resume's quick check compares (rsync's, with git's inode and
// ctime): a file whose size, modification and change times (ns) and inode
// are those recorded is taken as unchanged without being read.
struct FileStat {
  uint64_t size = 0, ino = 0;
  int64_t mtime_ns = 0, ctime_ns = 0;
  bool known = false;  // false: the file could not be stat'ed
  bool operator==(const FileStat&) const = default;
};

struct Input {
  std::string path;      // to open; a member: its path in every output, "<archive path>!/<name>"
  std::string relative;  // relative to its root (the file name for a file argument); a
                         // member: OutputLayout::MemberRelative, names under OUT
  std::string error;     // why it cannot be read, when it cannot
  // An archive member: the archive file, and the member's name in it (two
  // names for a member of an archive inside the archive).
  std::string archive;
  std::vector<std::string> members;
  int64_t size_hint = -1;  // the member's size as its header says (planning only)
  // The file's status when the walk met it (an archive member: the
  // archive's), before anything was read.
  FileStat stat;
};

FileStat StatOf(const struct stat& st);

struct WalkOptions {
  std::vector<std::string> include;  // globs on the relative path (or file name); empty: all
  std::vector<std::string> exclude;
  archive::ArchiveLimits limits;  // of the archives walked
  std::string out;  // the run's output folder (--out), if any: never walked
};

// What the walk found: the inputs in order, and the folders it skipped as
// the outputs of a run (as paths under their root, as the walk met them).
struct Walked {
  std::vector<Input> inputs;
  std::vector<std::string> skipped;
};

// The archive limits of a pipeline's limits (a member is a document: at most
// max_bytes).
archive::ArchiveLimits ArchiveLimitsOf(const Limits& limits);

// An input's bytes: the file's, or the member's read from its archive,
// within `limits` (a file over max_bytes fails as Pipeline::Run says; this
// serves members). Errors say what failed; those over a limit start with
// "over the limit".
Result<std::string> ReadMemberInput(const Input& in, const Limits& limits);

Walked Walk(const std::vector<std::string>& roots, const WalkOptions& options);

// The paths listed in a file (--files-from): NUL-separated when the text has
// a NUL (find -print0), else one a line (a CR before the LF dropped); "-"
// reads standard input. Empty entries are skipped.
Result<std::vector<std::string>> ReadPathList(const std::string& from);

}  // namespace hstag

#endif  // HSTAG_BATCH_WALK_H_
