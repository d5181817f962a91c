#include "scan/file_io.h"

#include <unistd.h>

#include <cerrno>

namespace bd::scan {

int write_all(int fd, const void* data, std::size_t n) {
  const char* p = static_cast<const char*>(data);
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) return -1;
    if (w == 0) {
      errno = EIO;
      return -1;
    }
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  return 0;
}

ssize_t read_at(int fd, void* dst, std::size_t want, std::uint64_t at) {
  char* p = static_cast<char*>(dst);
  std::size_t got = 0;
  while (got < want) {
    ssize_t n = ::pread(fd, p + got, want - got, static_cast<off_t>(at + got));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return -1;
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  return static_cast<ssize_t>(got);
}

}  // namespace bd::scan
