#include "scan/protect/reverse.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <mutex>
#include <thread>

#include "scan/protect/digest_lanes.h"
#include "scan/transfer_codec.h"

namespace bd::scan::protect {
namespace {

bool all_hex(const std::string& d) {
  for (char c : d) {
    if (hex_digit(c) < 0) return false;
  }
  return true;
}

// The raw digest bytes of a hex (either case) or base64 (padded or not) MD5 / SHA-1 /
// SHA-256; empty when `d` is neither. The length decides the encoding, so a base64
// digest that happens to use only hex letters is still read as base64.
std::string decode(const std::string& d) {
  std::string out;
  if ((d.size() == 32 || d.size() == 40 || d.size() == 64) && all_hex(d)) {
    for (std::size_t i = 0; i < d.size(); i += 2)
      out.push_back(static_cast<char>(hex_digit(d[i]) * 16 + hex_digit(d[i + 1])));
    return out;
  }
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : d) {
    if (c == '=') break;
    int v = base64_digit(c);
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

// The digests of one length (one algorithm) to look for. Every candidate is hashed
// once per algorithm present, so the lookup must cost less than the hash: a filter of
// about 64 bits per digest (on the top bits of the first four digest bytes, which are
// uniform) rejects all but about 1.5% of the candidates that are no digest, and stays
// in the cache for the few digests of a usual column (2^16 bits, 8 KiB, for up to
// 1,024; at most 2^28 bits, 32 MiB). The rest are looked up by their first eight bytes
// in a sorted array, without a lock or an allocation, and compared whole.
class DigestSet {
 public:
  // The raw digests of this length, each with the index of the text it came from.
  explicit DigestSet(std::vector<std::pair<std::string, std::size_t>> digests)
      : digests_(std::move(digests)) {
    std::sort(digests_.begin(), digests_.end());
    const std::size_t bits =
        std::min(std::bit_ceil(std::max<std::size_t>(digests_.size() * 64, std::size_t{1} << 16)),
                 std::size_t{1} << 28);
    shift_ = 32 - std::countr_zero(bits);
    filter_.assign(bits / 64, 0);
    prefixes_.reserve(digests_.size());
    for (const auto& d : digests_) {
      const auto* raw = reinterpret_cast<const std::uint8_t*>(d.first.data());
      const std::uint32_t slot = slot_of(raw);
      filter_[slot >> 6] |= 1ull << (slot & 63);
      prefixes_.push_back(prefix_of(raw));  // ascending, as the digests are
    }
  }
  bool empty() const { return digests_.empty(); }
  void prefetch(const std::uint8_t* digest) const { __builtin_prefetch(&filter_[slot_of(digest) >> 6]); }
  // Calls fn(index) for each text whose digest is these `size` bytes.
  template <typename Fn>
  void for_each_match(const std::uint8_t* digest, std::size_t size, Fn&& fn) const {
    const std::uint32_t slot = slot_of(digest);
    if (((filter_[slot >> 6] >> (slot & 63)) & 1) == 0) return;
    const std::uint64_t prefix = prefix_of(digest);
    auto at = static_cast<std::size_t>(std::lower_bound(prefixes_.begin(), prefixes_.end(), prefix) -
                                       prefixes_.begin());
    const std::string_view whole(reinterpret_cast<const char*>(digest), size);
    for (; at < prefixes_.size() && prefixes_[at] == prefix; ++at) {
      if (digests_[at].first == whole) fn(digests_[at].second);
    }
  }

 private:
  static std::uint64_t prefix_of(const std::uint8_t* d) {
    std::uint64_t x = 0;
    for (int i = 0; i < 8; ++i) x = (x << 8) | d[i];
    return x;
  }
  std::uint32_t slot_of(const std::uint8_t* d) const {
    return static_cast<std::uint32_t>(prefix_of(d) >> 32) >> shift_;
  }

  std::vector<std::pair<std::string, std::size_t>> digests_;  // sorted
  std::vector<std::uint64_t> prefixes_;                       // their first eight bytes
  std::vector<std::uint64_t> filter_;
  int shift_ = 16;
};

// The digests to look for, by algorithm (their length says which).
struct Targets {
  DigestSet md5;
  DigestSet sha1;
  DigestSet sha256;
  bool empty() const { return md5.empty() && sha1.empty() && sha256.empty(); }
};

Targets make_targets(const std::vector<std::string>& digests) {
  std::vector<std::pair<std::string, std::size_t>> by_size[3];
  for (std::size_t i = 0; i < digests.size(); ++i) {
    std::string raw = decode(digests[i]);
    const std::size_t kind = raw.size() == 16 ? 0 : raw.size() == 20 ? 1 : raw.size() == 32 ? 2 : 3;
    if (kind < 3) by_size[kind].emplace_back(std::move(raw), i);
  }
  return Targets{DigestSet(std::move(by_size[0])), DigestSet(std::move(by_size[1])),
                 DigestSet(std::move(by_size[2]))};
}

// Writes `value` as `width` decimal digits (leading zeros) at p.
void put_digits(char* p, int width, std::uint64_t value) {
  for (int i = width - 1; i >= 0; --i) {
    p[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

// Up to kLanes candidates of one form (the same length), hashed together
// (digest_lanes.h): the bytes hashed and the value a hit reports.
struct FormBatch {
  FormBatch(std::size_t form_length, std::size_t normalised_length, bool is_bsn)
      : normal_length(normalised_length), bsn(is_bsn) {
    forms.length = form_length;
  }
  std::size_t normal_length;
  bool bsn;
  std::size_t n = 0;
  LaneMessages forms;  // the bytes past each form stay zero
  std::array<std::array<char, 16>, kLanes> normalised{};
};

// A form's text: up to 13 characters, and zeros after them, to be copied 16 bytes at a
// time (FormBatch::forms wants the zeros).
using FormText = std::array<char, 32>;

struct Search {
  const Targets& targets;
  std::vector<std::optional<Reversed>>& out;
  std::mutex mu;

  // The lanes' filter words are fetched together, not one after the other; a match
  // (rare) is written under the lock.
  template <typename Lanes>
  void check_lanes(const DigestSet& set, const Lanes& digests, const FormBatch& b) {
    for (std::size_t lane = 0; lane < b.n; ++lane) set.prefetch(digests[lane].data());
    for (std::size_t lane = 0; lane < b.n; ++lane) {
      set.for_each_match(digests[lane].data(), digests[lane].size(), [&](std::size_t i) {
        std::lock_guard<std::mutex> lock(mu);
        out[i] = Reversed{std::string(b.normalised[lane].data(), b.normal_length), b.bsn};
      });
    }
  }

  // Hashes the batch's forms with every algorithm present, kLanes at a time (lanes past
  // n hold older forms: their digests are not looked at), and empties it.
  void flush(FormBatch& b) {
    if (b.n == 0) return;
    if (!targets.md5.empty()) {
      Md5Lanes d;
      md5_lanes(b.forms, d);
      check_lanes(targets.md5, d, b);
    }
    if (!targets.sha1.empty()) {
      Sha1Lanes d;
      sha1_lanes(b.forms, d);
      check_lanes(targets.sha1, d, b);
    }
    if (!targets.sha256.empty()) {
      Sha256Lanes d;
      sha256_lanes(b.forms, d);
      check_lanes(targets.sha256, d, b);
    }
    b.n = 0;
  }

  // `form` (the bytes someone may have hashed, the batch's length of them, zeros after
  // them up to 16 bytes) goes into the batch; a hit is reported as `normalised`.
  void add(FormBatch& b, const char* form, const char* normalised) {
    std::memcpy(b.forms.text[b.n].data(), form, 16);
    std::memcpy(b.normalised[b.n].data(), normalised, 16);
    if (++b.n == kLanes) flush(b);
  }

  // Every valid BSN whose first eight digits lie in [begin, end): as nine digits, and a
  // BSN below 100000000 also as the eight digits without its leading zero.
  void bsns(std::uint64_t begin, std::uint64_t end) {
    FormBatch nines(9, 9, true);
    FormBatch eights(8, 9, true);
    FormText text{};
    char* nine = text.data();
    for (std::uint64_t p = begin; p < end; ++p) {
      put_digits(nine, 8, p);
      int sum = 0;
      for (int i = 0; i < 8; ++i) sum += (9 - i) * (nine[i] - '0');
      int check = sum % 11;  // 9*d1 + ... + 2*d8 - d9 == 0 (mod 11)
      if (check > 9 || (p == 0 && check == 0)) continue;
      nine[8] = static_cast<char>('0' + check);
      add(nines, nine, nine);
      if (nine[0] == '0') add(eights, nine + 1, nine);
    }
    flush(nines);
    flush(eights);
  }

  // Every mobile number 06 + eight digits in [begin, end), as 06xxxxxxxx,
  // +316xxxxxxxx and 00316xxxxxxxx.
  void mobiles(std::uint64_t begin, std::uint64_t end) {
    FormBatch nationals(10, 10, false);
    FormBatch pluses(12, 10, false);
    FormBatch zeroes(13, 10, false);
    FormText national_text{'0', '6'};
    FormText plus_text{'+', '3', '1', '6'};
    FormText zeros_text{'0', '0', '3', '1', '6'};
    char* national = national_text.data();
    char* plus = plus_text.data();
    char* zeros = zeros_text.data();
    for (std::uint64_t n = begin; n < end; ++n) {
      put_digits(national + 2, 8, n);
      std::memcpy(plus + 4, national + 2, 8);
      std::memcpy(zeros + 5, national + 2, 8);
      add(nationals, national, national);
      add(pluses, plus, national);
      add(zeroes, zeros, national);
    }
    flush(nationals);
    flush(pluses);
    flush(zeroes);
  }
};

}  // namespace

std::vector<std::optional<Reversed>> reverse_digests(const std::vector<std::string>& digests,
                                                     const ReverseSpace& space) {
  std::vector<std::optional<Reversed>> out(digests.size());
  const Targets targets = make_targets(digests);
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
