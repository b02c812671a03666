// SPDX-License-Identifier: GPL-3.0-or-later
#include "test_support.h"

#include <sys/wait.h>

#include <cstdio>

#include "util/util.h"

namespace hstag::testing {

std::string ReadAll(const std::filesystem::path& path) {
  auto bytes = ReadFile(path.string());
  return bytes.ok() ? std::move(bytes).value() : std::string();
}

std::string Quote(const std::filesystem::path& p) {
  std::string out = "'";
  for (char c : p.string()) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

CommandResult RunCommand(const std::string& command) {
  CommandResult r;
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) return r;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = ::pclose(p);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace hstag::testing
