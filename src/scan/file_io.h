// The scanner's whole reads and writes on file descriptors, retried on EINTR and on
// short transfers: the spill files of scan/count, the spooled copies of scan/input and
// the ranges of a split file.
//
// Failure: -1 with errno set (a write that moves no byte sets EIO); the callers word
// their own messages.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>

namespace bd::scan {

// Writes all `n` bytes at the descriptor's position. 0, or -1 with errno.
int write_all(int fd, const void* data, std::size_t n);

// Reads `want` bytes at offset `at`; fewer only where the file ends. The count read,
// or -1 with errno.
ssize_t read_at(int fd, void* dst, std::size_t want, std::uint64_t at);

}  // namespace bd::scan
