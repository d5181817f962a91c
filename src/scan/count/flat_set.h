// FlatSet64 / FlatMap64: open-addressing hash containers for 64-bit hashes, used for
// distinct counts and union-find keys. About 8 (set) or 16 (map) bytes per slot at a
// load factor of at most 1/2, no per-element allocation. Key 0 is remapped internally,
// so every 64-bit value is allowed.
//
// Not thread-safe: each sink owns its own sets; the Scanner merges them under its lock.
// Allocation failure throws std::bad_alloc like any standard container.
#pragma once

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
  void merge(const FlatSet64& other) {
    if (other.has_zero_) has_zero_ = true;
    std::vector<std::uint64_t> keys;
    keys.reserve(other.size_);
    for (std::uint64_t k : other.slots_) {
      if (k != 0) keys.push_back(k);
    }
    insert_many(keys.data(), keys.size());
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

// Maps 64-bit keys to dense indices 0, 1, 2 ... in order of first insertion.
class FlatIndex64 {
 public:
  std::uint32_t index_of(std::uint64_t key) {
    key = key == 0 ? 0x5bd1e9955bd1e995ull : key;
    if ((size_ + 1) * 2 > keys_.size()) grow();
    std::size_t mask = keys_.size() - 1;
    for (std::size_t i = key & mask;; i = (i + 1) & mask) {
      if (keys_[i] == key) return values_[i];
      if (keys_[i] == 0) {
        keys_[i] = key;
        values_[i] = static_cast<std::uint32_t>(size_++);
        return values_[i];
      }
    }
  }
  std::size_t size() const { return size_; }

 private:
  void grow() {
    std::vector<std::uint64_t> old_keys = std::move(keys_);
    std::vector<std::uint32_t> old_values = std::move(values_);
    std::size_t n = old_keys.empty() ? 1024 : old_keys.size() * 2;
    keys_.assign(n, 0);
    values_.assign(n, 0);
    std::size_t mask = n - 1;
    for (std::size_t j = 0; j < old_keys.size(); ++j) {
      if (old_keys[j] == 0) continue;
      for (std::size_t i = old_keys[j] & mask;; i = (i + 1) & mask) {
        if (keys_[i] == 0) {
          keys_[i] = old_keys[j];
          values_[i] = old_values[j];
          break;
        }
      }
    }
  }
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> values_;
  std::size_t size_ = 0;
};

}  // namespace bd::scan::count
