// SPDX-License-Identifier: GPL-3.0-or-later
//
// Writing HTML safely: text and attribute values escaped, relative links
// percent-encoded. Used by the reports (hstag/report.h).
//
// Thread safety: free functions without shared state.
#ifndef HSTAG_REPORT_HTML_H_
#define HSTAG_REPORT_HTML_H_

#include <string>
#include <string_view>

namespace hstag {

// Appends `s` escaped for element content and quoted attribute values:
// & < > " ' as character references, ill-formed UTF-8 and control characters
// (but tab, line feed, form feed and carriage return) as U+FFFD. Nothing in `s` can
// open a tag, end a <style> or <script>, or leave an attribute.
void AppendHtmlEscaped(std::string_view s, std::string* out);
std::string HtmlEscape(std::string_view s);

// A relative path for an href: every byte but ASCII letters, digits, '-',
// '.', '_', '~' and '/' percent-encoded, so that no path becomes a scheme
// ("javascript:"), a query or a fragment.
std::string UrlPathEncode(std::string_view path);

}  // namespace hstag

#endif  // HSTAG_REPORT_HTML_H_
