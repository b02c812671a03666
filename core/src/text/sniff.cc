// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/sniff.h"

#include <array>

namespace hstag {

std::string DescribeFormat(std::string_view h) {
  auto starts = [&](std::string_view magic) { return h.substr(0, magic.size()) == magic; };
  if (starts("PK\x03\x04")) {
    if (h.find("word/") != std::string_view::npos) return "DOCX (Office Open XML document)";
    if (h.find("xl/") != std::string_view::npos) return "XLSX (Office Open XML spreadsheet)";
    if (h.find("ppt/") != std::string_view::npos) return "PPTX (Office Open XML presentation)";
    if (h.find("application/vnd.oasis.opendocument.text") != std::string_view::npos) {
      return "ODT (OpenDocument text)";
    }
    if (h.find("application/epub+zip") != std::string_view::npos) return "EPUB";
    return "ZIP archive";
  }
  if (starts("{\\rtf")) return "RTF";
  if (starts("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return "legacy Microsoft Office (OLE2) document";
  if (starts("\x89PNG\r\n\x1A\n")) return "PNG image";
  if (starts("\xFF\xD8\xFF")) return "JPEG image";
  if (starts("GIF87a") || starts("GIF89a")) return "GIF image";
  if (starts("II*\0") || starts(std::string_view("MM\0*", 4))) return "TIFF image";
  if (starts("RIFF") && h.size() >= 12 && h.substr(8, 4) == "WEBP") return "WebP image";
  if (starts("\x1F\x8B")) return "gzip archive";
  if (starts("BZh")) return "bzip2 archive";
  if (starts("\xFD" "7zXZ")) return "xz archive";
  if (starts("7z\xBC\xAF\x27\x1C")) return "7-Zip archive";
  if (starts("Rar!")) return "RAR archive";
  if (starts("\x7F" "ELF")) return "ELF executable";
  if (starts("MZ")) return "Windows executable";
  if (starts("ID3") || starts("\xFF\xFB")) return "MP3 audio";
  if (starts("%!PS")) return "PostScript";
  return "";
}

}  // namespace hstag
