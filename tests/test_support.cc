// SPDX-License-Identifier: GPL-3.0-or-later
#include "test_support.h"

#include <sys/wait.h>
#include <unistd.h>

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

std::filesystem::path Unprivileged::Scratch(const std::string& name) const {
  const std::filesystem::path p = std::filesystem::path(dir) / name;
  std::filesystem::remove_all(p);
  std::filesystem::create_directories(p);
  std::filesystem::permissions(p, std::filesystem::perms::all);
  return p;
}

const Unprivileged& AsNobody() {
  static const Unprivileged u = [] {
    Unprivileged u;
    if (::geteuid() != 0) {
      u.binary = Binary();
      u.dir = SourceDir();
      return u;
    }
    if (RunCommand("command -v setpriv >/dev/null").status != 0) {
      u.ok = false;
      u.why = "running as root without setpriv: cannot drop to nobody";
      return u;
    }
    // bin/hstag and share/hstag (its lexicons and schema, links followed),
    // as the program finds its data beside itself.
    namespace fs = std::filesystem;
    const fs::path copy = fs::temp_directory_path() / ("hstag-nobody." + std::to_string(::getpid()));
    const fs::path built = fs::path(Binary()).parent_path().parent_path();
    fs::remove_all(copy);
    const auto r = RunCommand("mkdir -p " + Quote(copy / "bin") + " " + Quote(copy / "share") +
                              " && cp " + Quote(Binary()) + " " + Quote(copy / "bin") +
                              " && cp -rL " + Quote(built / "share" / "hstag") + " " +
                              Quote(copy / "share") + " && chmod -R a+rX " + Quote(copy));
    if (r.status != 0) {
      u.ok = false;
      u.why = "cannot copy hstag to " + copy.string();
      return u;
    }
    u.prefix = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
    u.binary = (copy / "bin" / fs::path(Binary()).filename()).string();
    u.dir = copy.string();
    return u;
  }();
  return u;
}

}  // namespace hstag::testing
