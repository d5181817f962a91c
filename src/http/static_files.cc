#include "http/static_files.h"

#include <array>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <system_error>

#include "http/error_mapping.h"

namespace bd::http {
namespace {

namespace fs = std::filesystem;

constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kTypes = {{
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".html", "text/html; charset=utf-8"},
    {".txt", "text/plain; charset=utf-8"},
    {".json", "application/json"},
    {".map", "application/json"},
    {".webmanifest", "application/manifest+json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},
    {".gif", "image/gif"},
    {".webp", "image/webp"},
    {".avif", "image/avif"},
    {".ico", "image/vnd.microsoft.icon"},
    {".woff2", "font/woff2"},
    {".woff", "font/woff"},
    {".ttf", "font/ttf"},
    {".otf", "font/otf"},
    {".pdf", "application/pdf"},
    {".xml", "application/xml"},
}};

std::string_view extension(std::string_view name) {
  const auto slash = name.rfind('/');
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  return name.substr(dot);
}

bool is_hex(std::string_view s) {
  return s.find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos;
}

// "app.3f9a2b1c.css": the segment before the extension is 8+ hex digits.
bool is_fingerprinted(std::string_view name) {
  const auto slash = name.rfind('/');
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  const auto last = name.rfind('.');
  if (last == std::string_view::npos || last == 0) return false;
  const auto prev = name.rfind('.', last - 1);
  if (prev == std::string_view::npos) return false;
  const std::string_view hash = name.substr(prev + 1, last - prev - 1);
  return hash.size() >= 8 && is_hex(hash);
}

std::string etag_for(const std::string& content) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a 64: stable across processes
  for (const char c : content) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  static constexpr std::string_view kHex = "0123456789abcdef";
  std::string out = "\"";
  for (int shift = 60; shift >= 0; shift -= 4) out.push_back(kHex[(h >> shift) & 0xf]);
  out += "-" + std::to_string(content.size()) + "\"";
  return out;
}

bool hidden(const fs::path& relative) {
  for (const auto& part : relative) {
    const std::string s = part.string();
    if (!s.empty() && s.front() == '.') return true;
  }
  return false;
}

Result<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::unavailable("static file unreadable", path.string());
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Error::unavailable("static file unreadable", path.string());
  return content;
}

// True when the If-None-Match header names etag (or is "*").
bool etag_matches(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view tag = header.substr(0, comma);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

std::string_view content_type_for(std::string_view filename) {
  const std::string_view ext = extension(filename);
  for (const auto& [e, type] : kTypes) {
    if (ext.size() == e.size() && iequals(ext, e)) return type;
  }
  return "application/octet-stream";
}

Result<std::shared_ptr<const StaticFiles>> StaticFiles::load(const fs::path& root, Limits limits) {
  auto files = std::make_shared<StaticFiles>();
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, ec);
  if (ec) return Error::unavailable("static files unavailable", root.string() + ": " + ec.message());
  std::size_t total = 0;
  for (const auto end = fs::recursive_directory_iterator(); it != end; it.increment(ec)) {
    if (ec) return Error::unavailable("static files unavailable", root.string() + ": " + ec.message());
    const fs::path relative = it->path().lexically_relative(root);
    if (it->is_symlink() || !it->is_regular_file() || hidden(relative)) continue;
    if (it->file_size() > limits.max_file_bytes) continue;
    BD_ASSIGN_OR_RETURN(std::string content, read_file(it->path()));
    total += content.size();
    if (total > limits.max_total_bytes) return Error::unavailable("static files too large", root.string());
    const std::string key = relative.generic_string();
    File file;
    file.content_type = std::string(content_type_for(key));
    file.etag = etag_for(content);
    file.cache_control = is_fingerprinted(key) ? "public, max-age=31536000, immutable" : "no-cache";
    file.content = std::make_shared<const std::string>(std::move(content));
    files->files_.emplace(key, std::move(file));
  }
  return std::shared_ptr<const StaticFiles>(std::move(files));
}

Response StaticFiles::serve(std::string_view relative, const Request& request) const {
  const auto it = files_.find(std::string(relative));
  if (it == files_.end()) return status_response(404, ResponseFormat::kHtml);
  const File& file = it->second;
  const auto if_none_match = request.header("If-None-Match");
  Response response(200);
  response.headers().set("ETag", file.etag);
  response.headers().set("Cache-Control", file.cache_control);
  if (if_none_match && etag_matches(*if_none_match, file.etag)) {
    response.set_status(304);
    return response;
  }
  response.headers().set("Content-Type", file.content_type);
  response.set_shared_body(file.content);
  return response;
}

void StaticFiles::mount(Router& router, std::string_view url_prefix, std::shared_ptr<const StaticFiles> files) {
  std::string pattern(url_prefix);
  if (pattern.empty() || pattern.back() != '/') pattern.push_back('/');
  pattern += "{path*}";
  RouteOptions options;
  options.inline_handler = true;
  router.get(pattern, [files = std::move(files)](Request& r) { return files->serve(r.path_param("path"), r); },
             options);
}

}  // namespace bd::http
