// MappedMemory: a block of fresh anonymous memory for the scanner's large buffers (the
// input ring in scan/input, the hash sets of scan/count).
//
// The kernel hands out zeroed pages as they are first touched, so a large block costs
// nothing until it is used and needs no memset. Blocks of 2 MiB and more are aligned to
// 2 MiB and advised to use transparent huge pages: in a virtual machine a page fault
// costs microseconds, and a buffer or hash set that is touched all over then takes one
// fault per 2 MiB instead of one per 4 KiB. Without huge pages (the advice is refused or
// THP is off) it works the same on 4 KiB pages.
//
// Owns its mapping (unmapped by the destructor); movable, not copyable.
// Failure: a mapping that cannot be made throws std::bad_alloc.
#pragma once

#include <cstddef>
#include <utility>

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
    std::swap(mapped_, o.mapped_);
    std::swap(mapped_bytes_, o.mapped_bytes_);
  }

  // Touches every page now, so that later use takes no faults.
  void prefault();

  void* data() const { return data_; }
  std::size_t size() const { return bytes_; }

 private:
  void* data_ = nullptr;  // the block, inside the mapping
  std::size_t bytes_ = 0;
  void* mapped_ = nullptr;  // the mapping (larger than the block when aligned)
  std::size_t mapped_bytes_ = 0;
};

}  // namespace bd::scan
