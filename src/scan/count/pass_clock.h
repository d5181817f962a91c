// PassClock: wall and CPU time spent in one pass of the scan, for --stats and the
// report's `timings`. The member sinks time each chunk (never each value): one
// steady_clock reading and one thread-CPU reading when a chunk arrives and when it has
// been analysed, so the gap before a chunk is the input side's (reading,
// decompressing, decoding) and the call itself is the analysis (tokenising, digit and
// dictionary passes, counting).
//
// Plain values; not thread-safe (each sink owns its clocks; the ScanState adds them up
// under its lock). Never fails: a clock that cannot be read counts as zero.
#pragma once

#include <time.h>

#include <chrono>

namespace bd::scan::count {

struct PassClock {
  double wall = 0;  // seconds, summed over the threads that ran the pass
  double cpu = 0;   // CPU seconds of those threads

  PassClock& operator+=(const PassClock& other) {
    wall += other.wall;
    cpu += other.cpu;
    return *this;
  }
};

// CPU time of the calling thread, or of the whole process, in seconds.
inline double cpu_seconds(clockid_t clock) {
  timespec ts{};
  if (clock_gettime(clock, &ts) != 0) return 0;
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// A point in time on both clocks; `since` gives the PassClock from it to now.
struct ClockReading {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  double cpu = 0;

  static ClockReading now(clockid_t clock) { return ClockReading{std::chrono::steady_clock::now(), cpu_seconds(clock)}; }
  PassClock until(const ClockReading& later) const {
    return PassClock{std::chrono::duration<double>(later.wall - wall).count(), later.cpu - cpu};
  }
};

}  // namespace bd::scan::count
