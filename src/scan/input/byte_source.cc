#include "scan/input/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "scan/file_io.h"
#include "scan/temp_file.h"

namespace bd::scan::input {

std::size_t read_full_keeping(ByteSource& src, char* dst, std::size_t cap, std::optional<Error>& error) {
  std::size_t got = 0;
  while (got < cap) {
    auto n = src.read(dst + got, cap - got);
    if (!n.ok()) {
      error = std::move(n).error();
      break;
    }
    if (*n == 0) break;
    got += *n;
  }
  return got;
}

Result<std::size_t> read_full(ByteSource& src, char* dst, std::size_t cap) {
  std::optional<Error> error;
  const std::size_t got = read_full_keeping(src, dst, cap, error);
  if (error) return std::move(*error);
  return got;
}

Result<FileSource> FileSource::open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    return Error::unavailable(std::string("cannot open: ") + std::strerror(errno));
  }
  return adopt(fd);
}

Result<FileSource> FileSource::adopt(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Error::invalid("path", "not a regular file");
  }
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  return FileSource(fd, static_cast<std::uint64_t>(st.st_size));
}

FileSource::FileSource(FileSource&& other) noexcept
    : fd_(other.fd_), size_(other.size_), consumed_(other.consumed_) {
  other.fd_ = -1;
}

FileSource::~FileSource() {
  if (fd_ >= 0) ::close(fd_);
}

Result<std::size_t> FileSource::read(char* dst, std::size_t cap) {
  for (;;) {
    ssize_t n = ::read(fd_, dst, cap);
    if (n >= 0) {
      consumed_ += static_cast<std::uint64_t>(n);
      return static_cast<std::size_t>(n);
    }
    if (errno != EINTR) return Error::unavailable(std::string("read error: ") + std::strerror(errno));
  }
}

Result<std::int64_t> FileSource::seek(std::int64_t offset, int whence) {
  off_t at = ::lseek(fd_, static_cast<off_t>(offset), whence);
  if (at < 0) return Error::unavailable(std::string("seek error: ") + std::strerror(errno));
  return static_cast<std::int64_t>(at);
}

namespace {

// Writes all of `n` bytes; kUnavailable naming the reason otherwise.
Status write_all(int fd, const char* data, std::size_t n) {
  if (scan::write_all(fd, data, n) != 0) {
    return Error::unavailable(std::string("cannot write a temporary copy: ") + std::strerror(errno));
  }
  return {};
}

}  // namespace

Result<FileSource> spool_to_temp_file(ByteSource& src, std::uint64_t max_bytes) {
  struct Descriptor {
    int fd;
    ~Descriptor() {
      if (fd >= 0) ::close(fd);
    }
  } tmp{open_unnamed_temp_file("breachdesk-scan")};
  if (tmp.fd < 0) return Error::unavailable(std::string("cannot create a temporary copy: ") + std::strerror(errno));
  std::vector<char> buf(1u << 20);
  std::uint64_t total = 0;
  for (;;) {
    BD_ASSIGN_OR_RETURN(std::size_t n, src.read(buf.data(), buf.size()));
    if (n == 0) break;
    total += n;
    if (total > max_bytes) {
      return Error::invalid("input", "larger than " + std::to_string(max_bytes) +
                                         " bytes, the most copied to disk to read it");
    }
    BD_TRY(write_all(tmp.fd, buf.data(), n));
  }
  if (::lseek(tmp.fd, 0, SEEK_SET) != 0) return Error::unavailable("cannot rewind a temporary copy");
  return FileSource::adopt(std::exchange(tmp.fd, -1));  // adopt takes the size as written
}

namespace {

// Peek buffers given back, per thread, for the next PeekSource to take: a few, since
// sources nest only as deep as archives do.
struct PeekBuffer {
  std::unique_ptr<char[]> data;
  std::size_t capacity = 0;
};
constexpr std::size_t kPooledBuffers = 4;
thread_local std::vector<PeekBuffer> peek_pool;

}  // namespace

PeekSource::~PeekSource() {
  release();
}

void PeekSource::release() {
  if (head_ != nullptr && peek_pool.size() < kPooledBuffers) {
    peek_pool.push_back(PeekBuffer{std::move(head_), head_capacity_});
  }
  head_.reset();
  head_capacity_ = 0;
  head_size_ = 0;
  head_pos_ = 0;
}

Result<std::string_view> PeekSource::peek(std::size_t n) {
  if (head_size_ < n) {
    if (head_capacity_ < n) {
      // A pooled buffer that is large enough, or a new one (not zeroed: it is read into).
      PeekBuffer buffer;
      auto fits = std::find_if(peek_pool.begin(), peek_pool.end(),
                               [&](const PeekBuffer& b) { return b.capacity >= n; });
      if (fits != peek_pool.end()) {
        buffer = std::move(*fits);
        peek_pool.erase(fits);
      } else {
        buffer = PeekBuffer{std::make_unique_for_overwrite<char[]>(n), n};
      }
      if (head_size_ > 0) std::memcpy(buffer.data.get(), head_.get(), head_size_);
      if (head_ != nullptr && peek_pool.size() < kPooledBuffers) {
        peek_pool.push_back(PeekBuffer{std::move(head_), head_capacity_});
      }
      head_ = std::move(buffer.data);
      head_capacity_ = buffer.capacity;
    }
    // What came before an error is kept: a stream that breaks within its first bytes (a
    // small truncated archive) still hands them on, and the error comes after them.
    // After an error the inner source is not read again.
    if (!deferred_) {
      head_size_ += read_full_keeping(inner_, head_.get() + head_size_, n - head_size_, deferred_);
      if (deferred_ && head_size_ == 0) return *std::exchange(deferred_, std::nullopt);
    }
  }
  return std::string_view(head_.get(), std::min(n, head_size_));
}

Result<std::size_t> PeekSource::read(char* dst, std::size_t cap) {
  if (head_pos_ < head_size_) {
    std::size_t n = std::min(cap, head_size_ - head_pos_);
    std::memcpy(dst, head_.get() + head_pos_, n);
    head_pos_ += n;
    if (head_pos_ == head_size_) release();
    return n;
  }
  if (deferred_) return *std::exchange(deferred_, std::nullopt);
  return inner_.read(dst, cap);
}

Result<std::size_t> MemorySource::read(char* dst, std::size_t cap) {
  std::size_t n = std::min(cap, bytes_.size());
  if (n) std::memcpy(dst, bytes_.data(), n);
  bytes_.remove_prefix(n);
  return n;
}

Result<std::size_t> PrefixedSource::read(char* dst, std::size_t cap) {
  if (!prefix_done_) {
    BD_ASSIGN_OR_RETURN(std::size_t n, prefix_.read(dst, cap));
    if (n > 0) return n;
    prefix_done_ = true;
  }
  return rest_.read(dst, cap);
}

}  // namespace bd::scan::input
