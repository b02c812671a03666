// SPDX-License-Identifier: GPL-3.0-or-later
#include "test_support.h"

#include <archive.h>
#include <archive_entry.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

#include "util/util.h"

namespace hstag::testing {

std::string ReadAll(const std::filesystem::path& path) {
  auto bytes = ReadFile(path.string());
  return bytes.ok() ? std::move(bytes).value() : std::string();
}

void WriteArchive(const std::filesystem::path& path,
                  const std::vector<std::pair<std::string, std::string>>& members,
                  ArchiveKind kind) {
  struct archive* a = archive_write_new();
  if (kind == ArchiveKind::kZip || kind == ArchiveKind::kStoredZip) {
    archive_write_set_format_zip(a);
    if (kind == ArchiveKind::kStoredZip) archive_write_set_options(a, "zip:compression=store");
  } else {
    archive_write_set_format_pax_restricted(a);
    if (kind == ArchiveKind::kTarGz) archive_write_add_filter_gzip(a);
  }
  if (archive_write_open_filename(a, path.string().c_str()) != ARCHIVE_OK) {
    ADD_FAILURE() << path << ": " << archive_error_string(a);
    archive_write_free(a);
    return;
  }
  for (const auto& [name, bytes] : members) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    const bool dir = !name.empty() && name.back() == '/';
    archive_entry_set_filetype(e, dir ? AE_IFDIR : AE_IFREG);
    archive_entry_set_perm(e, dir ? 0755 : 0644);
    archive_entry_set_size(e, dir ? 0 : static_cast<la_int64_t>(bytes.size()));
    archive_entry_set_mtime(e, 1700000000, 0);
    archive_write_header(a, e);
    if (!dir) archive_write_data(a, bytes.data(), bytes.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
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

std::filesystem::path TempPath(const std::string& name) {
  return std::filesystem::path(::testing::TempDir()) / (std::to_string(::getpid()) + "." + name);
}

}  // namespace hstag::testing
