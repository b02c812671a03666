// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/options.h"

#include <stdexcept>

namespace hstag::common {

Options::Options(std::string_view json, std::initializer_list<std::string_view> known,
                 std::string noun)
    : json_(nlohmann::json::parse(json.empty() ? std::string_view("{}") : json, nullptr, false)),
      noun_(std::move(noun)) {
  if (json_.is_discarded() || !json_.is_object()) {
    throw std::invalid_argument(noun_ + "s must be a JSON object");
  }
  for (const auto& [key, value] : json_.items()) {
    bool is_known = false;
    for (std::string_view k : known) is_known = is_known || k == key;
    if (is_known) continue;
    std::string list;
    for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
    throw std::invalid_argument("unknown " + noun_ + " `" + key + "` (" +
                                (list.empty() ? "the plugin takes none" : "known: " + list) + ")");
  }
}

const nlohmann::json* Options::Find(std::string_view key) const {
  const auto it = json_.find(key);
  return it == json_.end() || it->is_null() ? nullptr : &*it;
}

void Options::Fail(std::string_view key, const std::string& must_be) const {
  throw std::invalid_argument(noun_ + " `" + std::string(key) + "` must be " + must_be);
}

bool Options::Has(std::string_view key) const { return Find(key) != nullptr; }

bool Options::Bool(std::string_view key, bool fallback) const {
  const nlohmann::json* v = Find(key);
  if (!v) return fallback;
  if (!v->is_boolean()) Fail(key, "true or false");
  return v->get<bool>();
}

std::string Options::String(std::string_view key, std::string fallback) const {
  const nlohmann::json* v = Find(key);
  if (!v) return fallback;
  if (!v->is_string()) Fail(key, "a string");
  return v->get<std::string>();
}

std::vector<std::string> Options::Strings(std::string_view key) const {
  const nlohmann::json* v = Find(key);
  if (!v) return {};
  if (v->is_string()) return {v->get<std::string>()};
  std::vector<std::string> out;
  if (v->is_array()) {
    for (const auto& item : *v) {
      if (!item.is_string()) Fail(key, "a string or a list of strings");
      out.push_back(item.get<std::string>());
    }
    return out;
  }
  Fail(key, "a string or a list of strings");
}

double Options::Number(std::string_view key, double fallback, double min, double max) const {
  const nlohmann::json* v = Find(key);
  if (!v) return fallback;
  auto range = [&] {
    auto text = [](double x) {
      nlohmann::json j = x;
      return j.dump();  // the shortest text that reads back as x
    };
    return "a number from " + text(min) + " to " + text(max);
  };
  if (!v->is_number()) Fail(key, range());
  const double x = v->get<double>();
  if (!(x >= min && x <= max)) Fail(key, range());
  return x;
}

uint64_t Options::Unsigned(std::string_view key, uint64_t fallback, uint64_t min,
                           uint64_t max) const {
  const nlohmann::json* v = Find(key);
  if (!v) return fallback;
  // A YAML config gives signed integers, the command line unsigned ones:
  // either will do when it is in range.
  auto range = [&] {
    if (max == std::numeric_limits<uint64_t>::max()) {
      return min == 0 ? std::string("a whole number")
                      : "a whole number of at least " + std::to_string(min);
    }
    return "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
  };
  if (!v->is_number_integer() || (!v->is_number_unsigned() && v->get<int64_t>() < 0)) {
    Fail(key, range());
  }
  const uint64_t x = v->get<uint64_t>();
  if (x < min || x > max) Fail(key, range());
  return x;
}

}  // namespace hstag::common
