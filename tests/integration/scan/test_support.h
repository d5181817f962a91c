// Helpers for the scanner's input-side tests: a temporary directory, archive writers
// (through libarchive, so the tests need no external tools), and a SinkFactory that
// records everything it is given. Implemented in support_test.cc (bd_test compiles
// every *_test.cc of this directory).
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "scan/input/sink.h"

namespace bd::scan::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

void write_file(const std::string& path, const std::string& bytes);
std::string read_whole(const std::string& path);

using Entries = std::vector<std::pair<std::string, std::string>>;

// format: "zip", "tar", "7zip"; filter: "", "gzip", "zstd". passphrase: encrypts zip entries.
void write_archive(const std::string& path, const std::string& format, const std::string& filter,
                   const Entries& entries, const std::string& passphrase = {});
// One compressed stream (raw format): filter "gzip" or "zstd".
void write_compressed(const std::string& path, const std::string& filter, const std::string& content);
std::string archive_bytes(const std::string& format, const std::string& filter, const Entries& entries);

struct Recorded {
  MemberInfo info;
  std::string text;
  int ends = 0;
  bool split_char = false;  // a chunk ended inside a UTF-8 character
  std::thread::id thread;   // the thread that ended it
  std::map<std::uint32_t, std::string> parts;  // the text of each range (MemberPart::index)
};

class RecordingFactory final : public SinkFactory {
 public:
  std::unique_ptr<MemberSink> open(const MemberInfo& info) override;
  void on_skipped(const std::string& path, const std::string& reason) override;
  void on_protected(const std::string& path, const std::string& how) override;

  std::map<std::string, Recorded> members;  // by path
  std::map<std::string, std::string> skipped;
  std::map<std::string, std::string> protected_members;
  std::mutex mu;
};

}  // namespace bd::scan::testing
