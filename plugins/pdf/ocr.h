// SPDX-License-Identifier: GPL-3.0-or-later
//
// OCR of PDF pages: Poppler renders a page (8-bit grey, at the dpi asked),
// Tesseract 5 recognizes it (page layout analysis as the `tesseract`
// command does it, LSTM engine). The text comes back as Tesseract writes it,
// one line a line and a blank line between paragraphs, the way Poppler gives
// a text layer: the host's analyzer joins the lines and the words broken by
// a hyphen at a line end, for both alike.
//
// Nothing reaches stderr: Tesseract's messages go to its debug file
// (/dev/null), Leptonica's are switched off, and a language whose data is
// missing is found before Tesseract is asked to load it. Tesseract's OpenMP
// threads are off unless OMP_THREAD_LIMIT says otherwise (one document, one
// core: `--jobs N` uses N cores).
#ifndef HSTAG_PLUGINS_PDF_OCR_H_
#define HSTAG_PLUGINS_PDF_OCR_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace poppler {
class page;
}
namespace tesseract {
class TessBaseAPI;
}

namespace hstag::pdf {

enum class OcrMode { kOff, kAuto, kForce };

// "off", "auto", "force"; throws std::invalid_argument for anything else.
OcrMode ParseOcrMode(std::string_view s);

// A page needs OCR in auto mode when its text layer has fewer than this many
// characters that are not white space.
constexpr size_t kOcrMinCharacters = 16;
// Non-space characters (code points) of a text, counted up to `stop`.
size_t NonSpaceCharacters(std::string_view text, size_t stop = SIZE_MAX);

// OCR languages: hstag's codes (ISO 639-1, as the lexicons' `lang:`) joined
// by '+' ("en+fr"), each mapped to its Tesseract data name ("eng+fra").
struct OcrLanguage {
  std::string code;      // "fr"
  std::string tessdata;  // "fra"
};
// Throws std::invalid_argument naming an unknown code and the known ones.
std::vector<OcrLanguage> ParseOcrLanguages(std::string_view codes);

// Where Tesseract's language data is: $TESSDATA_PREFIX, or the first of the
// usual folders that exists (Debian 12: /usr/share/tesseract-ocr/5/tessdata).
std::string TessdataDir();

// Throws std::runtime_error when a language's data file is missing, naming
// the language, the file, the folder and the Debian package to install.
void CheckOcrLanguages(const std::vector<OcrLanguage>& langs, const std::string& tessdata_dir);

// The size of a page's image at `dpi`, in pixels.
struct PagePixels {
  uint64_t width = 0, height = 0;
  double width_pt = 0, height_pt = 0;
  uint64_t total() const { return width * height; }
};
PagePixels PixelsAt(const poppler::page& page, unsigned dpi);

// Whether a page is blank: rendered at 18 dpi, not one pixel darker than
// near-white. Such a page is not given to OCR (a PDF of thousands of empty
// pages costs milliseconds a page, not seconds).
bool LooksBlank(const poppler::page& page);

// One Tesseract instance, for the pages of one document (not thread-safe:
// one per document being extracted).
class OcrEngine {
 public:
  // Throws std::runtime_error when Tesseract cannot start.
  OcrEngine(const std::string& tessdata_dir, const std::vector<OcrLanguage>& langs, unsigned dpi);
  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  struct Result {
    std::string text;    // lines and paragraphs, trimmed; empty when nothing was read
    int confidence = 0;  // mean word confidence, 0-100
  };
  // Throws std::runtime_error when the page cannot be rendered.
  Result Recognize(const poppler::page& page) const;

 private:
  std::unique_ptr<tesseract::TessBaseAPI> api_;
  unsigned dpi_;
};

}  // namespace hstag::pdf

#endif  // HSTAG_PLUGINS_PDF_OCR_H_
