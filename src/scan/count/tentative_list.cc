#include "scan/count/tentative_list.h"

#include <algorithm>

namespace bd::scan::count {

void TentativeList::push_back(const TentativeBsn& t, std::shared_ptr<SpillFile>& file) {
  if (memory_.size() >= kInMemory) spill(file);
  memory_.push_back(t);
}

void TentativeList::spill(std::shared_ptr<SpillFile>& file) {
  if (!file) file = std::make_shared<SpillFile>();
  const std::uint64_t offset = file->append(memory_.data(), memory_.size() * sizeof(TentativeBsn));
  blocks_.push_back(Block{file, offset, memory_.size()});
  spilled_ += memory_.size();
  memory_.clear();
}

void TentativeList::append(TentativeList&& next, std::uint64_t cap) {
  if (size() >= cap || next.empty()) return;
  std::uint64_t room = cap - size();
  // These entries in memory go before next's blocks, and the two memory parts together
  // stay within kInMemory: else these are written first, to a file already in use.
  if (!memory_.empty() && (!next.blocks_.empty() || memory_.size() + next.memory_.size() > kInMemory)) {
    std::shared_ptr<SpillFile> file = !blocks_.empty()        ? blocks_.back().file
                                      : !next.blocks_.empty() ? next.blocks_.front().file
                                                              : nullptr;
    spill(file);
  }
  for (Block& b : next.blocks_) {
    if (room == 0) break;
    b.count = static_cast<std::size_t>(std::min<std::uint64_t>(b.count, room));
    room -= b.count;
    spilled_ += b.count;
    blocks_.push_back(std::move(b));
  }
  const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(next.memory_.size(), room));
  memory_.insert(memory_.end(), next.memory_.begin(), next.memory_.begin() + static_cast<std::ptrdiff_t>(n));
  next = TentativeList{};
}

}  // namespace bd::scan::count
