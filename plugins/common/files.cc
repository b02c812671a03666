// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace hstag::common {

std::string ReadDataFile(const std::string& path, const std::string& display, uint64_t max_bytes) {
  auto fail = [&](const std::string& why) { return std::runtime_error(display + ": " + why); };
  std::unique_ptr<FILE, decltype(&std::fclose)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) throw fail(std::strerror(errno));
  std::string bytes;
  char buf[1 << 16];
  for (;;) {
    const size_t n = std::fread(buf, 1, sizeof buf, f.get());
    if (n > 0) {
      if (bytes.size() + n > max_bytes) {
        throw fail("file exceeds the limit of " + std::to_string(max_bytes) + " bytes");
      }
      bytes.append(buf, n);
    }
    if (n < sizeof buf) {
      // A directory opens but does not read (EISDIR).
      if (std::ferror(f.get())) throw fail(std::strerror(errno));
      return bytes;
    }
  }
}

}  // namespace hstag::common
