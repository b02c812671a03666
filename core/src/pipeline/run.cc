// SPDX-License-Identifier: GPL-3.0-or-later
//
// Running documents through a pipeline: read, extract (the extractor that
// best fits the bytes), analyze, tag (each tagger seeing what the ones before
// it found), resolve. Every per-document state lives in the call.
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <filesystem>
#include <optional>

#include "hstag/pipeline.h"
#include "hstag/plugin.h"
#include "hstag/utf8.h"
#include "pipeline/pipeline_impl.h"
#include "pipeline/resolver.h"
#include "text/language.h"
#include "text/references.h"
#include "text/sniff.h"
#include "util/util.h"

namespace fs = std::filesystem;

namespace hstag {

// A segment of at least this many bytes has its language detected (about
// 35 words: enough function words to tell one language from another).
constexpr uint32_t kSegmentLanguageBytes = 200;
namespace {

using sdk::Str;
using sdk::View;

// The error of a document over a limit: the limit, its value, the option.
std::string OverLimit(uint64_t value, const char* unit, const char* option,
                      const std::string& what) {
  return "over the limit of " + std::to_string(value) + " " + unit + " per document (" + option +
         " raises it): " + what;
}

// The path written to the output: valid UTF-8, as JSON and CSV need; a file
// name that is not gets U+FFFD for its bad bytes, and a warning.
void SetPath(Document* doc, const std::string& display_path) {
  if (IsValidUtf8(display_path)) {
    doc->path = display_path;
    return;
  }
  doc->path.clear();
  RepairUtf8(display_path, &doc->path);
  doc->Warn("read", "the file name is not valid UTF-8: written with U+FFFD for its bad bytes");
}

std::string ExtensionOf(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  if (!ext.empty()) ext.erase(0, 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext;
}

// The document's format: of an extractor's formats, the one its extension
// names, else the first.
std::string FormatOf(const std::string& formats, const std::string& ext) {
  size_t i = 0;
  while (i <= formats.size()) {
    size_t j = formats.find(',', i);
    if (j == std::string::npos) j = formats.size();
    if (!ext.empty() && formats.compare(i, j - i, ext) == 0) return ext;
    i = j + 1;
  }
  return formats.substr(0, formats.find(','));
}

// An input file's bytes, or nothing and `doc` failed. A file over the byte
// limit is refused from its size, before a byte is read.
std::optional<std::string> Read(const std::string& path, const Limits& limits, Document* doc) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
      static_cast<uint64_t>(st.st_size) > limits.max_bytes) {
    doc->bytes = static_cast<uint64_t>(st.st_size);
    doc->Fail("limit", OverLimit(limits.max_bytes, "bytes", "--max-bytes",
                                 "the file has " + std::to_string(st.st_size) + " bytes"));
    return std::nullopt;
  }
  auto bytes = ReadFile(path, limits.max_bytes);
  if (!bytes.ok()) {
    doc->Fail("read", bytes.error());
    return std::nullopt;
  }
  return std::move(bytes).value();
}

// The extractor's output, assembled into a Document.
// Segments past a limit are dropped (`over` says which limit): the number
// of segments, and the bytes of their text and provenance, which an
// extractor can make much larger than the file (XML nested 100,000 deep
// gives each paragraph a path of 500 KB).
struct DocumentBuilder {
  Document* doc;
  std::string stage;
  const Limits* limits;
  uint64_t size = 0;  // bytes of the segments' text, paths and labels
  bool any = false;
  enum class Over { kNone, kSegments, kBytes } over = Over::kNone;

  static DocumentBuilder* Self(void* ctx) { return static_cast<DocumentBuilder*>(ctx); }
  static void AddSegment(void* ctx, const hstag_segment_v1* s) {
    DocumentBuilder* b = Self(ctx);
    Document& d = *b->doc;
    if (b->over != Over::kNone) return;
    b->size += s->text.size + s->xpath.size + s->page_label.size + s->lang.size + 2;
    if (d.segments.size() >= b->limits->max_segments || b->size > b->limits->max_bytes) {
      b->over = d.segments.size() >= b->limits->max_segments ? Over::kSegments : Over::kBytes;
      return;
    }
    if (b->any) d.text += (s->page != d.segments.back().page) ? "\f" : "\n\n";
    Segment seg;
    seg.start = static_cast<uint32_t>(d.text.size());
    const std::string_view text = View(s->text);
    if (IsValidUtf8(text)) {
      d.text.append(text);
    } else {
      std::string repaired;
      const size_t bad = RepairUtf8(text, &repaired);
      d.text += repaired;
      d.Warn(b->stage, std::to_string(bad) + " ill-formed UTF-8 sequence(s) replaced by U+FFFD");
    }
    seg.end = static_cast<uint32_t>(d.text.size());
    seg.page = s->page;
    seg.page_label = View(s->page_label);
    seg.xpath = View(s->xpath);
    seg.lang = View(s->lang);
    seg.boilerplate = (s->flags & HSTAG_SEGMENT_BOILERPLATE) != 0;
    seg.references = (s->flags & HSTAG_SEGMENT_REFERENCES) != 0;
    // Fields appended to the struct: read when the plugin's struct has them.
    if (s->struct_size >= offsetof(hstag_segment_v1, ocr_confidence) + sizeof s->ocr_confidence) {
      const std::string_view origin = View(s->origin);
      if (origin == "text" || origin == "ocr") seg.origin = origin;
      if (origin == "ocr") seg.ocr_confidence = std::clamp(s->ocr_confidence, -1, 100);
    }
    if (s->struct_size >= offsetof(hstag_segment_v1, heading) + sizeof s->heading) {
      seg.heading = s->heading <= 9 ? s->heading : 0;
    }
    d.segments.push_back(std::move(seg));
    b->any = true;
  }
  static void SetMetadata(void* ctx, hstag_str k, hstag_str v) {
    std::string value(View(v));
    if (!IsValidUtf8(value)) {
      std::string repaired;
      RepairUtf8(value, &repaired);
      value = std::move(repaired);
    }
    Self(ctx)->doc->metadata[std::string(View(k))] = std::move(value);
  }
  static void SetLanguage(void* ctx, hstag_str l) { Self(ctx)->doc->language = View(l); }
  static void SetOrigin(void* ctx, hstag_str o) { Self(ctx)->doc->text_origin = View(o); }
  static void SetPages(void* ctx, uint32_t n) { Self(ctx)->doc->pages = n; }
  static void Warn(void* ctx, hstag_str m) {
    Self(ctx)->doc->Warn(Self(ctx)->stage, std::string(View(m)));
  }
};

// Collects one tagger's annotations, checking them.
struct AnnotationSink {
  const std::string* text;
  const std::string* plugin;
  Document* doc;
  uint64_t room;  // annotations this tagger may still give (the limit)
  std::vector<Annotation> out;
  std::vector<Veto>* vetoes;  // of every tagger of the document
  size_t rejected = 0;
  bool over = false;

  static void Emit(void* ctx, const hstag_annotation_v1* a) {
    auto* s = static_cast<AnnotationSink*>(ctx);
    if (s->out.size() >= s->room) {
      s->over = true;
      return;
    }
    const std::string& t = *s->text;
    auto boundary = [&](uint32_t o) {
      return o == t.size() || (o < t.size() && (static_cast<unsigned char>(t[o]) & 0xC0) != 0x80);
    };
    if (a->concept_id.size == 0 || a->start >= a->end || a->end > t.size() || !boundary(a->start) ||
        !boundary(a->end) || (a->strength != HSTAG_EXPLICIT && a->strength != HSTAG_INDICATOR)) {
      ++s->rejected;
      return;
    }
    const sdk::Annotation v = sdk::FromC(*a);
    Annotation x;
    x.concept_id = v.concept_id;
    x.strength = v.strength;
    x.start = v.start;
    x.end = v.end;
    x.plugin = *s->plugin;
    x.rule = v.rule;
    x.value = v.value;
    x.via = v.via;
    x.score = v.score;
    s->out.push_back(std::move(x));
  }
  static void Warn(void* ctx, hstag_str m) {
    auto* s = static_cast<AnnotationSink*>(ctx);
    s->doc->Warn("tag:" + *s->plugin, std::string(View(m)));
  }
  static void AddVeto(void* ctx, hstag_str concepts, uint32_t start, uint32_t end) {
    auto* s = static_cast<AnnotationSink*>(ctx);
    if (concepts.size == 0 || start >= end || end > s->text->size()) {
      ++s->rejected;
      return;
    }
    s->vetoes->push_back({std::string(View(concepts)), start, end});
  }
};

}  // namespace

Document Pipeline::Extract(const std::string& path, const std::string& display_path) const {
  Document doc;
  SetPath(&doc, display_path);
  auto bytes = Read(path, impl_->limits, &doc);
  if (!bytes) return doc;
  return ExtractBytes(std::move(*bytes), display_path);
}

AnalysisResult Pipeline::Run(const std::string& path, const std::string& display_path) const {
  AnalysisResult r;
  SetPath(&r.doc, display_path);
  auto bytes = Read(path, impl_->limits, &r.doc);
  if (!bytes) return r;
  return RunBytes(std::move(*bytes), display_path);
}

Document Pipeline::ExtractBytes(std::string bytes, const std::string& display_path) const {
  Document doc;
  SetPath(&doc, display_path);
  doc.bytes = bytes.size();
  if (bytes.size() > impl_->limits.max_bytes) {
    doc.Fail("limit", OverLimit(impl_->limits.max_bytes, "bytes", "--max-bytes",
                                "the document has " + std::to_string(bytes.size()) + " bytes"));
    return doc;
  }
  doc.sha256 = Sha256Hex(bytes);

  // Choose the extractor by content.
  const std::string_view head(bytes.data(), std::min<size_t>(bytes.size(), 4096));
  const std::string ext = ExtensionOf(display_path);
  const LoadedPlugin* best = nullptr;
  int32_t best_score = 0;
  for (const auto& p : impl_->plugins->extractors) {
    const int32_t score =
        p.desc->sniff(reinterpret_cast<const uint8_t*>(head.data()), head.size(), Str(ext));
    if (score > best_score) {
      best = &p;
      best_score = score;
    }
  }
  if (bytes.empty()) {
    doc.format = "text";
    doc.Warn("read", "empty file");
    return doc;
  }
  if (const std::string what = DescribeFormat(head); !what.empty() && best_score < 50) {
    doc.Fail("extract", "unsupported format: " + what);
    return doc;
  }
  if (!best) {
    doc.Fail("extract", "unsupported format: binary data that no extractor recognizes");
    return doc;
  }
  doc.format = FormatOf(best->info.formats, ext);
  DocumentBuilder builder{&doc, "extract:" + best->info.id, &impl_->limits};
  const hstag_extract_out_v1 out{&builder,
                                 &DocumentBuilder::AddSegment,
                                 &DocumentBuilder::SetMetadata,
                                 &DocumentBuilder::SetLanguage,
                                 &DocumentBuilder::SetOrigin,
                                 &DocumentBuilder::SetPages,
                                 &DocumentBuilder::Warn};
  hstag_extract_in_v1 in{};
  in.struct_size = sizeof in;
  in.path = Str(display_path);
  in.data = reinterpret_cast<const uint8_t*>(bytes.data());
  in.size = bytes.size();
  ErrorBox err;
  if (best->desc->extract(best->self, &in, &out, &err.c) != HSTAG_OK) {
    doc.Fail("extract", err.Take("the extractor failed without a reason"));
    return doc;
  }
  if (builder.over != DocumentBuilder::Over::kNone) {
    const std::string what = "extractor '" + best->info.id + "' gave more";
    doc.Fail("limit",
             builder.over == DocumentBuilder::Over::kSegments
                 ? OverLimit(impl_->limits.max_segments, "segments", "--max-segments", what)
                 : OverLimit(impl_->limits.max_bytes, "bytes", "--max-bytes",
                             what + " (text, element paths and page labels)"));
    doc.text.clear();
    doc.segments.clear();
    return doc;
  }
  bytes.clear();
  bytes.shrink_to_fit();
  if (doc.pages == 0) {
    for (const auto& s : doc.segments) doc.pages = std::max(doc.pages, s.page);
  }
  // Reference lists, whatever the format (the extractor flagged those its
  // format marks).
  MarkReferences(&doc);
  if (doc.text.find_first_not_of(" \t\r\n\f") == std::string::npos && doc.warnings.empty()) {
    doc.Warn("extract", "no text");  // unless the extractor said why already
  }
  if (!doc.language.empty()) {
    doc.language_origin = "declared";
  } else if (std::string guess = GuessLanguage(doc.text); !guess.empty()) {
    doc.language = std::move(guess);
    doc.language_origin = "detected";
  }
  // Each segment's language: the one it declares (xml:lang, lang), else
  // the one detected in it when it is long enough to tell, else the
  // document's. A document of one segment has the document's. Only a
  // language other than the document's is kept on the segment.
  if (doc.segments.size() > 1) {
    for (Segment& s : doc.segments) {
      if (!s.lang.empty() || s.end - s.start < kSegmentLanguageBytes) continue;
      std::string guess =
          GuessLanguage(std::string_view(doc.text).substr(s.start, s.end - s.start));
      if (!guess.empty() && guess != doc.language) s.lang = std::move(guess);
    }
  }
  return doc;
}

AnalysisResult Pipeline::RunBytes(std::string bytes, const std::string& display_path) const {
  AnalysisResult r;
  r.doc = ExtractBytes(std::move(bytes), display_path);
  Document& doc = r.doc;
  if (!doc.errors.empty()) return r;
  r.stats.pages = doc.pages;
  r.stats.segments = doc.segments.size();
  if (doc.text.empty()) return r;
  // Code points: the bytes that do not continue a UTF-8 sequence (a count
  // into a local, which the compiler vectorizes).
  r.stats.characters =
      static_cast<uint64_t>(std::count_if(doc.text.begin(), doc.text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      }));

  auto analyzed = impl_->analyzer->Analyze(doc.text, doc.segments, doc.language);
  if (!analyzed.ok()) {
    doc.Fail("analyze", analyzed.error());
    return r;
  }
  const AnalyzedText& a = **analyzed;
  r.stats.sentences = a.sentences.size();
  r.sentences.reserve(a.sentences.size());
  for (const auto& s : a.sentences) r.sentences.emplace_back(s.start, s.end);
  r.sentence_words.assign(a.sentences.size(), 0);
  // Words and segments per language (a segment's, else the document's;
  // "und" when neither is known).
  auto language_of = [&](size_t segment) -> std::string_view {
    if (segment < doc.segments.size() && !doc.segments[segment].lang.empty()) {
      return doc.segments[segment].lang;
    }
    return doc.language.empty() ? std::string_view("und") : std::string_view(doc.language);
  };
  std::vector<uint64_t> segment_words(std::max<size_t>(doc.segments.size(), 1), 0);
  for (const auto& t : a.tokens) {
    if (t.sentence < r.sentence_words.size()) ++r.sentence_words[t.sentence];
    if (t.segment >= a.segments.size() ||
        !(a.segments[t.segment].flags & (HSTAG_SEGMENT_BOILERPLATE | HSTAG_SEGMENT_REFERENCES))) {
      ++r.stats.words;
      if (t.segment < segment_words.size()) ++segment_words[t.segment];
    }
  }
  for (size_t k = 0; k < segment_words.size(); ++k) {
    auto& count = r.stats.languages[std::string(language_of(k))];
    count.words += segment_words[k];
    ++count.segments;
  }

  // Taggers, each seeing what the ones before it found.
  hstag_text_v1 view = a.View();
  std::vector<hstag_annotation_v1> prior;  // by start; views into r.annotations
  std::vector<Veto> vetoes;
  for (size_t k = 0; k < impl_->plugins->taggers.size(); ++k) {
    const auto& p = impl_->plugins->taggers[k];
    view.prior = prior.data();
    view.n_prior = prior.size();
    AnnotationSink sink{&doc.text, &p.info.id, &doc,
                        impl_->limits.max_annotations - r.annotations.size(), {}, &vetoes};
    const hstag_sink_v1 csink{&sink, &AnnotationSink::Emit, &AnnotationSink::Warn,
                              &AnnotationSink::AddVeto};
    ErrorBox err;
    const bool ok = p.desc->tag(p.self, &view, &csink, &err.c) == HSTAG_OK;
    if (sink.over) {
      doc.Fail("limit", OverLimit(impl_->limits.max_annotations, "annotations", "--max-annotations",
                                  "plugin '" + p.info.id +
                                      "' went past it; the document's annotations are dropped"));
      r.annotations.clear();
      return r;
    }
    if (!ok) {
      doc.Fail("tag:" + p.info.id, "plugin '" + p.info.id +
                                       "' failed: " + err.Take("no reason given") +
                                       "; its annotations for this document are dropped");
      continue;
    }
    if (sink.rejected) {
      doc.Warn("tag:" + p.info.id,
               std::to_string(sink.rejected) +
                   " annotation(s) with an empty concept or bad offsets dropped");
    }
    // The views of the annotations before stay valid unless their vector
    // moves (a short string lives inside its object): then all are made
    // anew. The new ones, sorted, are merged in (a stable sort of the whole).
    const bool moves = r.annotations.size() + sink.out.size() > r.annotations.capacity();
    const size_t first_new = moves ? 0 : r.annotations.size();
    if (r.annotations.empty()) {
      r.annotations = std::move(sink.out);  // (no view to keep: prior is empty)
    } else {
      for (auto& x : sink.out) r.annotations.push_back(std::move(x));
    }
    if (k + 1 == impl_->plugins->taggers.size()) break;  // no tagger left to see them
    if (moves) prior.clear();
    const size_t merge_at = prior.size();
    for (size_t i = first_new; i < r.annotations.size(); ++i) {
      const Annotation& x = r.annotations[i];
      prior.push_back(sdk::ToC(
          {x.concept_id, x.strength, x.start, x.end, x.rule, x.value, x.via, x.score, x.plugin}));
    }
    auto by_start = [](const auto& x, const auto& y) { return x.start < y.start; };
    const auto mid = prior.begin() + static_cast<std::ptrdiff_t>(merge_at);
    std::stable_sort(mid, prior.end(), by_start);
    std::inplace_merge(prior.begin(), mid, prior.end(), by_start);
  }

  ResolveAnnotations(&r.annotations, vetoes);
  for (auto& x : r.annotations) {
    x.sentence = a.SentenceAt(x.start);
    x.segment = doc.segments.empty() ? 0 : static_cast<uint32_t>(doc.SegmentAt(x.start));
  }
  return r;
}
}  // namespace hstag
