// SPDX-License-Identifier: GPL-3.0-or-later
//
// What the element paths of a document's segments may take together, for
// the extractors that give each segment its path (XML, HTML): paragraphs
// nested ever deeper each carry a longer path, so that their sum grows with
// the square of the depth. A real document's paths take a fraction of the
// budget; a hostile one fails.
//
// Thread safety: per-document state.
#ifndef HSTAG_PLUGINS_COMMON_PATH_BUDGET_H_
#define HSTAG_PLUGINS_COMMON_PATH_BUDGET_H_

#include <cstddef>
#include <stdexcept>
#include <string>

namespace hstag::common {

class PathBudget {
 public:
  // 16 MiB plus 4 bytes per byte of the file.
  static constexpr size_t kBytes = 16u << 20;
  static constexpr size_t kBytesPerByte = 4;
  static size_t ForFile(size_t file_bytes) { return kBytes + kBytesPerByte * file_bytes; }

  explicit PathBudget(size_t bytes) : left_(bytes) {}

  // Charges a segment's path of `length` bytes (`depth`: the nesting, for
  // the message); throws std::runtime_error beyond the budget.
  void Charge(size_t length, size_t depth) {
    if (length > left_) {
      throw std::runtime_error("element paths of more than " + std::to_string(spent_ + left_) +
                               " bytes in all (elements nested " + std::to_string(depth) +
                               " deep): a hostile or broken document");
    }
    left_ -= length;
    spent_ += length;
  }

 private:
  size_t left_, spent_ = 0;
};

}  // namespace hstag::common

#endif  // HSTAG_PLUGINS_COMMON_PATH_BUDGET_H_
