#include "scan/input/leaf.h"

#include <algorithm>
#include <utility>

namespace bd::scan::input {

BufferRing::BufferRing(int count, std::size_t size) : size_(size) {
  buffers_.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    buffers_.emplace_back(size);
    buffers_.back().prefault();  // every page is touched now, once
    free_.push_back(i);
  }
}

int BufferRing::acquire() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return !free_.empty(); });
  int i = free_.back();
  free_.pop_back();
  return i;
}

void BufferRing::release(int index) {
  {
    std::lock_guard lock(mu_);
    free_.push_back(index);
  }
  cv_.notify_one();
}

void LeafConsumer::begin(const MemberInfo& info, Encoding encoding) {
  sink_ = factory_.open(info);
  // A later range of a member (stream_split.h) does not start the member: a byte-order
  // mark there would be text.
  if (sink_ != nullptr) decoder_.emplace(*sink_, encoding, info.part.index == 0);
}

void LeafConsumer::chunk(const char* bytes, std::size_t n) {
  if (sink_ != nullptr && n > 0) decoder_->feed(std::string_view(bytes, n));
}

void LeafConsumer::end() {
  if (sink_ != nullptr) {
    decoder_->finish();
    sink_->on_end();
  }
  decoder_.reset();
  sink_.reset();
}

void DirectTarget::chunk(int buffer, std::size_t n) {
  consumer_.chunk(ring_.data(buffer), n);
  ring_.release(buffer);
}

PipeTarget::PipeTarget(SinkFactory& factory, BufferRing& ring) : consumer_(factory), ring_(ring) {
  thread_ = std::thread([this] { run(); });
}

PipeTarget::~PipeTarget() {
  push(Message{Message::Kind::kStop, {}, Encoding::kUtf8, -1, 0});
  thread_.join();
}

void PipeTarget::push(Message m) {
  pending_.fetch_add(1, std::memory_order_relaxed);
  {
    std::lock_guard lock(mu_);
    queue_.push_back(std::move(m));
  }
  cv_.notify_one();
}

void PipeTarget::begin(const MemberInfo& info, Encoding encoding) {
  ++begun_;
  push(Message{Message::Kind::kBegin, info, encoding, -1, 0});
}

void PipeTarget::chunk(int buffer, std::size_t n) {
  push(Message{Message::Kind::kChunk, {}, Encoding::kUtf8, buffer, n});
}

void PipeTarget::end() { push(Message{Message::Kind::kEnd, {}, Encoding::kUtf8, -1, 0}); }

void PipeTarget::run() {
  for (;;) {
    Message m;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return !queue_.empty(); });
      m = std::move(queue_.front());
      queue_.pop_front();
    }
    switch (m.kind) {
      case Message::Kind::kBegin:
        consumer_.begin(m.info, m.encoding);
        ++consumed_begins_;
        if (!consumer_.interested()) uninterested_.store(consumed_begins_, std::memory_order_relaxed);
        break;
      case Message::Kind::kChunk:
        consumer_.chunk(ring_.data(m.buffer), m.n);
        ring_.release(m.buffer);
        break;
      case Message::Kind::kEnd: consumer_.end(); break;
      case Message::Kind::kStop: return;
    }
    pending_.fetch_sub(1, std::memory_order_relaxed);
  }
}

PoolTarget::PoolTarget(SinkFactory& factory, BufferRing& ring, int lanes) : ring_(ring) {
  for (int i = 0; i < std::max(lanes, 1); ++i) lanes_.push_back(std::make_unique<PipeTarget>(factory, ring));
}

void PoolTarget::begin(const MemberInfo& info, Encoding encoding) {
  // The least busy lane, looking from the one after the last: idle lanes take members
  // in turn.
  std::size_t best = (current_ + 1) % lanes_.size();
  for (std::size_t k = 1; k < lanes_.size(); ++k) {
    std::size_t i = (current_ + 1 + k) % lanes_.size();
    if (lanes_[i]->pending() < lanes_[best]->pending()) best = i;
  }
  current_ = best;
  lanes_[current_]->begin(info, encoding);
}

}  // namespace bd::scan::input
