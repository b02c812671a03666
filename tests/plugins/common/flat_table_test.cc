// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/flat_table.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

namespace hstag::common {
namespace {

// Words of every length up to 24 bytes: the hash reads them in 8-byte steps
// and its last bytes with loads that overlap, so each length takes its own
// path.
std::vector<std::string> Words(std::mt19937& rng, size_t count) {
  std::uniform_int_distribution<int> len(0, 24), byte(0, 255);
  std::set<std::string> words;
  while (words.size() < count) {
    std::string w(static_cast<size_t>(len(rng)), '\0');
    for (char& c : w) c = static_cast<char>(byte(rng));
    words.insert(w);
  }
  return {words.begin(), words.end()};
}

TEST(FlatTableTest, WordTableFindsEveryWordAndNothingElse) {
  std::mt19937 rng(20261127);
  const std::vector<std::string> words = Words(rng, 3000);
  WordTable table;
  for (size_t i = 0; i < words.size(); ++i) table.Insert(words[i], static_cast<uint32_t>(i));
  EXPECT_EQ(table.size(), words.size());
  const std::set<std::string> known(words.begin(), words.end());
  for (size_t i = 0; i < words.size(); ++i) {
    EXPECT_EQ(table.Find(words[i]), i) << i;
    // The same word with one byte changed, one byte more and one less.
    for (std::string other : {words[i] + "x", words[i].substr(0, words[i].size() / 2)}) {
      if (!known.count(other)) EXPECT_EQ(table.Find(other), WordTable::kNone);
    }
    for (size_t k = 0; k < words[i].size(); ++k) {
      std::string other = words[i];
      other[k] = static_cast<char>(other[k] ^ 0x01);
      if (!known.count(other)) EXPECT_EQ(table.Find(other), WordTable::kNone) << i << " " << k;
    }
  }
}

TEST(FlatTableTest, HashTellsApartWordsThatDifferInAnyByteOrLength) {
  std::set<uint64_t> hashes;
  std::vector<std::string> all;
  for (size_t n = 0; n <= 20; ++n) {
    for (size_t k = 0; k < n; ++k) {
      std::string w(n, 'a');
      w[k] = 'b';
      all.push_back(w);
    }
    all.emplace_back(n, 'a');
  }
  for (const auto& w : all) hashes.insert(HashBytes(w));
  EXPECT_EQ(hashes.size(), all.size());
}

TEST(FlatTableTest, EqualTagsAreToldApartByTheCaller) {
  // Two hashes with the same upper half (the tag the slot keeps) and the
  // same slot: only `eq` tells the entries apart.
  FlatTable table;
  const uint64_t a = 0x1234567800000005ULL, b = 0x1234567800010005ULL;
  table.Insert(a, 1);
  table.Insert(b, 2);
  EXPECT_EQ(table.Find(a, [](uint32_t v) { return v == 1; }), 1u);
  EXPECT_EQ(table.Find(b, [](uint32_t v) { return v == 2; }), 2u);
  EXPECT_EQ(table.Find(a, [](uint32_t) { return false; }), FlatTable::kNone);
  // Growing the table (from 64 slots) keeps every entry.
  for (uint32_t v = 3; v < 1000; ++v) table.Insert(Mix64(v), v);
  EXPECT_EQ(table.size(), 999u);
  for (uint32_t v = 3; v < 1000; ++v) {
    EXPECT_EQ(table.Find(Mix64(v), [&](uint32_t got) { return got == v; }), v);
  }
  EXPECT_EQ(table.Find(a, [](uint32_t v) { return v == 1; }), 1u);
}

// The filter in front of the slots never turns a present key away, through
// each of its growths (checked after every insertion), and turns most
// absent keys away before the slots are read.
TEST(FlatTableTest, FilterKeepsEveryKeyAndStopsMostOthers) {
  FlatTable table;
  EXPECT_FALSE(table.MayHold(Mix64(1)));
  for (uint32_t v = 0; v < 3000; ++v) {
    table.Insert(Mix64(v), v);
    for (uint32_t u : {0u, v / 2, v}) {
      ASSERT_TRUE(table.MayHold(Mix64(u))) << v;
      ASSERT_EQ(table.Find(Mix64(u), [&](uint32_t got) { return got == u; }), u) << v;
    }
  }
  size_t passed = 0;
  for (uint32_t v = 3000; v < 103000; ++v) {
    passed += table.MayHold(Mix64(v));
    EXPECT_EQ(table.Find(Mix64(v), [](uint32_t) { return false; }), FlatTable::kNone);
  }
  // 3,000 keys in 32,768 bits (two a key): about 3% of absent keys pass.
  EXPECT_LT(passed, 5000u);
  EXPECT_GT(passed, 0u);
}

}  // namespace
}  // namespace hstag::common
