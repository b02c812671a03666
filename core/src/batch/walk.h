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
// Thread safety: a pure function of the file system.
#ifndef HSTAG_BATCH_WALK_H_
#define HSTAG_BATCH_WALK_H_

#include <cstdint>
#include <string>
#include <vector>

#include "archive/archive.h"
#include "hstag/pipeline.h"
#include "hstag/status.h"

namespace hstag {

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
};

struct WalkOptions {
  std::vector<std::string> include;  // globs on the relative path (or file name); empty: all
  std::vector<std::string> exclude;
  archive::ArchiveLimits limits;  // of the archives walked
};

// The archive limits of a pipeline's limits (a member is a document: at most
// max_bytes).
archive::ArchiveLimits ArchiveLimitsOf(const Limits& limits);

// An input's bytes: the file's, or the member's read from its archive,
// within `limits` (a file over max_bytes fails as Pipeline::Run says; this
// serves members). Errors say what failed; those over a limit start with
// "over the limit".
Result<std::string> ReadMemberInput(const Input& in, const Limits& limits);

std::vector<Input> Walk(const std::vector<std::string>& roots, const WalkOptions& options);

// The paths listed in a file (--files-from): NUL-separated when the text has
// a NUL (find -print0), else one a line (a CR before the LF dropped); "-"
// reads standard input. Empty entries are skipped.
Result<std::vector<std::string>> ReadPathList(const std::string& from);

}  // namespace hstag

#endif  // HSTAG_BATCH_WALK_H_
