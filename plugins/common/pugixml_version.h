// SPDX-License-Identifier: GPL-3.0-or-later
//
// The pugixml version the plugins that read XML were built with, for their
// descriptors' `libraries` ("pugixml 1.13"), made at compile time from
// PUGIXML_VERSION (major * 1000 + minor * 10: 1130).
#ifndef HSTAG_PLUGINS_COMMON_PUGIXML_VERSION_H_
#define HSTAG_PLUGINS_COMMON_PUGIXML_VERSION_H_

#include <pugixml.hpp>

#include <array>
#include <string_view>

namespace hstag::common {

constexpr std::array<char, 24> PugixmlLibrariesString() {
  std::array<char, 24> s{};
  size_t n = 0;
  for (char c : std::string_view("pugixml ")) s[n++] = c;
  auto number = [&](int v) {
    char digits[8] = {};
    int k = 0;
    do {
      digits[k++] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v > 0);
    while (k > 0) s[n++] = digits[--k];
  };
  number(PUGIXML_VERSION / 1000);
  s[n++] = '.';
  number(PUGIXML_VERSION % 1000 / 10);
  return s;
}

// NUL-terminated, for a descriptor's `libraries`.
inline constexpr std::array<char, 24> kPugixmlLibraries = PugixmlLibrariesString();

}  // namespace hstag::common

#endif  // HSTAG_PLUGINS_COMMON_PUGIXML_VERSION_H_
