// SPDX-License-Identifier: GPL-3.0-or-later
#include "output/csv.h"

namespace hstag {

namespace {

// Whether a field needs quotes: a comma, a quote, a line break, or space at
// either end.
bool NeedsQuotes(std::string_view f) {
  if (f.empty()) return false;
  if (f.front() == ' ' || f.back() == ' ') return true;
  // Most fields are a few bytes (a concept ID, an offset): one loop over
  // them beats four calls of memchr.
  for (const char c : f) {
    if (c == ',' || c == '"' || c == '\n' || c == '\r') return true;
  }
  return false;
}

}  // namespace

void AppendCsvField(std::string_view f, std::string* out) {
  if (!NeedsQuotes(f)) {
    out->append(f);
    return;
  }
  out->push_back('"');
  // Each quote doubled: the text between quotes goes in whole.
  for (size_t q = f.find('"'); q != std::string_view::npos; q = f.find('"')) {
    out->append(f.substr(0, q + 1));
    out->push_back('"');
    f.remove_prefix(q + 1);
  }
  out->append(f);
  out->push_back('"');
}

void AppendCsvRow(const std::vector<std::string>& fields, std::string* out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out->push_back(',');
    AppendCsvField(fields[i], out);
  }
  out->push_back('\n');
}

Result<std::vector<std::vector<std::string>>> ParseCsv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, was_quoted = false;
  size_t line = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      was_quoted = false;
      rows.push_back(std::move(row));
      row.clear();
      ++line;
    } else if (was_quoted) {
      return Status::Error("line " + std::to_string(line) + ": text after a closing quote");
    } else {
      field.push_back(c);
    }
  }
  if (quoted) return Status::Error("line " + std::to_string(line) + ": unclosed quote");
  if (!field.empty() || !row.empty() || was_quoted) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace hstag
