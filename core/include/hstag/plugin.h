// SPDX-License-Identifier: GPL-3.0-or-later
//
// The C++ layer for plugin authors, header-only, compiled into the plugin.
// Derive from hstag::sdk::Tagger or hstag::sdk::Extractor and export the
// class with HSTAG_TAGGER_PLUGIN or HSTAG_EXTRACTOR_PLUGIN. The macros write
// the C entry point of <hstag/plugin_abi.h> and catch every exception at the
// boundary: a plugin that throws fails its call with the exception's message,
// and the host reports it for that document only.
//
// Thread safety: Tag() and Extract() are const and may run concurrently on
// one instance; keep per-document state on the stack.
#ifndef HSTAG_PLUGIN_H_
#define HSTAG_PLUGIN_H_

#include <cstdint>
#include <cstring>
#include <exception>
#include <span>
#include <string>
#include <string_view>

#include "hstag/plugin_abi.h"

namespace hstag::sdk {

inline std::string_view View(hstag_str s) { return {s.data, s.size}; }
inline hstag_str Str(std::string_view s) { return {s.data(), s.size()}; }

enum class Strength : uint32_t { kExplicit = HSTAG_EXPLICIT, kIndicator = HSTAG_INDICATOR };

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
  std::span<const hstag_annotation_v1> prior() const { return {t_->prior, t_->n_prior}; }
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

struct Annotation {
  std::string_view concept_id;
  Strength strength = Strength::kExplicit;
  uint32_t start = 0, end = 0;
  std::string_view rule;
  std::string_view value;
  int64_t via = -1;
  double score = -1;
};

class Sink {
 public:
  explicit Sink(const hstag_sink_v1* s) : s_(s) {}
  void Emit(const Annotation& a) const {
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
    s_->emit(s_->ctx, &c);
  }
  void Warn(std::string_view message) const { s_->warn(s_->ctx, Str(message)); }

 private:
  const hstag_sink_v1* s_;
};

// The host's services: analyze a short text the way documents are analyzed.
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

 private:
  const hstag_host_v1* h_;
};

struct CreateArgs {
  Host host;
  std::string_view options_json;  // a JSON object, "{}" when none
  std::string_view config_dir;
  std::string_view data_dir;
  std::span<const hstag_str> lexicons;  // the pipeline's lexicon files
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
  };
  void AddSegment(const Segment& s) const {
    hstag_segment_v1 c{};
    c.struct_size = sizeof c;
    c.text = Str(s.text);
    c.page = s.page;
    c.page_label = Str(s.page_label);
    c.xpath = Str(s.xpath);
    c.lang = Str(s.lang);
    c.flags = s.boilerplate ? HSTAG_SEGMENT_BOILERPLATE : 0u;
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
void* Create(const hstag_create_args_v1* a, const hstag_error_v1* err) noexcept {
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
  extern "C" HSTAG_PLUGIN_EXPORT_ const hstag_plugin_v1* HSTAG_PLUGIN_ENTRY_(uint32_t) { \
    static const hstag_plugin_v1 d = {                                                   \
        HSTAG_PLUGIN_ABI_VERSION,                                                        \
        sizeof(hstag_plugin_v1),                                                         \
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
  extern "C" HSTAG_PLUGIN_EXPORT_ const hstag_plugin_v1* HSTAG_PLUGIN_ENTRY_(uint32_t) {   \
    static const hstag_plugin_v1 d = {                                                     \
        HSTAG_PLUGIN_ABI_VERSION,                                                          \
        sizeof(hstag_plugin_v1),                                                           \
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
