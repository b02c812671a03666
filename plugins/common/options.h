// SPDX-License-Identifier: GPL-3.0-or-later
//
// A plugin's options (hstag_create_args_v2.options_json: the `options:` of
// the pipeline config, with the command line's merged over them), read with
// the checks every built-in plugin wants: the text is a JSON object, every
// key is an option the plugin knows, every value has the type and range the
// plugin needs. A mistake throws std::invalid_argument with a message that
// names the option, says what it must be and lists the options there are;
// the host adds the plugin's id ("plugin 'pdf' could not be created: ...").
// A null value (`key: ~` in YAML) counts as not given.
//
// Thread safety: immutable after construction.
#ifndef HSTAG_PLUGINS_COMMON_OPTIONS_H_
#define HSTAG_PLUGINS_COMMON_OPTIONS_H_

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace hstag::common {

class Options {
 public:
  // `known`: every option the plugin takes (none: any option is an error).
  // `noun`: how messages call an option, "option" unless the plugin has its
  // own word ("pdf option").
  Options(std::string_view json, std::initializer_list<std::string_view> known,
          std::string noun = "option");

  bool Has(std::string_view key) const;
  bool Bool(std::string_view key, bool fallback) const;
  std::string String(std::string_view key, std::string fallback = "") const;
  // A string, or a list of strings (empty when not given).
  std::vector<std::string> Strings(std::string_view key) const;
  // A number from `min` to `max`.
  double Number(std::string_view key, double fallback, double min, double max) const;
  // A whole number from `min` to `max`.
  uint64_t Unsigned(std::string_view key, uint64_t fallback, uint64_t min = 0,
                    uint64_t max = std::numeric_limits<uint64_t>::max()) const;

 private:
  // The value of `key`, or null when it is not given.
  const nlohmann::json* Find(std::string_view key) const;
  [[noreturn]] void Fail(std::string_view key, const std::string& must_be) const;

  nlohmann::json json_;
  std::string noun_;
};

}  // namespace hstag::common

#endif  // HSTAG_PLUGINS_COMMON_OPTIONS_H_
