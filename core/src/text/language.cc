// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/language.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <map>
#include <utility>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace hstag {
namespace {

// A word of up to 8 bytes packed into an integer (first byte lowest), so
// that the look-up is one integer comparison per probe; 0 means "no word"
// and kLong a word too long to be any function word.
constexpr uint64_t kLong = ~uint64_t{0};

uint64_t Pack(std::string_view w) {
  if (w.empty()) return 0;
  if (w.size() > 8) return kLong;
  uint64_t v = 0;
  for (size_t i = 0; i < w.size(); ++i) v |= uint64_t{static_cast<unsigned char>(w[i])} << (8 * i);
  return v;
}

// The most frequent function words of each language, chosen to be rare in
// the others (no "a", "de", "la", "en", "in", "e" shared across many), in a
// cuckoo table of packed words: a word is in one of its two slots, and a
// look-up reads both without a branch (the words of a text are a random
// mix of function words and others, which a probing loop mispredicts).
class FunctionWords {
 public:
  FunctionWords() {
    const std::array<std::pair<int, std::string_view>, 7> lists = {{
        {0, "the of and to is that for with this are be was have it which by from not"},
        {1, "le les des du et est une dans pour que qui sur pas au aux nous ces"},
        {2, "el los las del y es una por para que con se su al como más"},
        {3, "der die das und ist nicht mit den von zu ein eine auf für dem sich"},
        {4, "il della di che per non sono gli delle con nel alla anche più"},
        {5, "o os da do das dos não com uma para que em ao pelo pela"},
        {6, "het een van en is dat op te voor niet met zijn ook door"},
    }};
    std::map<uint64_t, int> words;
    for (const auto& [lang, list] : lists) {
      size_t i = 0;
      while (i < list.size()) {
        const size_t sp = list.find(' ', i);
        const std::string_view w = list.substr(i, sp == std::string_view::npos ? sp : sp - i);
        // A word listed for two languages counts for neither.
        auto [it, fresh] = words.emplace(Pack(w), lang);
        if (!fresh) it->second = -1;
        i = sp == std::string_view::npos ? list.size() : sp + 1;
      }
    }
    std::erase_if(words, [](const auto& kv) { return kv.second < 0; });
    // A seed with which every word finds a place (the first or second try).
    while (!Build(words)) ++seed_;
  }
  // The language of a packed word, or -1 (also for 0 and kLong).
  int Find(uint64_t key) const {
    const auto [a, b] = Slots(key);
    // Arithmetic rather than conditions, which the compiler turns into branches.
    const unsigned hit_a = keys_[a] == key, hit_b = keys_[b] == key;
    return static_cast<int>(hit_a * codes_[a] + hit_b * codes_[b]) - 1;
  }

 private:
  static constexpr size_t kHalf = 256;  // slots per half, for about 100 words
  std::pair<size_t, size_t> Slots(uint64_t key) const {
    const uint64_t h = (key ^ seed_) * 0x9E3779B97F4A7C15ULL;
    return {h >> 56, kHalf + ((h >> 48) & (kHalf - 1))};
  }
  bool Build(const std::map<uint64_t, int>& words) {
    keys_.fill(0);
    codes_.fill(0);
    for (const auto& word : words) {
      uint64_t key = word.first;
      auto code = static_cast<uint8_t>(word.second + 1);
      size_t from = SIZE_MAX;  // the slot the word in hand was pushed out of
      for (int kick = 0; key != 0; ++kick) {
        if (kick == 32) return false;
        const auto [a, b] = Slots(key);
        const size_t at = keys_[a] == 0 ? a : keys_[b] == 0 ? b : a == from ? b : a;
        std::swap(keys_[at], key);  // hand: the word pushed out, or 0
        std::swap(codes_[at], code);
        from = at;
      }
    }
    return true;
  }
  uint64_t seed_ = 0;
  std::array<uint64_t, 2 * kHalf> keys_{};  // 0: free
  std::array<uint8_t, 2 * kHalf> codes_{};  // language index + 1; 0: free
};

constexpr size_t kMaxBytes = 16 * 1024;  // read of a text

constexpr std::array<const char*, 7> kLatin = {"en", "fr", "es", "de", "it", "pt", "nl"};

}  // namespace

std::string GuessLanguage(std::string_view text) {
  if (size_t cut = kMaxBytes; text.size() > cut) {
    // Do not cut a character in two: cut before it.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  std::array<size_t, USCRIPT_CODE_LIMIT> scripts{};  // letters per UScriptCode
  size_t kana = 0, letters = 0;
  size_t ascii_letters = 0;  // counted apart: letters and Latin letters alike
  std::array<size_t, 8> votes{};  // by kLatin index; [7] gathers the -1s
  static_assert(kLatin.size() < 8);
  static const FunctionWords table;
  uint64_t word = 0;  // packed, lower case
  size_t word_len = 0;
  auto add_byte = [&](unsigned char b) {
    if (word_len < 8) word |= uint64_t{b} << (8 * word_len);
    ++word_len;
  };
  auto end_word = [&] {
    if (word_len == 0) return;
    ++votes[static_cast<unsigned>(table.Find(word_len > 8 ? kLong : word)) & 7];
    word = 0;
    word_len = 0;
  };
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  while (i < n) {
#ifdef __SSE2__
    // 16 bytes at a time while they are ASCII: letters are counted and
    // packed a run at a time, from a copy of the block in lower case
    // (padded, so that a run is read with one 8-byte load).
    if (i + 16 <= n) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
      const unsigned ascii = ~static_cast<unsigned>(_mm_movemask_epi8(v)) & 0xFFFF;
      // Bytes before the first non-ASCII one (all 16 when there is none).
      const int m = ascii == 0xFFFF ? 16 : __builtin_ctz(~ascii);
      if (m > 0) {
        const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
        const __m128i d = _mm_sub_epi8(lower, _mm_set1_epi8('a'));  // signed: 0x80 and up fall out
        const unsigned letter_bits =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(
                _mm_cmpgt_epi8(d, _mm_set1_epi8(-1)), _mm_cmplt_epi8(d, _mm_set1_epi8(26))))) &
            ((1u << m) - 1);
        alignas(16) unsigned char block[24] = {};
        _mm_store_si128(reinterpret_cast<__m128i*>(block), lower);
        int at = 0;
        while (at < m) {
          const unsigned rest = letter_bits >> at;
          if ((rest & 1) == 0) {  // not a letter: skip to the next one
            end_word();
            at = rest == 0 ? m : std::min(m, at + __builtin_ctz(rest));
            continue;
          }
          const int run = __builtin_ctz(~rest);  // letter_bits stops at m
          ascii_letters += static_cast<size_t>(run);
          if (word_len + static_cast<size_t>(run) <= 8) {
            uint64_t bytes;
            std::memcpy(&bytes, block + at, 8);
            if (run < 8) bytes &= (uint64_t{1} << (8 * run)) - 1;
            word |= bytes << (8 * word_len);  // word_len < 8 here
          }
          word_len += static_cast<size_t>(run);
          at += run;
        }
        i += m;
        continue;
      }
    }
#endif
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {  // ASCII: no ICU look-ups
      ++i;
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
        ++ascii_letters;
        add_byte(static_cast<unsigned char>(b | 0x20));
      } else {
        end_word();
      }
      continue;
    }
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0 || !u_isalpha(c)) {
      end_word();
      continue;
    }
    ++letters;
    UErrorCode ec = U_ZERO_ERROR;
    const UScriptCode sc = uscript_getScript(c, &ec);
    if (sc >= 0 && sc < USCRIPT_CODE_LIMIT) ++scripts[sc];
    if (sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA) ++kana;
    if (sc == USCRIPT_LATIN) {
      char buf[4];
      int32_t len = 0;
      UBool err = false;
      U8_APPEND(buf, len, 4, u_tolower(c), err);
      for (int32_t k = 0; k < len; ++k) add_byte(static_cast<unsigned char>(buf[k]));
    } else {
      end_word();
    }
  }
  end_word();
  letters += ascii_letters;
  scripts[USCRIPT_LATIN] += ascii_letters;
  if (letters < 20) return "";
  auto share = [&](UScriptCode sc) { return double(scripts[sc]) / double(letters); };
  if (double(kana) / double(letters) > 0.05) return "ja";
  if (share(USCRIPT_HAN) > 0.5) return "zh";
  if (share(USCRIPT_ARABIC) > 0.5) return "ar";
  if (share(USCRIPT_CYRILLIC) > 0.5) return "ru";
  if (share(USCRIPT_GREEK) > 0.5) return "el";
  if (share(USCRIPT_LATIN) < 0.5) return "";
  size_t best = 0, second = 0, total = 0;
  for (size_t k = 0; k < kLatin.size(); ++k) {
    total += votes[k];
    if (votes[k] > votes[best]) best = k;
  }
  for (size_t k = 0; k < kLatin.size(); ++k) {
    if (k != best && votes[k] > second) second = votes[k];
  }
  // Clear evidence: enough function words, and twice as many as the runner-up.
  if (votes[best] < 8 || votes[best] < 2 * second) return "";
  return kLatin[best];
}

}  // namespace hstag
