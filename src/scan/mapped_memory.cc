#include "scan/mapped_memory.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <new>

namespace bd::scan {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;
// Blocks from 1 MiB up are rounded up to whole huge pages: zeroing the rest of a huge
// page costs less than the 4 KiB faults of the block would.
constexpr std::size_t kHugeFrom = std::size_t{1} << 20;

// Bytes from p to the next 2 MiB boundary (0 when p is on one).
std::size_t to_huge_page(const void* p) {
  auto misalign = reinterpret_cast<std::uintptr_t>(p) % kHugePage;
  return misalign == 0 ? 0 : kHugePage - misalign;
}

std::size_t huge_rounded(std::size_t bytes) {
  return (bytes + kHugePage - 1) / kHugePage * kHugePage;
}

std::size_t page_rounded(std::size_t bytes) {
  auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  return (bytes + page - 1) / page * page;
}

}  // namespace

void* map_block(std::size_t bytes) {
  if (bytes == 0) bytes = 1;
  bool huge = bytes >= kHugeFrom;
  std::size_t size = huge ? huge_rounded(bytes) : page_rounded(bytes);
  std::size_t mapped = huge ? size + kHugePage : size;
  void* p = ::mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  if (!huge) return p;
  // Keep the aligned part only, so that unmap_block needs nothing but its size.
  char* start = static_cast<char*>(p);
  char* at = start + to_huge_page(start);
  if (at > start) ::munmap(start, static_cast<std::size_t>(at - start));
  std::size_t tail = mapped - static_cast<std::size_t>(at - start) - size;
  if (tail > 0) ::munmap(at + size, tail);
  ::madvise(at, size, MADV_HUGEPAGE);  // advice only
  return at;
}

void unmap_block(void* p, std::size_t bytes) noexcept {
  if (p == nullptr) return;
  if (bytes == 0) bytes = 1;
  ::munmap(p, bytes >= kHugeFrom ? huge_rounded(bytes) : page_rounded(bytes));
}

MappedMemory::MappedMemory(std::size_t bytes) : bytes_(bytes) {
  if (bytes > 0) data_ = map_block(bytes);
}

MappedMemory::~MappedMemory() {
  if (data_ != nullptr) unmap_block(data_, bytes_);
}

void MappedMemory::prefault() {
  auto* p = static_cast<volatile char*>(data_);
  auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  for (std::size_t i = 0; i < bytes_; i += page) p[i] = 0;
}

}  // namespace bd::scan
