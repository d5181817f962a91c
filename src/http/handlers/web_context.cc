#include "http/handlers/web_context.h"

#include <sodium.h>

#include <charconv>

#include <spdlog/spdlog.h>

#include "http/error_mapping.h"

namespace bd::http::handlers {

std::string request_language(const WebContext& ctx, const Request& request) {
  const pages::Catalog& catalog = ctx.catalog();
  if (auto q = request.query_param("lang"); q && catalog.has_language(*q)) return std::string(*q);
  if (auto c = request.cookie(kLangCookie); c && catalog.has_language(*c)) return std::string(*c);
  if (const auto* actor = actor_of(request); actor != nullptr && catalog.has_language(actor->locale)) {
    return actor->locale;
  }
  return std::string(pages::Catalog::kDefaultLanguage);
}

const service::Actor* actor_of(const Request& request) { return request.attribute<service::Actor>(kActorAttr); }

const service::SessionContext* session_of(const Request& request) {
  return request.attribute<service::SessionContext>(kSessionAttr);
}

namespace {

// The current URL with lang=<code>, other query parameters kept.
std::string lang_href(const Request& request, std::string_view code) {
  std::string href = percent_encode(request.path());
  // percent_encode also encodes '/', which browsers accept but looks odd; undo it.
  for (std::size_t at = href.find("%2F"); at != std::string::npos; at = href.find("%2F", at + 1)) {
    href.replace(at, 3, "/");
  }
  char sep = '?';
  for (const auto& [name, value] : request.query().entries()) {
    if (name == "lang") continue;
    href += sep + percent_encode(name) + "=" + percent_encode(value);
    sep = '&';
  }
  return href + sep + "lang=" + std::string(code);
}

}  // namespace

pages::View base_view(const WebContext& ctx, const Request& request, std::string_view title_key, Nav nav) {
  const std::string lang = request_language(ctx, request);
  pages::View v{pages::View::type::object};
  v.set("page_title", ctx.catalog().text(lang, title_key));
  if (const auto* actor = actor_of(request)) {
    pages::View user{pages::View::type::object};
    user.set("email", actor->email);
    user.set("is_admin", service::can_admin(*actor));
    user.set("can_read_all", service::can_read_all(*actor));
    user.set("nav_register", nav == Nav::kRegister);
    user.set("nav_report", nav == Nav::kReport);
    user.set("nav_users", nav == Nav::kUsers);
    v.set("user", user);
    v.set("can_edit", service::can_edit(*actor));
    v.set("can_report", service::can_report(*actor));
  }
  if (const auto* session = session_of(request)) v.set("csrf", session->csrf_token);
  for (const std::string& code : ctx.catalog().languages()) {
    if (code == lang) continue;
    pages::View sw{pages::View::type::object};
    sw.set("href", lang_href(request, code));
    sw.set("code", code);
    sw.set("label", ctx.catalog().text(code, "layout.language_name"));
    v.set("lang_switch", sw);
  }
  return v;
}

CookieOptions cookie_options(const WebContext& ctx) {
  CookieOptions o;
  if (ctx.options.force_secure_cookies) o.secure = true;
  return o;
}

Response render_page(const WebContext& ctx, const Request& request, std::string_view page, const pages::View& view,
                     int status) {
  const std::string lang = request_language(ctx, request);
  auto html = ctx.renderer->render_page(page, view, lang);
  if (!html.ok()) return error_response(html.error(), ResponseFormat::kHtml);
  Response r = Response::html(std::move(html).value(), status);
  if (auto q = request.query_param("lang"); q && *q == lang) {
    CookieOptions o = cookie_options(ctx);
    o.max_age = std::chrono::seconds(365 * 24 * 3600);
    o.same_site = SameSite::kLax;
    r.set_cookie(kLangCookie, lang, o);
  }
  return r;
}

Response error_page(const WebContext&, const Request& request, const Error& error) {
  return error_response(error, request);
}

std::string random_token() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

bool secrets_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string field(const Params& form, std::string_view name) {
  auto v = form.get(name);
  return v ? std::string(*v) : std::string();
}

std::optional<std::int64_t> parse_version(std::string_view text) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v < 1) return {};
  return v;
}

}  // namespace bd::http::handlers
