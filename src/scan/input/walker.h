// Walker: expands the paths given to read_inputs into the list of regular files to
// read, recursing into directories. Internal to src/scan/input/.
//
// Symlinks are followed (when allowed) without looping: every directory is entered at
// most once, identified by device and inode. Entries are sorted by name so a scan is
// reproducible. Not thread-safe (runs once, before the workers start).
// Failure: an unreadable directory, a broken symlink or a special file is reported
// through SinkFactory::on_skipped and the walk goes on.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scan/input/sink.h"

namespace bd::scan::input {

struct FileEntry {
  std::string path;  // as reported: the given path, or given directory + "/" + relative path
  std::uint64_t size = 0;
  bool may_split = false;  // set by read_inputs: a large plain CSV/TSV (scan/input/split.h)
};

struct WalkResult {
  std::vector<FileEntry> files;
  int roots_found = 0;  // given paths that existed
};

WalkResult walk(const std::vector<std::string>& paths, bool follow_symlinks, SinkFactory& factory);

}  // namespace bd::scan::input
