// SPDX-License-Identifier: GPL-3.0-or-later
#include "hstag/language.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>
#include <map>
#include <unordered_map>

namespace hstag {
namespace {

// The most frequent function words of each language, chosen to be rare in
// the others (no "a", "de", "la", "en", "in", "e" shared across many).
const std::unordered_map<std::string_view, int>& FunctionWords() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, int>;
    const std::array<std::pair<int, std::string_view>, 7> lists = {{
        {0, "the of and to is that for with this are be was have it which by from not"},
        {1, "le les des du et est une dans pour que qui sur pas au aux nous ces"},
        {2, "el los las del y es una por para que con se su al como más"},
        {3, "der die das und ist nicht mit den von zu ein eine auf für dem sich"},
        {4, "il della di che per non sono gli delle con nel alla anche più"},
        {5, "o os da do das dos não com uma para que em ao pelo pela"},
        {6, "het een van en is dat op te voor niet met zijn ook door"},
    }};
    for (const auto& [lang, words] : lists) {
      size_t i = 0;
      while (i < words.size()) {
        const size_t sp = words.find(' ', i);
        const std::string_view w = words.substr(i, sp == std::string_view::npos ? sp : sp - i);
        // A word listed for two languages counts for neither.
        auto [it, fresh] = t->emplace(w, lang);
        if (!fresh) it->second = -1;
        i = sp == std::string_view::npos ? words.size() : sp + 1;
      }
    }
    return t;
  }();
  return *table;
}

constexpr std::array<const char*, 7> kLatin = {"en", "fr", "es", "de", "it", "pt", "nl"};

}  // namespace

std::string GuessLanguage(std::string_view text) {
  text = text.substr(0, 16 * 1024);
  while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) {
    text.remove_suffix(1);  // do not cut a character in two
  }
  std::array<size_t, USCRIPT_CODE_LIMIT> scripts{};  // letters per UScriptCode
  size_t kana = 0, letters = 0;
  std::array<size_t, kLatin.size()> votes{};
  std::string word;
  const auto& table = FunctionWords();
  auto end_word = [&] {
    if (word.empty()) return;
    if (auto it = table.find(word); it != table.end() && it->second >= 0) ++votes[it->second];
    word.clear();
  };
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  while (i < n) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {  // ASCII: no ICU look-ups
      ++i;
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
        ++letters;
        ++scripts[USCRIPT_LATIN];
        word.push_back(static_cast<char>(b | 0x20));
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
      word.append(buf, static_cast<size_t>(len));
    } else {
      end_word();
    }
  }
  end_word();
  if (letters < 20) return "";
  auto share = [&](UScriptCode sc) { return double(scripts[sc]) / double(letters); };
  if (double(kana) / double(letters) > 0.05) return "ja";
  if (share(USCRIPT_HAN) > 0.5) return "zh";
  if (share(USCRIPT_ARABIC) > 0.5) return "ar";
  if (share(USCRIPT_CYRILLIC) > 0.5) return "ru";
  if (share(USCRIPT_GREEK) > 0.5) return "el";
  if (share(USCRIPT_LATIN) < 0.5) return "";
  size_t best = 0, second = 0, total = 0;
  for (size_t k = 0; k < votes.size(); ++k) {
    total += votes[k];
    if (votes[k] > votes[best]) best = k;
  }
  for (size_t k = 0; k < votes.size(); ++k) {
    if (k != best && votes[k] > second) second = votes[k];
  }
  // Clear evidence: enough function words, and twice as many as the runner-up.
  if (votes[best] < 8 || votes[best] < 2 * second) return "";
  return kLatin[best];
}

}  // namespace hstag
