// SPDX-License-Identifier: GPL-3.0-or-later
#include "ocr.h"

#include <allheaders.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <sys/stat.h>
#include <tesseract/baseapi.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <mutex>
#include <stdexcept>

// libgomp (linked by Tesseract): the OpenMP call that turns every parallel
// region into one thread. Declared here rather than through <omp.h>, which
// not every compiler ships.
extern "C" void omp_set_max_active_levels(int levels);

namespace hstag::pdf {
namespace {

// hstag's language codes (those of the lexicons first) and Tesseract's data
// names; the Debian package is tesseract-ocr-<name with - for _>.
struct LanguageName {
  const char* code;
  const char* tessdata;
};
constexpr LanguageName kLanguages[] = {
    {"en", "eng"}, {"fr", "fra"}, {"es", "spa"}, {"de", "deu"},     {"it", "ita"}, {"pt", "por"},
    {"ar", "ara"}, {"ja", "jpn"}, {"ru", "rus"}, {"zh", "chi_sim"}, {"nl", "nld"}, {"pl", "pol"},
    {"tr", "tur"}, {"uk", "ukr"}, {"ko", "kor"}, {"hi", "hin"},     {"fa", "fas"}, {"sw", "swa"},
    {"id", "ind"}, {"vi", "vie"}, {"el", "ell"}, {"sv", "swe"},     {"da", "dan"}, {"fi", "fin"},
    {"no", "nor"}, {"cs", "ces"}, {"hu", "hun"}, {"ro", "ron"},     {"he", "heb"}, {"th", "tha"},
    {"bn", "ben"}, {"ur", "urd"}, {"ca", "cat"}, {"la", "lat"},     {"ms", "msa"},
};

bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

bool Exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

// Once per process, before the first Tesseract starts: its messages and
// Leptonica's kept off stderr, its OpenMP threads off.
void QuietAndSingleThreaded() {
  static std::once_flag once;
  std::call_once(once, [] {
    setMsgSeverity(L_SEVERITY_NONE);
    // OMP_THREAD_LIMIT is read when the OpenMP runtime loads (at hstag's
    // start): unless the user set it, no parallel region gets a second
    // thread, which is what OMP_THREAD_LIMIT=1 would have done.
    if (!std::getenv("OMP_THREAD_LIMIT")) omp_set_max_active_levels(0);
  });
}

}  // namespace

OcrMode ParseOcrMode(std::string_view s) {
  if (s == "auto") return OcrMode::kAuto;
  if (s == "off") return OcrMode::kOff;
  if (s == "force") return OcrMode::kForce;
  throw std::invalid_argument("pdf option ocr: `" + std::string(s) +
                              "` is not one of auto, off, force");
}

size_t NonSpaceCharacters(std::string_view text, size_t stop) {
  size_t n = 0;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    // Code points: bytes that do not continue a UTF-8 sequence. U+00A0 and
    // the like count: a page of them is rare enough.
    if (!IsSpace(u) && (u & 0xC0) != 0x80 && ++n >= stop) break;
  }
  return n;
}

std::vector<OcrLanguage> ParseOcrLanguages(std::string_view codes) {
  std::vector<OcrLanguage> out;
  while (true) {
    const size_t plus = codes.find('+');
    const std::string_view code = codes.substr(0, plus);
    const LanguageName* found = nullptr;
    for (const auto& l : kLanguages) {
      if (code == l.code || code == l.tessdata) found = &l;
    }
    if (!found) {
      std::string known;
      for (const auto& l : kLanguages) known += (known.empty() ? "" : ", ") + std::string(l.code);
      throw std::invalid_argument("OCR language `" + std::string(code) +
                                  "` is not one hstag knows (codes joined by +, as en+fr; "
                                  "known: " +
                                  known + ")");
    }
    bool dup = false;
    for (const auto& l : out) dup = dup || l.code == found->code;
    if (!dup) out.push_back({found->code, found->tessdata});
    if (plus == std::string_view::npos) break;
    codes.remove_prefix(plus + 1);
  }
  return out;
}

std::string TessdataDir() {
  if (const char* env = std::getenv("TESSDATA_PREFIX"); env && *env) return env;
  for (const char* dir :
       {"/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
        "/usr/share/tessdata", "/usr/local/share/tessdata"}) {
    if (Exists(dir)) return dir;
  }
  return "/usr/share/tesseract-ocr/5/tessdata";
}

void CheckOcrLanguages(const std::vector<OcrLanguage>& langs, const std::string& dir) {
  for (const auto& l : langs) {
    const std::string file = l.tessdata + ".traineddata";
    if (Exists(dir + "/" + file)) continue;
    std::string package = "tesseract-ocr-" + l.tessdata;
    for (char& c : package) c = c == '_' ? '-' : c;
    throw std::runtime_error("OCR language " + l.code + " is not installed: " + file +
                             " is not in " + dir + " (install the Debian package " + package +
                             ", or choose another language with --ocr-lang)");
  }
}

PagePixels PixelsAt(const poppler::page& page, unsigned dpi) {
  const poppler::rectf r = page.page_rect();
  PagePixels p;
  const bool turned = page.orientation() == poppler::page::landscape ||
                      page.orientation() == poppler::page::seascape;
  p.width_pt = std::fabs(turned ? r.height() : r.width());
  p.height_pt = std::fabs(turned ? r.width() : r.height());
  auto px = [&](double pt) {
    const double v = std::ceil(pt / 72.0 * dpi);
    return v > 1e12 || !(v >= 0) ? uint64_t{1000000000000} : static_cast<uint64_t>(v);
  };
  p.width = px(p.width_pt);
  p.height = px(p.height_pt);
  return p;
}

bool LooksBlank(const poppler::page& page) {
  constexpr double kDpi = 18;
  constexpr unsigned char kNearWhite = 250;
  poppler::page_renderer renderer;
  renderer.set_render_hints(poppler::page_renderer::antialiasing |
                            poppler::page_renderer::text_antialiasing);
  renderer.set_image_format(poppler::image::format_gray8);
  const poppler::image image = renderer.render_page(&page, kDpi, kDpi);
  if (!image.is_valid()) return false;  // OCR will say what is wrong
  const auto* data = reinterpret_cast<const unsigned char*>(image.const_data());
  for (int y = 0; y < image.height(); ++y) {
    const unsigned char* row = data + static_cast<size_t>(y) * image.bytes_per_row();
    for (int x = 0; x < image.width(); ++x) {
      if (row[x] < kNearWhite) return false;
    }
  }
  return true;
}

OcrEngine::OcrEngine(const std::string& tessdata_dir, const std::vector<OcrLanguage>& langs,
                     unsigned dpi)
    : api_(std::make_unique<tesseract::TessBaseAPI>()), dpi_(dpi) {
  QuietAndSingleThreaded();
  std::string names;
  for (const auto& l : langs) names += (names.empty() ? "" : "+") + l.tessdata;
  // Before Init, so that what Init says goes there too.
  api_->SetVariable("debug_file", "/dev/null");
  if (api_->Init(tessdata_dir.c_str(), names.c_str(), tesseract::OEM_DEFAULT) != 0) {
    throw std::runtime_error("OCR: Tesseract cannot start with language(s) " + names + " from " +
                             tessdata_dir);
  }
  api_->SetVariable("debug_file", "/dev/null");
  // Tesseract goes on without a language whose file it cannot load (a
  // damaged one): that is an error here, as a missing one is.
  std::vector<std::string> loaded;
  api_->GetLoadedLanguagesAsVector(&loaded);
  for (const auto& l : langs) {
    if (std::find(loaded.begin(), loaded.end(), l.tessdata) == loaded.end()) {
      throw std::runtime_error("OCR language " + l.code + " cannot be loaded from " + tessdata_dir +
                               "/" + l.tessdata +
                               ".traineddata (damaged? reinstall its Debian package)");
    }
  }
  // Page layout analysis as the `tesseract` command does it (the library's
  // default is a single block of text).
  api_->SetPageSegMode(tesseract::PSM_AUTO);
}

OcrEngine::~OcrEngine() {
  if (api_) api_->End();
}

OcrEngine::Result OcrEngine::Recognize(const poppler::page& page) const {
  poppler::page_renderer renderer;
  renderer.set_render_hints(poppler::page_renderer::antialiasing |
                            poppler::page_renderer::text_antialiasing);
  renderer.set_image_format(poppler::image::format_gray8);
  const poppler::image image = renderer.render_page(&page, dpi_, dpi_);
  if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) {
    throw std::runtime_error("OCR: the page cannot be rendered");
  }
  api_->SetImage(reinterpret_cast<const unsigned char*>(image.const_data()), image.width(),
                 image.height(), 1, image.bytes_per_row());
  api_->SetSourceResolution(static_cast<int>(dpi_));
  Result r;
  std::unique_ptr<char[]> text(api_->GetUTF8Text());
  if (text) r.text = text.get();
  r.confidence = std::clamp(api_->MeanTextConf(), 0, 100);
  api_->Clear();
  // Trimmed, each line without trailing spaces.
  std::string clean;
  clean.reserve(r.text.size());
  size_t line_start = 0;
  for (char c : r.text) {
    if (c == '\n') {
      while (clean.size() > line_start && IsSpace(static_cast<unsigned char>(clean.back()))) {
        clean.pop_back();
      }
      clean.push_back('\n');
      line_start = clean.size();
    } else if (c != '\f') {
      clean.push_back(c);
    }
  }
  while (!clean.empty() && IsSpace(static_cast<unsigned char>(clean.back()))) clean.pop_back();
  size_t lead = 0;
  while (lead < clean.size() && IsSpace(static_cast<unsigned char>(clean[lead]))) ++lead;
  r.text = clean.substr(lead);
  if (r.text.empty()) r.confidence = 0;
  return r;
}

}  // namespace hstag::pdf
