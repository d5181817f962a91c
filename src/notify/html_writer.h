// A tiny HTML writer for the documents notify/ renders (notify may not use pages/):
// every text and attribute value is escaped; tag and attribute names are constants in
// the calling code. The only unescaped input is raw(), for constant CSS.
//
// Not thread-safe (one writer per document). Never fails.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace bd::notify {

// &, <, >, " and ' as entities.
std::string escape_html(std::string_view text);

class HtmlWriter {
 public:
  using Attributes = std::initializer_list<std::pair<std::string_view, std::string_view>>;

  HtmlWriter& open(std::string_view tag, Attributes attributes = {});
  HtmlWriter& close(std::string_view tag);
  HtmlWriter& text(std::string_view text);
  // <tag attributes>escaped text</tag>
  HtmlWriter& element(std::string_view tag, std::string_view text, Attributes attributes = {});
  // Constant markup from the calling code (a style sheet); never data.
  HtmlWriter& raw(std::string_view markup);
  HtmlWriter& newline();

  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

}  // namespace bd::notify
