// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"

#include <cstdio>
#include <iostream>

#include "hstag/builtins.h"
#include "hstag/writer.h"

namespace hstag::cli {

void AddCommonOptions(CLI::App* app, CommonOptions* o) {
  app->add_option("--config", o->config, "Pipeline config (YAML); default: the shipped one")
      ->check(CLI::ExistingFile);
  app->add_option("--lexicon", o->lexicons,
                  "Lexicon file to use instead of the config's (repeatable)")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);
  app->add_option("--add-lexicon", o->added_lexicons,
                  "Lexicon file to load after the config's, or after --lexicon's (repeatable)")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);
  app->add_option("--plugin-dir", o->plugin_dirs, "Load plugin modules (*.so) from DIR")
      ->check(CLI::ExistingDirectory)
      ->allow_extra_args(false);
  app->add_option("--pdf-password", o->pdf_password, "Password for encrypted PDFs");
  app->add_option("--ocr", o->ocr,
                  "OCR of scanned PDF pages: auto (default: pages with fewer than 16 characters "
                  "of text), off, force (every page)")
      ->check(CLI::IsMember({"auto", "off", "force"}));
  app->add_option("--ocr-lang", o->ocr_lang,
                  "Languages of the scans, joined by + (en+fr; default en, or the config's "
                  "extractors.pdf.options.ocr_lang)");
  app->add_option("--ocr-dpi", o->ocr_dpi, "Resolution pages are rendered at for OCR (default 300)")
      ->check(CLI::Range(50, 1200));
  app->add_option("--xml-profile", o->xml_profile,
                  "Force an XML profile (akn, tei, jats, formex, xhtml, udhr, docbook, generic)");
  const CLI::Validator positive(
      [](std::string& v) {
        return !v.empty() && v.find_first_not_of("0123456789") == std::string::npos &&
                       v.find_first_not_of('0') != std::string::npos
                   ? std::string()
                   : "`" + v + "` is not a whole number above 0";
      },
      "N>0", "positive");
  app->add_option("--max-bytes", o->max_bytes,
                  "A larger file fails without being read (default 134217728: 128 MiB)")
      ->check(positive);
  app->add_option("--max-pages", o->max_pages, "A PDF of more pages fails (default 5000)")
      ->check(positive);
  app->add_option("--max-segments", o->max_segments,
                  "A document of more segments (pages' parts, paragraphs) fails (default 1000000)")
      ->check(positive);
  app->add_option("--max-annotations", o->max_annotations,
                  "A document with more annotations fails (default 1000000)")
      ->check(positive);
  app->add_option("--max-members", o->max_members,
                  "An archive (zip, tar; the zip of a DOCX or ODT) of more members fails "
                  "(default 10000)")
      ->check(positive);
  app->add_option("--max-unpacked-bytes", o->max_unpacked_bytes,
                  "An archive that unpacks to more bytes fails, counted as they are "
                  "decompressed (default 1073741824: 1 GiB)")
      ->check(positive);
  app->add_option("--max-ratio", o->max_ratio,
                  "An archive that unpacks to more bytes per byte of its own fails, past 1 MiB "
                  "unpacked: a zip bomb (default 100)")
      ->check(positive);
}

// The pipeline is never destroyed: at the end of a batch, freeing its many
// small allocations (lexicons, automata, tables) took the supervisor about
// 13 ms, mostly copy-on-write faults on pages the workers had shared, for
// memory that the exit returns anyway. It is kept in static storage, so that
// leak checkers see it reachable.
Pipeline* MakePipeline(const CommonOptions& o, bool extract_only) {
  PipelineOptions po;
  po.extract_only = extract_only;
  po.config_path = o.config;
  po.lexicons = o.lexicons;
  po.added_lexicons = o.added_lexicons;
  po.plugin_dirs = o.plugin_dirs;
  po.builtins = BuiltinPlugins();
  ordered_json pdf = ordered_json::object();
  if (!o.pdf_password.empty()) pdf["password"] = o.pdf_password;
  if (o.max_pages) pdf["max_pages"] = o.max_pages;
  if (o.max_bytes) pdf["max_bytes"] = o.max_bytes;
  if (!o.ocr.empty()) pdf["ocr"] = o.ocr;
  if (!o.ocr_lang.empty()) pdf["ocr_lang"] = o.ocr_lang;
  if (o.ocr_dpi) pdf["ocr_dpi"] = o.ocr_dpi;
  if (!pdf.empty()) po.plugin_options.emplace_back("pdf", pdf.dump());
  if (o.max_bytes) po.max_bytes = o.max_bytes;
  if (o.max_segments) po.max_segments = o.max_segments;
  if (o.max_annotations) po.max_annotations = o.max_annotations;
  if (o.max_members) po.max_members = o.max_members;
  if (o.max_unpacked_bytes) po.max_unpacked_bytes = o.max_unpacked_bytes;
  if (o.max_ratio) po.max_ratio = o.max_ratio;
  if (!o.xml_profile.empty()) {
    po.plugin_options.emplace_back("xml", ordered_json{{"profile", o.xml_profile}}.dump());
  }
  auto p = Pipeline::Create(po);
  if (!p.ok()) {
    std::cerr << "hstag: " << p.error() << "\n";
    return nullptr;
  }
  static Pipeline* kept = nullptr;
  delete kept;  // commands make one; were there a second, it would replace the first
  kept = std::move(p).value().release();
  return kept;
}

void WriteStdout(std::string_view s) { std::fwrite(s.data(), 1, s.size(), stdout); }

std::string ErrorLine(const Document& d) {
  std::string s;
  for (const auto& e : d.errors) s += (s.empty() ? "" : "; ") + e.message;
  return s;
}

}  // namespace hstag::cli
