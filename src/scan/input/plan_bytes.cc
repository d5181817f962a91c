#include "scan/input/plan_bytes.h"

#include <algorithm>
#include <cstring>

#include "scan/file_io.h"
#include "scan/tokenize/record_handler.h"

namespace bd::scan::input {

std::size_t plan_max_view() {
  return std::max<std::size_t>(tokenize::kMaxField, 2u << 20);
}

PlanBytes::PlanBytes(int fd, std::uint64_t size, std::size_t window)
    : fd_(fd), size_(size), window_(std::max(window, plan_max_view() + kBehind)), utf8_(size) {}

std::size_t PlanBytes::max_view() const {
  return fd_ < 0 ? static_cast<std::size_t>(size_) : window_.size() - kBehind;
}

void PlanBytes::read_into(char* dst, std::size_t n, std::uint64_t at) {
  ssize_t got = failed_ ? 0 : read_at(fd_, dst, n, at);
  std::size_t ok = got > 0 ? static_cast<std::size_t>(got) : 0;
  if (ok < n) {
    failed_ = true;  // an error, or the file shrank: zeros from here, plan discarded
    std::memset(dst + ok, 0, n - ok);
  }
}

void PlanBytes::load(std::uint64_t begin) {
  begin_ = begin;
  end_ = std::min<std::uint64_t>(size_, begin + window_.size());
  char* data = static_cast<char*>(window_.data());
  read_into(data, static_cast<std::size_t>(end_ - begin_), begin_);
  utf8_.feed(begin_, std::string_view(data, static_cast<std::size_t>(end_ - begin_)));
}

void PlanBytes::fill(std::uint64_t begin) {
  // A jump forward leaves bytes nobody read: they are read for the UTF-8 check first
  // (rare: the planners read on from where they were).
  while (!utf8_.done() && utf8_.checked() < begin) load(utf8_.checked());
  load(begin);
}

std::string_view PlanBytes::view(std::uint64_t from, std::size_t n) {
  if (from >= size_) return {};
  std::uint64_t to = std::min<std::uint64_t>(size_, from + n);
  if (fd_ < 0) {
    if (!utf8_.done() && to > utf8_.checked()) {
      utf8_.feed(utf8_.checked(), memory_.substr(static_cast<std::size_t>(utf8_.checked()),
                                                 static_cast<std::size_t>(to - utf8_.checked())));
    }
    return memory_.substr(static_cast<std::size_t>(from), static_cast<std::size_t>(to - from));
  }
  if (from < begin_ || to > end_) fill(from - std::min<std::uint64_t>(from, kBehind));
  return {static_cast<const char*>(window_.data()) + (from - begin_), static_cast<std::size_t>(to - from)};
}

bool PlanBytes::valid_utf8_before(std::uint64_t at) {
  at = std::min(at, size_);
  while (!utf8_.done() && utf8_.checked() < at) {
    std::uint64_t from = utf8_.checked();
    view(from, static_cast<std::size_t>(std::min<std::uint64_t>(at - from, max_view())));
    if (utf8_.checked() == from) break;  // a character cut at `at`: the bytes before are valid
  }
  return utf8_.valid_before(at);
}

char PlanBytes::at(std::uint64_t pos) {
  if (fd_ < 0) return memory_[static_cast<std::size_t>(pos)];
  if (pos >= begin_ && pos < end_) return static_cast<const char*>(window_.data())[pos - begin_];
  char c = 0;
  read_into(&c, 1, pos);
  return c;
}

std::uint64_t PlanBytes::find(char c, std::uint64_t from, std::uint64_t to) {
  to = std::min(to, size_);
  while (from < to) {
    // What the window holds from `from` on, before a new read of a whole window.
    std::uint64_t n = std::min<std::uint64_t>(to - from, max_view());
    if (fd_ >= 0 && from >= begin_ && from < end_) n = std::min(n, end_ - from);
    std::string_view v = view(from, static_cast<std::size_t>(n));
    const void* hit = std::memchr(v.data(), c, v.size());
    if (hit != nullptr) return from + static_cast<std::uint64_t>(static_cast<const char*>(hit) - v.data());
    from += v.size();
  }
  return to;
}

}  // namespace bd::scan::input
