// MappedMemory: a block of fresh anonymous memory for the scanner's large buffers (the
// input ring in scan/input, the key batches of scan/count).
//
// The kernel hands out zeroed pages as they are first touched, so a large block costs
// nothing until it is used and needs no memset. Blocks of 1 MiB and more are rounded up
// to whole 2 MiB pages, aligned to 2 MiB and advised to use transparent huge pages: in
// a virtual machine a page fault costs microseconds (13 us measured here), and a buffer
// that is touched all over then takes one fault per 2 MiB instead of one per 4 KiB.
// Without huge pages (the advice is refused or THP is off) it works the same on 4 KiB
// pages.
//
// Owns its mapping (unmapped by the destructor); movable, not copyable.
// Failure: a mapping that cannot be made throws std::bad_alloc.
//
// MappedVector is a std::vector whose large buffers (1 MiB and more) are such blocks:
// for the arrays of the count that grow to megabytes (person links, sorted keys).
#pragma once

#include <cstddef>
#include <new>
#include <utility>
#include <vector>

namespace bd::scan {

class MappedMemory {
 public:
  MappedMemory() = default;
  explicit MappedMemory(std::size_t bytes);
  ~MappedMemory();
  MappedMemory(MappedMemory&& o) noexcept { swap(o); }
  MappedMemory& operator=(MappedMemory&& o) noexcept {
    MappedMemory(std::move(o)).swap(*this);
    return *this;
  }
  MappedMemory(const MappedMemory&) = delete;
  MappedMemory& operator=(const MappedMemory&) = delete;

  void swap(MappedMemory& o) noexcept {
    std::swap(data_, o.data_);
    std::swap(bytes_, o.bytes_);
  }

  // Touches every page now, so that later use takes no faults.
  void prefault();

  void* data() const { return data_; }
  std::size_t size() const { return bytes_; }

 private:
  void* data_ = nullptr;  // from map_block (below)
  std::size_t bytes_ = 0;
};

// A block of `bytes` fresh anonymous memory, rounded up, aligned and advised for huge
// pages as described above (MappedMemory owns one); give it back with
// unmap_block(p, bytes). Throws std::bad_alloc when no mapping can be made.
[[gnu::returns_nonnull]] void* map_block(std::size_t bytes);
void unmap_block(void* p, std::size_t bytes) noexcept;

// A standard allocator that maps buffers of 1 MiB and more with map_block and leaves
// smaller ones to operator new.
template <typename T>
struct MappedAllocator {
  using value_type = T;
  static constexpr std::size_t kMapFrom = std::size_t{1} << 20;

  MappedAllocator() = default;
  template <typename U>
  MappedAllocator(const MappedAllocator<U>&) noexcept {}  // NOLINT(google-explicit-constructor)

  T* allocate(std::size_t n) {
    if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_alloc();
    std::size_t bytes = n * sizeof(T);
    if (bytes >= kMapFrom) return static_cast<T*>(map_block(bytes));
    return static_cast<T*>(::operator new(bytes));
  }
  void deallocate(T* p, std::size_t n) noexcept {
    std::size_t bytes = n * sizeof(T);
    if (bytes >= kMapFrom) {
      unmap_block(p, bytes);
    } else {
      ::operator delete(p);
    }
  }
  template <typename U>
  bool operator==(const MappedAllocator<U>&) const noexcept {
    return true;
  }
};

template <typename T>
using MappedVector = std::vector<T, MappedAllocator<T>>;

}  // namespace bd::scan
