// FlatSet64: an open-addressing hash set of 64-bit hashes, the in-memory part of a
// DistinctCounter (scan/count/distinct.h). 8 bytes per slot at a load factor of at
// most 1/2, no per-element allocation. Key 0 is remapped internally,
// so every 64-bit value is allowed.
//
// Not thread-safe: its owner locks around it.
// Allocation failure throws std::bad_alloc like any standard container.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace bd::scan::count {

class FlatSet64 {
 public:
  // Returns true when `key` was not in the set yet.
  bool insert(std::uint64_t key) {
    if (key == 0) {
      bool fresh = !has_zero_;
      has_zero_ = true;
      return fresh;
    }
    if ((size_ + 1) * 2 > slots_.size()) grow();
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = key & mask;; i = (i + 1) & mask) {
      if (slots_[i] == key) return false;
      if (slots_[i] == 0) {
        slots_[i] = key;
        ++size_;
        return true;
      }
    }
  }
  bool contains(std::uint64_t key) const {
    if (key == 0) return has_zero_;
    if (slots_.empty()) return false;
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = key & mask;; i = (i + 1) & mask) {
      if (slots_[i] == key) return true;
      if (slots_[i] == 0) return false;
    }
  }
  std::size_t size() const { return size_ + (has_zero_ ? 1 : 0); }
  // The slots `n` keys need at the load factor of 1/2 (a power of two, at least 1024).
  static std::size_t slots_for(std::size_t n) {
    std::size_t slots = 1024;
    while ((n + 1) * 2 > slots) slots *= 2;
    return slots;
  }
  // Compacts the keys to the front of the slot array, sorts them, hands them to
  // f(const std::uint64_t*, std::size_t) and empties the set (keeping its slots), so
  // that a full set spills without a second buffer. Key 0 is not handed over: the
  // caller asks has_zero() first.
  template <typename F>
  void drain_sorted(F&& f) {
    std::size_t n = 0;
    for (std::uint64_t k : slots_) {
      if (k != 0) slots_[n++] = k;
    }
    std::sort(slots_.begin(), slots_.begin() + static_cast<std::ptrdiff_t>(n));
    f(static_cast<const std::uint64_t*>(slots_.data()), n);
    std::fill(slots_.begin(), slots_.end(), 0);
    size_ = 0;
    has_zero_ = false;
  }
  bool has_zero() const { return has_zero_; }
  // Frees the slot array.
  void release() {
    std::vector<std::uint64_t>().swap(slots_);
    size_ = 0;
    has_zero_ = false;
  }
  // Makes room for `n` more keys without growing on the way.
  void reserve_more(std::size_t n) {
    while ((size_ + n + 1) * 2 > slots_.size()) grow();
  }
  // Inserts many keys, prefetching the slot of the key kAhead places later: a table
  // larger than the cache costs one memory latency per key otherwise, and the
  // prefetches let those latencies overlap.
  void insert_many(const std::uint64_t* keys, std::size_t n) {
    constexpr std::size_t kAhead = 16;
    reserve_more(n);
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = 0; i < n; ++i) {
      if (i + kAhead < n) __builtin_prefetch(&slots_[keys[i + kAhead] & mask]);
      insert(keys[i]);
    }
  }
  template <typename F>
  void for_each(F&& f) const {
    if (has_zero_) f(0);
    for (std::uint64_t k : slots_) {
      if (k != 0) f(k);
    }
  }

 private:
  void grow() {
    std::vector<std::uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
    size_ = 0;
    for (std::uint64_t k : old) {
      if (k != 0) insert(k);
    }
  }
  std::vector<std::uint64_t> slots_;
  std::size_t size_ = 0;
  bool has_zero_ = false;
};

}  // namespace bd::scan::count
