// Leaf targets: where the bytes of a leaf member (a file or archive entry that is not
// itself a container) go. Internal to src/scan/input/.
//
// DirectTarget decodes and feeds the sink on the calling thread. PipeTarget hands the
// buffers to a consumer thread through a bounded queue, so that decompression and
// extraction (producer) overlap with decoding and scanning (consumer). PoolTarget has
// several PipeTargets (lanes) and sends each member whole to the least busy one, so
// that the members of one archive are also scanned on several threads at once.
//
// Buffers come from a BufferRing: a fixed set of pre-faulted buffers reused for the
// whole scan, so memory stays bounded and no time is lost to page faults (on 2 MiB
// pages where the kernel allows: scan/mapped_memory.h).
//
// Threads: a DirectTarget belongs to one thread. A PipeTarget is used by one producer
// thread and drained by its own consumer thread (started and joined by the PipeTarget);
// a PoolTarget likewise, with a consumer thread per lane.
// Failure: none; a sink that is not interested (open() returned null) makes
// wants_more() false, and the producer stops reading the member.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "scan/input/decoder.h"
#include "scan/input/sink.h"
#include "scan/mapped_memory.h"

namespace bd::scan::input {

class BufferRing {
 public:
  BufferRing(int count, std::size_t size);
  std::size_t buffer_size() const { return size_; }
  int acquire();  // blocks until a buffer is free
  void release(int index);
  char* data(int index) { return static_cast<char*>(buffers_[static_cast<std::size_t>(index)].data()); }

 private:
  std::size_t size_;
  std::vector<MappedMemory> buffers_;
  std::vector<int> free_;
  std::mutex mu_;
  std::condition_variable cv_;
};

class LeafTarget {
 public:
  virtual ~LeafTarget() = default;
  virtual void begin(const MemberInfo& info, Encoding encoding) = 0;
  virtual int acquire() = 0;
  virtual char* data(int buffer) = 0;
  virtual std::size_t buffer_size() const = 0;
  virtual void chunk(int buffer, std::size_t n) = 0;  // takes the buffer back
  virtual void release(int buffer) = 0;               // an unused buffer
  virtual bool wants_more() const = 0;
  virtual void end() = 0;
  // The threads that scan members side by side (a PoolTarget's lanes).
  virtual int lanes() const { return 1; }
};

// Opens the sink and decodes into it; shared by both targets.
class LeafConsumer {
 public:
  explicit LeafConsumer(SinkFactory& factory) : factory_(factory) {}
  void begin(const MemberInfo& info, Encoding encoding);
  void chunk(const char* bytes, std::size_t n);
  void end();
  bool interested() const { return sink_ != nullptr; }

 private:
  SinkFactory& factory_;
  std::unique_ptr<MemberSink> sink_;
  std::optional<Decoder> decoder_;
};

class DirectTarget final : public LeafTarget {
 public:
  DirectTarget(SinkFactory& factory, BufferRing& ring) : consumer_(factory), ring_(ring) {}
  void begin(const MemberInfo& info, Encoding encoding) override { consumer_.begin(info, encoding); }
  int acquire() override { return ring_.acquire(); }
  char* data(int buffer) override { return ring_.data(buffer); }
  std::size_t buffer_size() const override { return ring_.buffer_size(); }
  void chunk(int buffer, std::size_t n) override;
  void release(int buffer) override { ring_.release(buffer); }
  bool wants_more() const override { return consumer_.interested(); }
  void end() override { consumer_.end(); }

 private:
  LeafConsumer consumer_;
  BufferRing& ring_;
};

class PipeTarget final : public LeafTarget {
 public:
  PipeTarget(SinkFactory& factory, BufferRing& ring);
  ~PipeTarget() override;  // drains the queue and joins the consumer
  PipeTarget(const PipeTarget&) = delete;
  PipeTarget& operator=(const PipeTarget&) = delete;
  void begin(const MemberInfo& info, Encoding encoding) override;
  int acquire() override { return ring_.acquire(); }
  char* data(int buffer) override { return ring_.data(buffer); }
  std::size_t buffer_size() const override { return ring_.buffer_size(); }
  void chunk(int buffer, std::size_t n) override;
  void release(int buffer) override { ring_.release(buffer); }
  bool wants_more() const override {
    return uninterested_.load(std::memory_order_relaxed) != begun_;
  }
  void end() override;
  // Messages pushed and not yet handled by the consumer (the one it is handling
  // included): how busy the lane is.
  std::size_t pending() const { return pending_.load(std::memory_order_relaxed); }

 private:
  struct Message {
    enum class Kind { kBegin, kChunk, kEnd, kStop } kind;
    MemberInfo info;
    Encoding encoding = Encoding::kUtf8;
    int buffer = -1;
    std::size_t n = 0;
  };
  void push(Message m);
  void run();

  LeafConsumer consumer_;
  BufferRing& ring_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Message> queue_;
  std::uint64_t begun_ = 0;                     // members begun (producer side)
  std::uint64_t consumed_begins_ = 0;           // members begun (consumer side)
  std::atomic<std::uint64_t> uninterested_{0};  // the last member whose sink was null
  std::atomic<std::size_t> pending_{0};
  std::thread thread_;
};

class PoolTarget final : public LeafTarget {
 public:
  // `lanes` >= 1 consumer threads, all drawing buffers from `ring`.
  PoolTarget(SinkFactory& factory, BufferRing& ring, int lanes);
  void begin(const MemberInfo& info, Encoding encoding) override;
  int acquire() override { return ring_.acquire(); }
  char* data(int buffer) override { return ring_.data(buffer); }
  std::size_t buffer_size() const override { return ring_.buffer_size(); }
  void chunk(int buffer, std::size_t n) override { lanes_[current_]->chunk(buffer, n); }
  void release(int buffer) override { ring_.release(buffer); }
  bool wants_more() const override { return lanes_[current_]->wants_more(); }
  void end() override { lanes_[current_]->end(); }
  int lanes() const override { return static_cast<int>(lanes_.size()); }

 private:
  BufferRing& ring_;
  std::vector<std::unique_ptr<PipeTarget>> lanes_;  // destroyed (drained and joined) with the pool
  std::size_t current_ = 0;                         // the lane of the member being read
};

}  // namespace bd::scan::input
