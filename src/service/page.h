// Page<T>: one page of a paged list returned by a service (register, users).
// Plain data.
#pragma once

#include <cstdint>
#include <vector>

namespace bd::service {

template <typename T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;   // items matching the query over all pages
  int page = 1;             // 1-based
  int page_size = 25;

  int page_count() const { return total == 0 ? 1 : static_cast<int>((total + page_size - 1) / page_size); }
};

}  // namespace bd::service
