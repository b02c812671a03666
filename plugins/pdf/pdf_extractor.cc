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
// and --max-bytes set them.
//
// Poppler's messages are collected per document (poppler_log.h): a document
// that cannot be opened fails with Poppler's reason; the messages of one that
// opens become warnings, one per distinct message, with a count and the
// pages concerned.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <poppler-version.h>

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
#include "poppler_log.h"

namespace {

using hstag::pdf::PopplerLog;
using hstag::sdk::ExtractInput;
using hstag::sdk::ExtractOutput;

constexpr uint64_t kDefaultMaxPages = 5000;
constexpr uint64_t kDefaultMaxBytes = 256ull << 20;
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
  explicit PdfExtractor(const hstag::sdk::CreateArgs& args) {
    const hstag::common::Options options(args.options_json, {"password", "max_pages", "max_bytes"},
                                         "pdf option");
    password_ = options.String("password");
    max_pages_ = options.Unsigned("max_pages", kDefaultMaxPages, 1);
    max_bytes_ = options.Unsigned("max_bytes", kDefaultMaxBytes, 1);
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
    std::vector<unsigned> empty, unreadable;
    for (int i = 0; i < n; ++i) {
      const unsigned page_no = static_cast<unsigned>(i + 1);
      log.SetPage(page_no);
      std::unique_ptr<poppler::page> page(doc->create_page(i));
      if (!page) {
        unreadable.push_back(page_no);
        continue;
      }
      texts[i] = Utf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout));
      // Poppler ends a page with a form feed; the host separates pages.
      while (!texts[i].empty() && (texts[i].back() == '\f' || texts[i].back() == '\n')) {
        texts[i].pop_back();
      }
      if (TrimView(texts[i]).empty()) {
        texts[i].clear();
        empty.push_back(page_no);
      }
      std::string label = Utf8(page->label());
      if (label != std::to_string(page_no)) labels[i] = std::move(label);
    }
    log.SetPage(0);

    const std::vector<hstag::pdf::PageSplit> splits = hstag::pdf::SplitRunningLines(texts);
    for (int i = 0; i < n; ++i) {
      const std::string_view t = texts[i];
      const auto& s = splits[i];
      const uint32_t page_no = static_cast<uint32_t>(i + 1);
      bool any = false;
      auto add = [&](std::string_view part, bool boilerplate) {
        part = TrimView(part);
        if (part.empty()) return;
        out.AddSegment(
            {.text = part, .page = page_no, .page_label = labels[i], .boilerplate = boilerplate});
        any = true;
      };
      add(t.substr(0, s.header_end), true);
      add(t.substr(s.header_end, s.footer_start - s.header_end), false);
      add(t.substr(s.footer_start), true);
      if (!any) out.AddSegment({.text = "", .page = page_no, .page_label = labels[i]});
    }

    if (!unreadable.empty()) {
      out.Warn("cannot read page" + std::string(unreadable.size() > 1 ? "s " : " ") +
               hstag::pdf::CompactPages(unreadable) + ": the page tree is damaged");
    }
    if (empty.size() + unreadable.size() == static_cast<size_t>(n)) {
      out.Warn((n == 1 ? std::string("no extractable text on its only page")
                       : "no extractable text on any of the " + std::to_string(n) + " pages") +
               "; a scanned document needs OCR first");
    } else if (!empty.empty()) {
      out.Warn("no extractable text on page" + std::string(empty.size() > 1 ? "s " : " ") +
               hstag::pdf::CompactPages(empty) + "; a scanned document needs OCR first");
    }
    Report(log, out);
  }

 private:
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

  std::string password_;
  uint64_t max_pages_ = kDefaultMaxPages;
  uint64_t max_bytes_ = kDefaultMaxBytes;
};

}  // namespace

HSTAG_EXTRACTOR_PLUGIN(PdfExtractor, "pdf", "1.0.0",
                       "PDF: text per page in reading order, running headers and footers, "
                       "metadata (Poppler)",
                       "poppler-cpp " POPPLER_VERSION, "pdf", &Sniff)
