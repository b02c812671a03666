// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reading a plugin's own data files (rule files, definitions), with a
// limit, so that a config that names a huge or wrong file fails with a
// message instead of taking the memory.
//
// Thread safety: free functions without shared state.
#ifndef HSTAG_PLUGINS_COMMON_FILES_H_
#define HSTAG_PLUGINS_COMMON_FILES_H_

#include <cstdint>
#include <string>

namespace hstag::common {

// The bytes of the file at `path`. Throws std::runtime_error
// "<display>: <reason>" when it cannot be read or has more than max_bytes.
std::string ReadDataFile(const std::string& path, const std::string& display, uint64_t max_bytes);

}  // namespace hstag::common

#endif  // HSTAG_PLUGINS_COMMON_FILES_H_
