// SPDX-License-Identifier: GPL-3.0-or-later
//
// Open-addressing hash tables for the taggers' inner loops, which do one
// look-up per document token: power-of-two capacity (a mask, not a division,
// per look-up), linear probing, the 64-bit hash kept in the slot so that a
// probe compares keys only on a hash hit. Built once, then only read (safe to
// share between threads).
#ifndef HSTAG_FLAT_TABLE_H_
#define HSTAG_FLAT_TABLE_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace hstag {

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

// A hash of a byte string, 8 bytes a step (one multiplication each, then a
// final mix so that the low bits, which pick the slot, depend on every
// byte). Not for storage: it may differ between builds and machines (byte
// order).
inline uint64_t HashBytes(std::string_view s) {
  uint64_t h = s.size() * 0x9E3779B97F4A7C15ULL;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t v;
    std::memcpy(&v, s.data() + i, 8);
    h = (h ^ v) * 0xff51afd7ed558ccdULL;
    h ^= h >> 29;
  }
  if (i < s.size()) {
    uint64_t v = 0;
    std::memcpy(&v, s.data() + i, s.size() - i);
    h = (h ^ v) * 0xff51afd7ed558ccdULL;
    h ^= h >> 29;
  }
  h *= 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 32);
}

// (64-bit hash -> 32-bit value); `eq(value)` tells a true hit from a hash
// collision.
class FlatTable {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  template <typename Eq>
  uint32_t Find(uint64_t hash, Eq eq) const {
    if (slots_.empty()) return kNone;
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.value == kNone) return kNone;
      if (s.hash == hash && eq(s.value)) return s.value;
    }
  }
  // REQUIRES: `value` != kNone and not yet present under `hash`.
  void Insert(uint64_t hash, uint32_t value) {
    if ((size_ + 1) * 2 > slots_.size()) {
      std::vector<Slot> old = std::move(slots_);
      slots_.assign(std::max<size_t>(64, old.size() * 2), Slot{});
      mask_ = slots_.size() - 1;
      size_ = 0;
      for (const Slot& s : old) {
        if (s.value != kNone) Place(s);
      }
    }
    Place({hash, value});
  }
  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t value = kNone;
  };
  void Place(const Slot& slot) {
    size_t i = slot.hash & mask_;
    while (slots_[i].value != kNone) i = (i + 1) & mask_;
    slots_[i] = slot;
    ++size_;
  }
  std::vector<Slot> slots_;
  size_t mask_ = 0, size_ = 0;
};

// word -> ID, the IDs chosen by the caller.
class WordTable {
 public:
  static constexpr uint32_t kNone = FlatTable::kNone;
  uint32_t Find(std::string_view w) const {
    return table_.Find(HashBytes(w), [&](uint32_t id) { return words_[id] == w; });
  }
  // REQUIRES: `w` not yet present, `id` != kNone.
  void Insert(std::string_view w, uint32_t id) {
    if (words_.size() <= id) words_.resize(id + 1);
    words_[id] = std::string(w);
    table_.Insert(HashBytes(w), id);
  }
  size_t size() const { return table_.size(); }

 private:
  FlatTable table_;
  std::vector<std::string> words_;  // by ID
};

}  // namespace hstag

#endif  // HSTAG_FLAT_TABLE_H_
