// SPDX-License-Identifier: GPL-3.0-or-later
//
// OffsetMap: maps byte offsets of a derived string back to the string it was
// derived from. It records only the changed spans (an ICU Edits fine
// iteration, or the analyzer's own edits); unchanged text, and a change that
// keeps its length (case folding), maps one to one.
//
// A start offset inside a changed span maps to the start of the span in the
// origin, an end offset inside it to the end of the span, so that a match
// covering part of an expansion ("fi" of the ligature "ﬁ") covers the whole
// of what produced it. A start offset at a deletion maps after the deleted
// bytes, an end offset before them.
//
// Thread safety: immutable after construction; safe to share.
#ifndef HSTAG_TEXT_OFFSET_MAP_H_
#define HSTAG_TEXT_OFFSET_MAP_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace hstag {

class OffsetMap {
 public:
  struct Change {
    uint32_t dest, source;          // where the changed span starts on each side
    uint32_t dest_len, source_len;  // its length on each side
  };

  // REQUIRES: changes come in increasing order of dest and source.
  void Add(uint32_t dest, uint32_t source, uint32_t dest_len, uint32_t source_len);
  uint32_t ToSource(uint32_t dest, bool is_end) const;
  bool empty() const { return changes_.empty(); }
  const std::vector<Change>& changes() const { return changes_; }

  // ToSource for offsets that mostly come in increasing order (the tokens
  // of a text, one after the other): it walks on from the last answer
  // instead of searching. Any order gives ToSource's answers. The map must
  // outlive it and not change meanwhile.
  class Cursor {
   public:
    explicit Cursor(const OffsetMap& map)
        : map_(&map), span_(map.changes_.empty() ? UINT32_MAX : map.changes_[0].dest) {}
    uint32_t ToSource(uint32_t dest, bool is_end) {
      // Inside the stretch of unchanged text of the last answer: no change
      // touches `dest`, and start and end map alike.
      if (dest - first_ < span_) return dest + delta_;
      return Walk(dest, is_end);
    }

   private:
    uint32_t Walk(uint32_t dest, bool is_end);

    const OffsetMap* map_;
    size_t next_ = 0;  // the first change with dest >= the last offset asked
    // The stretch: offsets first_ to first_ + span_ - 1 map to themselves
    // plus delta_ (modulo 2^32).
    uint32_t first_ = 0, span_, delta_ = 0;
  };

 private:
  // The answer given `after`, the number of changes that start before
  // `dest` (at or before it for a start offset).
  uint32_t Resolve(size_t after, uint32_t dest, bool is_end) const;

  std::vector<Change> changes_;
};

}  // namespace hstag

#endif  // HSTAG_TEXT_OFFSET_MAP_H_
