// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <map>
#include <mutex>

#include "text/ascii_words.h"
#include "text/join_lines.h"

namespace hstag {
namespace {

// Sentences' fast path, 16 bytes at a time: from `j`, skips blocks whose
// bytes are all ASCII letters and digits, or spaces followed by one, and
// sets `last` to the offset of the last space skipped. It may stop early,
// never late; the last 16 bytes are left to the caller.
int32_t SkipPlainWords(std::string_view s, int32_t j, int32_t* last) {
#ifdef __SSE2__
  auto in_range = [](__m128i x, char low, char count) {     // low <= x < low + count
    const __m128i d = _mm_sub_epi8(x, _mm_set1_epi8(low));  // signed, so 0x80 and more fall out
    return _mm_and_si128(_mm_cmpgt_epi8(d, _mm_set1_epi8(-1)),
                         _mm_cmplt_epi8(d, _mm_set1_epi8(count)));
  };
  auto alnum = [&](__m128i x) {
    return _mm_or_si128(in_range(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 26),
                        in_range(x, '0', 10));
  };
  for (const auto n = static_cast<int32_t>(s.size()); j + 17 <= n; j += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + j));
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + j + 1));
    const __m128i space = _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), alnum(next));
    if (_mm_movemask_epi8(_mm_or_si128(alnum(v), space)) != 0xFFFF) break;
    if (const int m = _mm_movemask_epi8(space)) {
      *last = j + 31 - __builtin_clz(static_cast<unsigned>(m));
    }
  }
#endif
  return j;
}


// ICU's normalization of `in`, appended to *out; its changes go into *map,
// `in` starting at offset `base` of the whole input.
Status IcuNormalize(const icu::Normalizer2* nf, std::string_view in, uint32_t base,
                    std::string* out, OffsetMap* map) {
  UErrorCode ec = U_ZERO_ERROR;
  icu::Edits edits;
  const auto dest_base = static_cast<uint32_t>(out->size());
  icu::StringByteSink<std::string> sink(out, static_cast<int32_t>(in.size()));
  nf->normalizeUTF8(0, icu::StringPiece(in.data(), static_cast<int32_t>(in.size())), sink, &edits,
                    ec);
  if (U_FAILURE(ec)) return Status::Error(std::string("ICU normalization: ") + u_errorName(ec));
  icu::Edits::Iterator it = edits.getFineChangesIterator();
  while (it.next(ec)) {
    map->Add(dest_base + static_cast<uint32_t>(it.destinationIndex()),
             base + static_cast<uint32_t>(it.sourceIndex()), static_cast<uint32_t>(it.newLength()),
             static_cast<uint32_t>(it.oldLength()));
  }
  if (U_FAILURE(ec)) return Status::Error(std::string("ICU edits: ") + u_errorName(ec));
  return Status();
}

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};
using UTextPtr = std::unique_ptr<UText, UTextCloser>;

UTextPtr OpenUtf8(std::string_view s, UErrorCode* ec) {
  return UTextPtr(utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), ec));
}

uint32_t TokenFlags(int32_t status) {
  if (status >= UBRK_WORD_IDEO && status < UBRK_WORD_IDEO_LIMIT) return HSTAG_TOKEN_IDEO;
  if (status >= UBRK_WORD_KANA && status < UBRK_WORD_KANA_LIMIT) return HSTAG_TOKEN_KANA;
  if (status >= UBRK_WORD_LETTER && status < UBRK_WORD_LETTER_LIMIT) return HSTAG_TOKEN_LETTER;
  return HSTAG_TOKEN_NUMBER;
}

std::string PrimaryLanguage(std::string_view bcp47) {
  std::string s(bcp47.substr(0, bcp47.find_first_of("-_")));
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Elided articles and prepositions that ICU keeps inside a word ("l'ONU",
// "d'Ivoire", "dell'ONU"): the word proper starts after the apostrophe.
constexpr std::string_view kElisions[] = {
    "l",      "d",      "j",    "m",   "n",    "s",    "t",    "c",  "qu",   "jusqu",
    "lorsqu", "puisqu", "dell", "all", "dall", "nell", "sull", "un", "quell"};
constexpr size_t kLongestElision = [] {
  size_t n = 0;
  for (auto e : kElisions) n = std::max(n, e.size());
  return n;
}();
bool IsElision(std::string_view prefix) {
  for (auto e : kElisions) {
    if (prefix == e) return true;
  }
  return false;
}

// Spans of the surface view that are URLs or e-mail addresses: their words
// are flagged so that taggers can leave them alone.
// The start of the first URL at or after `from`: "http://", "https://",
// "ftp://", "mailto:" or "www.", or npos. The colons (rare in prose) are
// found and the bytes around them looked at, and "www." is searched for
// whole: a search per prefix would stop at every h, f, m and w of the text.
size_t NextUrl(std::string_view s, size_t from) {
  size_t start = std::string_view::npos;
  for (size_t colon = s.find(':', from); colon != std::string_view::npos;
       colon = s.find(':', colon + 1)) {
    auto before = [&](std::string_view scheme) {
      return colon >= from + scheme.size() &&
             s.substr(colon - scheme.size(), scheme.size()) == scheme;
    };
    const bool slashes = s.substr(colon + 1, 2) == "//";
    for (std::string_view scheme : {"http", "https", "ftp", "mailto"}) {
      if ((slashes || scheme == "mailto") && before(scheme)) start = colon - scheme.size();
    }
    if (start != std::string_view::npos) break;
  }
  // "www." only counts if it starts before that URL: the search stops there
  // (else a text of many URLs would be searched to its end once per URL).
  const size_t end = std::min(s.size(), start == std::string_view::npos ? s.size() : start + 3);
  if (from < end) {
    if (const void* w = memmem(s.data() + from, end - from, "www.", 4)) {
      start = static_cast<size_t>(static_cast<const char*>(w) - s.data());
    }
  }
  return start;
}

std::vector<std::pair<uint32_t, uint32_t>> UrlSpans(std::string_view s) {
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  size_t i = 0;
  while (i < s.size()) {
    const size_t a = NextUrl(s, i);
    if (a == std::string_view::npos) break;
    size_t b = a;
    while (b < s.size() && s[b] != ' ' && s[b] != '\n' && s[b] != '\t' && s[b] != '>' &&
           s[b] != '"' && s[b] != '<') {
      ++b;
    }
    spans.emplace_back(static_cast<uint32_t>(a), static_cast<uint32_t>(b));
    i = b;
  }
  return spans;
}

uint32_t SurfaceToSourceThunk(void* ctx, uint32_t off, int is_end) {
  return static_cast<const AnalyzedText*>(ctx)->SurfaceToSource(off, is_end != 0);
}
uint32_t NormToSourceThunk(void* ctx, uint32_t off, int is_end) {
  return static_cast<const AnalyzedText*>(ctx)->NormToSource(off, is_end != 0);
}

}  // namespace

uint32_t AnalyzedText::SurfaceToSource(uint32_t off, bool is_end) const {
  return joined_to_text.ToSource(surface_to_joined.ToSource(off, is_end), is_end);
}

uint32_t AnalyzedText::NormToSource(uint32_t off, bool is_end) const {
  return SurfaceToSource(norm_to_surface.ToSource(off, is_end), is_end);
}

uint32_t AnalyzedText::SentenceAt(uint32_t off) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), off,
                             [](uint32_t o, const hstag_span_v1& s) { return o < s.start; });
  return it == sentences.begin() ? 0 : static_cast<uint32_t>(it - sentences.begin() - 1);
}

hstag_text_v1 AnalyzedText::View() const {
  hstag_text_v1 v{};
  v.struct_size = sizeof v;
  v.text = {text.data(), text.size()};
  v.surface = {surface.data(), surface.size()};
  v.norm = {norm.data(), norm.size()};
  v.tokens = tokens.data();
  v.n_tokens = tokens.size();
  v.sentences = sentences.data();
  v.n_sentences = sentences.size();
  v.segments = segments.data();
  v.n_segments = segments.size();
  v.language = {language.data(), language.size()};
  v.map_ctx = const_cast<AnalyzedText*>(this);
  v.surface_to_source = &SurfaceToSourceThunk;
  v.norm_to_source = &NormToSourceThunk;
  return v;
}

struct Analyzer::Impl {
  const icu::Normalizer2* nfkc = nullptr;
  const icu::Normalizer2* nfkc_cf = nullptr;
  std::unique_ptr<icu::BreakIterator> words;
  // Sentence iterators with abbreviation suppression, per primary language.
  std::map<std::string, std::unique_ptr<icu::BreakIterator>, std::less<>> sentences;

  const icu::BreakIterator& SentencesFor(std::string_view lang) const {
    auto it = sentences.find(PrimaryLanguage(lang));
    return *(it == sentences.end() ? sentences.at("en") : it->second);
  }
};

Analyzer::Analyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Analyzer::~Analyzer() = default;

Result<std::unique_ptr<Analyzer>> Analyzer::Create() {
  auto impl = std::make_unique<Impl>();
  UErrorCode ec = U_ZERO_ERROR;
  impl->nfkc = icu::Normalizer2::getNFKCInstance(ec);
  impl->nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(ec);
  impl->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), ec));
  if (U_FAILURE(ec)) return Status::Error(std::string("ICU word break: ") + u_errorName(ec));
  // Languages with abbreviation lists in ICU's data, plus those we segment.
  for (const char* lang : {"en", "de", "es", "fr", "it", "pt", "ru", "ja", "zh", "ar"}) {
    ec = U_ZERO_ERROR;
    std::string id = std::string(lang) + "@ss=standard";
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createSentenceInstance(icu::Locale(id.c_str()), ec));
    if (U_FAILURE(ec)) return Status::Error(std::string("ICU sentence break: ") + u_errorName(ec));
    impl->sentences.emplace(lang, std::move(it));
  }
  return std::unique_ptr<Analyzer>(new Analyzer(std::move(impl)));
}

Result<std::unique_ptr<AnalyzedText>> Analyzer::Analyze(std::string_view text,
                                                        const std::vector<Segment>& segments,
                                                        std::string_view language) const {
  if (text.size() >= UINT32_MAX) return Status::Error("text larger than 4 GiB");
  auto out = std::make_unique<AnalyzedText>();
  AnalyzedText& a = *out;
  a.text = text;
  a.language = std::string(language);

  std::string joined;
  JoinLines(text, &joined, &a.joined_to_text);
  if (Status s = Normalize(joined, false, &a.surface, &a.surface_to_joined); !s.ok()) return s;
  if (Status s = Normalize(a.surface, true, &a.norm, &a.norm_to_surface); !s.ok()) return s;

  // Sentences, in surface offsets first.
  auto found = Sentences(a.surface, language);
  if (!found.ok()) return found.status();
  const std::vector<std::pair<uint32_t, uint32_t>>& sentences = *found;
  // Sentence and token offsets come in increasing order: cursors map them
  // (AnalyzedText::SurfaceToSource, a walk instead of a search per offset).
  OffsetMap::Cursor norm_to_surface(a.norm_to_surface), surface_to_joined(a.surface_to_joined),
      joined_to_text(a.joined_to_text);
  auto surface_to_source = [&](uint32_t off, bool is_end) {
    return joined_to_text.ToSource(surface_to_joined.ToSource(off, is_end), is_end);
  };
  a.sentences.reserve(sentences.size());
  for (auto [s, e] : sentences) {
    a.sentences.push_back({surface_to_source(s, false), surface_to_source(e, true)});
  }

  for (const Segment& s : segments) {
    const uint32_t flags = (s.boilerplate ? HSTAG_SEGMENT_BOILERPLATE : 0u) |
                           (s.references ? HSTAG_SEGMENT_REFERENCES : 0u);
    a.segments.push_back({{s.start, s.end},
                          s.page,
                          flags,
                          {s.xpath.data(), s.xpath.size()},
                          {s.lang.data(), s.lang.size()}});
  }

  // Words, over the norm view.
  auto words = Words(a.norm);
  if (!words.ok()) return words.status();
  const auto urls = UrlSpans(a.surface);
  size_t sentence = 0, segment = 0, url = 0;
  a.tokens.reserve(words->size());
  for (const WordSegment& word : *words) {
    const int32_t status = word.status;
    hstag_token_v1 t{};
    t.norm_start = word.start;
    t.norm_end = word.end;
    // Possessive "'s" and elided articles are not part of the word.
    std::string_view w(a.norm.data() + word.start, word.end - word.start);
    if (w.size() > 2 && w.ends_with("'s")) {
      t.norm_end -= 2;
      w.remove_suffix(2);
    }
    // (The first apostrophe, looked for only as far as an elision's can be.)
    const size_t reach = std::min(w.size(), kLongestElision + 1);
    size_t apos = 0;
    while (apos < reach && w[apos] != '\'') ++apos;
    if (apos < reach && apos + 1 < w.size() && IsElision(w.substr(0, apos))) {
      t.norm_start += static_cast<uint32_t>(apos + 1);
    }
    t.surface_start = norm_to_surface.ToSource(t.norm_start, false);
    t.surface_end = norm_to_surface.ToSource(t.norm_end, true);
    t.source_start = surface_to_source(t.surface_start, false);
    t.source_end = surface_to_source(t.surface_end, true);
    while (sentence + 1 < sentences.size() && sentences[sentence + 1].first <= t.surface_start) {
      ++sentence;
    }
    while (segment + 1 < a.segments.size() && a.segments[segment + 1].span.start <= t.source_start) {
      ++segment;
    }
    t.sentence = static_cast<uint32_t>(sentence);
    t.segment = static_cast<uint32_t>(segment);
    t.flags = TokenFlags(status);
    while (url < urls.size() && urls[url].second <= t.surface_start) ++url;
    if (url < urls.size() && urls[url].first <= t.surface_start) t.flags |= HSTAG_TOKEN_URL;
    a.tokens.push_back(t);
  }
  return out;
}

Status Analyzer::Normalize(std::string_view in, bool casefold, std::string* out, OffsetMap* map,
                           bool ascii_fast_path) const {
  if (in.size() >= UINT32_MAX) return Status::Error("text larger than 4 GiB");
  const icu::Normalizer2* nf = casefold ? impl_->nfkc_cf : impl_->nfkc;
  out->clear();
  if (!ascii_fast_path) return IcuNormalize(nf, in, 0, out, map);
  // ASCII is its own NFKC, and case folding it keeps its length (a change
  // the map does not record): ASCII runs are copied, lower-cased for
  // NFKC_Casefold. Every ASCII character has a normalization boundary before
  // it, so the rest goes to ICU in pieces that normalize as they would in the
  // whole text, each with the ASCII character before it (a combining mark
  // may follow that one).
  constexpr size_t kLongAsciiRun = 32;
  out->reserve(in.size());
  auto ascii = [&](size_t k) { return static_cast<unsigned char>(in[k]) < 0x80; };
  auto ascii_run_end = [&](size_t j) {  // eight bytes at a time
    for (uint64_t w; j + 8 <= in.size(); j += 8) {
      std::memcpy(&w, in.data() + j, 8);
      if (w & 0x8080808080808080ull) break;
    }
    while (j < in.size() && ascii(j)) ++j;
    return j;
  };
  for (size_t p = 0; p < in.size();) {
    const size_t j = ascii_run_end(p);
    const size_t copy_end = j == in.size() || j == p ? j : j - 1;
    const size_t from = out->size();
    out->append(in.data() + p, copy_end - p);
    if (casefold) {
      char* const end = out->data() + out->size();  // hoisted: a char* store may alias *out
      for (char* c = out->data() + from; c != end; ++c) {
        *c = static_cast<char>(*c + (static_cast<unsigned char>(*c - 'A') < 26 ? 32 : 0));
      }
    }
    if (j == in.size()) break;
    // ICU takes the text up to the next ASCII run long enough to be worth a
    // call of its own (in scripts written with ASCII spaces, every word
    // would be one otherwise).
    size_t k = j;
    for (;;) {
      while (k < in.size() && !ascii(k)) ++k;
      const size_t m = ascii_run_end(k);
      if (m == in.size() || m - k >= kLongAsciiRun) break;
      k = m;
    }
    if (Status s = IcuNormalize(nf, in.substr(copy_end, k - copy_end),
                                static_cast<uint32_t>(copy_end), out, map);
        !s.ok()) {
      return s;
    }
    p = k;
  }
  return Status();
}

Result<std::vector<std::pair<uint32_t, uint32_t>>> Analyzer::Sentences(std::string_view s,
                                                                       std::string_view language,
                                                                       bool ascii_fast_path) const {
  if (s.size() >= INT32_MAX) return Status::Error("text larger than 2 GiB");
  // ICU is given UTF-16, which its iterators read directly (through a UTF-8
  // UText they spend more on the conversion than on the rules); at[k] is the
  // byte offset in s of the code point that u[k] belongs to. Neither is
  // longer than s (and at has one more, for the end).
  const auto n = static_cast<int32_t>(s.size());
  auto u = std::make_unique_for_overwrite<char16_t[]>(s.size() + 1);
  auto at = std::make_unique_for_overwrite<uint32_t[]>(s.size() + 1);
  int32_t k = 0;
  static constexpr auto kClass = [] {  // 1: ASCII letter, 2: ASCII digit
    std::array<uint8_t, 256> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 0x20] = 1;
    for (int c = '0'; c <= '9'; ++c) t[c] = 2;
    return t;
  }();
  auto letter = [](unsigned char c) { return kClass[c] == 1; };
  auto alnum = [](unsigned char c) { return kClass[c] != 0; };
  for (int32_t i = 0; i < n;) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const auto from = static_cast<uint32_t>(i);
      UChar32 cp;
      U8_NEXT(s.data(), i, n, cp);
      if (cp < 0) cp = 0xFFFD;
      if (cp <= 0xFFFF) {
        u[k] = static_cast<char16_t>(cp);
        at[k++] = from;
      } else {
        u[k] = static_cast<char16_t>(U16_LEAD(cp));
        at[k++] = from;
        u[k] = static_cast<char16_t>(U16_TRAIL(cp));
        at[k++] = from;
      }
      continue;
    }
    int32_t end = i + 1;
    if (ascii_fast_path && letter(c) && (i == 0 || s[i - 1] == ' ')) {
      // Plain words (ASCII letters and digits, the first starting with a
      // letter) separated by single spaces, the last followed by a space or
      // the end: the first and last characters stand for all of them. In
      // them there is nothing the sentence rules (UAX #29) break at; after
      // them the rules look back at one character, the last; before them the
      // rules look ahead (past digits and white space) to the first letter,
      // the first; and every word of ICU's abbreviation lists touches a full
      // stop, which none of these does (the lists' entries all end in ".").
      int32_t last = -1;  // end of the last word followed by a space or the end
      for (int32_t j = i;;) {
        j = SkipPlainWords(s, j, &last);
        while (j < n && alnum(static_cast<unsigned char>(s[j]))) ++j;
        if (j < n && s[j] != ' ') break;
        last = j;
        if (j + 1 >= n || !alnum(static_cast<unsigned char>(s[j + 1]))) break;
        ++j;
      }
      if (last - i >= 3) {
        u[k] = c;
        at[k++] = static_cast<uint32_t>(i);
        u[k] = static_cast<unsigned char>(s[last - 1]);
        at[k++] = static_cast<uint32_t>(last - 1);
        i = last;
        continue;
      }
    }
    for (; i < end; ++i) {
      u[k] = static_cast<unsigned char>(s[i]);
      at[k++] = static_cast<uint32_t>(i);
    }
  }
  at[k] = static_cast<uint32_t>(s.size());

  UErrorCode ec = U_ZERO_ERROR;
  UTextPtr ut(utext_openUChars(nullptr, reinterpret_cast<const UChar*>(u.get()), k, &ec));
  std::unique_ptr<icu::BreakIterator> sb(impl_->SentencesFor(language).clone());
  if (!sb) return Status::Error("ICU: cannot clone the sentence iterator");
  sb->setText(ut.get(), ec);
  if (U_FAILURE(ec)) return Status::Error(std::string("ICU sentence break: ") + u_errorName(ec));
  std::vector<std::pair<uint32_t, uint32_t>> out;
  uint32_t start = at[sb->first()];
  for (int32_t next = sb->next(); next != icu::BreakIterator::DONE; next = sb->next()) {
    const uint32_t end = at[next];
    uint32_t e = end;
    while (e > start &&
           (s[e - 1] == ' ' || s[e - 1] == '\n' || s[e - 1] == '\t' || s[e - 1] == '\r')) {
      --e;
    }
    uint32_t b = start;
    while (b < e && (s[b] == ' ' || s[b] == '\n')) ++b;
    if (b < e) out.emplace_back(b, e);
    start = end;
  }
  return out;
}

Result<std::vector<Analyzer::WordSegment>> Analyzer::Words(std::string_view s,
                                                          bool ascii_fast_path) const {
  if (s.size() >= UINT32_MAX) return Status::Error("text larger than 4 GiB");
  std::vector<WordSegment> out;
  std::unique_ptr<icu::BreakIterator> wb;
  // ICU over s[from, to), a span between guaranteed boundaries.
  auto icu_words = [&](size_t from, size_t to) -> Status {
    UErrorCode ec = U_ZERO_ERROR;
    if (!wb) wb.reset(impl_->words->clone());
    if (!wb) return Status::Error("ICU: cannot clone the word iterator");
    UTextPtr ut = OpenUtf8(s.substr(from, to - from), &ec);
    wb->setText(ut.get(), ec);
    if (U_FAILURE(ec)) return Status::Error(std::string("ICU word break: ") + u_errorName(ec));
    int32_t start = wb->first();
    for (int32_t end = wb->next(); end != icu::BreakIterator::DONE; start = end, end = wb->next()) {
      const int32_t status = wb->getRuleStatus();
      if (status < UBRK_WORD_NONE_LIMIT) continue;
      out.push_back({static_cast<uint32_t>(from + start), static_cast<uint32_t>(from + end), status});
    }
    return Status();
  };
  if (!ascii_fast_path) {
    if (Status st = icu_words(0, s.size()); !st.ok()) return st;
    return out;
  }
  size_t pos = 0;  // always a guaranteed boundary
  while (pos < s.size()) {
    size_t hard = pos;
    while (hard < s.size() && !NeedsIcu(static_cast<unsigned char>(s[hard]))) ++hard;
    if (hard == s.size()) {
      AsciiWords(s, pos, hard, &out);
      break;
    }
    size_t from = hard;
    while (from > pos && !SafeSplit(s, from)) --from;
    size_t to = hard + 1;
    while (to < s.size() && !SafeSplit(s, to)) ++to;
    AsciiWords(s, pos, from, &out);
    if (Status st = icu_words(from, to); !st.ok()) return st;
    pos = to;
  }
  return out;
}

}  // namespace hstag
