// Fuzzes the split of one large file across threads against the whole-file scan: the
// first byte picks the file's name (so the sniffer's format: CSV, TSV, SQL, NDJSON,
// text), the number of threads, and whether the file is gzipped (then it is read as a
// stream and cut as it is read, scan/input/stream_split.h); the rest is the file.
// Split into ranges of at least one byte, the report must be exactly the one-thread
// report; any difference aborts. The file is a temporary file in $TMPDIR (or /tmp),
// removed after each input.
#include <libdeflate.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "scan/input/input.h"
#include "scan/report_json.h"
#include "scan/scanner.h"

namespace {

std::string report_of(const std::string& path, int threads) {
  bd::scan::Scanner scanner;
  bd::scan::InputOptions in;
  in.threads = threads;
  in.buffer_size = 64u << 10;
  in.split_min_bytes = 1;
  if (!bd::scan::read_inputs({path}, in, scanner).ok()) std::abort();
  bd::scan::ScanReport r = scanner.finish();
  r.timings.clear();
  r.seconds = 0;
  return bd::scan::report_to_json(r);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  static constexpr const char* kSuffixes[] = {".csv", ".tsv", ".sql", ".ndjson", ".log"};
  const bool gzipped = (data[0] / 15) % 2 == 1;
  const std::string suffix = std::string(kSuffixes[data[0] % 5]) + (gzipped ? ".gz" : "");
  const int threads = 2 + (data[0] / 5) % 3;
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/split-fuzz-XXXXXX" + suffix;
  int fd = ::mkstemps(path.data(), static_cast<int>(suffix.size()));
  if (fd < 0) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string compressed;
  if (gzipped) {
    libdeflate_compressor* c = libdeflate_alloc_compressor(1);
    if (c == nullptr) std::abort();
    compressed.resize(libdeflate_gzip_compress_bound(c, bytes.size()));
    compressed.resize(
        libdeflate_gzip_compress(c, bytes.data(), bytes.size(), compressed.data(), compressed.size()));
    libdeflate_free_compressor(c);
    bytes = compressed;
  }
  bool written = ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size());
  ::close(fd);
  if (written) {
    std::string whole = report_of(path, 1);
    std::string split = report_of(path, threads);
    if (whole != split) {
      ::unlink(path.c_str());
      std::abort();
    }
  }
  ::unlink(path.c_str());
  return 0;
}
