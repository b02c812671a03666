// SPDX-License-Identifier: GPL-3.0-or-later
#include "report_fixture.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cctype>
#include <fstream>

#include "test_support.h"

namespace fs = std::filesystem;

namespace hstag::testing {

fs::path Scratch() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const fs::path dir =
      fs::path(::testing::TempDir()) / ("hstag_report_" + std::string(info->test_suite_name()) +
                                        "_" + info->name() + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

fs::path WriteHostileDocument(const fs::path& dir) {
  const fs::path path = dir / "<i>bold \"q\" 'a' <script>x.txt";
  std::ofstream f(path, std::ios::binary);
  f << "Human security <script>document.title='pwned';"
       "document.body.appendChild(document.createElement('div')).id='pwned';</script> "
       "is about food security.\n"
       "</style><style>body{display:none}</style> Freedom from fear and freedom from want.\n"
       "<a href=\"javascript:alert(1)\">click</a> javascript:alert(2) "
       "<img src=x onerror=\"document.title='pwned'\">\n"
       "Broken \xff\xfe UTF-8 \xc3 and a NUL \x01 here. The United Nations and the "
       "Commission on Human Security speak of hunger and famine.\n";
  return path;
}

int RunReport(const std::string& inputs, const fs::path& out) {
  // OCR off: the reports are not about it (two pages of the corpus's ADB
  // report have no text layer).
  return RunCommand(Quote(Binary()) + " report --ocr off " + inputs + " -o " + Quote(out) + " 2>&1")
      .status;
}

size_t CountStartTags(const std::string& html) {
  size_t n = 0;
  for (size_t i = 0; i + 1 < html.size(); ++i) {
    if (html[i] == '<' && std::isalpha(static_cast<unsigned char>(html[i + 1]))) ++n;
  }
  return n;
}

}  // namespace hstag::testing
