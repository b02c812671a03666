// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/language.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace hstag::common {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::string NormalizeLanguage(std::string_view tag) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 64> k3to1 = {{
      {"ara", "ar"}, {"arb", "ar"}, {"baq", "eu"}, {"ben", "bn"}, {"bul", "bg"}, {"cat", "ca"},
      {"ces", "cs"}, {"chi", "zh"}, {"cmn", "zh"}, {"cze", "cs"}, {"dan", "da"}, {"deu", "de"},
      {"dut", "nl"}, {"ell", "el"}, {"eng", "en"}, {"est", "et"}, {"eus", "eu"}, {"fas", "fa"},
      {"fin", "fi"}, {"fra", "fr"}, {"fre", "fr"}, {"ger", "de"}, {"gle", "ga"}, {"glg", "gl"},
      {"gre", "el"}, {"heb", "he"}, {"hin", "hi"}, {"hrv", "hr"}, {"hun", "hu"}, {"ind", "id"},
      {"ita", "it"}, {"jpn", "ja"}, {"kor", "ko"}, {"lav", "lv"}, {"lit", "lt"}, {"may", "ms"},
      {"mlt", "mt"}, {"msa", "ms"}, {"nld", "nl"}, {"nor", "no"}, {"per", "fa"}, {"pol", "pl"},
      {"por", "pt"}, {"ron", "ro"}, {"rum", "ro"}, {"rus", "ru"}, {"slk", "sk"}, {"slo", "sk"},
      {"slv", "sl"}, {"spa", "es"}, {"srp", "sr"}, {"swa", "sw"}, {"swe", "sv"}, {"tha", "th"},
      {"tur", "tr"}, {"ukr", "uk"}, {"urd", "ur"}, {"vie", "vi"}, {"zho", "zh"}, {"yue", "zh"},
      {"nob", "nb"}, {"nno", "nn"}, {"isl", "is"}, {"ice", "is"},
  }};
  size_t b = 0, e = tag.size();
  while (b < e && IsSpace(tag[b])) ++b;
  while (e > b && IsSpace(tag[e - 1])) --e;
  tag = tag.substr(b, e - b);
  const size_t dash = tag.find_first_of("-_");
  std::string primary(tag.substr(0, dash));
  if (primary.size() < 2 || primary.size() > 8) return "";
  for (char& c : primary) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return "";
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (primary.size() == 3) {
    for (const auto& [three, two] : k3to1) {
      if (three == primary) {
        primary = two;
        break;
      }
    }
  }
  if (dash == std::string_view::npos) return primary;
  std::string rest(tag.substr(dash));
  std::replace(rest.begin(), rest.end(), '_', '-');
  return primary + rest;
}

}  // namespace hstag::common
