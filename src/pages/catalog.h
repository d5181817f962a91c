// Catalog: the message catalogs of the user interface, one JSON file per language
// (i18n/nl.json, i18n/en.json, ...). Every text a person reads in a page comes from
// here, so a third language is a new file, not a code change.
//
// File format: a JSON object whose members are strings or nested objects; nested
// keys are joined with dots ("login.title"). Values may hold named placeholders
// "{name}" that format() fills in.
//
// Ownership and threads: a Catalog is immutable after load() and may be shared by any
// number of threads. Failure: load() returns an InvalidInput/Unavailable error naming
// the file and position; a missing key at lookup falls back to the default language
// (nl) and then to the key itself, so a page never shows an empty label.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"

namespace bd::pages {

// Flat key -> text of one language.
using Messages = std::map<std::string, std::string, std::less<>>;

// Parses one catalog file's text. `source` names it in error messages.
Result<Messages> parse_messages(std::string_view json, std::string_view source);

class Catalog {
 public:
  static constexpr std::string_view kDefaultLanguage = "nl";

  // Reads every <lang>.json in `dir`; the default language must be among them.
  static Result<Catalog> load(const std::filesystem::path& dir);
  // For tests and tools: a catalog built from already parsed languages.
  static Result<Catalog> from_languages(std::map<std::string, Messages, std::less<>> languages);

  // Languages present, sorted ("en", "nl").
  std::vector<std::string> languages() const;
  bool has_language(std::string_view lang) const;
  // All messages of one language (the default language when `lang` is unknown).
  const Messages& messages(std::string_view lang) const;

  // The text for `key`, falling back to the default language, then to the key.
  std::string text(std::string_view lang, std::string_view key) const;
  // text() with "{name}" placeholders replaced by the given values (unknown names stay).
  std::string format(std::string_view lang, std::string_view key,
                     const std::vector<std::pair<std::string, std::string>>& args) const;

 private:
  std::map<std::string, Messages, std::less<>> languages_;
};

}  // namespace bd::pages
