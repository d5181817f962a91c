#include "http/response_policy.h"

#include <array>
#include <cstdio>

#include "http/form.h"

namespace bd::http {

namespace {

using Field = std::pair<std::string_view, std::string_view>;

// The last entry (HSTS) is only sent over TLS.
constexpr std::array<Field, 9> kDefaults = {{
    {"Content-Security-Policy", kContentSecurityPolicy},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"Cross-Origin-Opener-Policy", "same-origin"},
    {"Cross-Origin-Resource-Policy", "same-origin"},
    {"X-Frame-Options", "DENY"},
    {"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"},
    {"Cache-Control", "no-store"},
    {"Strict-Transport-Security", "max-age=63072000; includeSubDomains"},
}};

}  // namespace

std::span<const std::pair<std::string_view, std::string_view>> default_headers(bool tls) {
  return std::span<const Field>(kDefaults.data(), tls ? kDefaults.size() : kDefaults.size() - 1);
}

void apply_response_policy(Response& response, bool tls) {
  Headers& h = response.headers();
  for (const auto& [name, value] : default_headers(tls)) h.set_default(name, value);
  for (const Cookie& cookie : response.cookies()) h.add("Set-Cookie", cookie.to_header(tls));
}

namespace {

// Paths whose last part is a credential (the calendar feed's token): the log keeps the
// prefix only, so reading the log never grants access to anyone's deadlines.
constexpr std::array<std::string_view, 1> kSecretPathPrefixes = {"/calendar/"};

std::string_view loggable_path(std::string_view path) {
  for (std::string_view prefix : kSecretPathPrefixes) {
    if (path.size() > prefix.size() && path.substr(0, prefix.size()) == prefix) return prefix;
  }
  return path;
}

}  // namespace

std::string access_log_line(std::string_view method, std::string_view target, int status, std::size_t bytes,
                            std::chrono::microseconds elapsed) {
  constexpr std::size_t kMaxPath = 200;
  const std::string_view path = loggable_path(split_target(target).first);
  std::string line;
  line.reserve(method.size() + path.size() + 32);
  for (const char c : method.substr(0, 16)) line.push_back(c > 0x20 && c < 0x7f ? c : '?');
  line.push_back(' ');
  for (std::size_t i = 0; i < path.size() && i < kMaxPath; ++i) {
    const auto c = static_cast<unsigned char>(path[i]);
    if (c > 0x20 && c < 0x7f) {
      line.push_back(static_cast<char>(c));
    } else {
      char buf[5];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      line += buf;
    }
  }
  if (path.size() > kMaxPath) line += "...";
  char tail[64];
  std::snprintf(tail, sizeof tail, " %d %zuB %.1fms", status, bytes, static_cast<double>(elapsed.count()) / 1000.0);
  line += tail;
  return line;
}

}  // namespace bd::http
