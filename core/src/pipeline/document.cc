// SPDX-License-Identifier: GPL-3.0-or-later
#include "hstag/document.h"

#include <algorithm>

namespace hstag {

size_t Document::SegmentAt(uint32_t offset) const {
  auto it = std::upper_bound(segments.begin(), segments.end(), offset,
                             [](uint32_t o, const Segment& s) { return o < s.start; });
  return it == segments.begin() ? 0 : static_cast<size_t>(it - segments.begin() - 1);
}

}  // namespace hstag
