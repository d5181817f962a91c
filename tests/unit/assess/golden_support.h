// Helpers for the data-driven assessment tests: the golden case files, the engine's
// reason and exemption codes read from its source tables, JSON → model::Answers
// without the production codec (so the golden files test the engine, not the codec),
// a pretty-printer for rewriting golden files, and file reading. Header-only because
// bd_test compiles only *_test.cc files.
#pragma once

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <boost/json.hpp>

#include "model/value.h"

namespace bd::test {

namespace bj = boost::json;

inline std::string pretty(const bj::value& value, int indent = 0);

// Every tests/golden/assess/*.json, sorted by name (NNN_case.json).
inline std::vector<std::filesystem::path> golden_case_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(BD_SOURCE_DIR) /
                                                               "tests/golden/assess")) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

inline std::string read_text(const std::filesystem::path& path);

// One entry of the engine's reason tables (src/model/assess/*: `Reason kX{"code", …}`
// or `Exemption kX{"code", …}`), read from the source so that a new entry counts the
// day it is written.
struct TableCode {
  bool exemption = false;
  std::string declared;  // where, e.g. "reasons.h kCriminalLikely"
};

// Code → its table entry, for every Reason and Exemption constant in src/model/assess.
inline std::map<std::string, TableCode> engine_codes() {
  static const std::regex kEntry(R"re((Reason|Exemption)\s+(k\w+)\s*\{\s*"([^"]+)")re");
  std::map<std::string, TableCode> codes;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(BD_SOURCE_DIR) /
                                                               "src/model/assess")) {
    const std::string text = read_text(entry.path());
    for (std::sregex_iterator it(text.begin(), text.end(), kEntry), end; it != end; ++it) {
      codes.emplace((*it)[3].str(),
                    TableCode{(*it)[1].str() == "Exemption", entry.path().filename().string() + " " + (*it)[2].str()});
    }
  }
  return codes;
}

inline model::Answers answers_from(const bj::object& object) {
  model::Answers answers;
  for (const auto& [key, v] : object) {
    model::Value value;
    if (v.is_bool()) {
      value = v.as_bool();
    } else if (v.is_int64()) {
      value = v.as_int64();
    } else if (v.is_uint64()) {
      value = static_cast<std::int64_t>(v.as_uint64());
    } else if (v.is_double()) {
      value = v.as_double();
    } else if (v.is_string()) {
      value = std::string(v.as_string());
    } else if (v.is_array()) {
      std::vector<std::string> list;
      for (const auto& item : v.as_array()) list.emplace_back(item.as_string());
      value = std::move(list);
    }
    answers.emplace(std::string(key), std::move(value));
  }
  return answers;
}

inline std::string pretty(const bj::value& value, int indent) {
  const std::string pad(static_cast<std::size_t>(indent + 2), ' ');
  const std::string end_pad(static_cast<std::size_t>(indent), ' ');
  if (value.is_object() && !value.as_object().empty()) {
    std::string out = "{\n";
    bool first = true;
    for (const auto& [k, v] : value.as_object()) {
      if (!first) out += ",\n";
      first = false;
      out += pad + bj::serialize(bj::value(k)) + ": " + pretty(v, indent + 2);
    }
    return out + "\n" + end_pad + "}";
  }
  if (value.is_array() && !value.as_array().empty()) {
    bool scalars = true;
    for (const auto& v : value.as_array()) scalars = scalars && !v.is_object() && !v.is_array();
    if (scalars && bj::serialize(value).size() < 80) return bj::serialize(value);
    std::string out = "[\n";
    bool first = true;
    for (const auto& v : value.as_array()) {
      if (!first) out += ",\n";
      first = false;
      out += pad + pretty(v, indent + 2);
    }
    return out + "\n" + end_pad + "]";
  }
  return bj::serialize(value);
}

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

}  // namespace bd::test
