/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * hstag plugin ABI, version 1: the C interface between the host and a plugin.
 *
 * Only C types cross this boundary: no STL type, no exception. Authors write
 * plugins against the C++ layer in <hstag/plugin.h>, which generates the entry
 * point and catches every exception at the boundary.
 *
 * A plugin module exports one function:
 *
 *   const hstag_plugin_v1* hstag_plugin_query(uint32_t host_abi);
 *
 * The host passes the ABI version it speaks; the plugin returns a static
 * descriptor whose abi_version says what it was built for. The host refuses a
 * descriptor whose abi_version differs from its own or whose struct_size is
 * smaller than sizeof(hstag_plugin_v1).
 *
 * Thread safety: create() and destroy() are called once, from one thread.
 * extract() and tag() may be called concurrently from several threads on the
 * same instance; an instance keeps no per-document state.
 *
 * Ownership: every pointer the host passes is valid only for the duration of
 * the call. Every string is UTF-8 with an explicit size (not NUL-terminated
 * unless said so). Offsets are byte offsets.
 */
#ifndef HSTAG_PLUGIN_ABI_H_
#define HSTAG_PLUGIN_ABI_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef HSTAG_PLUGIN_ABI_VERSION
#define HSTAG_PLUGIN_ABI_VERSION 1u
#endif

typedef struct hstag_str {
  const char* data;
  size_t size;
} hstag_str;

enum hstag_plugin_kind { HSTAG_KIND_EXTRACTOR = 1, HSTAG_KIND_TAGGER = 2 };
enum hstag_strength { HSTAG_EXPLICIT = 1, HSTAG_INDICATOR = 2 };
enum hstag_rc { HSTAG_OK = 0, HSTAG_FAILED = 1 };

/* Where a plugin reports why a call failed (return HSTAG_FAILED after it). */
typedef struct hstag_error_v1 {
  void* ctx;
  void (*set)(void* ctx, hstag_str message);
} hstag_error_v1;

/* ---- Host services, available from create() on ---------------------------- */

struct hstag_text_v1;

typedef struct hstag_host_v1 {
  uint32_t struct_size;
  uint32_t abi_version;
  void* ctx;
  /* Runs the document analyzer over a short text (a lexicon term, say) so
   * that a plugin tokenizes exactly as documents are tokenized. Returns NULL
   * on failure. Release with release_text. Thread-safe. */
  const struct hstag_text_v1* (*analyze)(void* ctx, hstag_str text);
  void (*release_text)(void* ctx, const struct hstag_text_v1* text);
} hstag_host_v1;

typedef struct hstag_create_args_v1 {
  uint32_t struct_size;
  const hstag_host_v1* host;
  hstag_str options_json; /* the plugin's options from the pipeline config, a JSON object */
  hstag_str config_dir;   /* directory of the config file: base of relative paths */
  hstag_str data_dir;     /* hstag's data directory (share/hstag) */
  /* The pipeline's lexicon files (absolute paths), for plugins that work
   * from the lexicons: the lexicon tagger, the abbreviation resolver. */
  const hstag_str* lexicons;
  size_t n_lexicons;
} hstag_create_args_v1;

/* ---- Extractors ---------------------------------------------------------- */

typedef struct hstag_extract_in_v1 {
  uint32_t struct_size;
  hstag_str path; /* as given by the user; may not exist for in-memory input */
  const uint8_t* data;
  size_t size;
} hstag_extract_in_v1;

enum hstag_segment_flags { HSTAG_SEGMENT_BOILERPLATE = 1u };

typedef struct hstag_segment_v1 {
  uint32_t struct_size;
  hstag_str text;       /* valid UTF-8 */
  uint32_t page;        /* 1-based page, 0 if the format has none */
  hstag_str page_label; /* printed page label, may be empty */
  hstag_str xpath;      /* element path for XML, may be empty */
  hstag_str lang;       /* BCP 47 tag, may be empty */
  uint32_t flags;       /* hstag_segment_flags */
} hstag_segment_v1;

/* The host joins segments into the document's extracted text: a blank line
 * between segments of one page, a form feed between pages. */
typedef struct hstag_extract_out_v1 {
  void* ctx;
  void (*add_segment)(void* ctx, const hstag_segment_v1* segment);
  void (*set_metadata)(void* ctx, hstag_str key, hstag_str value);
  void (*set_language)(void* ctx, hstag_str bcp47);
  void (*set_text_origin)(void* ctx, hstag_str origin); /* utf8, utf8-bom, transcoded:X, repaired */
  void (*set_pages)(void* ctx, uint32_t pages);
  void (*warn)(void* ctx, hstag_str message);
} hstag_extract_out_v1;

/* ---- Taggers ------------------------------------------------------------- */

enum hstag_token_flags {
  HSTAG_TOKEN_NUMBER = 1u,
  HSTAG_TOKEN_LETTER = 2u,
  HSTAG_TOKEN_KANA = 4u,
  HSTAG_TOKEN_IDEO = 8u,
  HSTAG_TOKEN_URL = 16u /* inside a URL or an e-mail address */
};

/* A word of the analyzed text. norm_* index hstag_text_v1.norm (NFKC with
 * case folding), surface_* index hstag_text_v1.surface (NFKC, case kept),
 * source_* index hstag_text_v1.text (the extracted text). */
typedef struct hstag_token_v1 {
  uint32_t source_start, source_end;
  uint32_t norm_start, norm_end;
  uint32_t surface_start, surface_end;
  uint32_t sentence;
  uint32_t segment; /* index into hstag_text_v1.segments */
  uint32_t flags;   /* hstag_token_flags */
} hstag_token_v1;

typedef struct hstag_span_v1 {
  uint32_t start, end; /* source offsets */
} hstag_span_v1;

typedef struct hstag_segment_info_v1 {
  hstag_span_v1 span; /* source offsets */
  uint32_t page;
  uint32_t flags;
  hstag_str xpath;
  hstag_str lang;
} hstag_segment_info_v1;

typedef struct hstag_annotation_v1 {
  uint32_t struct_size;
  hstag_str concept_id;
  uint32_t strength; /* hstag_strength */
  uint32_t start, end; /* half-open source offsets */
  hstag_str rule;   /* what fired: a lexicon file:line, a rule ID */
  hstag_str value;  /* a normalized value, may be empty */
  int64_t via;      /* offset of a definition this match depends on, -1 if none */
  double score;     /* a similarity or confidence, negative if none */
  hstag_str plugin; /* filled by the host in hstag_text_v1.prior */
} hstag_annotation_v1;

typedef struct hstag_text_v1 {
  uint32_t struct_size;
  hstag_str text;     /* the extracted text: offsets in annotations index it */
  hstag_str surface;  /* NFKC, whitespace and hyphenation repaired, case kept */
  hstag_str norm;     /* surface with NFKC case folding: the matching view */
  const hstag_token_v1* tokens;
  size_t n_tokens;
  const hstag_span_v1* sentences;
  size_t n_sentences;
  const hstag_segment_info_v1* segments;
  size_t n_segments;
  hstag_str language; /* document language (BCP 47) or empty */
  /* Annotations of the taggers that ran before this one, sorted by start. */
  const hstag_annotation_v1* prior;
  size_t n_prior;
  /* Map an offset of surface (or norm) back to the source text. is_end
   * selects the mapping of an end offset (after a replaced span). */
  void* map_ctx;
  uint32_t (*surface_to_source)(void* map_ctx, uint32_t offset, int is_end);
  uint32_t (*norm_to_source)(void* map_ctx, uint32_t offset, int is_end);
} hstag_text_v1;

typedef struct hstag_sink_v1 {
  void* ctx;
  void (*emit)(void* ctx, const hstag_annotation_v1* annotation);
  void (*warn)(void* ctx, hstag_str message);
} hstag_sink_v1;

/* ---- The descriptor ------------------------------------------------------ */

typedef struct hstag_plugin_v1 {
  uint32_t abi_version; /* HSTAG_PLUGIN_ABI_VERSION the plugin was built with */
  uint32_t struct_size; /* sizeof(hstag_plugin_v1) */
  uint32_t kind;        /* hstag_plugin_kind */
  const char* id;       /* [a-z0-9_-]+, NUL-terminated */
  const char* version;
  const char* description;
  const char* libraries; /* "name version; name version" of what it links, may be "" */
  const char* formats;   /* extractors: format names it produces, comma-separated */

  void* (*create)(const hstag_create_args_v1* args, const hstag_error_v1* err);
  void (*destroy)(void* self);

  /* Extractors: how well the leading bytes of a file (at most 4096) fit this
   * format, 0 (not at all) to 100 (certain), without creating an instance.
   * The extension is lower-case without the dot, may be empty. */
  int32_t (*sniff)(const uint8_t* head, size_t size, hstag_str extension);
  int32_t (*extract)(void* self, const hstag_extract_in_v1* in, const hstag_extract_out_v1* out,
                     const hstag_error_v1* err);

  /* Taggers. */
  int32_t (*tag)(void* self, const hstag_text_v1* text, const hstag_sink_v1* sink,
                 const hstag_error_v1* err);
} hstag_plugin_v1;

typedef const hstag_plugin_v1* (*hstag_plugin_query_fn)(uint32_t host_abi);

#ifdef __cplusplus
}
#endif

#endif /* HSTAG_PLUGIN_ABI_H_ */
