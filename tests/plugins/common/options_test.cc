// SPDX-License-Identifier: GPL-3.0-or-later
//
// plugins/common/options.h: typed options with errors that name the option
// and say what it must be.
#include "common/options.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace hstag::common {
namespace {

// The message of what `f` throws, "" when it does not throw.
template <typename F>
std::string Error(F f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(OptionsTest, GivenValuesAndFallbacks) {
  const Options o(R"({"on": false, "name": "x", "files": ["a", "b"], "ratio": 0.25, "n": 7})",
                  {"on", "name", "files", "ratio", "n", "absent"});
  EXPECT_TRUE(o.Has("on"));
  EXPECT_FALSE(o.Has("absent"));
  EXPECT_FALSE(o.Bool("on", true));
  EXPECT_TRUE(o.Bool("absent", true));
  EXPECT_EQ(o.String("name"), "x");
  EXPECT_EQ(o.String("absent", "dflt"), "dflt");
  EXPECT_EQ(o.Strings("files"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(o.Strings("name"), (std::vector<std::string>{"x"}));
  EXPECT_TRUE(o.Strings("absent").empty());
  EXPECT_EQ(o.Number("ratio", 1, 0, 1), 0.25);
  EXPECT_EQ(o.Number("n", 1, 0, 10), 7);  // an integer is a number too
  EXPECT_EQ(o.Unsigned("n", 1), 7u);
  EXPECT_EQ(o.Unsigned("absent", 3, 1, 8), 3u);
}

TEST(OptionsTest, EmptyTextAndNullAreNoOptions) {
  EXPECT_FALSE(Options("", {"a"}).Has("a"));
  const Options o(R"({"a": null})", {"a"});
  EXPECT_FALSE(o.Has("a"));
  EXPECT_EQ(o.String("a", "dflt"), "dflt");
}

TEST(OptionsTest, NotAnObjectOrAnUnknownKeyIsAnError) {
  EXPECT_EQ(Error([] { Options("[1]", {}); }), "options must be a JSON object");
  EXPECT_EQ(Error([] { Options("{", {}); }), "options must be a JSON object");
  EXPECT_EQ(Error([] { Options(R"({"x": 1})", {}); }),
            "unknown option `x` (the plugin takes none)");
  EXPECT_EQ(Error([] {
              Options(R"({"treshold": 1})", {"threshold", "shingle"});
            }),
            "unknown option `treshold` (known: threshold, shingle)");
  EXPECT_EQ(Error([] { Options(R"({"pasword": "x"})", {"password"}, "pdf option"); }),
            "unknown pdf option `pasword` (known: password)");
}

TEST(OptionsTest, WrongTypesAndRangesNameTheOption) {
  const Options o(R"({"b": "yes", "s": 1, "l": [1], "x": 2.5, "neg": -1, "big": 9, "f": 1.5})",
                  {"b", "s", "l", "x", "neg", "big", "f"}, "pdf option");
  EXPECT_EQ(Error([&] { o.Bool("b", false); }), "pdf option `b` must be true or false");
  EXPECT_EQ(Error([&] { o.String("s"); }), "pdf option `s` must be a string");
  EXPECT_EQ(Error([&] { o.Strings("l"); }), "pdf option `l` must be a string or a list of strings");
  EXPECT_EQ(Error([&] { o.Number("x", 0, 0, 1); }),
            "pdf option `x` must be a number from 0.0 to 1.0");
  EXPECT_EQ(Error([&] { o.Unsigned("neg", 1, 1); }),
            "pdf option `neg` must be a whole number of at least 1");
  EXPECT_EQ(Error([&] { o.Unsigned("big", 3, 1, 8); }),
            "pdf option `big` must be a whole number from 1 to 8");
  EXPECT_EQ(Error([&] { o.Unsigned("f", 3); }), "pdf option `f` must be a whole number");
}

// A YAML config gives signed integers (the pipeline turns YAML into JSON so),
// the command line unsigned ones: both read as whole numbers.
TEST(OptionsTest, SignedAndUnsignedIntegersAlike) {
  nlohmann::json j;
  j["signed"] = int64_t{5};
  j["unsigned"] = uint64_t{5};
  const Options o(j.dump(), {"signed", "unsigned"});
  EXPECT_EQ(o.Unsigned("signed", 0, 1), 5u);
  EXPECT_EQ(o.Unsigned("unsigned", 0, 1), 5u);
}

}  // namespace
}  // namespace hstag::common
