#include "http/response_policy.h"

#include <cstdio>

#include "http/form.h"

namespace bd::http {

void apply_response_policy(Response& response, bool tls) {
  Headers& h = response.headers();
  h.set_default("Content-Security-Policy", kContentSecurityPolicy);
  h.set_default("X-Content-Type-Options", "nosniff");
  h.set_default("Referrer-Policy", "no-referrer");
  h.set_default("Cross-Origin-Opener-Policy", "same-origin");
  h.set_default("Cross-Origin-Resource-Policy", "same-origin");
  h.set_default("X-Frame-Options", "DENY");
  h.set_default("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  h.set_default("Cache-Control", "no-store");
  if (tls) h.set_default("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  for (const Cookie& cookie : response.cookies()) h.add("Set-Cookie", cookie.to_header(tls));
}

std::string access_log_line(std::string_view method, std::string_view target, int status, std::size_t bytes,
                            std::chrono::microseconds elapsed) {
  constexpr std::size_t kMaxPath = 200;
  const std::string_view path = split_target(target).first;
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
