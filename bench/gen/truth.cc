#include "truth.h"

#include <functional>
#include <sstream>

namespace bd::gen {

void Truth::value(const std::string& file, const std::string& category, const std::string& normalised) {
  ++files_[file].values[category];
  distinct_[category].insert(std::hash<std::string>{}(normalised));
}

std::size_t Truth::find(std::size_t x) const {
  while (parent_[x] != x) {
    parent_[x] = parent_[parent_[x]];
    x = parent_[x];
  }
  return x;
}

std::size_t Truth::key_node(const std::string& key) {
  auto [it, fresh] = nodes_.try_emplace(std::hash<std::string>{}(key), parent_.size());
  if (fresh) {
    parent_.push_back(parent_.size());
    is_record_.push_back(false);
  }
  return it->second;
}

void Truth::record(const std::string& file, bool personal_data, const PersonKeys& keys) {
  FileTruth& f = files_[file];
  ++f.records;
  if (personal_data) ++f.records_with_personal_data;
  std::vector<std::size_t> nodes;
  if (!keys.bsn.empty()) nodes.push_back(key_node("b:" + keys.bsn));
  if (!keys.email.empty()) nodes.push_back(key_node("e:" + keys.email));
  if (nodes.empty() && !keys.name_address.empty()) nodes.push_back(key_node("n:" + keys.name_address));
  if (nodes.empty()) return;
  is_record_[nodes[0]] = true;
  for (std::size_t i = 1; i < nodes.size(); ++i) {
    std::size_t a = find(nodes[0]), b = find(nodes[i]);
    if (a != b) parent_[b] = a;
  }
}

void Truth::free_text_key(const std::string& kind, const std::string& key) {
  std::size_t node = key_node((kind == "bsn" ? "b:" : "e:") + key);
  is_record_[node] = true;
}

void Truth::copy(const std::string& original, const std::string& copy) {
  FileTruth f = files_[original];
  FileTruth& c = files_[copy];
  c.records += f.records;
  c.records_with_personal_data += f.records_with_personal_data;
  for (const auto& [k, v] : f.values) c.values[k] += v;
}

std::uint64_t Truth::records() const {
  std::uint64_t n = 0;
  for (const auto& [_, f] : files_) n += f.records;
  return n;
}

std::uint64_t Truth::records_with_personal_data() const {
  std::uint64_t n = 0;
  for (const auto& [_, f] : files_) n += f.records_with_personal_data;
  return n;
}

std::uint64_t Truth::values(const std::string& category) const {
  std::uint64_t n = 0;
  for (const auto& [_, f] : files_) {
    auto it = f.values.find(category);
    if (it != f.values.end()) n += it->second;
  }
  return n;
}

std::uint64_t Truth::distinct(const std::string& category) const {
  auto it = distinct_.find(category);
  return it == distinct_.end() ? 0 : it->second.size();
}

std::uint64_t Truth::persons_distinct() const {
  std::unordered_set<std::size_t> roots;
  for (std::size_t i = 0; i < parent_.size(); ++i) {
    if (is_record_[i]) roots.insert(find(i));
  }
  return roots.size();
}

namespace {
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}
}  // namespace

std::string Truth::to_json(std::uint64_t seed) const {
  static const char* kCategories[] = {"bsn", "iban", "payment_card", "email", "phone", "address",
                                      "birth_date", "name", "ip_address", "id_document", "password", "health"};
  std::ostringstream o;
  o << "{\n  \"generator\": \"bench/gen 1\",\n  \"seed\": " << seed << ",\n";
  o << "  \"exact\": [\"bsn\", \"iban\", \"payment_card\", \"email\"],\n";
  o << "  \"records\": " << records() << ",\n  \"records_with_personal_data\": " << records_with_personal_data()
    << ",\n  \"persons_distinct\": " << persons_distinct() << ",\n  \"categories\": {";
  bool first = true;
  for (const char* c : kCategories) {
    o << (first ? "\n" : ",\n") << "    " << quoted(c) << ": {\"values\": " << values(c)
      << ", \"distinct\": " << distinct(c) << "}";
    first = false;
  }
  o << "\n  },\n  \"traps\": {";
  first = true;
  for (const auto& [k, v] : traps_) {
    o << (first ? "\n" : ",\n") << "    " << quoted(k) << ": " << v;
    first = false;
  }
  o << "\n  },\n  \"files\": {";
  first = true;
  for (const auto& [path, f] : files_) {
    o << (first ? "\n" : ",\n") << "    " << quoted(path) << ": {\"records\": " << f.records
      << ", \"records_with_personal_data\": " << f.records_with_personal_data << ", \"values\": {";
    bool vf = true;
    for (const auto& [k, v] : f.values) {
      o << (vf ? "" : ", ") << quoted(k) << ": " << v;
      vf = false;
    }
    o << "}}";
    first = false;
  }
  o << "\n  }\n}\n";
  return o.str();
}

}  // namespace bd::gen
