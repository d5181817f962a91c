// A small blocking HTTP/1.1 client with a cookie jar for the web tests: one
// connection per request (Connection: close), reads the whole answer.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <map>
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace bd::web_testing {

struct Reply {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // lower-case names
  std::string body;

  std::string header(const std::string& name) const {
    for (const auto& [n, v] : headers) {
      if (n == name) return v;
    }
    return {};
  }
  std::vector<std::string> all(const std::string& name) const {
    std::vector<std::string> out;
    for (const auto& [n, v] : headers) {
      if (n == name) out.push_back(v);
    }
    return out;
  }
};

inline std::string url_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

inline std::string form_body(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [n, v] : fields) body += (body.empty() ? "" : "&") + url_encode(n) + "=" + url_encode(v);
  return body;
}

class Browser {
 public:
  explicit Browser(std::uint16_t port) : port_(port) {}

  Reply request(const std::string& method, const std::string& target, const std::string& body = {},
                const std::string& content_type = {}, const std::vector<std::pair<std::string, std::string>>& extra = {}) {
    std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    std::string cookie_header;
    for (const auto& [n, v] : cookies_) cookie_header += (cookie_header.empty() ? "" : "; ") + n + "=" + v;
    if (!cookie_header.empty()) req += "Cookie: " + cookie_header + "\r\n";
    if (!content_type.empty()) req += "Content-Type: " + content_type + "\r\n";
    for (const auto& [n, v] : extra) req += n + ": " + v + "\r\n";
    req += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    Reply r = exchange(req);
    for (const std::string& set : r.all("set-cookie")) remember(set);
    return r;
  }
  Reply get(const std::string& target) { return request("GET", target); }
  Reply post_form(const std::string& target, const std::vector<std::pair<std::string, std::string>>& fields) {
    return request("POST", target, form_body(fields), "application/x-www-form-urlencoded");
  }

  std::string cookie(const std::string& name) const {
    auto it = cookies_.find(name);
    return it == cookies_.end() ? std::string() : it->second;
  }
  void set_cookie(const std::string& name, const std::string& value) { cookies_[name] = value; }

 private:
  void remember(const std::string& set) {
    const auto eq = set.find('=');
    const auto semi = set.find(';');
    const std::string name = set.substr(0, eq);
    const std::string value = set.substr(eq + 1, semi == std::string::npos ? std::string::npos : semi - eq - 1);
    if (value.empty() || set.find("Max-Age=0") != std::string::npos) cookies_.erase(name);
    else cookies_[name] = value;
  }

  Reply exchange(const std::string& raw) const {
    Reply r;
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval tv{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port_);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      ::close(fd);
      return r;
    }
    for (std::size_t sent = 0; sent < raw.size();) {
      const ssize_t n = ::send(fd, raw.data() + sent, raw.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) break;
      sent += static_cast<std::size_t>(n);
    }
    std::string in;
    char buf[16384];
    for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) in.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    parse(in, r);
    return r;
  }

  static void parse(const std::string& in, Reply& r) {
    const auto head_end = in.find("\r\n\r\n");
    if (head_end == std::string::npos || in.size() < 12) return;
    r.status = std::stoi(in.substr(9, 3));
    std::size_t pos = in.find("\r\n") + 2;
    while (pos < head_end) {
      const auto eol = in.find("\r\n", pos);
      const std::string line = in.substr(pos, eol - pos);
      const auto colon = line.find(':');
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      r.headers.emplace_back(name, value);
      pos = eol + 2;
    }
    r.body = in.substr(head_end + 4);
  }

  std::uint16_t port_;
  std::map<std::string, std::string> cookies_;
};

// The value of the first hidden input called `name` in an HTML page.
inline std::string hidden_value(const std::string& html, const std::string& name) {
  const std::regex re("name=\"" + name + "\" value=\"([^\"]*)\"");
  std::smatch m;
  return std::regex_search(html, m, re) ? m[1].str() : std::string();
}

}  // namespace bd::web_testing
