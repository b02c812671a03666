// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/offset_map.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace hstag {
namespace {

TEST(OffsetMapTest, IdentityWithoutChanges) {
  OffsetMap m;
  EXPECT_EQ(m.ToSource(0, false), 0u);
  EXPECT_EQ(m.ToSource(17, true), 17u);
}

// source "a\xEF\xAC\x81b" (a, ligature of 3 bytes, b) -> dest "afib".
TEST(OffsetMapTest, ExpansionMapsToTheWholeSpan) {
  OffsetMap m;
  m.Add(/*dest=*/1, /*source=*/1, /*dest_len=*/2, /*source_len=*/3);
  EXPECT_EQ(m.ToSource(0, false), 0u);
  EXPECT_EQ(m.ToSource(1, false), 1u);  // start of "fi"
  EXPECT_EQ(m.ToSource(2, false), 1u);  // inside: start of the ligature
  EXPECT_EQ(m.ToSource(2, true), 4u);   // inside, as an end: after the ligature
  EXPECT_EQ(m.ToSource(3, true), 4u);   // end of "fi"
  EXPECT_EQ(m.ToSource(3, false), 4u);  // "b"
  EXPECT_EQ(m.ToSource(4, true), 5u);
}

// source "hu-\nman" -> dest "human": "-\n" deleted at dest 2.
TEST(OffsetMapTest, DeletionKeepsStartsAfterAndEndsBefore) {
  OffsetMap m;
  m.Add(2, 2, 0, 2);
  EXPECT_EQ(m.ToSource(2, false), 4u);  // a word starting at "man" starts after the break
  EXPECT_EQ(m.ToSource(2, true), 2u);   // a word ending at "hu" ends before it
  EXPECT_EQ(m.ToSource(5, true), 7u);
}

TEST(OffsetMapTest, SeveralChangesAccumulate) {
  OffsetMap m;
  m.Add(1, 1, 1, 2);  // 2 bytes -> 1
  m.Add(4, 5, 0, 3);  // 3 bytes deleted
  m.Add(6, 10, 3, 1); // 1 byte -> 3
  EXPECT_EQ(m.ToSource(3, false), 4u);
  EXPECT_EQ(m.ToSource(4, false), 8u);
  EXPECT_EQ(m.ToSource(5, false), 9u);
  EXPECT_EQ(m.ToSource(7, true), 11u);
  EXPECT_EQ(m.ToSource(9, false), 11u);
}

// The cursor gives ToSource's answers: on random maps (deletions, insertions
// and changes, some at the same offset), for offsets asked in increasing
// order as the analyzer asks them (a start, then an end at or after it),
// and with some steps back.
TEST(OffsetMapTest, CursorAnswersAsToSource) {
  std::mt19937 rng(20261127);
  for (int round = 0; round < 300; ++round) {
    OffsetMap m;
    uint32_t dest = 0, source = 0;
    for (int k = static_cast<int>(rng() % 12); k > 0; --k) {
      const uint32_t unchanged = rng() % 4;  // maps one to one
      dest += unchanged;
      source += unchanged;
      const uint32_t dest_len = rng() % 3, source_len = rng() % 3;
      if (dest_len == source_len) continue;  // not recorded
      m.Add(dest, source, dest_len, source_len);
      dest += dest_len;
      source += source_len;
    }
    const uint32_t limit = dest + 5;
    OffsetMap::Cursor cursor(m);
    uint32_t at = 0;
    for (int q = 0; q < 60; ++q) {
      if (rng() % 10 == 0) {
        at = rng() % limit;  // a step back (or a jump)
      } else {
        at = std::min(limit, at + static_cast<uint32_t>(rng() % 3));
      }
      const bool is_end = rng() % 2;
      ASSERT_EQ(cursor.ToSource(at, is_end), m.ToSource(at, is_end))
          << "round " << round << ", offset " << at << (is_end ? " (end)" : " (start)");
    }
  }
  OffsetMap none;
  OffsetMap::Cursor identity(none);
  EXPECT_EQ(identity.ToSource(9, true), 9u);
}

}  // namespace
}  // namespace hstag
