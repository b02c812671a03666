// SPDX-License-Identifier: GPL-3.0-or-later
//
// From the tree gumbo parsed to segments and metadata.
//
// Elements are classified as the XML extractor's XHTML profile classifies
// them, so that a page gives the same segments as HTML and as XHTML:
//   skip       <head> (read for metadata only), <script>, <style>,
//              <template>, <noscript>, <svg>, <math>, form controls, media:
//              the subtree is left out;
//   block      p, h1-h6, li, dt, dd, td, th, caption, pre, figcaption,
//              address, summary, legend: one segment holds the whole text,
//              nested non-inline elements becoming spaces (the outermost
//              block wins);
//   inline     a, span, b, i, em, strong, ...: part of the running text;
//   break      br, hr, wbr is inline: separates words;
//   container  html, body, div, section, article, main, nav, header,
//              footer, aside, lists, tables, ...: its boundaries separate
//              words; text directly in it becomes a segment of its own.
// An element of no list (a custom element) is inline inside mixed content
// and a container otherwise.
//
// Each segment carries its element's path in the XML extractor's style
// (/html/body[1]/main[1]/p[3]: tag names lower case, [n] the position among
// the siblings of the same name, on every step below the root), the nearest
// `lang` (else `xml:lang`), and the boilerplate flag when it lies in a <nav>
// or an <aside>, or in a <header> or <footer> of the page (one that no
// <article>, <section>, <main>, <nav> or <aside> holds: HTML's banner and
// content-info landmarks; an article's own header is its text), and the
// references flag when it lies in a reference list (role="doc-bibliography"
// or "doc-endnotes", epub:type "bibliography", "endnotes" or "rearnotes";
// a list under a "References" heading is found by the host, whatever the
// format).
//
// The walk is iterative; the segments' paths together may take
// max_path_bytes (the document fails beyond).
//
// Thread safety: per-call state.
#ifndef HSTAG_PLUGINS_HTML_HTML_WALK_H_
#define HSTAG_PLUGINS_HTML_HTML_WALK_H_

#include <gumbo.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "hstag/plugin.h"

namespace hstag::html {

struct WalkOptions {
  bool boilerplate = true;  // flag nav, aside and the page's header and footer
  size_t max_path_bytes = 0;
};

// Sends the segments of the tree under `root` (the <html> element) to `out`.
// Returns how many.
size_t WalkSegments(const GumboNode* root, const hstag::sdk::ExtractOutput& out,
                    const WalkOptions& options);

// The page's metadata: `title` (<title>, else dc.title), and from
// <meta name=... content=...> (or property=...): author (author, dc.creator,
// dcterms.creator), date (date, dc.date, dcterms.date, dcterms.issued,
// dcterms.created, article:published_time), description (description,
// dc.description, dcterms.description, og:description), keywords
// (keywords, dc.subject), publisher (dc.publisher, dcterms.publisher),
// generator; a key given twice has its values joined with "; ". `language`:
// the <html> element's lang (else xml:lang, else a Content-Language
// <meta>), in BCP 47 form.
struct PageMetadata {
  std::vector<std::pair<std::string, std::string>> fields;
  std::string language;
};
PageMetadata ReadMetadata(const GumboNode* root);

}  // namespace hstag::html

#endif  // HSTAG_PLUGINS_HTML_HTML_WALK_H_
