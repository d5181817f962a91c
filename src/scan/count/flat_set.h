// FlatSet64: an open-addressing hash set of 64-bit hashes, the in-memory part of a
// DistinctCounter (scan/count/distinct.h). 8 bytes per slot at a load factor of at
// most 3/4, no per-element allocation. The keys are uniform hashes, so linear probes
// stay short at that load (a few slots, one or two cache lines), and every slot a
// set touches is fresh memory the kernel must fault in and zero: a fuller table costs
// less than a larger one. Key 0 is kept outside the slots, so every
// 64-bit value is allowed.
//
// The slots are fresh anonymous memory (SlotArray, scan/mapped_memory.h): zeroed
// pages faulted as they are first touched, so reserving a large set costs nothing until
// keys land in it, and no memset precedes the first use.
//
// Not thread-safe: its owner locks around it.
// Allocation failure throws std::bad_alloc like any standard container.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "scan/mapped_memory.h"

namespace bd::scan::count {

// Zero-initialised slots in their own anonymous mapping (scan/mapped_memory.h).
class SlotArray {
 public:
  SlotArray() = default;
  explicit SlotArray(std::size_t n) : memory_(n * sizeof(std::uint64_t)), size_(n) {}
  void swap(SlotArray& o) noexcept {
    memory_.swap(o.memory_);
    std::swap(size_, o.size_);
  }
  std::uint64_t* data() { return static_cast<std::uint64_t*>(memory_.data()); }
  const std::uint64_t* data() const { return static_cast<const std::uint64_t*>(memory_.data()); }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::uint64_t& operator[](std::size_t i) { return data()[i]; }
  std::uint64_t operator[](std::size_t i) const { return data()[i]; }
  std::uint64_t* begin() { return data(); }
  std::uint64_t* end() { return data() + size_; }
  const std::uint64_t* begin() const { return data(); }
  const std::uint64_t* end() const { return data() + size_; }

 private:
  MappedMemory memory_;
  std::size_t size_ = 0;
};

class FlatSet64 {
 public:
  // Returns true when `key` was not in the set yet.
  bool insert(std::uint64_t key) {
    if (key == 0) {
      bool fresh = !has_zero_;
      has_zero_ = true;
      return fresh;
    }
    if (over_load(size_ + 1, slots_.size())) grow();
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

  // The slots `n` keys need at the load factor of 3/4 (a power of two, at least 1024).
  static std::size_t slots_for(std::size_t n) {
    std::size_t slots = 1024;
    while (over_load(n, slots)) slots *= 2;
    return slots;
  }
  // The most keys `slots` slots take.
  static std::size_t capacity_of(std::size_t slots) { return slots / 4 * 3; }

  // Groups the keys by their top 8 bits (a counting scatter into a buffer of this
  // thread's, reused from one drain to the next: no sort, and one pass over the slots),
  // hands them to f(const std::uint64_t* keys, std::size_t n, const std::size_t* starts)
  // with starts[p] the index of group p's first key (257 entries) and empties the set
  // (keeping its slots). Keys within a group are in no order. Key 0 is not handed over:
  // the caller asks has_zero() first.
  template <typename F>
  void drain_grouped(F&& f) {
    std::size_t starts[257] = {};
    for (std::uint64_t k : slots_) {
      if (k != 0) ++starts[(k >> 56) + 1];
    }
    for (std::size_t p = 0; p < 256; ++p) starts[p + 1] += starts[p];
    const std::size_t n = starts[256];
    // Scattering in place (swapping each key into its group) took a cache miss per
    // key on a table of megabytes; a separate buffer is written in 256 streams.
    thread_local MappedVector<std::uint64_t> grouped;
    if (grouped.size() < n) {
      grouped.clear();
      grouped.resize(n);
    }
    std::size_t at[256];
    std::copy(starts, starts + 256, at);
    for (std::uint64_t k : slots_) {
      if (k != 0) grouped[at[k >> 56]++] = k;
    }
    f(static_cast<const std::uint64_t*>(grouped.data()), n, static_cast<const std::size_t*>(starts));
    clear();
  }

  bool has_zero() const { return has_zero_; }

  // Empties the set, keeping its slots.
  void clear() {
    std::fill(slots_.begin(), slots_.end(), 0);
    size_ = 0;
    has_zero_ = false;
  }

  // Frees the slot array.
  void release() {
    SlotArray().swap(slots_);
    size_ = 0;
    has_zero_ = false;
  }

  // Makes room for `n` more keys without growing on the way.
  void reserve_more(std::size_t n) {
    std::size_t want = slots_for(size_ + n);
    if (want > slots_.size()) rehash(want);
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
  static bool over_load(std::size_t keys, std::size_t slots) { return keys * 4 > slots * 3; }
  void grow() { rehash(slots_.empty() ? 1024 : slots_.size() * 2); }

  void rehash(std::size_t slots) {
    SlotArray old(slots);
    old.swap(slots_);
    size_ = 0;
    for (std::uint64_t k : old) {
      if (k != 0) insert(k);
    }
  }

  SlotArray slots_;
  std::size_t size_ = 0;
  bool has_zero_ = false;
};

}  // namespace bd::scan::count
