// SPDX-License-Identifier: GPL-3.0-or-later
#include "batch/outcome.h"

#include <array>
#include <cstring>

namespace hstag {
namespace {

// The string fields in order; Encode and Decode both go by this list.
template <typename Outcome>  // DocumentOutcome, or const DocumentOutcome
auto Fields(Outcome& o) {
  return std::array{&o.path,        &o.sha256,      &o.error,
                    &o.line,        &o.write_error, &o.rows.corpus,
                    &o.rows.matrix, &o.rows.annotations, &o.rows.errors};
}

void Append(std::string_view field, std::string* out) {
  const uint64_t n = field.size();
  out->append(reinterpret_cast<const char*>(&n), sizeof n);
  out->append(field);
}

}  // namespace

std::string DocumentOutcome::Encode() const {
  std::string out(1, failed ? kFailed : kDone);
  out += warned ? '1' : '0';
  out.append(reinterpret_cast<const char*>(&bytes), sizeof bytes);
  out.append(reinterpret_cast<const char*>(&json_bytes), sizeof json_bytes);
  size_t size = out.size();
  for (const std::string* f : Fields(*this)) size += sizeof(uint64_t) + f->size();
  out.reserve(size);
  for (const std::string* f : Fields(*this)) Append(*f, &out);
  return out;
}

Result<DocumentOutcome> DocumentOutcome::Decode(std::string_view m) {
  const Status cut = Status::Error("a worker's answer was cut short");
  DocumentOutcome o;
  constexpr size_t kHead = 2 + sizeof o.bytes + sizeof o.json_bytes;
  if (m.size() < kHead || (m[0] != kFailed && m[0] != kDone)) return cut;
  o.failed = m[0] == kFailed;
  o.warned = m[1] == '1';
  std::memcpy(&o.bytes, m.data() + 2, sizeof o.bytes);
  std::memcpy(&o.json_bytes, m.data() + 2 + sizeof o.bytes, sizeof o.json_bytes);
  size_t i = kHead;
  for (std::string* f : Fields(o)) {
    uint64_t n;
    if (m.size() - i < sizeof n) return cut;
    std::memcpy(&n, m.data() + i, sizeof n);
    i += sizeof n;
    if (m.size() - i < n) return cut;
    f->assign(m.substr(i, n));
    i += n;
  }
  if (i != m.size()) return cut;
  return o;
}

}  // namespace hstag
