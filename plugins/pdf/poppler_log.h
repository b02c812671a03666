// SPDX-License-Identifier: GPL-3.0-or-later
//
// Poppler's messages, routed to the document being processed.
//
// Poppler reports problems only through one process-wide callback. The
// plugin installs it once (InstallPopplerLog); the callback appends to the
// PopplerLog made current on the calling thread by a PopplerLog::Scope, so
// documents extracted at the same time on several threads never mix their
// messages. A message arriving on a thread with no current log is dropped:
// nothing from Poppler reaches stderr.
#ifndef HSTAG_PLUGINS_PDF_POPPLER_LOG_H_
#define HSTAG_PLUGINS_PDF_POPPLER_LOG_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hstag::pdf {

class PopplerLog {
 public:
  // One distinct message: the text without Poppler's "error (offset): "
  // prefix, how often it came and on which pages (0: not on a page).
  struct Entry {
    std::string text;
    size_t count = 0;
    std::vector<unsigned> pages;  // sorted, distinct, without 0
  };

  // Makes `log` the current thread's log for the scope's lifetime.
  class Scope {
   public:
    explicit Scope(PopplerLog* log);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    PopplerLog* previous_;
  };

  // The page whose messages come next (1-based), 0 for none.
  void SetPage(unsigned page) { page_ = page; }
  void Add(std::string_view message);

  const std::vector<Entry>& entries() const { return entries_; }
  size_t total() const { return total_; }
  // Messages past the cap on distinct entries: counted, not kept.
  size_t overflow() const { return overflow_; }

  // The distinct messages added since entry `from` (by index), most useful
  // first, joined with "; ", at most `max` of them.
  std::string Join(size_t from, size_t max) const;

 private:
  static constexpr size_t kMaxEntries = 256;
  std::vector<Entry> entries_;
  std::unordered_map<std::string, size_t> index_;
  size_t total_ = 0, overflow_ = 0;
  unsigned page_ = 0;
};

// Installs the process-wide callback (idempotent, thread-safe).
void InstallPopplerLog();

}  // namespace hstag::pdf

#endif  // HSTAG_PLUGINS_PDF_POPPLER_LOG_H_
