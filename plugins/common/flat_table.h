// SPDX-License-Identifier: GPL-3.0-or-later
//
// Open-addressing hash tables for the taggers' inner loops, which do one
// look-up per document token: power-of-two capacity (a mask, not a
// division, per look-up), linear probing, 8-byte slots that keep the hash's
// upper half beside the value (the lower half picks the slot) so that a probe
// compares keys only on a hash hit and a table of a few thousand entries
// stays in the first-level cache. Only plugins use them.
//
// Thread safety: built once, then only read (safe to share between threads).
#ifndef HSTAG_PLUGINS_COMMON_FLAT_TABLE_H_
#define HSTAG_PLUGINS_COMMON_FLAT_TABLE_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hstag::common {

// A bijection of 64-bit integers that spreads every input bit (the
// finalizer of MurmurHash3).
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

namespace detail {

inline uint64_t HashStep(uint64_t h, uint64_t v) {
  h = (h ^ v) * 0xff51afd7ed558ccdULL;
  return h ^ (h >> 29);
}
inline uint64_t HashFinal(uint64_t h) {
  h *= 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 32);
}

// The bytes of a string of at most 8 bytes in one integer, read with loads
// that may overlap: no copy, no call. With the length, it tells every such
// string apart (the loads cover every byte).
inline uint64_t ShortBytes(const char* p, size_t n) {
  auto load32 = [](const char* q) {
    uint32_t v;
    std::memcpy(&v, q, 4);
    return uint64_t{v};
  };
  if (n >= 4) return load32(p) | load32(p + n - 4) << 32;
  if (n > 0) {
    return uint64_t{static_cast<unsigned char>(p[0])} |
           uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
           uint64_t{static_cast<unsigned char>(p[n - 1])} << 16;
  }
  return 0;
}

// HashBytes of a string of n <= 8 bytes whose ShortBytes are v.
inline uint64_t HashShort(size_t n, uint64_t v) {
  const uint64_t h = n * 0x9E3779B97F4A7C15ULL;
  return HashFinal(n == 0 ? h : HashStep(h, v));
}

// HashBytes of a string of n > 8 bytes.
[[gnu::noinline]] inline uint64_t HashLong(const char* p, size_t n) {
  uint64_t h = n * 0x9E3779B97F4A7C15ULL;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t v;
    std::memcpy(&v, p + i, 8);
    h = HashStep(h, v);
  }
  if (i < n) {
    uint64_t v;
    std::memcpy(&v, p + n - 8, 8);
    h = HashStep(h, v);
  }
  return HashFinal(h);
}

}  // namespace detail

// A hash of a byte string, 8 bytes a step (one multiplication each, then a
// final mix so that the low bits, which pick the slot, depend on every
// byte). The last bytes are read with loads that may overlap those before
// (the length, mixed in first, tells them apart): no copy, and no call for
// the short words of the taggers' loops. Not for storage: it may differ
// between builds and machines (byte order).
[[gnu::always_inline]] inline uint64_t HashBytes(std::string_view s) {
  if (s.size() <= 8) return detail::HashShort(s.size(), detail::ShortBytes(s.data(), s.size()));
  return detail::HashLong(s.data(), s.size());
}

// (64-bit hash -> 32-bit value); `eq(value)` tells a true hit from a hash
// collision (two hashes that agree in the bits the table keeps).
//
// Most keys the taggers look up are absent (a text's words from a
// vocabulary, the word after a term's first from the terms' edges), and a
// large table outgrows the first-level cache: such a look-up would wait on
// a slot far in memory. A Bloom filter in front, of 8 to 16 bits a key (two
// of them set per key, from hash bits the slot index does not use; at most
// 5% false positives), answers most of them from a few KB instead.
class FlatTable {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  template <typename Eq>
  [[gnu::always_inline]] uint32_t Find(uint64_t hash, Eq eq) const {
    if (!MayHold(hash)) return kNone;
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.value == kNone) return kNone;
      if (s.tag == Tag(hash) && eq(s.value)) return s.value;
    }
  }
  // REQUIRES: `value` != kNone and not yet present under `hash`.
  void Insert(uint64_t hash, uint32_t value) {
    entries_.emplace_back(hash, value);
    if (entries_.size() * 2 > slots_.size()) {
      slots_.assign(std::max<size_t>(64, slots_.size() * 2), Slot{});
      mask_ = slots_.size() - 1;
      for (const auto& [h, v] : entries_) Place(h, v);
    } else {
      Place(hash, value);
    }
    if (entries_.size() * 8 > filter_.size() * 64) {
      filter_.assign(std::max<size_t>(8, filter_.size() * 2), 0);
      for (const auto& [h, v] : entries_) Mark(h);
    } else {
      Mark(hash);
    }
  }
  size_t size() const { return entries_.size(); }
  // False when no entry has `hash`, as the filter tells (true for every
  // entry's hash, and for at most about 5% of the others).
  [[gnu::always_inline]] bool MayHold(uint64_t hash) const {
    if (filter_.empty()) return false;
    const auto [a, b] = Bits(hash);
    // Both bits read at once: a branch between them would be mispredicted
    // for the many words a vocabulary holds ("of", "the").
    return (filter_[a / 64] >> (a % 64) & filter_[b / 64] >> (b % 64) & 1) != 0;
  }

 private:
  struct Slot {
    uint32_t tag = 0;  // the hash's upper half
    uint32_t value = kNone;
  };
  static uint32_t Tag(uint64_t hash) { return static_cast<uint32_t>(hash >> 32); }
  // The filter's two bits for `hash`: from its bits 32 and 44 up, cut to
  // the filter's size.
  std::pair<size_t, size_t> Bits(uint64_t hash) const {
    const size_t mask = filter_.size() * 64 - 1;
    return {(hash >> 32) & mask, (hash >> 44) & mask};
  }
  void Mark(uint64_t hash) {
    const auto [a, b] = Bits(hash);
    filter_[a / 64] |= uint64_t{1} << (a % 64);
    filter_[b / 64] |= uint64_t{1} << (b % 64);
  }

  void Place(uint64_t hash, uint32_t value) {
    size_t i = hash & mask_;
    while (slots_[i].value != kNone) i = (i + 1) & mask_;
    slots_[i] = {Tag(hash), value};
  }
  std::vector<Slot> slots_;
  std::vector<std::pair<uint64_t, uint32_t>> entries_;  // as inserted, to grow the table
  size_t mask_ = 0;
  std::vector<uint64_t> filter_;  // the Bloom filter: a power of two of 64-bit words
};

// word -> ID, the IDs chosen by the caller. A word of at most 8 bytes (most
// of them) is compared as one integer, without reading its string.
class WordTable {
 public:
  static constexpr uint32_t kNone = FlatTable::kNone;
  // Inlined in the taggers' loops: a call would cost about as much as the
  // look-up (most words are short; the others take a call).
  [[gnu::always_inline]] uint32_t Find(std::string_view w) const {
    const size_t n = w.size();
    if (n > 8) [[unlikely]]
      return FindLong(w);
    const uint64_t v = detail::ShortBytes(w.data(), n);
    return table_.Find(detail::HashShort(n, v),
                       [&](uint32_t id) { return keys_[id].bytes == v && keys_[id].size == n; });
  }
  // REQUIRES: `w` not yet present, `id` != kNone.
  void Insert(std::string_view w, uint32_t id) {
    if (words_.size() <= id) {
      words_.resize(id + 1);
      keys_.resize(id + 1);
    }
    words_[id] = std::string(w);
    keys_[id] = {w.size() <= 8 ? detail::ShortBytes(w.data(), w.size()) : 0, w.size()};
    table_.Insert(HashBytes(w), id);
  }
  size_t size() const { return table_.size(); }

 private:
  [[gnu::noinline]] uint32_t FindLong(std::string_view w) const {
    return table_.Find(HashBytes(w), [&](uint32_t id) { return words_[id] == w; });
  }
  struct Key {
    uint64_t bytes;  // ShortBytes, for a word of at most 8 bytes
    size_t size;
  };
  FlatTable table_;
  std::vector<std::string> words_;  // by ID
  std::vector<Key> keys_;           // by ID
};

}  // namespace hstag::common

#endif  // HSTAG_PLUGINS_COMMON_FLAT_TABLE_H_
