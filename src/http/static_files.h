// StaticFiles: serves the files below a root directory (static/: CSS, JS, fonts,
// images) from memory.
//
// At construction every regular file under root is read into memory with its
// content type (by extension), a strong ETag (hash of the content) and its
// Cache-Control: "public, max-age=31536000, immutable" for fingerprinted names
// ("app.3f9a2b1c.css": a dot-separated hex segment of 8+ digits before the
// extension), "no-cache" (revalidate with the ETag) otherwise. Requests get 200,
// 304 on a matching If-None-Match, 404 for anything else: no directory listing,
// no dotfiles, no path outside root (the path is resolved against the in-memory
// table only, so "..", symlinks out of root and encoded tricks cannot escape).
// Files changed on disk after start are served as they were; restart to reload.
//
// Thread-safe after construction (read-only). Failure: load() returns Unavailable
// when root cannot be read.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/result.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"

namespace bd::http {

// The Content-Type for a file name by its extension; application/octet-stream when
// unknown. Text types carry charset=utf-8.
std::string_view content_type_for(std::string_view filename);

class StaticFiles {
 public:
  struct Limits {
    std::size_t max_file_bytes = 16 * 1024 * 1024;
    std::size_t max_total_bytes = 256 * 1024 * 1024;
  };

  static Result<std::shared_ptr<const StaticFiles>> load(const std::filesystem::path& root, Limits limits);
  static Result<std::shared_ptr<const StaticFiles>> load(const std::filesystem::path& root) {
    return load(root, Limits{});
  }

  // Serves relative ("css/app.css", no leading slash) for request (GET or HEAD).
  Response serve(std::string_view relative, const Request& request) const;

  // Adds GET url_prefix + "{path*}" (e.g. "/static/") to router, inline on the I/O
  // threads. The router keeps a reference to this store.
  static void mount(Router& router, std::string_view url_prefix, std::shared_ptr<const StaticFiles> files);

  std::size_t file_count() const { return files_.size(); }

 private:
  struct File {
    std::shared_ptr<const std::string> content;
    std::string content_type;
    std::string etag;
    std::string cache_control;
  };

  std::unordered_map<std::string, File> files_;
};

}  // namespace bd::http
