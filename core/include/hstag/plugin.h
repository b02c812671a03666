// SPDX-License-Identifier: GPL-3.0-or-later
//
// The C++ layer for plugin authors, header-only, compiled into the plugin.
// Derive from hstag::sdk::Tagger or hstag::sdk::Extractor and export the
// class with HSTAG_TAGGER_PLUGIN or HSTAG_EXTRACTOR_PLUGIN. The macros write
// the C entry point of <hstag/plugin_abi.h> and catch every exception at the
// boundary: a plugin that throws fails its call with the exception's message,
// and the host reports it for that document only. The constructor gets
// CreateArgs: the plugin's options, the host's services and the pipeline's
// lexicons as read-only views (LexiconView, ConceptView, CueView,
// CueWordView), every cue with its words as the analyzer tokenizes them.
// Everything here is a view of the host's C data: no STL type crosses the
// ABI.
//
// Thread safety: Tag() and Extract() are const and may run concurrently on
// one instance; keep per-document state on the stack.
#ifndef HSTAG_PLUGIN_H_
#define HSTAG_PLUGIN_H_

#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <iterator>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "hstag/plugin_abi.h"
#include "hstag/strength.h"

namespace hstag::sdk {

inline std::string_view View(hstag_str s) { return {s.data, s.size}; }
inline hstag_str Str(std::string_view s) { return {s.data(), s.size()}; }

using Strength = ::hstag::Strength;

// An annotation as plugins give and see it: views of strings the caller
// owns. `plugin` is set by the host for the annotations of earlier taggers
// (TextView::prior()) and ignored in what a plugin emits.
struct Annotation {
  std::string_view concept_id;
  Strength strength = Strength::kExplicit;
  uint32_t start = 0, end = 0;
  std::string_view rule;
  std::string_view value;
  int64_t via = -1;
  double score = -1;
  std::string_view plugin;
};

// The one conversion each way between an Annotation and the C struct, for
// the SDK (Sink::Emit, TextView::prior) and the host alike.
inline hstag_annotation_v1 ToC(const Annotation& a) {
  hstag_annotation_v1 c{};
  c.struct_size = sizeof c;
  c.concept_id = Str(a.concept_id);
  c.strength = static_cast<uint32_t>(a.strength);
  c.start = a.start;
  c.end = a.end;
  c.rule = Str(a.rule);
  c.value = Str(a.value);
  c.via = a.via;
  c.score = a.score;
  c.plugin = Str(a.plugin);
  return c;
}
// REQUIRES: c.strength is an hstag_strength (the host checks what plugins
// emit before it converts).
inline Annotation FromC(const hstag_annotation_v1& c) {
  Annotation a;
  a.concept_id = View(c.concept_id);
  a.strength = static_cast<Strength>(c.strength);
  a.start = c.start;
  a.end = c.end;
  a.rule = View(c.rule);
  a.value = View(c.value);
  a.via = c.via;
  a.score = c.score;
  a.plugin = View(c.plugin);
  return a;
}

// What stands between two words of a norm view (norm[from, to)), white
// space removed: how the host computes a cue word's gap_before, for plugins
// that compare a document's gaps with a cue's.
inline std::string GapBetween(std::string_view norm, uint32_t from, uint32_t to) {
  std::string gap;
  for (uint32_t i = from; i < to && i < norm.size(); ++i) {
    const char c = norm[i];
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f') gap.push_back(c);
  }
  return gap;
}

class CueWordView;
class CueView;
class ConceptView;
class LexiconView;

// The element of a C array as the SDK shows it: a string as a string_view,
// an annotation as an Annotation, a lexicon's parts as their views.
inline std::string_view Element(const hstag_str& s) { return View(s); }
inline Annotation Element(const hstag_annotation_v1& a) { return FromC(a); }
inline CueWordView Element(const hstag_cue_word_v2& w);
inline CueView Element(const hstag_cue_v3& c);
inline ConceptView Element(const hstag_concept_v2& c);
inline LexiconView Element(const hstag_lexicon_v2& l);

// A read-only range over a C array the host owns, each element shown as
// Element() makes it (by value: the views are small).
template <typename C>
class Range {
 public:
  using value_type = decltype(Element(std::declval<const C&>()));
  class Iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = Range::value_type;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = value_type;
    Iterator() = default;
    explicit Iterator(const C* p) : p_(p) {}
    value_type operator*() const { return Element(*p_); }
    value_type operator[](difference_type n) const { return Element(p_[n]); }
    Iterator& operator++() { return ++p_, *this; }
    Iterator operator++(int) { return Iterator(p_++); }
    Iterator& operator--() { return --p_, *this; }
    Iterator operator--(int) { return Iterator(p_--); }
    Iterator& operator+=(difference_type n) { return p_ += n, *this; }
    Iterator& operator-=(difference_type n) { return p_ -= n, *this; }
    friend Iterator operator+(Iterator i, difference_type n) { return i += n; }
    friend Iterator operator+(difference_type n, Iterator i) { return i += n; }
    friend Iterator operator-(Iterator i, difference_type n) { return i -= n; }
    friend difference_type operator-(Iterator a, Iterator b) { return a.p_ - b.p_; }
    friend auto operator<=>(Iterator a, Iterator b) = default;

   private:
    const C* p_ = nullptr;
  };

  Range() = default;
  Range(const C* data, size_t size) : data_(data), size_(size) {}
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  value_type operator[](size_t i) const { return Element(data_[i]); }
  value_type front() const { return Element(data_[0]); }
  value_type back() const { return Element(data_[size_ - 1]); }
  Iterator begin() const { return Iterator(data_); }
  Iterator end() const { return Iterator(data_ + size_); }
  std::span<const C> raw() const { return {data_, size_}; }

 private:
  const C* data_ = nullptr;
  size_t size_ = 0;
};

// Read-only views of the pipeline's lexicons (hstag_lexicon_v2 and what it
// points to; lexicons/README.md describes the fields). They stay valid as
// long as the plugin instance that was given them.

// A word of a cue term as the document analyzer tokenizes it.
class CueWordView {
 public:
  explicit CueWordView(const hstag_cue_word_v2& w) : w_(&w) {}
  std::string_view norm() const { return View(w_->norm); }        // case-folded, `*` kept
  std::string_view surface() const { return View(w_->surface); }  // as written
  std::string_view gap_before() const { return View(w_->gap_before); }
  bool glob() const { return w_->glob != 0; }

 private:
  const hstag_cue_word_v2* w_;
};

// Conditions on the text around a match of a cue (hstag_cue_context_v1).
class CueContextView {
 public:
  explicit CueContextView(const hstag_cue_context_v1& c) : c_(&c) {}
  Range<hstag_str> near() const { return {c_->near, c_->n_near}; }
  Range<hstag_str> after() const { return {c_->after, c_->n_after}; }
  Range<hstag_str> before() const { return {c_->before, c_->n_before}; }
  uint32_t within() const { return c_->within; }
  Range<hstag_str> sentence() const { return {c_->sentence, c_->n_sentence}; }
  Range<hstag_str> concepts() const { return {c_->concepts, c_->n_concepts}; }
  uint32_t in() const { return c_->in; }  // hstag_cue_in bits
  bool empty() const {
    return !c_->n_near && !c_->n_after && !c_->n_before && !c_->n_sentence && !c_->n_concepts &&
           !c_->in;
  }

 private:
  const hstag_cue_context_v1* c_;
};

class CueView {
 public:
  explicit CueView(const hstag_cue_v3& c) : c_(&c) {}
  std::string_view term() const { return View(c_->term); }
  Strength strength() const { return static_cast<Strength>(c_->strength); }
  bool exact() const { return c_->case_mode == HSTAG_CASE_EXACT; }  // else case-folded
  Range<hstag_str> langs() const { return {c_->langs, c_->n_langs}; }
  Range<hstag_str> also() const { return {c_->also, c_->n_also}; }
  std::string_view required() const { return View(c_->required); }
  uint32_t line() const { return c_->line; }
  Range<hstag_cue_word_v2> words() const { return {c_->words, c_->n_words}; }
  CueContextView context() const { return CueContextView(c_->context); }  // all must hold
  CueContextView veto() const { return CueContextView(c_->veto); }        // none may hold

 private:
  const hstag_cue_v3* c_;
};

class ConceptView {
 public:
  explicit ConceptView(const hstag_concept_v2& c) : c_(&c) {}
  std::string_view id() const { return View(c_->id); }
  std::string_view label() const { return View(c_->label); }
  std::string_view section() const { return View(c_->section); }
  std::string_view parent() const { return View(c_->parent); }
  std::string_view type() const { return View(c_->type); }
  std::string_view description() const { return View(c_->description); }
  std::string_view matched_by() const { return View(c_->matched_by); }
  std::string_view overlap_group() const { return View(c_->overlap_group); }
  uint32_t line() const { return c_->line; }
  Range<hstag_cue_v3> cues() const { return {c_->cues, c_->n_cues}; }
  Range<hstag_cue_v3> excludes() const { return {c_->excludes, c_->n_excludes}; }

 private:
  const hstag_concept_v2* c_;
};

class LexiconView {
 public:
  explicit LexiconView(const hstag_lexicon_v2& l) : l_(&l) {}
  std::string_view format() const { return View(l_->format); }
  std::string_view name() const { return View(l_->name); }
  std::string_view version() const { return View(l_->version); }
  std::string_view description() const { return View(l_->description); }
  std::string_view path() const { return View(l_->path); }
  std::string_view display() const { return View(l_->display); }
  std::string_view sha256() const { return View(l_->sha256); }
  Range<hstag_concept_v2> concepts() const { return {l_->concepts, l_->n_concepts}; }

 private:
  const hstag_lexicon_v2* l_;
};

inline CueWordView Element(const hstag_cue_word_v2& w) { return CueWordView(w); }
inline CueView Element(const hstag_cue_v3& c) { return CueView(c); }
inline ConceptView Element(const hstag_concept_v2& c) { return ConceptView(c); }
inline LexiconView Element(const hstag_lexicon_v2& l) { return LexiconView(l); }

// A read-only view of an analyzed document (or of a short analyzed text).
class TextView {
 public:
  explicit TextView(const hstag_text_v1* t) : t_(t) {}
  std::string_view text() const { return View(t_->text); }
  std::string_view surface() const { return View(t_->surface); }
  std::string_view norm() const { return View(t_->norm); }
  std::string_view language() const { return View(t_->language); }
  std::span<const hstag_token_v1> tokens() const { return {t_->tokens, t_->n_tokens}; }
  std::span<const hstag_span_v1> sentences() const { return {t_->sentences, t_->n_sentences}; }
  std::span<const hstag_segment_info_v1> segments() const {
    return {t_->segments, t_->n_segments};
  }
  // The annotations of the taggers that ran before, sorted by start.
  Range<hstag_annotation_v1> prior() const { return {t_->prior, t_->n_prior}; }
  std::string_view Norm(const hstag_token_v1& k) const {
    return norm().substr(k.norm_start, k.norm_end - k.norm_start);
  }
  std::string_view Surface(const hstag_token_v1& k) const {
    return surface().substr(k.surface_start, k.surface_end - k.surface_start);
  }
  // The language of a token: its segment's, else the document's.
  std::string_view Language(const hstag_token_v1& k) const {
    if (k.segment < t_->n_segments && t_->segments[k.segment].lang.size > 0)
      return View(t_->segments[k.segment].lang);
    return language();
  }
  uint32_t SurfaceToSource(uint32_t off, bool is_end) const {
    return t_->surface_to_source(t_->map_ctx, off, is_end ? 1 : 0);
  }
  uint32_t NormToSource(uint32_t off, bool is_end) const {
    return t_->norm_to_source(t_->map_ctx, off, is_end ? 1 : 0);
  }
  const hstag_text_v1* raw() const { return t_; }

 private:
  const hstag_text_v1* t_;
};

class Sink {
 public:
  explicit Sink(const hstag_sink_v1* s) : s_(s) {}
  void Emit(const Annotation& a) const {
    hstag_annotation_v1 c = ToC(a);
    c.plugin = {};  // the host's to fill
    s_->emit(s_->ctx, &c);
  }
  void Warn(std::string_view message) const { s_->warn(s_->ctx, Str(message)); }
  // Drops, once every tagger has run, the annotations of `concepts` (an ID,
  // or a prefix ending in `*`) inside the source span [start, end), whichever
  // tagger made them (hstag_sink_v1.veto).
  void Veto(std::string_view concepts, uint32_t start, uint32_t end) const {
    s_->veto(s_->ctx, Str(concepts), start, end);
  }

 private:
  const hstag_sink_v1* s_;
};

// The host's services: analyze a short text the way documents are analyzed;
// unpack a zip held in memory under the run's limits.
class Host {
 public:
  explicit Host(const hstag_host_v1* h) : h_(h) {}
  class Analyzed {
   public:
    Analyzed(const hstag_host_v1* h, const hstag_text_v1* t) : h_(h), t_(t) {}
    Analyzed(Analyzed&& o) noexcept : h_(o.h_), t_(o.t_) { o.t_ = nullptr; }
    Analyzed(const Analyzed&) = delete;
    Analyzed& operator=(const Analyzed&) = delete;
    ~Analyzed() {
      if (t_) h_->release_text(h_->ctx, t_);
    }
    bool ok() const { return t_ != nullptr; }
    TextView view() const { return TextView(t_); }

   private:
    const hstag_host_v1* h_;
    const hstag_text_v1* t_;
  };
  Analyzed Analyze(std::string_view text) const {
    return Analyzed(h_, h_->analyze(h_->ctx, Str(text)));
  }
  // From Extract(), before OCR of `pages` pages: a batch's time limit for
  // the document grows (a host without the service ignores it).
  void AnnounceOcr(uint32_t pages) const {
    if (h_ && h_->struct_size >= offsetof(hstag_host_v1, announce_ocr) + sizeof h_->announce_ocr &&
        h_->announce_ocr) {
      h_->announce_ocr(h_->ctx, pages);
    }
  }

  // Whether the host unpacks zips (hosts before the service was appended
  // do not).
  bool CanUnpackZip() const { return HSTAG_HOST_HAS(h_, unpack_zip); }
  // Unpacks a zip held in memory under the run's limits: want(name) -> bool
  // for each member in the archive's order; got(name, bytes) for each wanted
  // one, returning false to stop. Throws std::runtime_error with the host's
  // reason (not a zip, damaged, over a limit, an encrypted member); an
  // exception thrown by want or got stops the unpacking and is rethrown.
  template <typename Want, typename Got>
  void UnpackZip(std::span<const uint8_t> zip, Want&& want, Got&& got) const {
    if (!CanUnpackZip()) throw std::runtime_error("this hstag cannot unpack zips for plugins");
    struct State {
      Want* want;
      Got* got;
      std::exception_ptr error;
    } state{&want, &got, nullptr};
    hstag_unpack_v1 cb{};
    cb.ctx = &state;
    cb.want = [](void* ctx, hstag_str name) -> int32_t {
      auto* s = static_cast<State*>(ctx);
      if (s->error) return 0;
      try {
        return (*s->want)(View(name)) ? 1 : 0;
      } catch (...) {
        s->error = std::current_exception();
        return 0;
      }
    };
    cb.member = [](void* ctx, hstag_str name, const uint8_t* data, size_t size) -> int32_t {
      auto* s = static_cast<State*>(ctx);
      try {
        return (*s->got)(View(name), std::string_view(reinterpret_cast<const char*>(data), size))
                   ? 0
                   : 1;
      } catch (...) {
        s->error = std::current_exception();
        return 1;
      }
    };
    std::string message;
    hstag_error_v1 err{&message, [](void* ctx, hstag_str m) {
                         static_cast<std::string*>(ctx)->assign(m.data, m.size);
                       }};
    const int32_t rc = h_->unpack_zip(h_->ctx, zip.data(), zip.size(), &cb, &err);
    if (state.error) std::rethrow_exception(state.error);
    if (rc != HSTAG_OK) {
      throw std::runtime_error(message.empty() ? std::string("cannot unpack the zip") : message);
    }
  }

 private:
  const hstag_host_v1* h_;
};

struct CreateArgs {
  Host host;
  std::string_view options_json;  // a JSON object, "{}" when none
  std::string_view config_dir;
  std::string_view data_dir;
  // The pipeline's lexicons, parsed by the host, valid as long as the
  // plugin instance.
  Range<hstag_lexicon_v2> lexicons;
};

class Tagger {
 public:
  virtual ~Tagger() = default;
  virtual void Tag(const TextView& text, const Sink& sink) const = 0;
};

struct ExtractInput {
  std::string_view path;
  std::span<const uint8_t> data;
};

class ExtractOutput {
 public:
  explicit ExtractOutput(const hstag_extract_out_v1* o) : o_(o) {}
  struct Segment {
    std::string_view text;
    uint32_t page = 0;
    std::string_view page_label, xpath, lang;
    bool boilerplate = false;
    bool references = false;      // in a reference list (HSTAG_SEGMENT_REFERENCES)
    std::string_view origin;      // "text", "ocr", or empty
    int32_t ocr_confidence = -1;  // 0-100 for origin "ocr"
    uint32_t heading = 0;  // a heading's level, 1 to 9; 0: not a heading
  };
  void AddSegment(const Segment& s) const {
    hstag_segment_v1 c{};
    c.struct_size = sizeof c;
    c.text = Str(s.text);
    c.page = s.page;
    c.page_label = Str(s.page_label);
    c.xpath = Str(s.xpath);
    c.lang = Str(s.lang);
    c.flags = (s.boilerplate ? HSTAG_SEGMENT_BOILERPLATE : 0u) |
              (s.references ? HSTAG_SEGMENT_REFERENCES : 0u);
    c.origin = Str(s.origin);
    c.ocr_confidence = s.ocr_confidence;
    c.heading = s.heading;
    o_->add_segment(o_->ctx, &c);
  }
  void SetMetadata(std::string_view k, std::string_view v) const {
    o_->set_metadata(o_->ctx, Str(k), Str(v));
  }
  void SetLanguage(std::string_view lang) const { o_->set_language(o_->ctx, Str(lang)); }
  void SetTextOrigin(std::string_view origin) const {
    o_->set_text_origin(o_->ctx, Str(origin));
  }
  void SetPages(uint32_t pages) const { o_->set_pages(o_->ctx, pages); }
  void Warn(std::string_view message) const { o_->warn(o_->ctx, Str(message)); }

 private:
  const hstag_extract_out_v1* o_;
};

class Extractor {
 public:
  virtual ~Extractor() = default;
  // Throws (any std::exception) when the document cannot be extracted.
  virtual void Extract(const ExtractInput& in, const ExtractOutput& out) const = 0;
};

namespace internal {

inline void SetError(const hstag_error_v1* err, std::string_view msg) {
  if (err && err->set) err->set(err->ctx, Str(msg));
}

template <typename F>
int32_t Guard(const hstag_error_v1* err, F&& f) noexcept {
  try {
    f();
    return HSTAG_OK;
  } catch (const std::exception& e) {
    SetError(err, e.what());
  } catch (...) {
    SetError(err, "unknown exception");
  }
  return HSTAG_FAILED;
}

template <typename T>
void* Create(const hstag_create_args_v2* a, const hstag_error_v1* err) noexcept {
  void* out = nullptr;
  Guard(err, [&] {
    CreateArgs args{Host(a->host), View(a->options_json), View(a->config_dir), View(a->data_dir),
                    {a->lexicons, a->n_lexicons}};
    out = new T(args);
  });
  return out;
}

template <typename Base>
void Destroy(void* self) noexcept {
  delete static_cast<Base*>(self);
}

inline int32_t Tag(void* self, const hstag_text_v1* t, const hstag_sink_v1* s,
                   const hstag_error_v1* err) noexcept {
  return Guard(err, [&] { static_cast<const Tagger*>(self)->Tag(TextView(t), Sink(s)); });
}

inline int32_t Extract(void* self, const hstag_extract_in_v1* in, const hstag_extract_out_v1* out,
                       const hstag_error_v1* err) noexcept {
  return Guard(err, [&] {
    ExtractInput input{View(in->path), {in->data, in->size}};
    static_cast<const Extractor*>(self)->Extract(input, ExtractOutput(out));
  });
}

}  // namespace internal
}  // namespace hstag::sdk

// The exported entry point: hstag_plugin_query in a module, a uniquely named
// function when the plugin is linked into hstag (HSTAG_BUILTIN_PLUGIN_ID).
#define HSTAG_PLUGIN_CAT2_(a, b, c) a##b##c
#define HSTAG_PLUGIN_CAT_(a, b, c) HSTAG_PLUGIN_CAT2_(a, b, c)
#ifdef HSTAG_BUILTIN_PLUGIN_ID
#define HSTAG_PLUGIN_ENTRY_ \
  HSTAG_PLUGIN_CAT_(hstag_builtin_, HSTAG_BUILTIN_PLUGIN_ID, _query)
#define HSTAG_PLUGIN_EXPORT_
#else
#define HSTAG_PLUGIN_ENTRY_ hstag_plugin_query
#define HSTAG_PLUGIN_EXPORT_ __attribute__((visibility("default")))
#endif

// HSTAG_TAGGER_PLUGIN(Class, "id", "version", "description", "libraries")
// Class derives from hstag::sdk::Tagger and has a constructor taking
// const hstag::sdk::CreateArgs&.
#define HSTAG_TAGGER_PLUGIN(Class, Id, Version, Description, Libraries)                  \
  extern "C" HSTAG_PLUGIN_EXPORT_ const hstag_plugin_v2* HSTAG_PLUGIN_ENTRY_(uint32_t) { \
    static const hstag_plugin_v2 d = {                                                   \
        HSTAG_PLUGIN_ABI_VERSION,                                                        \
        sizeof(hstag_plugin_v2),                                                         \
        HSTAG_KIND_TAGGER,                                                               \
        Id,                                                                              \
        Version,                                                                         \
        Description,                                                                     \
        Libraries,                                                                       \
        "",                                                                              \
        &::hstag::sdk::internal::Create<Class>,                                          \
        &::hstag::sdk::internal::Destroy<::hstag::sdk::Tagger>,                          \
        nullptr,                                                                         \
        nullptr,                                                                         \
        &::hstag::sdk::internal::Tag};                                                   \
    return &d;                                                                           \
  }

// HSTAG_EXTRACTOR_PLUGIN(Class, "id", "version", "description", "libraries",
//                        "formats", SniffFunction)
// SniffFunction: int32_t (const uint8_t* head, size_t size, hstag_str ext)
#define HSTAG_EXTRACTOR_PLUGIN(Class, Id, Version, Description, Libraries, Formats, Sniff) \
  extern "C" HSTAG_PLUGIN_EXPORT_ const hstag_plugin_v2* HSTAG_PLUGIN_ENTRY_(uint32_t) {   \
    static const hstag_plugin_v2 d = {                                                     \
        HSTAG_PLUGIN_ABI_VERSION,                                                          \
        sizeof(hstag_plugin_v2),                                                           \
        HSTAG_KIND_EXTRACTOR,                                                              \
        Id,                                                                                \
        Version,                                                                           \
        Description,                                                                       \
        Libraries,                                                                         \
        Formats,                                                                           \
        &::hstag::sdk::internal::Create<Class>,                                            \
        &::hstag::sdk::internal::Destroy<::hstag::sdk::Extractor>,                         \
        Sniff,                                                                             \
        &::hstag::sdk::internal::Extract,                                                  \
        nullptr};                                                                          \
    return &d;                                                                             \
  }

#endif  // HSTAG_PLUGIN_H_
