// SPDX-License-Identifier: GPL-3.0-or-later
#include "hstag/offset_map.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace hstag
