#include "scan/mapped_memory.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <new>

namespace bd::scan {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

}  // namespace

MappedMemory::MappedMemory(std::size_t bytes) : bytes_(bytes) {
  if (bytes == 0) return;
  bool huge = bytes >= kHugePage;
  mapped_bytes_ = huge ? bytes + kHugePage : bytes;
  mapped_ = ::mmap(nullptr, mapped_bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapped_ == MAP_FAILED) {
    mapped_ = nullptr;
    throw std::bad_alloc();
  }
  if (!huge) {
    data_ = mapped_;
    return;
  }
  auto at = (reinterpret_cast<std::uintptr_t>(mapped_) + kHugePage - 1) & ~(kHugePage - 1);
  data_ = reinterpret_cast<void*>(at);
  ::madvise(data_, bytes, MADV_HUGEPAGE);  // advice only: refused, it stays on 4 KiB pages
}

MappedMemory::~MappedMemory() {
  if (mapped_ != nullptr) ::munmap(mapped_, mapped_bytes_);
}

void MappedMemory::prefault() {
  auto* p = static_cast<volatile char*>(data_);
  auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  for (std::size_t i = 0; i < bytes_; i += page) p[i] = 0;
}

}  // namespace bd::scan
