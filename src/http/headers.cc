#include "http/headers.h"

#include <algorithm>

namespace bd::http {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool valid_name(std::string_view name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c > 0x20 && c < 0x7f && c != ':';
  });
}

bool valid_value(std::string_view value) {
  return value.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

}  // namespace

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::optional<std::string_view> Headers::get(std::string_view name) const {
  for (const auto& [key, value] : fields_) {
    if (iequals(key, name)) return std::string_view(value);
  }
  return std::nullopt;
}

std::vector<std::string_view> Headers::all(std::string_view name) const {
  std::vector<std::string_view> out;
  for (const auto& [key, value] : fields_) {
    if (iequals(key, name)) out.emplace_back(value);
  }
  return out;
}

bool Headers::set(std::string_view name, std::string_view value) {
  if (!valid_name(name) || !valid_value(value)) return false;
  remove(name);
  fields_.emplace_back(std::string(name), std::string(value));
  return true;
}

bool Headers::add(std::string_view name, std::string_view value) {
  if (!valid_name(name) || !valid_value(value)) return false;
  fields_.emplace_back(std::string(name), std::string(value));
  return true;
}

bool Headers::set_default(std::string_view name, std::string_view value) {
  if (has(name)) return true;
  return add(name, value);
}

void Headers::remove(std::string_view name) {
  std::erase_if(fields_, [name](const Field& f) { return iequals(f.first, name); });
}

}  // namespace bd::http
