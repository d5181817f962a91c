#include "pages/catalog.h"

#include <fstream>
#include <sstream>

namespace bd::pages {
namespace {

// A small reader for the catalog subset of JSON: objects whose members are strings
// or objects. Numbers, arrays, booleans and null are rejected on purpose.
class CatalogParser {
 public:
  CatalogParser(std::string_view text, std::string_view source) : text_(text), source_(source) {}

  Result<Messages> parse() {
    Messages out;
    skip_ws();
    BD_TRY(parse_object("", out));
    skip_ws();
    if (pos_ != text_.size()) return fail("trailing characters after the catalog object");
    return out;
  }

 private:
  Error fail(std::string_view what) const {
    return Error::invalid("catalog", std::string(source_) + ": " + std::string(what) + " at byte " +
                                         std::to_string(pos_));
  }

  void skip_ws() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' ||
                                   text_[pos_] == '\t')) {
      ++pos_;
    }
  }

  bool eat(char c) {
    skip_ws();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  Status parse_object(const std::string& prefix, Messages& out) {
    if (++depth_ > 16) return fail("catalog nested too deeply");
    if (!eat('{')) return fail("expected '{'");
    if (eat('}')) return {};
    do {
      skip_ws();
      BD_ASSIGN_OR_RETURN(std::string key, parse_string());
      if (key.empty() || key.find('.') != std::string::npos) return fail("keys must be non-empty and without '.'");
      if (!eat(':')) return fail("expected ':'");
      skip_ws();
      const std::string full = prefix.empty() ? key : prefix + "." + key;
      if (pos_ < text_.size() && text_[pos_] == '{') {
        BD_TRY(parse_object(full, out));
      } else {
        BD_ASSIGN_OR_RETURN(std::string value, parse_string());
        if (!out.emplace(full, std::move(value)).second) return fail("duplicate key " + full);
      }
    } while (eat(','));
    if (!eat('}')) return fail("expected ',' or '}'");
    --depth_;
    return {};
  }

  Result<std::string> parse_string() {
    if (pos_ >= text_.size() || text_[pos_] != '"') return fail("expected a string");
    ++pos_;
    std::string out;
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) return fail("control character in string");
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      BD_TRY(parse_escape(out));
    }
    return fail("unterminated string");
  }

  Status parse_escape(std::string& out) {
    if (pos_ >= text_.size()) return fail("unterminated escape");
    const char e = text_[pos_++];
    switch (e) {
      case '"': out.push_back('"'); return {};
      case '\\': out.push_back('\\'); return {};
      case '/': out.push_back('/'); return {};
      case 'n': out.push_back('\n'); return {};
      case 't': out.push_back('\t'); return {};
      case 'u': return parse_unicode(out);
      default: return fail("unsupported escape");
    }
  }

  // \uXXXX for the Basic Multilingual Plane (catalogs hold UTF-8 text directly).
  Status parse_unicode(std::string& out) {
    if (pos_ + 4 > text_.size()) return fail("short \\u escape");
    unsigned cp = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = text_[pos_++];
      cp <<= 4;
      if (h >= '0' && h <= '9') cp |= static_cast<unsigned>(h - '0');
      else if (h >= 'a' && h <= 'f') cp |= static_cast<unsigned>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F') cp |= static_cast<unsigned>(h - 'A' + 10);
      else return fail("bad \\u escape");
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) return fail("surrogates are not supported; write the character as UTF-8");
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
    return {};
  }

  std::string_view text_;
  std::string_view source_;
  std::size_t pos_ = 0;
  int depth_ = 0;
};

}  // namespace

Result<Messages> parse_messages(std::string_view json, std::string_view source) {
  return CatalogParser(json, source).parse();
}

Result<Catalog> Catalog::load(const std::filesystem::path& dir) {
  std::map<std::string, Messages, std::less<>> languages;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    if (!in) return Error::unavailable("message catalog unreadable", entry.path().string());
    std::ostringstream buf;
    buf << in.rdbuf();
    const std::string lang = entry.path().stem().string();
    BD_ASSIGN_OR_RETURN(Messages messages, parse_messages(buf.str(), entry.path().filename().string()));
    languages.emplace(lang, std::move(messages));
  }
  if (ec) return Error::unavailable("message catalogs unreadable", dir.string() + ": " + ec.message());
  return from_languages(std::move(languages));
}

Result<Catalog> Catalog::from_languages(std::map<std::string, Messages, std::less<>> languages) {
  if (languages.find(kDefaultLanguage) == languages.end()) {
    return Error::invalid("catalog", "the default language catalog (nl) is missing");
  }
  Catalog catalog;
  catalog.languages_ = std::move(languages);
  return catalog;
}

std::vector<std::string> Catalog::languages() const {
  std::vector<std::string> out;
  for (const auto& [lang, messages] : languages_) out.push_back(lang);
  return out;
}

bool Catalog::has_language(std::string_view lang) const { return languages_.find(lang) != languages_.end(); }

const Messages& Catalog::messages(std::string_view lang) const {
  auto it = languages_.find(lang);
  if (it == languages_.end()) it = languages_.find(kDefaultLanguage);
  return it->second;
}

std::string Catalog::text(std::string_view lang, std::string_view key) const {
  const Messages& primary = messages(lang);
  if (auto it = primary.find(key); it != primary.end()) return it->second;
  const Messages& fallback = messages(kDefaultLanguage);
  if (auto it = fallback.find(key); it != fallback.end()) return it->second;
  return std::string(key);
}

std::string Catalog::format(std::string_view lang, std::string_view key,
                            const std::vector<std::pair<std::string, std::string>>& args) const {
  std::string out = text(lang, key);
  for (const auto& [name, value] : args) {
    const std::string placeholder = "{" + name + "}";
    for (std::size_t at = out.find(placeholder); at != std::string::npos;
         at = out.find(placeholder, at + value.size())) {
      out.replace(at, placeholder.size(), value);
    }
  }
  return out;
}

}  // namespace bd::pages
