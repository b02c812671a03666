// SPDX-License-Identifier: GPL-3.0-or-later
//
// The archive reader (core/src/archive): byte 0 picks zip only (even) or
// zip and tar (odd), the rest is the archive, held in memory. Every member
// is read; the limits must hold whatever the headers say.
#include <string>

#include "archive/archive.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  hstag::archive::ArchiveLimits limits;
  limits.max_members = 1000;
  limits.max_unpacked_bytes = 32u << 20;
  limits.max_ratio = 100;
  limits.max_member_bytes = 8u << 20;
  const auto formats =
      data[0] % 2 ? hstag::archive::Formats::kZipOrTar : hstag::archive::Formats::kZip;
  const std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  uint64_t members = 0, total = 0;
  const hstag::Status s = hstag::archive::Unpack(
      hstag::archive::Source::Memory(bytes), "fuzz.zip", formats, limits,
      [&](const hstag::archive::Member&) {
        if (++members > limits.max_members) hstag::fuzz::Fail("more members than the limit");
        return hstag::archive::Action::kRead;
      },
      [&](const hstag::archive::Member& m, hstag::Result<std::string>&& member) {
        if (!member.ok()) {
          if (member.error().empty()) hstag::fuzz::Fail("a member error without a reason");
          return hstag::archive::Action::kSkip;
        }
        if (member->size() > limits.max_member_bytes) {
          hstag::fuzz::Fail("member " + m.name + " over the member limit");
        }
        total += member->size();
        if (total > limits.max_unpacked_bytes) hstag::fuzz::Fail("more unpacked than the limit");
        return hstag::archive::Action::kSkip;
      });
  if (!s.ok() && s.message().empty()) hstag::fuzz::Fail("an archive error without a reason");
  return 0;
}
