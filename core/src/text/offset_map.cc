// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/offset_map.h"

#include <algorithm>

namespace hstag {

void OffsetMap::Add(uint32_t dest, uint32_t source, uint32_t dest_len, uint32_t source_len) {
  // A change that keeps its length maps one to one, like unchanged text
  // (case folding, a line break folded to a space): not recorded, which keeps
  // the map small and look-ups fast.
  if (dest_len == source_len) return;
  changes_.push_back({dest, source, dest_len, source_len});
}

uint32_t OffsetMap::ToSource(uint32_t dest, bool is_end) const {
  // The last change starting at or before `dest` (strictly before for an end
  // offset, so that an end at a deletion stays before the deleted bytes).
  auto it = is_end ? std::lower_bound(changes_.begin(), changes_.end(), dest,
                                      [](const Change& c, uint32_t d) { return c.dest < d; })
                   : std::upper_bound(changes_.begin(), changes_.end(), dest,
                                      [](uint32_t d, const Change& c) { return d < c.dest; });
  return Resolve(static_cast<size_t>(it - changes_.begin()), dest, is_end);
}

uint32_t OffsetMap::Resolve(size_t after, uint32_t dest, bool is_end) const {
  if (after == 0) return dest;
  const Change& c = changes_[after - 1];
  const uint32_t dest_end = c.dest + c.dest_len;
  if (dest >= dest_end) return c.source + c.source_len + (dest - dest_end);
  if (dest == c.dest) return c.source;  // only for a start offset
  return is_end ? c.source + c.source_len : c.source;
}

uint32_t OffsetMap::Cursor::Walk(uint32_t dest, bool is_end) {
  const std::vector<Change>& ch = map_->changes_;
  if (next_ > 0 && ch[next_ - 1].dest >= dest) {  // went back: search from the start
    next_ = static_cast<size_t>(
        std::lower_bound(ch.begin(), ch.begin() + static_cast<std::ptrdiff_t>(next_), dest,
                         [](const Change& c, uint32_t d) { return c.dest < d; }) -
        ch.begin());
  }
  while (next_ < ch.size() && ch[next_].dest < dest) ++next_;
  size_t after = next_;  // changes starting before dest
  if (!is_end) {
    while (after < ch.size() && ch[after].dest == dest) ++after;
  }
  // The stretch of unchanged text strictly between the change before dest
  // and the next one, when dest is in it.
  const uint64_t lo = next_ > 0 ? ch[next_ - 1].dest + ch[next_ - 1].dest_len : 0;
  const uint64_t hi = next_ < ch.size() ? ch[next_].dest : uint64_t{UINT32_MAX} + 1;
  if (next_ > 0 ? lo < dest && dest < hi : dest < hi) {
    first_ = static_cast<uint32_t>(next_ > 0 ? lo + 1 : 0);
    span_ = static_cast<uint32_t>(hi - first_);
    delta_ =
        next_ > 0 ? ch[next_ - 1].source + ch[next_ - 1].source_len - static_cast<uint32_t>(lo) : 0;
  } else {
    span_ = 0;
  }
  return map_->Resolve(after, dest, is_end);
}

}  // namespace hstag
