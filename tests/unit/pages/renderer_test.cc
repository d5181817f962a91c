#include "pages/renderer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "pages/web_root.h"

namespace bd::pages {
namespace {

Catalog test_catalog() {
  auto nl = parse_messages(R"({"greeting": {"hello": "Hallo {name}"}, "title": "Titel"})", "nl");
  auto en = parse_messages(R"({"greeting": {"hello": "Hello {name}"}})", "en");
  EXPECT_TRUE(nl.ok() && en.ok());
  auto catalog = Catalog::from_languages({{"nl", *nl}, {"en", *en}});
  EXPECT_TRUE(catalog.ok());
  return std::move(catalog).value();
}

TEST(Catalog, LooksUpWithFallbackAndFormats) {
  Catalog c = test_catalog();
  EXPECT_EQ(c.text("en", "greeting.hello"), "Hello {name}");
  EXPECT_EQ(c.text("en", "title"), "Titel");          // falls back to nl
  EXPECT_EQ(c.text("fr", "greeting.hello"), "Hallo {name}");  // unknown language -> nl
  EXPECT_EQ(c.text("nl", "no.such.key"), "no.such.key");
  EXPECT_EQ(c.format("nl", "greeting.hello", {{"name", "Anna"}}), "Hallo Anna");
}

TEST(Catalog, RejectsMalformedFiles) {
  EXPECT_FALSE(parse_messages(R"({"a": 1})", "x").ok());
  EXPECT_FALSE(parse_messages(R"({"a": "b",})", "x").ok());
  EXPECT_FALSE(parse_messages(R"({"a": "b", "a": "c"})", "x").ok());
  EXPECT_FALSE(parse_messages(R"({"a.b": "c"})", "x").ok());
  EXPECT_FALSE(parse_messages(R"({"a": "unterminated)", "x").ok());
  auto ok = parse_messages(R"({"a": "caf\u00e9 \"x\""})", "x");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->at("a"), "caf\xC3\xA9 \"x\"");
  EXPECT_FALSE(Catalog::from_languages({{"en", {}}}).ok());  // nl is required
}

TEST(Renderer, EscapesByDefaultAndUsesCatalog) {
  auto r = Renderer::from_templates({{"pages/p", "<p title=\"{{name}}\">{{t.title}} {{name}}</p>"},
                                     {"layout", "<main>{{{body}}}</main>{{lang}}"}},
                                    test_catalog());
  ASSERT_TRUE(r.ok()) << r.error().message;
  View v{View::type::object};
  v.set("name", "<script>alert('x')</script>\"&`");
  auto html = (*r)->render_page("p", v, "en");
  ASSERT_TRUE(html.ok());
  EXPECT_EQ(*html,
            "<main><p title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;&#96;\">Titel "
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;&#96;</p></main>en");
}

TEST(Renderer, RefusesRawOutputOutsideTheAllowList) {
  EXPECT_FALSE(Renderer::from_templates({{"pages/p", "{{{name}}}"}}, test_catalog()).ok());
  EXPECT_FALSE(Renderer::from_templates({{"pages/p", "{{& name}}"}}, test_catalog()).ok());
  EXPECT_FALSE(Renderer::from_templates({{"pages/p", "{{=<% %>=}}<%{name}%>"}}, test_catalog()).ok());
  EXPECT_FALSE(Renderer::from_templates({{"pages/p", "{{#a}}"}}, test_catalog()).ok());  // unclosed
}

TEST(Renderer, ResolvesPartialsAndReportsUnknownTemplates) {
  auto r = Renderer::from_templates({{"pages/p", "[{{> item}}]"}, {"partials/item", "<i>{{x}}</i>"}},
                                    test_catalog());
  ASSERT_TRUE(r.ok());
  View v{View::type::object};
  v.set("x", "a<b");
  EXPECT_EQ(*(*r)->render("pages/p", v, "nl"), "[<i>a&lt;b</i>]");
  auto missing = (*r)->render("pages/none", v, "nl");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

// The shipped templates load, and every {{t.key}} they use exists in every catalog.
TEST(ShippedTemplates, LoadAndUseOnlyKnownMessages) {
  const auto root = default_web_root();
  auto catalog = Catalog::load(i18n_dir(root));
  ASSERT_TRUE(catalog.ok()) << catalog.error().message;
  auto renderer = Renderer::load(templates_dir(root), *catalog);
  ASSERT_TRUE(renderer.ok()) << renderer.error().message;
  static const std::regex key(R"(\{\{[#^/]?\s*t\.([a-z0-9_.]+)\s*\}\})");
  std::set<std::string> used;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(templates_dir(root))) {
    if (entry.path().extension() != ".mustache") continue;
    std::ifstream in(entry.path());
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string text = buf.str();
    for (std::sregex_iterator it(text.begin(), text.end(), key), end; it != end; ++it) used.insert((*it)[1]);
  }
  for (const std::string& lang : catalog->languages()) {
    for (const std::string& k : used) {
      EXPECT_TRUE(catalog->messages(lang).count(k)) << lang << " lacks " << k;
    }
  }
}

}  // namespace
}  // namespace bd::pages
