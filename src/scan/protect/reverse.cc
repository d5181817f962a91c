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

bool all_hex(const std::string& d) {
  for (char c : d) {
    if (hex_value(c) < 0) return false;
  }
  return true;
}

// The raw digest bytes of a hex (either case) or base64 (padded or not) MD5 / SHA-1 /
// SHA-256; empty when `d` is neither. The length decides the encoding, so a base64
// digest that happens to use only hex letters is still read as base64.
std::string decode(const std::string& d) {
  std::string out;
  if ((d.size() == 32 || d.size() == 40 || d.size() == 64) && all_hex(d)) {
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

// The digests to look for. Every candidate is hashed once per algorithm present, so
// the lookup must cost less than the hash: a 2^24-bit filter on the first three digest
// bytes rejects almost every candidate before the exact (allocating) map lookup.
class Targets {
 public:
  void add(std::string raw, std::size_t index) {
    md5 = md5 || raw.size() == 16;
    sha1 = sha1 || raw.size() == 20;
    sha256 = sha256 || raw.size() == 32;
    std::uint32_t slot = filter_slot(reinterpret_cast<const std::uint8_t*>(raw.data()));
    filter_[slot >> 6] |= 1ull << (slot & 63);
    by_digest_.emplace(std::move(raw), index);
  }
  bool empty() const { return by_digest_.empty(); }
  bool maybe(const std::uint8_t* digest) const {
    std::uint32_t slot = filter_slot(digest);
    return ((filter_[slot >> 6] >> (slot & 63)) & 1) != 0;
  }
  // Indexes of the digests equal to `digest`.
  template <typename Fn>
  void for_each_match(std::string_view digest, Fn&& fn) const {
    auto range = by_digest_.equal_range(std::string(digest));
    for (auto it = range.first; it != range.second; ++it) fn(it->second);
  }

  bool md5 = false;
  bool sha1 = false;
  bool sha256 = false;

 private:
  static std::uint32_t filter_slot(const std::uint8_t* d) {
    return (static_cast<std::uint32_t>(d[0]) << 16) | (static_cast<std::uint32_t>(d[1]) << 8) | d[2];
  }
  std::vector<std::uint64_t> filter_ = std::vector<std::uint64_t>((1u << 24) / 64);
  std::unordered_multimap<std::string, std::size_t> by_digest_;
};

// Writes `value` as `width` decimal digits (leading zeros) at p.
void put_digits(char* p, int width, std::uint64_t value) {
  for (int i = width - 1; i >= 0; --i) {
    p[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

struct Search {
  const Targets& targets;
  std::vector<std::optional<Reversed>>& out;
  std::mutex mu;

  template <std::size_t N>
  void check(const std::array<std::uint8_t, N>& digest, std::string_view normalised, bool bsn) {
    if (!targets.maybe(digest.data())) return;
    std::lock_guard<std::mutex> lock(mu);
    targets.for_each_match(std::string_view(reinterpret_cast<const char*>(digest.data()), N),
                           [&](std::size_t i) { out[i] = Reversed{std::string(normalised), bsn}; });
  }

  // Hashes `form` (the bytes someone may have hashed) with every algorithm present;
  // a hit is reported as `normalised`.
  void candidate(std::string_view form, std::string_view normalised, bool bsn) {
    if (targets.md5) check(md5_short(form), normalised, bsn);
    if (targets.sha1) check(sha1_short(form), normalised, bsn);
    if (targets.sha256) check(sha256_short(form), normalised, bsn);
  }

  // Every valid BSN whose first eight digits lie in [begin, end): as nine digits, and a
  // BSN below 100000000 also as the eight digits without its leading zero.
  void bsns(std::uint64_t begin, std::uint64_t end) {
    char nine[9] = {};
    for (std::uint64_t p = begin; p < end; ++p) {
      put_digits(nine, 8, p);
      int sum = 0;
      for (int i = 0; i < 8; ++i) sum += (9 - i) * (nine[i] - '0');
      int check = sum % 11;  // 9*d1 + ... + 2*d8 - d9 == 0 (mod 11)
      if (check > 9 || (p == 0 && check == 0)) continue;
      nine[8] = static_cast<char>('0' + check);
      std::string_view normalised(nine, 9);
      candidate(normalised, normalised, true);
      if (nine[0] == '0') candidate(normalised.substr(1), normalised, true);
    }
  }

  // Every mobile number 06 + eight digits in [begin, end), as 06xxxxxxxx,
  // +316xxxxxxxx and 00316xxxxxxxx.
  void mobiles(std::uint64_t begin, std::uint64_t end) {
    char national[10] = {'0', '6'};
    char plus[12] = {'+', '3', '1', '6'};
    char zeros[13] = {'0', '0', '3', '1', '6'};
    for (std::uint64_t n = begin; n < end; ++n) {
      put_digits(national + 2, 8, n);
      std::memcpy(plus + 4, national + 2, 8);
      std::memcpy(zeros + 5, national + 2, 8);
      std::string_view normalised(national, 10);
      candidate(normalised, normalised, false);
      candidate(std::string_view(plus, 12), normalised, false);
      candidate(std::string_view(zeros, 13), normalised, false);
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
    if (raw.size() == 16 || raw.size() == 20 || raw.size() == 32) targets.add(std::move(raw), i);
  }
  if (targets.empty()) return out;
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
