#include "scan/input/walker.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>

namespace bd::scan::input {
namespace {

class Walk {
 public:
  Walk(bool follow, SinkFactory& factory) : follow_(follow), factory_(factory) {}
  void visit(const std::string& path, bool root);
  std::vector<FileEntry> files;

 private:
  void visit_dir(const std::string& path, const struct stat& st);
  bool follow_;
  SinkFactory& factory_;
  std::set<std::pair<dev_t, ino_t>> seen_dirs_;
};

void Walk::visit(const std::string& path, bool root) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    factory_.on_skipped(path, std::string("cannot access: ") + std::strerror(errno));
    return;
  }
  if (S_ISLNK(st.st_mode)) {
    if (!follow_ && !root) return;
    if (::stat(path.c_str(), &st) != 0) {
      factory_.on_skipped(path, std::string("broken symlink: ") + std::strerror(errno));
      return;
    }
  }
  if (S_ISDIR(st.st_mode)) return visit_dir(path, st);
  if (S_ISREG(st.st_mode)) {
    files.push_back({path, static_cast<std::uint64_t>(st.st_size)});
    return;
  }
  factory_.on_skipped(path, "not a regular file (device, socket or pipe)");
}

void Walk::visit_dir(const std::string& path, const struct stat& st) {
  if (!seen_dirs_.insert({st.st_dev, st.st_ino}).second) return;  // a symlink loop or a second path
  DIR* dir = ::opendir(path.c_str());
  if (dir == nullptr) {
    factory_.on_skipped(path, std::string("cannot read directory: ") + std::strerror(errno));
    return;
  }
  std::vector<std::string> names;
  while (struct dirent* e = ::readdir(dir)) {
    std::string n = e->d_name;
    if (n != "." && n != "..") names.push_back(std::move(n));
  }
  ::closedir(dir);
  std::sort(names.begin(), names.end());
  std::string prefix = path.empty() || path.back() == '/' ? path : path + "/";
  for (const auto& n : names) visit(prefix + n, false);
}

}  // namespace

WalkResult walk(const std::vector<std::string>& paths, bool follow_symlinks, SinkFactory& factory) {
  Walk w(follow_symlinks, factory);
  WalkResult result;
  for (const auto& p : paths) {
    struct stat st {};
    if (::stat(p.c_str(), &st) == 0) ++result.roots_found;
    w.visit(p, true);
  }
  result.files = std::move(w.files);
  return result;
}

}  // namespace bd::scan::input
