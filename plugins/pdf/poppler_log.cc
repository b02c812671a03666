// SPDX-License-Identifier: GPL-3.0-or-later
#include "poppler_log.h"

#include <poppler-global.h>

#include <algorithm>

#include "hstag/utf8.h"

namespace hstag::pdf {
namespace {

thread_local PopplerLog* current = nullptr;

void OnPopplerMessage(const std::string& message, void*) {
  if (current) current->Add(message);
}

// "error (1234): text" or "error: text" -> "text"; newlines and control
// characters become spaces and ill-formed UTF-8 (bytes quoted from the file) U+FFFD.
std::string Clean(std::string_view m) {
  if (m.starts_with("error")) {
    const size_t colon = m.find(": ");
    if (colon != std::string_view::npos && colon < 32) m.remove_prefix(colon + 2);
  }
  std::string s;
  if (IsValidUtf8(m)) {
    s.assign(m);
  } else {
    RepairUtf8(m, &s);
  }
  // Poppler writes a newline inside a message as "<0a>".
  for (size_t at; (at = s.find("<0a>")) != std::string::npos;) s.replace(at, 4, " ");
  for (char& c : s) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

}  // namespace

PopplerLog::Scope::Scope(PopplerLog* log) : previous_(current) { current = log; }
PopplerLog::Scope::~Scope() { current = previous_; }

void PopplerLog::Add(std::string_view message) {
  ++total_;
  std::string text = Clean(message);
  auto it = index_.find(text);
  if (it == index_.end()) {
    if (entries_.size() >= kMaxEntries) {
      ++overflow_;
      return;
    }
    it = index_.emplace(text, entries_.size()).first;
    entries_.push_back({std::move(text), 0, {}});
  }
  Entry& e = entries_[it->second];
  ++e.count;
  if (page_ != 0 && (e.pages.empty() || e.pages.back() != page_)) {
    if (e.pages.empty() || e.pages.back() < page_) {
      e.pages.push_back(page_);
    } else if (!std::binary_search(e.pages.begin(), e.pages.end(), page_)) {
      e.pages.insert(std::lower_bound(e.pages.begin(), e.pages.end(), page_), page_);
    }
  }
}

std::string PopplerLog::Join(size_t from, size_t max) const {
  std::string out;
  size_t shown = 0;
  // The last messages usually say why Poppler gave up: show them first.
  for (size_t i = entries_.size(); i > from && shown < max; --i, ++shown) {
    if (!out.empty()) out += "; ";
    out += entries_[i - 1].text;
  }
  return out;
}

void InstallPopplerLog() {
  static const bool installed = [] {
    poppler::set_debug_error_function(&OnPopplerMessage, nullptr);
    return true;
  }();
  (void)installed;
}

}  // namespace hstag::pdf
