// Renderer: the page templates (kainjow mustache) with the message catalogs.
//
// Templates live under <web root>/templates as *.mustache files and are named by their
// path without the extension: "layout", "pages/login", "partials/field". A partial
// `{{> field}}` resolves to "partials/field". Every page is rendered into "layout",
// which receives the page's HTML as `body`.
//
// Escaping: `{{x}}` is always HTML-escaped (& < > " ' `). Unescaped output (`{{{x}}}`
// or `{{& x}}`) is refused at load time except for the reviewed allow-list
// kRawAllowList below; changing delimiters (`{{= =}}`) is refused as well, because it
// would hide raw tags from that review.
//
// Every template sees, besides its view data:
//   t.<key>   the message catalog of the request's language (nested by the dots)
//   lang      the language code ("nl", "en")
// View data shadows these names.
//
// Ownership and threads: load() reads all files once; the Renderer is immutable after
// that and render() may be called from any number of threads. Failure: load() returns
// an error naming the template; render() returns NotFound for an unknown template and
// Internal when mustache reports an error (details for the log only).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <mustache.hpp>

#include "base/result.h"
#include "pages/catalog.h"

namespace bd::pages {

using View = kainjow::mustache::data;

// (template name, variable) pairs that may be written unescaped. Each one holds
// HTML that was itself produced by this renderer with escaping on.
inline constexpr std::pair<std::string_view, std::string_view> kRawAllowList[] = {
    {"layout", "body"},  // the page rendered by render_page()
};

// The HTML escaping used for `{{x}}`: & < > " ' and ` become entities.
std::string html_escape(std::string_view text);

class Renderer {
 public:
  // Reads every *.mustache below `templates_dir`. The catalog is kept by value.
  static Result<std::unique_ptr<Renderer>> load(const std::filesystem::path& templates_dir, Catalog catalog);
  // For tests: templates given as name -> text.
  static Result<std::unique_ptr<Renderer>> from_templates(std::map<std::string, std::string, std::less<>> templates,
                                                          Catalog catalog);

  // Renders one template (no layout).
  Result<std::string> render(std::string_view name, const View& view, std::string_view lang) const;
  // Renders "pages/<page>" and places it in "layout" as `body`; `view` is visible to both.
  Result<std::string> render_page(std::string_view page, const View& view, std::string_view lang) const;

  bool has_template(std::string_view name) const;
  const Catalog& catalog() const { return catalog_; }

 private:
  Renderer(std::map<std::string, std::string, std::less<>> templates, Catalog catalog);
  Result<std::string> render_with(std::string_view name, const View& view, const View* extra,
                                  std::string_view lang) const;

  std::map<std::string, std::string, std::less<>> templates_;
  std::map<std::string, View, std::less<>> partials_;  // "field" -> template text as data
  std::map<std::string, View, std::less<>> globals_;   // lang -> {t: ..., lang: ...}
  Catalog catalog_;
};

}  // namespace bd::pages
