// Clock: the one source of "now" for everything that depends on time (deadlines,
// session expiry, lockout, reminders), so tests can set the time instead of sleeping.
// Implementations are thread-safe.
#pragma once

#include <atomic>
#include <chrono>

namespace bd {

using TimePoint = std::chrono::sys_time<std::chrono::seconds>;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

// Wall-clock time of the machine.
class SystemClock final : public Clock {
 public:
  TimePoint now() const override {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  }
};

// A clock that only moves when told to; for tests.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimePoint start) : now_(start.time_since_epoch().count()) {}
  TimePoint now() const override { return TimePoint(std::chrono::seconds(now_.load())); }
  void set(TimePoint t) { now_.store(t.time_since_epoch().count()); }
  void advance(std::chrono::seconds d) { now_.fetch_add(d.count()); }

 private:
  std::atomic<long long> now_;
};

}  // namespace bd
