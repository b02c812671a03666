// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/util.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace hstag {

namespace {

constexpr char kTemporaryMark[] = ".tmp.";

// Reads a file in chunks of 64 KiB, each handed to `chunk`; `size` first
// gets the size the file has when opened. Fails with the OS's reason, or
// when the file exceeds max_bytes.
template <typename Size, typename Chunk>
Status ReadChunks(const std::string& path, uint64_t max_bytes, Size size, Chunk chunk) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::Error(std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return Status::Error(std::strerror(errno));
  if (S_ISDIR(st.st_mode)) return Status::Error("is a directory");
  if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    return Status::Error("file of " + std::to_string(st.st_size) + " bytes exceeds the limit of " +
                         std::to_string(max_bytes) + " bytes");
  }
  size(static_cast<uint64_t>(st.st_size));
  uint64_t total = 0;
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::Error(std::strerror(errno));
    }
    if (n == 0) return Status();
    total += static_cast<uint64_t>(n);
    if (total > max_bytes) {
      return Status::Error("file exceeds the limit of " + std::to_string(max_bytes) + " bytes");
    }
    chunk(std::string_view(buf, static_cast<size_t>(n)));
  }
}

std::string Hex(const unsigned char* p, size_t n) {
  static const char kHex[] = "0123456789abcdef";
  std::string out(2 * n, '0');
  for (size_t i = 0; i < n; ++i) {
    out[2 * i] = kHex[p[i] >> 4];
    out[2 * i + 1] = kHex[p[i] & 15];
  }
  return out;
}

// The unnamed way: a file without a name in the target's directory
// (O_TMPFILE), written, then given its name. The directory changes once
// (the link), where a named temporary file changes it twice (create, rename),
// and the new file's inode is found without holding the directory's lock:
// workers writing into the same directories do not queue on it. The name
// taken (a re-run into the same output): linked under a temporary name and
// renamed over it. Returns false, having left nothing behind, where the
// file system has no unnamed files (or /proc is not mounted); the caller
// then takes the named way.
bool WriteUnnamed(const std::string& path, std::string_view content, Durability durability,
                  Status* status) {
  const size_t slash = path.rfind('/');
  const std::string dir =
      slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  const int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  if (!WriteAll(fd, {content}) || (durability == Durability::kDurable && ::fsync(fd) != 0)) {
    *status = Status::Error(path + ": " + std::strerror(errno));
    return true;
  }
  char self[48];
  std::snprintf(self, sizeof self, "/proc/self/fd/%d", fd);
  if (::linkat(AT_FDCWD, self, AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW) == 0) return true;
  if (errno != EEXIST) return false;
  const std::string tmp = TemporaryPath(path);
  ::unlink(tmp.c_str());  // left by a killed process of the same number
  if (::linkat(AT_FDCWD, self, AT_FDCWD, tmp.c_str(), AT_SYMLINK_FOLLOW) != 0) return false;
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    *status = Status::Error(path + ": " + std::strerror(errno));
    ::unlink(tmp.c_str());
  }
  return true;
}

}  // namespace

std::string TemporaryPath(const std::string& path) {
  return path + kTemporaryMark + std::to_string(::getpid());
}

bool IsTemporaryPath(std::string_view path) {
  return path.find(kTemporaryMark) != std::string_view::npos;
}

bool WriteAll(int fd, std::vector<std::string_view> parts) {
  size_t first = 0;
  while (first < parts.size()) {
    iovec iov[4];
    int k = 0;
    for (size_t i = first; i < parts.size() && k < 4; ++i) {
      iov[k++] = {const_cast<char*>(parts[i].data()), parts[i].size()};
    }
    const ssize_t w = ::writev(fd, iov, k);
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    for (size_t left = static_cast<size_t>(w); first < parts.size(); ++first) {
      if (left < parts[first].size()) {
        parts[first].remove_prefix(left);
        break;
      }
      left -= parts[first].size();
    }
  }
  return true;
}

Result<std::string> ReadFile(const std::string& path, uint64_t max_bytes) {
  std::string data;
  Status s = ReadChunks(
      path, max_bytes, [&](uint64_t size) { data.reserve(static_cast<size_t>(size)); },
      [&](std::string_view chunk) { data.append(chunk); });
  if (!s.ok()) return s;
  return data;
}

Result<FileDigest> Sha256File(const std::string& path, uint64_t max_bytes) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) {
    return Status::Error("SHA-256 is not available");
  }
  FileDigest d;
  Status s = ReadChunks(
      path, max_bytes, [](uint64_t) {},
      [&](std::string_view chunk) {
        EVP_DigestUpdate(ctx.get(), chunk.data(), chunk.size());
        d.bytes += chunk.size();
      });
  if (!s.ok()) return s;
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx.get(), md, &len);
  d.sha256 = Hex(md, len);
  return d;
}

Status WriteFileAtomic(const std::string& path, std::string_view content, Durability durability) {
  if (const size_t slash = path.rfind('/'); slash != std::string::npos && slash > 0) {
    std::error_code ec;
    std::filesystem::create_directories(path.substr(0, slash), ec);
    if (ec) return Status::Error(path.substr(0, slash) + ": " + ec.message());
  }
  Status unnamed;
  if (WriteUnnamed(path, content, durability, &unnamed)) return unnamed;
  const std::string tmp = TemporaryPath(path);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::Error(tmp + ": " + std::strerror(errno));
  if (!WriteAll(fd, {content})) {
    const int e = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    return Status::Error(tmp + ": " + std::strerror(e));
  }
  if ((durability == Durability::kDurable && ::fsync(fd) != 0) || ::close(fd) != 0) {
    const int e = errno;
    ::unlink(tmp.c_str());
    return Status::Error(tmp + ": " + std::strerror(e));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int e = errno;
    ::unlink(tmp.c_str());
    return Status::Error(path + ": " + std::strerror(e));
  }
  return Status();
}

std::string Sha256Hex(std::string_view bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr);
  return Hex(md, len);
}

std::string Sha256Base64(std::string_view bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr);
  unsigned char b64[4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1];
  const int n = EVP_EncodeBlock(b64, md, static_cast<int>(len));
  return std::string(reinterpret_cast<const char*>(b64), static_cast<size_t>(n));
}

}  // namespace hstag
