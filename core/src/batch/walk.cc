// SPDX-License-Identifier: GPL-3.0-or-later
#include "batch/walk.h"

#include <dirent.h>
#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <set>
#include <utility>

#include "batch/manifest.h"
#include "batch/output_layout.h"
#include "util/util.h"

namespace hstag {
namespace {

bool Matches(const std::vector<std::string>& globs, const std::string& rel) {
  const std::string name = rel.substr(rel.rfind('/') + 1);
  for (const auto& g : globs) {
    if (fnmatch(g.c_str(), rel.c_str(), 0) == 0 || fnmatch(g.c_str(), name.c_str(), 0) == 0) {
      return true;
    }
  }
  return false;
}

bool Selected(const WalkOptions& o, const std::string& rel) {
  if (!o.include.empty() && !Matches(o.include, rel)) return false;
  return !Matches(o.exclude, rel);
}

constexpr archive::Formats kArchiveFormats = archive::Formats::kZipOrTar;

// An input for a member: `chain` is its name (or the nested archive's name
// and its own); `display` and `relative` are the archive's path in the
// outputs and its relative path under OUT.
Input MemberInput(const std::string& archive, const std::string& display,
                  const std::string& relative, const std::vector<std::string>& chain,
                  const archive::Member& m) {
  Input in;
  in.path = display + "!/" + m.name;
  in.relative = OutputLayout::MemberRelative(relative, m.name);
  in.archive = archive;
  in.members = chain;
  in.size_hint = m.declared_size;
  if (m.encrypted) {
    in.error = "password-protected zip: member " + m.name +
               " is encrypted, and hstag reads no encrypted member (unpack it with its "
               "password first)";
  }
  return in;
}

// The members of an archive (a file; or, `outer` not empty, a member of the
// archive `archive` held in `bytes`) into `out`, or one input with the
// archive's error. `full` is the archive's relative path as the patterns
// see it (member names unencoded).
void ExpandArchive(const std::string& archive, const std::string& outer, const std::string& bytes,
                   const std::string& display, const std::string& relative, const std::string& full,
                   const struct stat& st, const WalkOptions& o, std::vector<Input>* out) {
  const bool nested = !outer.empty();
  std::vector<Input> found;
  const archive::Source source =
      nested ? archive::Source::Memory(bytes) : archive::Source::File(archive);
  const Status s = archive::Unpack(
      source, display, kArchiveFormats, o.limits,
      [&](const archive::Member& m) {
        if (!m.regular || m.name.empty()) return archive::Action::kSkip;
        const std::string member_full = full + "!/" + m.name;
        std::vector<std::string> chain =
            nested ? std::vector<std::string>{outer, m.name} : std::vector<std::string>{m.name};
        if (archive::IsArchiveName(m.name) && !Matches(o.exclude, member_full)) {
          if (!nested && !m.encrypted) return archive::Action::kRead;
          Input in = MemberInput(archive, display, relative, chain, m);
          if (in.error.empty()) {
            in.error =
                "an archive inside an archive inside an archive: hstag opens archives "
                "one level deep";
          }
          found.push_back(std::move(in));
          return archive::Action::kSkip;
        }
        if (Selected(o, member_full)) {
          found.push_back(MemberInput(archive, display, relative, chain, m));
        }
        return archive::Action::kSkip;
      },
      [&](const archive::Member& m, Result<std::string>&& member) {
        const std::string member_display = display + "!/" + m.name;
        const std::string member_relative = OutputLayout::MemberRelative(relative, m.name);
        if (!member.ok()) {
          Input in = MemberInput(archive, display, relative, {m.name}, m);
          in.error = member.error();
          found.push_back(std::move(in));
          return archive::Action::kSkip;
        }
        ExpandArchive(archive, m.name, *member, member_display, member_relative,
                      full + "!/" + m.name, st, o, &found);
        return archive::Action::kSkip;
      });
  if (!s.ok()) {
    Input in;
    in.path = display;
    in.relative = relative;
    in.error = s.message();
    if (nested) {
      in.archive = archive;
      in.members = {outer};
    }
    out->push_back(std::move(in));
    return;
  }
  const FileStat archive_stat = StatOf(st);
  for (auto& f : found) {
    f.stat = archive_stat;
    out->push_back(std::move(f));
  }
}

// A file found by the walk (or given): an input, or an archive's members.
void AddFile(const std::string& path, const std::string& rel, const struct stat& st,
             const WalkOptions& o, std::vector<Input>* files) {
  if (archive::IsArchiveName(rel)) {
    if (!Matches(o.exclude, rel)) ExpandArchive(path, "", "", path, rel, rel, st, o, files);
    return;
  }
  if (Selected(o, rel)) files->push_back({path, rel, "", {}, {}, -1, StatOf(st)});
}

}  // namespace

FileStat StatOf(const struct stat& st) {
  FileStat f;
  f.size = static_cast<uint64_t>(st.st_size);
  f.ino = st.st_ino;
  f.mtime_ns = int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec;
  f.ctime_ns = int64_t{st.st_ctim.tv_sec} * 1'000'000'000 + st.st_ctim.tv_nsec;
  f.known = true;
  return f;
}

archive::ArchiveLimits ArchiveLimitsOf(const Limits& l) {
  return {l.max_members, l.max_unpacked_bytes, l.max_ratio, l.max_bytes};
}

Result<std::string> ReadMemberInput(const Input& in, const Limits& limits) {
  const archive::ArchiveLimits al = ArchiveLimitsOf(limits);
  if (in.members.empty()) return Status::Error("not an archive member");
  auto first = archive::ReadMember(archive::Source::File(in.archive), in.archive, kArchiveFormats,
                                   al, in.members[0]);
  if (!first.ok() || in.members.size() == 1) return first;
  return archive::ReadMember(archive::Source::Memory(*first), in.archive + "!/" + in.members[0],
                             kArchiveFormats, al, in.members[1]);
}

Walked Walk(const std::vector<std::string>& roots, const WalkOptions& options) {
  Walked walked;
  std::vector<Input>& out = walked.inputs;
  // The run's own output folder, by (device, inode): found under any name.
  struct stat out_st {};
  const bool has_out = !options.out.empty() && ::stat(options.out.c_str(), &out_st) == 0;
  auto is_output = [&](const std::string& dir, const struct stat& st) {
    return (has_out && st.st_dev == out_st.st_dev && st.st_ino == out_st.st_ino) ||
           IsRunFolder(dir);
  };
  for (const std::string& root : roots) {
    struct stat st {};
    if (::stat(root.c_str(), &st) != 0) {
      const std::string name = root.substr(root.find_last_of('/') == std::string::npos
                                               ? 0
                                               : root.find_last_of('/') + 1);
      out.push_back({root, name.empty() ? root : name, std::strerror(errno)});
      continue;
    }
    if (!S_ISDIR(st.st_mode)) {
      std::string name = root;
      while (name.size() > 1 && name.back() == '/') name.pop_back();
      name = name.substr(name.find_last_of('/') == std::string::npos ? 0
                                                                     : name.find_last_of('/') + 1);
      if (S_ISREG(st.st_mode) && archive::IsArchiveName(name)) {
        // A file argument is analysed whatever the patterns; an archive's
        // members are matched against them.
        ExpandArchive(root, "", "", root, name, name, st, options, &out);
      } else {
        out.push_back({root, name, "", {}, {}, -1, StatOf(st)});
      }
      continue;
    }
    if (is_output(root, st)) {
      walked.skipped.push_back(root);
      continue;
    }
    // Iterative walk; visited directories by (device, inode) stop link loops.
    std::set<std::pair<dev_t, ino_t>> visited{{st.st_dev, st.st_ino}};
    std::vector<std::string> stack{""};  // relative directories still to read
    std::vector<Input> files;
    std::string base = root;
    while (base.size() > 1 && base.back() == '/') base.pop_back();
    while (!stack.empty()) {
      const std::string rel_dir = std::move(stack.back());
      stack.pop_back();
      const std::string dir = rel_dir.empty() ? base : base + "/" + rel_dir;
      DIR* d = ::opendir(dir.c_str());
      if (!d) {
        files.push_back({dir, rel_dir.empty() ? base : rel_dir,
                         std::string("cannot read directory: ") + std::strerror(errno)});
        continue;
      }
      std::vector<std::string> names;
      while (const dirent* e = ::readdir(d)) {
        const std::string n = e->d_name;
        if (n != "." && n != "..") names.push_back(n);
      }
      ::closedir(d);
      std::sort(names.begin(), names.end(), std::greater<>());  // popped in ascending order
      std::vector<std::string> subdirs;
      for (auto it = names.rbegin(); it != names.rend(); ++it) {
        const std::string rel = rel_dir.empty() ? *it : rel_dir + "/" + *it;
        const std::string path = base + "/" + rel;
        struct stat s {};
        if (::stat(path.c_str(), &s) != 0) {
          const int error = errno;  // ELOOP: a link loop, not a broken link
          struct stat l {};
          const bool dangling =
              error == ENOENT && ::lstat(path.c_str(), &l) == 0 && S_ISLNK(l.st_mode);
          if (Selected(options, rel)) {
            files.push_back({path, rel,
                             dangling ? std::string("broken symbolic link")
                                      : std::string(std::strerror(error))});
          }
          continue;
        }
        if (S_ISDIR(s.st_mode)) {
          if (is_output(path, s)) {
            walked.skipped.push_back(path);
          } else if (visited.insert({s.st_dev, s.st_ino}).second) {
            subdirs.push_back(rel);
          }
        } else if (S_ISREG(s.st_mode)) {
          AddFile(path, rel, s, options, &files);
        }
      }
      for (auto it = subdirs.rbegin(); it != subdirs.rend(); ++it) stack.push_back(*it);
    }
    std::sort(files.begin(), files.end(),
              [](const Input& a, const Input& b) { return a.relative < b.relative; });
    for (auto& f : files) out.push_back(std::move(f));
  }
  return walked;
}

Result<std::vector<std::string>> ReadPathList(const std::string& from) {
  std::string text;
  if (from == "-") {
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) text.append(buf, n);
  } else {
    auto r = ReadFile(from, 1u << 30);
    if (!r.ok()) return Status::Error(from + ": " + r.error());
    text = std::move(r).value();
  }
  const char sep = text.find('\0') != std::string::npos ? '\0' : '\n';
  std::vector<std::string> paths;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find(sep, i);
    if (j == std::string::npos) j = text.size();
    std::string p = text.substr(i, j - i);
    if (sep == '\n' && !p.empty() && p.back() == '\r') p.pop_back();
    if (!p.empty()) paths.push_back(std::move(p));
    i = j + 1;
  }
  return paths;
}

}  // namespace hstag
