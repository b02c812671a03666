// SPDX-License-Identifier: GPL-3.0-or-later
//
// The input walker: expands the command line's paths into the files to
// analyze, in a stable order (sorted by path within each root). Directories
// are walked recursively; a symbolic link to a directory is followed once
// (a link back into a visited directory is not walked again, so link loops
// end). Paths that cannot be read are reported as inputs with an error, so
// that the run reports them and goes on.
//
// Thread safety: a pure function of the file system.
#ifndef HSTAG_BATCH_WALK_H_
#define HSTAG_BATCH_WALK_H_

#include <string>
#include <vector>

#include "hstag/status.h"

namespace hstag {

struct Input {
  std::string path;      // to open
  std::string relative;  // relative to its root (the file name for a file argument)
  std::string error;     // why it cannot be read, when it cannot
};

struct WalkOptions {
  std::vector<std::string> include;  // globs on the relative path (or file name); empty: all
  std::vector<std::string> exclude;
};

std::vector<Input> Walk(const std::vector<std::string>& roots, const WalkOptions& options);

// The paths listed in a file (--files-from): NUL-separated when the text has
// a NUL (find -print0), else one a line (a CR before the LF dropped); "-"
// reads standard input. Empty entries are skipped.
Result<std::vector<std::string>> ReadPathList(const std::string& from);

}  // namespace hstag

#endif  // HSTAG_BATCH_WALK_H_
