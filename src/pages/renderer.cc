#include "pages/renderer.h"

#include <fstream>
#include <regex>
#include <sstream>
#include <vector>

namespace bd::pages {
namespace {

using Mustache = kainjow::mustache::mustache;

// Resolves `{{> name}}` to the loaded "partials/name" template.
class TemplateContext final : public kainjow::mustache::context<std::string> {
 public:
  explicit TemplateContext(const std::map<std::string, View, std::less<>>& partials) : partials_(partials) {}
  const View* get_partial(const std::string& name) const override {
    auto it = partials_.find(name);
    return it == partials_.end() ? nullptr : &it->second;
  }

 private:
  const std::map<std::string, View, std::less<>>& partials_;
};

bool raw_allowed(std::string_view template_name, std::string_view variable) {
  for (const auto& [name, var] : kRawAllowList) {
    if (name == template_name && var == variable) return true;
  }
  return false;
}

// Refuses unescaped tags outside the allow-list and delimiter changes.
Status review_template(const std::string& name, const std::string& text) {
  static const std::regex raw(R"(\{\{\{\s*([^}\s]*)\s*\}\}\}|\{\{&\s*([^}\s]*)\s*\}\})");
  static const std::regex delim(R"(\{\{\s*=)");
  if (std::regex_search(text, delim)) {
    return Error::invalid("template", "template " + name + " changes delimiters, which is not allowed");
  }
  for (std::sregex_iterator it(text.begin(), text.end(), raw), end; it != end; ++it) {
    const std::string var = (*it)[1].matched ? (*it)[1].str() : (*it)[2].str();
    if (!raw_allowed(name, var)) {
      return Error::invalid("template", "template " + name + " writes '" + var +
                                            "' unescaped; add it to kRawAllowList after review or use {{" +
                                            var + "}}");
    }
  }
  Mustache parsed(text);
  if (!parsed.is_valid()) {
    return Error::invalid("template", "template " + name + " does not parse: " + parsed.error_message());
  }
  return {};
}

// Builds {a: {b: "..."}} from flat "a.b" keys. A key that is both a text and a
// prefix ("a" and "a.b") keeps the text; the catalog files cannot express that anyway.
View nest_messages(const Messages& messages) {
  struct Node {
    std::string text;
    std::map<std::string, Node> children;
  };
  Node root;
  for (const auto& [key, text] : messages) {
    Node* node = &root;
    std::size_t start = 0;
    while (true) {
      const std::size_t dot = key.find('.', start);
      node = &node->children[key.substr(start, dot == std::string::npos ? std::string::npos : dot - start)];
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    node->text = text;
  }
  auto to_view = [](auto& self, const Node& node) -> View {
    if (node.children.empty()) return View(node.text);
    View obj{View::type::object};
    for (const auto& [name, child] : node.children) obj.set(name, self(self, child));
    return obj;
  };
  return to_view(to_view, root);
}

Result<std::map<std::string, std::string, std::less<>>> read_templates(const std::filesystem::path& dir) {
  std::map<std::string, std::string, std::less<>> out;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file() || it->path().extension() != ".mustache") continue;
    std::ifstream in(it->path(), std::ios::binary);
    if (!in) return Error::unavailable("template unreadable", it->path().string());
    std::ostringstream buf;
    buf << in.rdbuf();
    std::string name = std::filesystem::relative(it->path(), dir).replace_extension().generic_string();
    out.emplace(std::move(name), buf.str());
  }
  if (ec) return Error::unavailable("templates unreadable", dir.string() + ": " + ec.message());
  if (out.empty()) return Error::unavailable("no templates found", dir.string());
  return out;
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '`': out += "&#96;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

Result<std::unique_ptr<Renderer>> Renderer::load(const std::filesystem::path& templates_dir, Catalog catalog) {
  BD_ASSIGN_OR_RETURN(auto templates, read_templates(templates_dir));
  return from_templates(std::move(templates), std::move(catalog));
}

Result<std::unique_ptr<Renderer>> Renderer::from_templates(std::map<std::string, std::string, std::less<>> templates,
                                                           Catalog catalog) {
  for (const auto& [name, text] : templates) BD_TRY(review_template(name, text));
  return std::unique_ptr<Renderer>(new Renderer(std::move(templates), std::move(catalog)));
}

Renderer::Renderer(std::map<std::string, std::string, std::less<>> templates, Catalog catalog)
    : templates_(std::move(templates)), catalog_(std::move(catalog)) {
  constexpr std::string_view kPartialPrefix = "partials/";
  for (const auto& [name, text] : templates_) {
    if (name.starts_with(kPartialPrefix)) partials_.emplace(name.substr(kPartialPrefix.size()), View(text));
  }
  for (const std::string& lang : catalog_.languages()) {
    // Missing texts fall back to the default language, as Catalog::text() does.
    Messages merged = catalog_.messages(lang);
    merged.insert(catalog_.messages(Catalog::kDefaultLanguage).begin(),
                  catalog_.messages(Catalog::kDefaultLanguage).end());
    View globals{View::type::object};
    globals.set("t", nest_messages(merged));
    globals.set("lang", lang);
    globals_.emplace(lang, std::move(globals));
  }
}

bool Renderer::has_template(std::string_view name) const { return templates_.find(name) != templates_.end(); }

Result<std::string> Renderer::render(std::string_view name, const View& view, std::string_view lang) const {
  return render_with(name, view, nullptr, lang);
}

Result<std::string> Renderer::render_page(std::string_view page, const View& view, std::string_view lang) const {
  BD_ASSIGN_OR_RETURN(std::string body, render_with("pages/" + std::string(page), view, nullptr, lang));
  View layout_extra{View::type::object};
  layout_extra.set("body", std::move(body));
  return render_with("layout", view, &layout_extra, lang);
}

Result<std::string> Renderer::render_with(std::string_view name, const View& view, const View* extra,
                                          std::string_view lang) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) return Error::not_found("no such template: " + std::string(name));
  auto globals = globals_.find(lang);
  if (globals == globals_.end()) globals = globals_.find(Catalog::kDefaultLanguage);
  Mustache tmpl(it->second);
  tmpl.set_custom_escape([](const std::string& s) { return html_escape(s); });
  TemplateContext ctx(partials_);
  ctx.push(&globals->second);  // searched last
  ctx.push(&view);
  if (extra != nullptr) ctx.push(extra);  // searched first
  std::string out = tmpl.render(ctx);
  if (!tmpl.is_valid()) {
    Error err = Error::internal("template " + std::string(name) + ": " + tmpl.error_message());
    return err;
  }
  return out;
}

}  // namespace bd::pages
