#include "scan/mapped_memory.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>

namespace bd::scan {
namespace {

TEST(ScanMappedMemory, LargeBlocksAreZeroedAndHugePageAligned) {
  for (std::size_t bytes : {std::size_t{1} << 20, (std::size_t{3} << 20) + 5, std::size_t{4} << 20}) {
    void* p = map_block(bytes);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(p) % (std::size_t{2} << 20), 0u) << bytes;
    auto* c = static_cast<unsigned char*>(p);
    EXPECT_EQ(c[0], 0);
    EXPECT_EQ(c[bytes - 1], 0);
    c[0] = 1;
    c[bytes - 1] = 2;  // the whole block is writable
    unmap_block(p, bytes);
  }
  void* small = map_block(100);
  static_cast<char*>(small)[99] = 1;
  unmap_block(small, 100);
}

TEST(ScanMappedMemory, VectorKeepsItsValuesWhenItGrowsPastTheMappingThreshold) {
  MappedVector<std::uint64_t> v;
  for (std::uint64_t i = 0; i < 600000; ++i) v.push_back(i * 3);  // 4.8 MB: several mapped buffers
  ASSERT_EQ(v.size(), 600000u);
  for (std::uint64_t i = 0; i < v.size(); i += 997) ASSERT_EQ(v[i], i * 3);
  v.resize(10);
  v.shrink_to_fit();  // back to operator new
  EXPECT_EQ(v.back(), 27u);
}

}  // namespace
}  // namespace bd::scan
