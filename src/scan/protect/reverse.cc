#include "scan/protect/reverse.h"

#include <array>
#include <cstring>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "scan/protect/digest.h"

namespace bd::scan::protect {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

int b64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

std::string decode(const std::string& d) {
  std::string out;
  bool hex = d.size() % 2 == 0;
  for (char c : d) hex = hex && hex_value(c) >= 0;
  if (hex) {
    for (std::size_t i = 0; i < d.size(); i += 2) out.push_back(static_cast<char>(hex_value(d[i]) * 16 + hex_value(d[i + 1])));
    return out;
  }
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : d) {
    if (c == '=') break;
    int v = b64_value(c);
    if (v < 0) return {};
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return out;
}

struct Targets {
  std::unordered_multimap<std::string, std::size_t> by_digest;
  bool md5 = false;
  bool sha1 = false;
  bool sha256 = false;
};

struct Search {
  const Targets& targets;
  std::vector<std::optional<Reversed>>& out;
  std::mutex mu;

  template <std::size_t N>
  void check(const std::array<std::uint8_t, N>& digest, std::string_view plain, bool bsn) {
    std::string key(reinterpret_cast<const char*>(digest.data()), N);
    auto range = targets.by_digest.equal_range(key);
    if (range.first == range.second) return;
    std::lock_guard<std::mutex> lock(mu);
    for (auto it = range.first; it != range.second; ++it) out[it->second] = Reversed{std::string(plain), bsn};
  }

  void candidate(std::string_view plain, bool bsn) {
    if (targets.md5) check(md5_short(plain), plain, bsn);
    if (targets.sha1) check(sha1_short(plain), plain, bsn);
    if (targets.sha256) check(sha256_short(plain), plain, bsn);
  }

  void bsns(std::uint64_t begin, std::uint64_t end) {
    char buf[10] = {};
    for (std::uint64_t p = begin; p < end; ++p) {
      std::uint64_t v = p;
      int sum = 0;
      for (int i = 7; i >= 0; --i) {
        int digit = static_cast<int>(v % 10);
        v /= 10;
        buf[i] = static_cast<char>('0' + digit);
        sum += (9 - i) * digit;
      }
      int check = sum % 11;  // 9*d1 + ... + 2*d8 - d9 == 0 (mod 11)
      if (check > 9 || (p == 0 && check == 0)) continue;
      buf[8] = static_cast<char>('0' + check);
      candidate(std::string_view(buf, 9), true);
    }
  }

  void mobiles(std::uint64_t begin, std::uint64_t end) {
    char buf[12] = {'0', '6'};
    for (std::uint64_t n = begin; n < end; ++n) {
      std::uint64_t v = n;
      for (int i = 9; i >= 2; --i) {
        buf[i] = static_cast<char>('0' + v % 10);
        v /= 10;
      }
      candidate(std::string_view(buf, 10), false);
    }
  }
};

}  // namespace

std::vector<std::optional<Reversed>> reverse_digests(const std::vector<std::string>& digests,
                                                     const ReverseSpace& space) {
  std::vector<std::optional<Reversed>> out(digests.size());
  Targets targets;
  for (std::size_t i = 0; i < digests.size(); ++i) {
    std::string raw = decode(digests[i]);
    if (raw.size() != 16 && raw.size() != 20 && raw.size() != 32) continue;
    targets.md5 = targets.md5 || raw.size() == 16;
    targets.sha1 = targets.sha1 || raw.size() == 20;
    targets.sha256 = targets.sha256 || raw.size() == 32;
    targets.by_digest.emplace(std::move(raw), i);
  }
  if (targets.by_digest.empty()) return out;
  Search search{targets, out, {}};
  int threads = space.threads < 1 ? 1 : space.threads;
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      auto slice = [&](std::uint64_t b, std::uint64_t e) {
        std::uint64_t n = e > b ? e - b : 0;
        return std::pair<std::uint64_t, std::uint64_t>{b + n * static_cast<std::uint64_t>(t) / static_cast<std::uint64_t>(threads),
                                                       b + n * static_cast<std::uint64_t>(t + 1) / static_cast<std::uint64_t>(threads)};
      };
      auto [b1, e1] = slice(space.bsn_prefix_begin, space.bsn_prefix_end);
      search.bsns(b1, e1);
      auto [b2, e2] = slice(space.mobile_begin, space.mobile_end);
      search.mobiles(b2, e2);
    });
  }
  for (auto& th : pool) th.join();
  return out;
}

}  // namespace bd::scan::protect
