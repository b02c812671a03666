// SPDX-License-Identifier: GPL-3.0-or-later
#include "hstag/offset_map.h"

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
  if (it == changes_.begin()) return dest;
  const Change& c = *(it - 1);
  const uint32_t dest_end = c.dest + c.dest_len;
  if (dest >= dest_end) return c.source + c.source_len + (dest - dest_end);
  if (dest == c.dest) return c.source;  // only for a start offset
  return is_end ? c.source + c.source_len : c.source;
}

}  // namespace hstag
