/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * hstag plugin ABI, version 3: the C interface between the host and a plugin.
 *
 * Only C types cross this boundary: no STL type, no exception. Authors write
 * plugins against the C++ layer in <hstag/plugin.h>, which generates the entry
 * point and catches every exception at the boundary.
 *
 * A plugin module exports one function:
 *
 *   const hstag_plugin_v2* hstag_plugin_query(uint32_t host_abi);
 *
 * The host passes the ABI version it speaks; the plugin returns a static
 * descriptor whose abi_version says what it was built for. The host refuses a
 * descriptor whose abi_version differs from its own or whose struct_size is
 * smaller than sizeof(hstag_plugin_v2). The first four members of the
 * descriptor (abi_version, struct_size, kind, id) keep their place in every
 * version, so that a host can say which plugin it refuses and why.
 *
 * Version 2 (version 1: hstag 0.1.0) hands plugins the pipeline's lexicons,
 * parsed once by the host, each cue with its words as the document analyzer
 * tokenizes them (hstag_create_args_v2.lexicons), where version 1 passed the
 * files' paths. Structs new or changed in version 2 are named _v2; the others
 * keep their _v1 names and layouts.
 *
 * Version 3 gives every cue its context conditions (hstag_cue_v3.context and
 * .veto: words or concepts near the match, a name or a reference list around
 * it). hstag_cue_v3 replaces hstag_cue_v2; nothing else changed.
 *
 * Thread safety: create() and destroy() are called once, from one thread.
 * extract() and tag() may be called concurrently from several threads on the
 * same instance; an instance keeps no per-document state.
 *
 * Ownership: every pointer the host passes is valid only for the duration of
 * the call, but for the lexicons of hstag_create_args_v2 (valid until the
 * plugin's destroy()). Every string is UTF-8 with an explicit size (not
 * NUL-terminated unless said so). Offsets are byte offsets.
 */
#ifndef HSTAG_PLUGIN_ABI_H_
#define HSTAG_PLUGIN_ABI_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef HSTAG_PLUGIN_ABI_VERSION
#define HSTAG_PLUGIN_ABI_VERSION 3u
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

/* What a plugin hands hstag_host_v1.unpack_zip: asked about each member,
 * given the bytes of those it wants. */
typedef struct hstag_unpack_v1 {
  void* ctx;
  /* Each file of the archive, in the archive's order (folders and links are
   * not asked about): nonzero to have its bytes. */
  int32_t (*want)(void* ctx, hstag_str name);
  /* A wanted member's bytes, valid during the call. Nonzero stops the
   * unpacking (no further member is asked about). */
  int32_t (*member)(void* ctx, hstag_str name, const uint8_t* data, size_t size);
} hstag_unpack_v1;

/* Members appended to hstag_host_v1 after a version was released keep the
 * ABI version: a plugin checks that the host's struct reaches a member
 * before it uses it, HSTAG_HOST_HAS(host, unpack_zip), since a host built
 * before the member was appended passes a smaller struct_size. (The C++ SDK
 * checks for its users.) */
#define HSTAG_HOST_HAS(host, member)                                                  \
  ((host)->struct_size >= offsetof(hstag_host_v1, member) + sizeof((host)->member) && \
   (host)->member != NULL)

typedef struct hstag_host_v1 {
  uint32_t struct_size;
  uint32_t abi_version;
  void* ctx;
  /* Runs the document analyzer over a short text (a lexicon term, say) so
   * that a plugin tokenizes exactly as documents are tokenized. Returns NULL
   * on failure. Release with release_text. Thread-safe. */
  const struct hstag_text_v1* (*analyze)(void* ctx, hstag_str text);
  void (*release_text)(void* ctx, const struct hstag_text_v1* text);
  /* Appended after hstag 0.1.0 (same ABI version; check
   * HSTAG_HOST_HAS(host, announce_ocr)). An extractor about to run OCR on `pages` pages of the
   * document it is extracting says so, before it starts: in a batch the
   * document's time limit (--doc-timeout) grows by 15 s a page. Call it
   * only from within extract(). */
  void (*announce_ocr)(void* ctx, uint32_t pages);
  /* Appended after hstag 0.1.0 (check HSTAG_HOST_HAS(host, unpack_zip)).
   * Unpacks a zip held in memory (a DOCX, an ODT): streams it, asks
   * cb->want about each member and hands cb->member the bytes of the wanted
   * ones, under the run's limits (--max-members, --max-unpacked-bytes,
   * --max-ratio for the archive, --max-bytes for each member). Returns
   * HSTAG_OK, or HSTAG_FAILED with the reason in err: not a zip, damaged,
   * over a limit, an encrypted member wanted. Thread-safe. */
  int32_t (*unpack_zip)(void* ctx, const uint8_t* data, size_t size, const hstag_unpack_v1* cb,
                        const hstag_error_v1* err);
} hstag_host_v1;

/* ---- Lexicons, as the host parsed them ---------------------------------- */

/* The pipeline's lexicons (lexicons/README.md describes the files), parsed
 * once per process by the host and handed to every plugin's create(). They
 * stay valid and unchanged until the plugin's destroy(), so a plugin may keep
 * pointers into them. Arrays of these structs are laid out as declared here:
 * a change of layout is a new ABI version. */

enum hstag_cue_case { HSTAG_CASE_FOLD = 1, HSTAG_CASE_EXACT = 2 };

/* A word of a cue term, as the document analyzer tokenizes the term (so that
 * it compares with a document's tokens as they are): its case-folded NFKC
 * form, with `*` where the term has a wildcard (`*` is no word character,
 * so the host glues the word back together around it: "terror*" is one word),
 * and its NFKC form as written. gap_before: what stands between this word
 * and the one before it, white space removed (empty for the first word). */
typedef struct hstag_cue_word_v2 {
  hstag_str norm;
  hstag_str surface;
  hstag_str gap_before;
  uint32_t glob; /* 1 when the word holds a `*` */
} hstag_cue_word_v2;

/* Where a match lies (hstag_cue_context_v1.in). */
enum hstag_cue_in {
  HSTAG_IN_NAME = 1u,       /* inside a capitalised multiword name ("Comprehensive Nuclear-Test-Ban Treaty") */
  HSTAG_IN_ACTOR = 2u,      /* inside a longer match of an actor ("Human Security Network") */
  HSTAG_IN_REFERENCES = 4u  /* in a reference list (a segment flagged HSTAG_SEGMENT_REFERENCES) */
};

/* Conditions on the text around a match of a cue (lexicons/README.md,
 * "Context"). Words are one word each, case-folded NFKC as the analyzer
 * makes them, `*` a wildcard; they are looked for among the words of the
 * match's sentence, at most `within` words before (`before`), after
 * (`after`) or on either side (`near`) of the match, or anywhere in it
 * (`sentence`). `concepts`: concepts of which the sentence has a match. A
 * condition whose list is empty is not set. */
typedef struct hstag_cue_context_v1 {
  const hstag_str* near;
  size_t n_near;
  const hstag_str* after;
  size_t n_after;
  const hstag_str* before;
  size_t n_before;
  uint32_t within; /* words; always > 0 */
  const hstag_str* sentence;
  size_t n_sentence;
  const hstag_str* concepts;
  size_t n_concepts;
  uint32_t in; /* hstag_cue_in bits; 0: not set */
} hstag_cue_context_v1;

typedef struct hstag_cue_v3 {
  hstag_str term;         /* as written in the lexicon */
  uint32_t strength;      /* hstag_strength: the list the cue is in (an exclude: explicit) */
  uint32_t case_mode;     /* hstag_cue_case */
  const hstag_str* langs; /* primary language subtags, lower case; none: every language */
  size_t n_langs;
  const hstag_str* also; /* further concepts the same match yields */
  size_t n_also;
  hstag_str required; /* a concept the document must also mention (`requires`), or empty */
  uint32_t line;      /* of the cue in its file */
  const hstag_cue_word_v2* words; /* none: the term has no words and never matches */
  size_t n_words;
  /* The match counts only where every condition set in `context` holds,
   * and not where any condition set in `veto` holds. */
  hstag_cue_context_v1 context;
  hstag_cue_context_v1 veto;
} hstag_cue_v3;

typedef struct hstag_concept_v2 {
  hstag_str id, label, section, parent, type, description;
  hstag_str matched_by;    /* a plugin that finds it instead of cues, or empty */
  hstag_str overlap_group; /* matches in one group compete: the longest wins */
  uint32_t line;           /* of the concept in its file */
  const hstag_cue_v3* cues;
  size_t n_cues;
  const hstag_cue_v3* excludes; /* phrases inside which a match of the concept is dropped */
  size_t n_excludes;
} hstag_concept_v2;

typedef struct hstag_lexicon_v2 {
  hstag_str format; /* "hstag", "quanteda" or "liwc" */
  hstag_str name, version, description;
  hstag_str path;    /* the file as opened */
  hstag_str display; /* the file as the output names it ("hstag:lexicons/hs.yaml") */
  hstag_str sha256;  /* of the file's bytes, lower-case hex */
  const hstag_concept_v2* concepts;
  size_t n_concepts;
} hstag_lexicon_v2;

typedef struct hstag_create_args_v2 {
  uint32_t struct_size;
  const hstag_host_v1* host;
  hstag_str options_json; /* the plugin's options from the pipeline config, a JSON object */
  hstag_str config_dir;   /* directory of the config file: base of relative paths */
  hstag_str data_dir;     /* hstag's data directory (share/hstag) */
  /* The pipeline's lexicons in its order (none when only extracting). */
  const hstag_lexicon_v2* lexicons;
  size_t n_lexicons;
} hstag_create_args_v2;

/* ---- Extractors ---------------------------------------------------------- */

typedef struct hstag_extract_in_v1 {
  uint32_t struct_size;
  hstag_str path; /* as given by the user; may not exist for in-memory input */
  const uint8_t* data;
  size_t size;
} hstag_extract_in_v1;

/* Flags of a segment (hstag_segment_v1.flags, hstag_segment_info_v1.flags).
 * A flag is only ever appended, with a bit of its own: a new flag is a new
 * bit of an existing field, so the ABI version stays (a plugin built before
 * it never sets it, and one that reads flags ignores bits it does not know).
 *   BOILERPLATE  a running header, footer or page number;
 *   REFERENCES   (appended after hstag 0.1.0) part of a reference
 *                list, bibliography or notes section: set by an extractor
 *                whose format marks one (TEI <listBibl>, JATS <ref-list>),
 *                or by the host, which finds sections under a references
 *                title in every format (taggers see both). */
enum hstag_segment_flags { HSTAG_SEGMENT_BOILERPLATE = 1u, HSTAG_SEGMENT_REFERENCES = 2u };

/* Fields are only ever appended to this struct: the host reads a field
 * only when struct_size covers it, so that a module built before the field
 * was added still works (the field then has its "none" value). */
typedef struct hstag_segment_v1 {
  uint32_t struct_size;
  hstag_str text;       /* valid UTF-8 */
  uint32_t page;        /* 1-based page, 0 if the format has none */
  hstag_str page_label; /* printed page label, may be empty */
  hstag_str xpath;      /* element path for XML, may be empty */
  hstag_str lang;       /* BCP 47 tag, may be empty */
  uint32_t flags;       /* hstag_segment_flags */
  /* Appended after hstag 0.1.0 (same ABI version): the host reads each only
   * when struct_size reaches it. */
  hstag_str origin;       /* how the text was obtained: "text" (a text layer),
                             "ocr" (recognized from the page's image), or
                             empty (not said) */
  int32_t ocr_confidence; /* origin "ocr": the page's mean word confidence,
                             0-100; -1 otherwise */
  /* A heading's level, 1 (the highest) to 9; 0: not a heading. */
  uint32_t heading;
} hstag_segment_v1;

/* The host joins segments into the document's extracted text: a blank line
 * between segments of one page, a form feed between pages. */
typedef struct hstag_extract_out_v1 {
  void* ctx;
  void (*add_segment)(void* ctx, const hstag_segment_v1* segment);
  void (*set_metadata)(void* ctx, hstag_str key, hstag_str value);
  void (*set_language)(void* ctx, hstag_str bcp47);
  /* utf8, utf8-bom, transcoded:X, repaired; ocr (every page with text was
   * recognized by OCR), mixed (some were) */
  void (*set_text_origin)(void* ctx, hstag_str origin);
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
  /* Since ABI 3. Drops, once every tagger has run, every annotation of any
   * tagger whose concept `concepts` names and that lies inside the source
   * span [start, end): a currency amount ("US$ 5 million") vetoes
   * `actor.state.*`. `concepts` is a concept ID, or a prefix ending in `*`. */
  void (*veto)(void* ctx, hstag_str concepts, uint32_t start, uint32_t end);
} hstag_sink_v1;

/* ---- The descriptor ------------------------------------------------------ */

typedef struct hstag_plugin_v2 {
  uint32_t abi_version; /* HSTAG_PLUGIN_ABI_VERSION the plugin was built with */
  uint32_t struct_size; /* sizeof(hstag_plugin_v2) */
  uint32_t kind;        /* hstag_plugin_kind */
  const char* id;       /* [a-z0-9_-]+, NUL-terminated */
  const char* version;
  const char* description;
  const char* libraries; /* "name version; name version" of what it links, may be "" */
  const char* formats;   /* extractors: format names it produces, comma-separated; a
                          * document's is the one its file's extension names, else the first */

  void* (*create)(const hstag_create_args_v2* args, const hstag_error_v1* err);
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
} hstag_plugin_v2;

typedef const hstag_plugin_v2* (*hstag_plugin_query_fn)(uint32_t host_abi);

#ifdef __cplusplus
}
#endif

#endif /* HSTAG_PLUGIN_ABI_H_ */
