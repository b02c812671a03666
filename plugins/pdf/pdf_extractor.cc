// SPDX-License-Identifier: GPL-3.0-or-later
//
// The PDF extractor, over poppler-cpp.
//
// Each page's text in reading order (Poppler's non-raw, non-physical layout,
// the mode of plain `pdftotext`) becomes up to three segments: its running
// header, its body and its running footer (see boilerplate.cc), the header
// and footer flagged as boilerplate. A page without text gives one empty
// segment, so that the extracted text keeps one form feed between pages.
// Every segment carries its 1-based page number and, when the PDF labels its
// pages and the label differs from that number ("iv", "A-3"), the label.
//
// Document metadata goes to source.metadata: title, author, subject,
// keywords, creator, producer, creation_date and modification_date (ISO 8601,
// UTC), page_count, pdf_version.
//
// Options (a JSON object): password (string: the user or owner password),
// max_pages (default 5000), max_bytes (default 256 MiB); hstag's --max-pages
// and --max-bytes set them. OCR (ocr.h): ocr (auto, off, force; default
// auto: the pages whose text layer has fewer than 16 characters that are not
// white space), ocr_lang (hstag's language codes joined by +, default en),
// ocr_dpi (default 300), ocr_max_pixels (of a page's image, default 64
// million); --ocr, --ocr-lang and --ocr-dpi set the first three.
//
// Every segment says where its text comes from (origin "text" or "ocr"); an
// OCR'd page's segments carry its mean word confidence; the document's text
// origin is "ocr" when every page with text was OCR'd, "mixed" when some
// were. OCR'd text takes the same path as a text layer: running headers and
// footers, then the host's analyzer joins lines and hyphenated words.
//
// Poppler's messages are collected per document (poppler_log.h): a document
// that cannot be opened fails with Poppler's reason; the messages of one that
// opens become warnings, one per distinct message, with a count and the
// pages concerned.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <poppler-version.h>
#include <tesseract/version.h>

#include <climits>
#include <cstdio>
#include <ctime>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "boilerplate.h"
#include "common/options.h"
#include "hstag/plugin.h"
#include "ocr.h"
#include "poppler_log.h"

namespace {

using hstag::pdf::OcrMode;
using hstag::pdf::PopplerLog;
using hstag::sdk::ExtractInput;
using hstag::sdk::ExtractOutput;

constexpr uint64_t kDefaultMaxPages = 5000;
constexpr uint64_t kDefaultMaxBytes = 256ull << 20;
constexpr uint64_t kDefaultOcrDpi = 300;
constexpr uint64_t kMinOcrDpi = 50, kMaxOcrDpi = 1200;
constexpr uint64_t kDefaultOcrMaxPixels = 64'000'000;
// Distinct Poppler messages shown as warnings; the rest are summed up.
constexpr size_t kMaxMessageWarnings = 8;

int32_t Sniff(const uint8_t* head, size_t size, hstag_str) {
  const std::string_view h(reinterpret_cast<const char*>(head), std::min<size_t>(size, 1024));
  return h.find("%PDF-") != std::string_view::npos ? 100 : 0;
}

std::string Utf8(const poppler::ustring& u) {
  if (u.empty()) return {};
  const poppler::byte_array b = u.to_utf8();
  std::string s(b.begin(), b.end());
  while (!s.empty() && s.back() == '\0') s.pop_back();
  return s;
}

std::string_view TrimView(std::string_view s) {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' || c == '\0';
  };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string IsoDate(time_t t) {
  if (t == static_cast<time_t>(-1)) return {};
  struct tm tm {};
  if (!gmtime_r(&t, &tm)) return {};
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// "1000 bytes", "268435456 bytes (256.0 MiB)"
std::string Size(uint64_t bytes) {
  std::string s = std::to_string(bytes) + " bytes";
  if (bytes >= (1u << 20)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, " (%.1f MiB)", static_cast<double>(bytes) / (1024.0 * 1024.0));
    s += buf;
  }
  return s;
}

std::string Times(size_t n) { return n == 1 ? "once" : std::to_string(n) + " times"; }

class PdfExtractor : public hstag::sdk::Extractor {
 public:
  explicit PdfExtractor(const hstag::sdk::CreateArgs& args) : host_(args.host) {
    const hstag::common::Options options(
        args.options_json,
        {"password", "max_pages", "max_bytes", "ocr", "ocr_lang", "ocr_dpi", "ocr_max_pixels"},
        "pdf option");
    password_ = options.String("password");
    max_pages_ = options.Unsigned("max_pages", kDefaultMaxPages, 1);
    max_bytes_ = options.Unsigned("max_bytes", kDefaultMaxBytes, 1);
    const std::string mode = options.String("ocr");
    ocr_ = mode.empty() ? OcrMode::kAuto : hstag::pdf::ParseOcrMode(mode);
    const std::string lang = options.String("ocr_lang");
    ocr_langs_ = hstag::pdf::ParseOcrLanguages(lang.empty() ? "en" : lang);
    ocr_dpi_ = options.Unsigned("ocr_dpi", kDefaultOcrDpi, 1);
    if (ocr_dpi_ < kMinOcrDpi || ocr_dpi_ > kMaxOcrDpi) {
      throw std::invalid_argument("pdf option ocr_dpi: " + std::to_string(ocr_dpi_) +
                                  " is not between " + std::to_string(kMinOcrDpi) + " and " +
                                  std::to_string(kMaxOcrDpi));
    }
    ocr_max_pixels_ = options.Unsigned("ocr_max_pixels", kDefaultOcrMaxPixels, 1);
    hstag::pdf::InstallPopplerLog();
  }

  void Extract(const ExtractInput& in, const ExtractOutput& out) const override {
    if (in.data.size() > max_bytes_ || in.data.size() > static_cast<size_t>(INT_MAX)) {
      throw std::runtime_error("PDF is " + Size(in.data.size()) + ", over the limit of " +
                               Size(std::min<uint64_t>(max_bytes_, INT_MAX)) +
                               " per PDF (--max-bytes or extractors.pdf.options.max_bytes "
                               "raises it)");
    }
    PopplerLog log;
    PopplerLog::Scope scope(&log);
    // Poppler reads the bytes in place: they outlive the document.
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
        reinterpret_cast<const char*>(in.data.data()), static_cast<int>(in.data.size()), password_,
        password_));
    if (!doc) {
      const std::string why = log.Join(0, 3);
      throw std::runtime_error("damaged PDF: cannot open: " +
                               (why.empty() ? std::string("no reason given") : why));
    }
    if (doc->is_locked()) {
      if (password_.empty()) {
        throw std::runtime_error("encrypted PDF: a password is needed (--pdf-password)");
      }
      if (!doc->unlock(password_, password_) || doc->is_locked()) {
        throw std::runtime_error(
            "encrypted PDF: the password given (--pdf-password) does not open it");
      }
    }
    const int n = doc->pages();
    if (n <= 0) {
      const std::string why = log.Join(0, 3);
      throw std::runtime_error("damaged PDF: no pages" + (why.empty() ? "" : ": " + why));
    }
    if (static_cast<uint64_t>(n) > max_pages_) {
      throw std::runtime_error("PDF has " + std::to_string(n) + " pages, over the limit of " +
                               std::to_string(max_pages_) +
                               " pages per document (--max-pages or "
                               "extractors.pdf.options.max_pages raises it)");
    }
    Metadata(*doc, n, out);
    out.SetPages(static_cast<uint32_t>(n));

    std::vector<std::string> texts(n), labels(n);
    std::vector<std::unique_ptr<poppler::page>> pages(n);
    std::vector<unsigned> unreadable;
    std::vector<int> to_ocr;  // page indexes
    for (int i = 0; i < n; ++i) {
      const unsigned page_no = static_cast<unsigned>(i + 1);
      log.SetPage(page_no);
      pages[i].reset(doc->create_page(i));
      const poppler::page* page = pages[i].get();
      if (!page) {
        unreadable.push_back(page_no);
        continue;
      }
      if (ocr_ != OcrMode::kForce) {
        texts[i] = Utf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout));
        // Poppler ends a page with a form feed; the host separates pages.
        while (!texts[i].empty() && (texts[i].back() == '\f' || texts[i].back() == '\n')) {
          texts[i].pop_back();
        }
        if (TrimView(texts[i]).empty()) texts[i].clear();
      }
      if (ocr_ == OcrMode::kForce ||
          (ocr_ == OcrMode::kAuto &&
           hstag::pdf::NonSpaceCharacters(texts[i], hstag::pdf::kOcrMinCharacters) <
               hstag::pdf::kOcrMinCharacters)) {
        to_ocr.push_back(i);
      }
      std::string label = Utf8(page->label());
      if (label != std::to_string(page_no)) labels[i] = std::move(label);
    }
    log.SetPage(0);
    std::vector<int> confidence(n, -1);  // of the OCR'd pages
    if (!to_ocr.empty()) Ocr(pages, to_ocr, &log, &texts, &confidence);
    std::vector<unsigned> empty;
    for (int i = 0; i < n; ++i) {
      if (pages[i] && texts[i].empty()) empty.push_back(static_cast<unsigned>(i + 1));
    }

    const std::vector<hstag::pdf::PageSplit> splits = hstag::pdf::SplitRunningLines(texts);
    for (int i = 0; i < n; ++i) {
      const std::string_view t = texts[i];
      const auto& s = splits[i];
      const uint32_t page_no = static_cast<uint32_t>(i + 1);
      const std::string_view origin = confidence[i] >= 0 ? "ocr" : "text";
      bool any = false;
      auto add = [&](std::string_view part, bool boilerplate) {
        part = TrimView(part);
        if (part.empty()) return;
        out.AddSegment({.text = part,
                        .page = page_no,
                        .page_label = labels[i],
                        .boilerplate = boilerplate,
                        .origin = origin,
                        .ocr_confidence = confidence[i]});
        any = true;
      };
      add(t.substr(0, s.header_end), true);
      add(t.substr(s.header_end, s.footer_start - s.header_end), false);
      add(t.substr(s.footer_start), true);
      if (!any) {
        out.AddSegment({.text = "",
                        .page = page_no,
                        .page_label = labels[i],
                        .origin = origin,
                        .ocr_confidence = confidence[i]});
      }
    }
    size_t with_text = 0, ocr_with_text = 0;
    for (int i = 0; i < n; ++i) {
      with_text += !texts[i].empty();
      ocr_with_text += !texts[i].empty() && confidence[i] >= 0;
    }
    if (ocr_with_text > 0) out.SetTextOrigin(ocr_with_text == with_text ? "ocr" : "mixed");

    if (!unreadable.empty()) {
      out.Warn("cannot read page" + std::string(unreadable.size() > 1 ? "s " : " ") +
               hstag::pdf::CompactPages(unreadable) + ": the page tree is damaged");
    }
    // What to do about pages without text: OCR them, unless they were.
    const std::string advice = ocr_ == OcrMode::kOff
                                   ? "; a scanned document needs OCR first (--ocr auto)"
                                   : ", by its text layer or by OCR";
    if (empty.size() + unreadable.size() == static_cast<size_t>(n)) {
      out.Warn((n == 1 ? std::string("no extractable text on its only page")
                       : "no extractable text on any of the " + std::to_string(n) + " pages") +
               advice);
    } else if (!empty.empty()) {
      out.Warn("no extractable text on page" + std::string(empty.size() > 1 ? "s " : " ") +
               hstag::pdf::CompactPages(empty) + advice);
    }
    Report(log, out);
  }

 private:
  // OCR of the pages `to_ocr` (indexes) but blank ones, their text and
  // confidence replacing what the text layer gave. The limits are checked,
  // and the pages announced to the host (a batch's time limit grows), before
  // the first.
  void Ocr(const std::vector<std::unique_ptr<poppler::page>>& pages, const std::vector<int>& to_ocr,
           PopplerLog* log, std::vector<std::string>* texts, std::vector<int>* confidence) const {
    std::vector<int> todo;
    for (const int i : to_ocr) {
      if (!pages[i]) continue;
      const hstag::pdf::PagePixels px = hstag::pdf::PixelsAt(*pages[i], ocr_dpi_);
      if (px.total() > ocr_max_pixels_) {
        char size[96];
        std::snprintf(size, sizeof size, "%.0f x %.0f pt", px.width_pt, px.height_pt);
        throw std::runtime_error(
            "OCR: page " + std::to_string(i + 1) + " is " + size + ": at " +
            std::to_string(ocr_dpi_) + " dpi its image would be " + std::to_string(px.width) +
            " x " + std::to_string(px.height) + " pixels, over the limit of " +
            std::to_string(ocr_max_pixels_) +
            " pixels a page (--ocr-dpi lowers the resolution, "
            "extractors.pdf.options.ocr_max_pixels raises the limit, --ocr off skips OCR)");
      }
      log->SetPage(static_cast<unsigned>(i + 1));
      if (!hstag::pdf::LooksBlank(*pages[i])) todo.push_back(i);
    }
    log->SetPage(0);
    if (todo.empty()) return;
    const std::string tessdata = hstag::pdf::TessdataDir();
    hstag::pdf::CheckOcrLanguages(ocr_langs_, tessdata);
    host_.AnnounceOcr(static_cast<uint32_t>(todo.size()));
    const hstag::pdf::OcrEngine engine(tessdata, ocr_langs_, static_cast<unsigned>(ocr_dpi_));
    for (const int i : todo) {
      log->SetPage(static_cast<unsigned>(i + 1));
      hstag::pdf::OcrEngine::Result r = engine.Recognize(*pages[i]);
      (*texts)[i] = std::move(r.text);
      (*confidence)[i] = r.confidence;
    }
    log->SetPage(0);
  }

  static void Metadata(const poppler::document& doc, int pages, const ExtractOutput& out) {
    auto put = [&](std::string_view key, const std::string& value) {
      const std::string_view v = TrimView(value);
      if (!v.empty()) out.SetMetadata(key, v);
    };
    put("title", Utf8(doc.get_title()));
    put("author", Utf8(doc.get_author()));
    put("subject", Utf8(doc.get_subject()));
    put("keywords", Utf8(doc.get_keywords()));
    put("creator", Utf8(doc.get_creator()));
    put("producer", Utf8(doc.get_producer()));
    put("creation_date", IsoDate(doc.get_creation_date_t()));
    put("modification_date", IsoDate(doc.get_modification_date_t()));
    put("page_count", std::to_string(pages));
    int major = 0, minor = 0;
    doc.get_pdf_version(&major, &minor);
    if (major > 0) put("pdf_version", std::to_string(major) + "." + std::to_string(minor));
  }

  // Poppler's messages for a document that opened: damage it recovered from.
  static void Report(const PopplerLog& log, const ExtractOutput& out) {
    const auto& entries = log.entries();
    size_t shown = 0, hidden_messages = log.overflow();
    for (const auto& e : entries) {
      if (shown == kMaxMessageWarnings) {
        hidden_messages += e.count;
        continue;
      }
      std::string w = "PDF problem (recovered): " + e.text + " (" + Times(e.count);
      if (!e.pages.empty()) {
        w += e.pages.size() == 1 ? ", page " : ", pages ";
        w += hstag::pdf::CompactPages(e.pages);
      }
      out.Warn(w + ")");
      ++shown;
    }
    if (hidden_messages > 0) {
      const size_t kinds = entries.size() - shown + (log.overflow() ? 1 : 0);
      out.Warn("\u2026 and " + std::to_string(hidden_messages) + " more message(s) from Poppler (" +
               std::to_string(kinds) + (log.overflow() ? "+" : "") + " other kind(s))");
    }
  }

  hstag::sdk::Host host_;
  std::string password_;
  uint64_t max_pages_ = kDefaultMaxPages;
  uint64_t max_bytes_ = kDefaultMaxBytes;
  OcrMode ocr_ = OcrMode::kAuto;
  std::vector<hstag::pdf::OcrLanguage> ocr_langs_;
  uint64_t ocr_dpi_ = kDefaultOcrDpi;
  uint64_t ocr_max_pixels_ = kDefaultOcrMaxPixels;
};

}  // namespace

HSTAG_EXTRACTOR_PLUGIN(PdfExtractor, "pdf", "1.1.0",
                       "PDF: text per page in reading order, running headers and footers, "
                       "metadata (Poppler); OCR of scanned pages (Tesseract)",
                       "poppler-cpp " POPPLER_VERSION "; tesseract " TESSERACT_VERSION_STR, "pdf",
                       &Sniff)
