#include "scan/tokenize/sql_head.h"

namespace bd::scan::tokenize {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string unquote(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  std::string out;
  for (char c : s) {
    if (c != '`' && c != '"' && c != '[' && c != ']') out.push_back(c);
  }
  std::size_t dot = out.rfind('.');
  if (dot != std::string::npos) out.erase(0, dot + 1);
  return out;
}

// Splits at commas outside parentheses and quotes.
std::vector<std::string_view> split_top(std::string_view s) {
  std::vector<std::string_view> parts;
  int depth = 0;
  char quote = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') quote = c;
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (c == ',' && depth == 0) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(s.substr(start));
  return parts;
}

// The identifier token starting at s[i] (quoted or bare); i moves past it.
std::string_view next_token(std::string_view s, std::size_t& i) {
  while (i < s.size() && is_space(s[i])) ++i;
  std::size_t b = i;
  char q = i < s.size() ? s[i] : 0;
  if (q == '`' || q == '"' || q == '[') {
    char close = q == '[' ? ']' : q;
    ++i;
    while (i < s.size() && s[i] != close) ++i;
    if (i < s.size()) ++i;
    // A qualified name continues after a dot.
    if (i < s.size() && s[i] == '.') {
      ++i;
      next_token(s, i);
    }
    return s.substr(b, i - b);
  }
  while (i < s.size() && !is_space(s[i]) && s[i] != '(' && s[i] != ',' && s[i] != ';') ++i;
  return s.substr(b, i - b);
}

}  // namespace

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  return out;
}

SqlHead parse_insert_or_copy_head(std::string_view head) {
  SqlHead out;
  std::size_t i = 0;
  std::string first = upper_ascii(next_token(head, i));
  if (first == "INSERT" || first == "REPLACE") {
    for (int k = 0; k < 4; ++k) {
      std::size_t save = i;
      std::string t = upper_ascii(next_token(head, i));
      if (t == "INTO") break;
      if (t != "IGNORE" && t != "LOW_PRIORITY" && t != "DELAYED" && t != "HIGH_PRIORITY") {
        i = save;
        break;
      }
    }
  } else if (first != "COPY") {
    return out;
  }
  out.table = unquote(next_token(head, i));
  while (i < head.size() && is_space(head[i])) ++i;
  if (i < head.size() && head[i] == '(') {
    std::size_t close = head.find(')', i);
    if (close != std::string_view::npos) {
      for (auto part : split_top(head.substr(i + 1, close - i - 1))) out.columns.push_back(unquote(part));
    }
  }
  return out;
}

std::string parse_create_table_name(std::string_view head) {
  std::size_t i = 0;
  std::string name;
  for (int k = 0; k < 8 && i < head.size(); ++k) {
    std::string_view t = next_token(head, i);
    std::string u = upper_ascii(t);
    if (u == "CREATE" || u == "TABLE" || u == "IF" || u == "NOT" || u == "EXISTS" || u == "TEMPORARY" ||
        u == "UNLOGGED" || u == "OR" || u == "REPLACE" || u.empty()) {
      continue;
    }
    name = unquote(t);
    break;
  }
  return name;
}

std::string create_table_statement(std::string_view name, const std::vector<std::string>& columns) {
  std::string out = "CREATE TABLE `" + std::string(name) + "` (";
  for (std::size_t i = 0; i < columns.size(); ++i) out += (i ? ",`" : "`") + columns[i] + "`";
  return out + ");\n";
}

std::vector<std::string> parse_create_columns(std::string_view body) {
  static constexpr std::string_view kNotColumns[] = {"PRIMARY", "KEY",  "UNIQUE", "CONSTRAINT", "INDEX", "FOREIGN",
                                                     "CHECK",   "FULLTEXT", "SPATIAL", "EXCLUDE", "LIKE", "PERIOD"};
  std::vector<std::string> cols;
  for (auto part : split_top(body)) {
    std::size_t i = 0;
    std::string_view t = next_token(part, i);
    if (t.empty()) continue;
    std::string u = upper_ascii(t);
    bool skip = false;
    for (auto k : kNotColumns) skip = skip || u == k;
    if (!skip) cols.push_back(unquote(t));
  }
  return cols;
}

}  // namespace bd::scan::tokenize
