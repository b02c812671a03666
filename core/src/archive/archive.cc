// SPDX-License-Identifier: GPL-3.0-or-later
#include "archive/archive.h"

#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <memory>
#include <optional>

namespace hstag::archive {
namespace {

constexpr size_t kChunk = 64 * 1024;

struct ArchiveDeleter {
  void operator()(struct archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<struct archive, ArchiveDeleter>;

std::string Quoted(const std::string& name) { return "member " + name; }

// One archive being read, with what it has unpacked so far.
class Walk {
 public:
  Walk(const std::string& label, const ArchiveLimits& limits) : label_(label), limits_(limits) {}

  Status Open(const Source& source, Formats formats) {
    a_.reset(archive_read_new());
    if (!a_) return Status::Error(label_ + ": cannot read archives (out of memory)");
    archive_read_support_format_zip(a_.get());
    if (formats == Formats::kZipOrTar) {
      archive_read_support_format_tar(a_.get());
      archive_read_support_format_gnutar(a_.get());
      archive_read_support_filter_gzip(a_.get());
      archive_read_support_filter_bzip2(a_.get());
      archive_read_support_filter_xz(a_.get());
    }
    int r;
    if (source.data) {
      packed_ = source.size;
      r = archive_read_open_memory(a_.get(), source.data, source.size);
    } else {
      struct stat st {};
      if (::stat(source.path.c_str(), &st) == 0) packed_ = static_cast<uint64_t>(st.st_size);
      r = archive_read_open_filename(a_.get(), source.path.c_str(), kChunk);
    }
    if (r != ARCHIVE_OK) return Damaged("cannot open the archive", "");
    return Status();
  }

  // The next entry; false at the end. An error ends the walk.
  Result<bool> Next(Member* m) {
    archive_entry* e = nullptr;
    const int r = archive_read_next_header(a_.get(), &e);
    if (r == ARCHIVE_EOF) return false;
    if (r < ARCHIVE_WARN || !e) return Damaged("cannot read the next member", previous_);
    filtered_ = archive_filter_count(a_.get()) > 1;
    if (++members_ > limits_.max_members) {
      return Status::Error("over the limit of " + std::to_string(limits_.max_members) +
                           " members per archive (--max-members raises it): " + label_ +
                           " has more");
    }
    const char* utf8 = archive_entry_pathname_utf8(e);
    const char* raw = archive_entry_pathname(e);
    m->name = utf8 ? utf8 : raw ? raw : "";
    m->regular = archive_entry_filetype(e) == AE_IFREG;
    m->encrypted = archive_entry_is_encrypted(e) != 0;
    m->declared_size = archive_entry_size_is_set(e) ? archive_entry_size(e) : -1;
    previous_ = m->name;
    if (Status s = Check(m->name); !s.ok()) return s;
    return true;
  }

  // The current member's bytes. `member_error` is set (and the result
  // empty) when only this member fails; the returned status is the
  // archive's.
  Status Read(const Member& m, std::string* out, std::string* member_error) {
    if (m.encrypted) {
      *member_error = "password-protected zip: " + Quoted(m.name) +
                      " is encrypted, and hstag reads no "
                      "encrypted member (unpack it with its password first)";
      return Skip(m);
    }
    std::array<char, kChunk> buf;
    for (;;) {
      const la_ssize_t n = archive_read_data(a_.get(), buf.data(), buf.size());
      if (n == 0) break;
      if (n < 0) {
        if (ErrorString().find("ncrypt") != std::string::npos) {
          *member_error = "password-protected zip: " + Quoted(m.name) + " is encrypted";
        } else {
          *member_error = "damaged " + Quoted(m.name) + ": " + ErrorString();
        }
        out->clear();
        if (n == ARCHIVE_FATAL) return Damaged("cannot go on reading", m.name);
        return Status();
      }
      unpacked_ += static_cast<uint64_t>(n);
      if (Status s = Check(m.name); !s.ok()) return s;
      if (out->size() + static_cast<uint64_t>(n) > limits_.max_member_bytes) {
        *member_error = "over the limit of " + std::to_string(limits_.max_member_bytes) +
                        " bytes per document (--max-bytes raises it): " + Quoted(m.name) +
                        " unpacks to more";
        out->clear();
        out->shrink_to_fit();
        return Skip(m);
      }
      out->append(buf.data(), static_cast<size_t>(n));
    }
    return Status();
  }

  // Past the current member's data. In a compressed stream that means
  // decompressing it: the stream's bytes are checked as they go.
  Status Skip(const Member& m) {
    if (!filtered_) {
      if (archive_read_data_skip(a_.get()) < ARCHIVE_WARN) return Damaged("cannot skip", m.name);
      return Status();
    }
    const void* block = nullptr;
    size_t size = 0;
    la_int64_t offset = 0;
    for (;;) {
      const int r = archive_read_data_block(a_.get(), &block, &size, &offset);
      if (r == ARCHIVE_EOF) return Status();
      if (r < ARCHIVE_WARN) {
        // The data of an encrypted member cannot be decoded: the stream is
        // still fine.
        if (m.encrypted && r != ARCHIVE_FATAL) return Status();
        return Damaged("cannot skip", m.name);
      }
      if (Status s = Check(m.name); !s.ok()) return s;
    }
  }

 private:
  std::string ErrorString() const {
    const char* e = archive_error_string(a_.get());
    std::string s = e ? e : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '.')) s.pop_back();
    return s.empty() ? "unknown error" : s;
  }
  Status Damaged(const std::string& what, const std::string& member) const {
    return Status::Error(label_ + ": damaged or not an archive: " + what +
                         (member.empty() ? "" : " (after " + Quoted(member) + ")") + ": " +
                         ErrorString());
  }

  Status Check(const std::string& member) const {
    uint64_t unpacked = unpacked_;
    if (filtered_) {
      const la_int64_t stream = archive_filter_bytes(a_.get(), 0);
      if (stream > 0) unpacked = std::max(unpacked, static_cast<uint64_t>(stream));
    }
    if (unpacked > limits_.max_unpacked_bytes) {
      return Status::Error("over the limit of " + std::to_string(limits_.max_unpacked_bytes) +
                           " unpacked bytes per archive (--max-unpacked-bytes raises it): " +
                           label_ + " unpacks to more (at " + Quoted(member) + ")");
    }
    const uint64_t packed = std::max<uint64_t>(packed_, 1);
    const bool over_ratio =
        limits_.max_ratio <= UINT64_MAX / packed && unpacked > limits_.max_ratio * packed;
    if (unpacked > kRatioFloor && over_ratio) {
      return Status::Error("over the limit of " + std::to_string(limits_.max_ratio) +
                           " unpacked bytes per packed byte (--max-ratio raises it): " + label_ +
                           " (" + std::to_string(packed_) + " bytes) unpacks to more than " +
                           std::to_string(unpacked) + " bytes (at " + Quoted(member) +
                           "): a zip bomb?");
    }
    return Status();
  }

  const std::string& label_;
  const ArchiveLimits& limits_;
  ArchivePtr a_;
  uint64_t packed_ = 0;
  uint64_t unpacked_ = 0;  // members' data read
  uint64_t members_ = 0;
  bool filtered_ = false;  // a compressed stream (tar.gz and the like)
  std::string previous_;
};

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

Status Unpack(const Source& source, const std::string& label, Formats formats,
              const ArchiveLimits& limits, const std::function<Action(const Member&)>& visit,
              const std::function<Action(const Member&, Result<std::string>&&)>& got) {
  Walk walk(label, limits);
  if (Status s = walk.Open(source, formats); !s.ok()) return s;
  Member m;
  for (;;) {
    auto more = walk.Next(&m);
    if (!more.ok()) return more.status();
    if (!*more) return Status();
    Action action = visit(m);
    if (action == Action::kStop) return Status();
    if (action == Action::kRead && m.regular) {
      std::string bytes, member_error;
      if (Status s = walk.Read(m, &bytes, &member_error); !s.ok()) return s;
      action = member_error.empty() ? got(m, std::move(bytes))
                                    : got(m, Status::Error(std::move(member_error)));
      if (action == Action::kStop) return Status();
      continue;
    }
    if (Status s = walk.Skip(m); !s.ok()) return s;
  }
}

Result<std::string> ReadMember(const Source& source, const std::string& label, Formats formats,
                               const ArchiveLimits& limits, const std::string& name) {
  std::optional<Result<std::string>> found;
  Status s = Unpack(
      source, label, formats, limits,
      [&](const Member& m) { return m.name == name && m.regular ? Action::kRead : Action::kSkip; },
      [&](const Member&, Result<std::string>&& bytes) {
        found.emplace(std::move(bytes));
        return Action::kStop;
      });
  if (!s.ok()) return s;
  if (!found) return Status::Error(label + ": no member " + name);
  return std::move(*found);
}

bool IsArchiveName(std::string_view name) {
  for (std::string_view ext :
       {".zip", ".tar", ".tgz", ".tar.gz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz"}) {
    if (EndsWithNoCase(name, ext)) return true;
  }
  return false;
}

std::string LibraryVersion() { return archive_version_string(); }

}  // namespace hstag::archive
