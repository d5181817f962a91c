#include "scan/input/decoder.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "scan/swar.h"

namespace bd::scan::input {
namespace {
constexpr std::size_t kOutFlush = 64u << 10;

// Windows-1252 0x80..0x9F; the five undefined bytes map to U+FFFD.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

inline bool is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of a valid sequence starting at p (0 = invalid, -n = valid prefix but only
// `avail` bytes present).
int utf8_seq(const unsigned char* p, std::size_t avail) {
  unsigned char c = p[0];
  int len;
  if (c < 0xC2) return 0;
  if (c < 0xE0) len = 2;
  else if (c < 0xF0) len = 3;
  else if (c < 0xF5) len = 4;
  else return 0;
  for (int i = 1; i < len; ++i) {
    if (static_cast<std::size_t>(i) >= avail) return -i;
    unsigned char d = p[i];
    if (!is_cont(d)) return 0;
    if (i == 1) {  // overlongs, surrogates and > U+10FFFF
      if (c == 0xE0 && d < 0xA0) return 0;
      if (c == 0xED && d > 0x9F) return 0;
      if (c == 0xF0 && d < 0x90) return 0;
      if (c == 0xF4 && d > 0x8F) return 0;
    }
  }
  return len;
}
}  // namespace

std::string_view encoding_name(Encoding e) {
  switch (e) {
    case Encoding::kUtf8: return "utf-8";
    case Encoding::kUtf16Le: return "utf-16le";
    case Encoding::kUtf16Be: return "utf-16be";
    case Encoding::kWindows1252: return "windows-1252";
    case Encoding::kRaw: return "binary";
  }
  return "binary";
}

std::size_t valid_utf8_prefix(std::string_view s, bool* incomplete) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size(), i = 0;
  *incomplete = false;
  while (i < n) {
    // Fast path: 32, then 8 ASCII bytes at a time (the 32-byte loop compiles to vector
    // loads; it reads a large plain file at memory speed).
    while (i + 32 <= n) {
      std::uint64_t w[4];
      std::memcpy(w, p + i, 32);
      if ((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ull) break;
      i += 32;
    }
    while (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    int len = utf8_seq(p + i, n - i);
    if (len > 0) {
      i += static_cast<std::size_t>(len);
      continue;
    }
    if (len < 0) *incomplete = true;
    break;
  }
  return i;
}

Decoder::Decoder(MemberSink& sink, Encoding initial, bool member_start)
    : sink_(sink), enc_(initial), first_(member_start) {}

void Decoder::emit(std::string_view s) {
  if (!s.empty()) sink_.on_chunk(s);
}

void Decoder::flush_out() {
  emit(out_);
  out_.clear();
}

void Decoder::put(char32_t c) {
  if (c < 0x80) {
    out_.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out_.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out_.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out_.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out_.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out_.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out_.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out_.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out_.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out_.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

namespace {

// Whether `b` (shorter than three bytes) may be the start of a byte-order mark that the
// next bytes complete.
bool may_be_cut_bom(std::string_view b) {
  if (b.empty()) return true;
  if (b.size() == 1) return b[0] == '\xEF' || b[0] == '\xFF' || b[0] == '\xFE';
  return b == "\xEF\xBB";
}

}  // namespace

void Decoder::feed(std::string_view bytes) {
  std::string joined;  // the first bytes held back, and these
  if (first_ && enc_ != Encoding::kRaw) {
    // Byte-order marks decide the encoding (the sniffer may have guessed already); one
    // cut by the first chunks is put together first, so chunking changes nothing.
    if (!head_.empty()) {
      joined = head_ + std::string(bytes);
      head_.clear();
      bytes = joined;
    }
    if (bytes.size() < 3 && may_be_cut_bom(bytes)) {
      head_.assign(bytes);
      return;
    }
    std::string_view b = bytes;
    if (b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF") {
      enc_ = Encoding::kUtf8;
      bytes.remove_prefix(3);
    } else if (b.size() >= 2 && b.substr(0, 2) == "\xFF\xFE") {
      enc_ = Encoding::kUtf16Le;
      bytes.remove_prefix(2);
    } else if (b.size() >= 2 && b.substr(0, 2) == "\xFE\xFF") {
      enc_ = Encoding::kUtf16Be;
      bytes.remove_prefix(2);
    }
  }
  first_ = false;
  if (bytes.empty()) return;
  switch (enc_) {
    case Encoding::kUtf8: feed_utf8(bytes); break;
    case Encoding::kWindows1252: feed_1252(bytes); break;
    case Encoding::kUtf16Le:
    case Encoding::kUtf16Be: feed_utf16(bytes); break;
    case Encoding::kRaw: emit(bytes); break;
  }
}

void Decoder::feed_utf8(std::string_view bytes) {
  if (!carry_.empty()) {
    // Complete the character split by the previous chunk boundary.
    std::size_t take = std::min<std::size_t>(4 - carry_.size(), bytes.size());
    std::string joined = carry_ + std::string(bytes.substr(0, take));
    bool incomplete = false;
    std::size_t ok = valid_utf8_prefix(joined, &incomplete);
    if (ok > carry_.size()) {
      emit(std::string_view(joined).substr(0, ok));
      bytes.remove_prefix(ok - carry_.size());
      carry_.clear();
    } else if (incomplete && joined.size() < 4 && take == bytes.size()) {
      carry_ = joined;  // still incomplete: tiny feed
      return;
    } else {
      std::string bad = carry_;
      carry_.clear();
      enc_ = Encoding::kWindows1252;
      feed_1252(bad);
      feed_1252(bytes);
      return;
    }
  }
  bool incomplete = false;
  std::size_t ok = valid_utf8_prefix(bytes, &incomplete);
  emit(bytes.substr(0, ok));
  if (ok == bytes.size()) return;
  if (incomplete) {
    carry_.assign(bytes.substr(ok));
    return;
  }
  enc_ = Encoding::kWindows1252;  // first invalid byte: the rest of the member is 1252
  feed_1252(bytes.substr(ok));
}

char32_t windows_1252_char(unsigned char c) {
  return c >= 0x80 && c < 0xA0 ? kCp1252High[c - 0x80] : c;
}

void Decoder::feed_1252(std::string_view bytes) {
  const char* p = bytes.data();
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    // A run of ASCII bytes (most of a Western text) is copied as it is, up to the room
    // left before the buffer is flushed; its end is found eight bytes at a time.
    const std::size_t limit = std::min(n, i + (kOutFlush - out_.size()));
    std::size_t end = i;
    while (end + 8 <= limit && swar::ascii(swar::load8(p + end))) end += 8;
    while (end < limit && static_cast<unsigned char>(p[end]) < 0x80) ++end;
    out_.append(p + i, end - i);
    i = end;
    if (i < limit) {
      const auto c = static_cast<unsigned char>(p[i++]);
      put(windows_1252_char(c));
    }
    if (out_.size() >= kOutFlush) flush_out();
  }
  flush_out();
}

void Decoder::feed_utf16(std::string_view bytes) {
  // A carried odd byte or lone high surrogate goes first; only then is the chunk copied.
  std::string joined;
  std::string_view data = bytes;
  if (!carry_.empty()) {
    joined = carry_ + std::string(bytes);
    data = joined;
    carry_.clear();
  }
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  std::size_t n = data.size(), i = 0;
  bool le = enc_ == Encoding::kUtf16Le;
  auto unit = [&](std::size_t at) -> char32_t {
    return le ? static_cast<char32_t>(p[at] | (p[at + 1] << 8)) : static_cast<char32_t>((p[at] << 8) | p[at + 1]);
  };
  // Four units in a word are ASCII when each unit's high byte is zero and its low byte
  // below 0x80; the low bytes are then the text (Excel's "Unicode text" is mostly so).
  const std::uint64_t non_ascii = le ? 0xFF80FF80FF80FF80ull : 0x80FF80FF80FF80FFull;
  const int low = le ? 0 : 8;
  while (i + 2 <= n) {
    for (; i + 8 <= n; i += 8) {
      const std::uint64_t w = swar::load8(data.data() + i);
      if ((w & non_ascii) != 0) break;
      const char four[4] = {static_cast<char>(w >> low), static_cast<char>(w >> (low + 16)),
                            static_cast<char>(w >> (low + 32)), static_cast<char>(w >> (low + 48))};
      out_.append(four, 4);
      if (out_.size() >= kOutFlush) flush_out();
    }
    if (i + 2 > n) break;
    char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 4 > n) break;  // wait for the low surrogate
      char32_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        put(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
        i += 4;
      } else {
        put(0xFFFD);
        i += 2;
      }
    } else {
      put((u >= 0xDC00 && u <= 0xDFFF) ? 0xFFFD : u);
      i += 2;
    }
    if (out_.size() >= kOutFlush) flush_out();
  }
  carry_.assign(data.substr(i));
  flush_out();
}

void Decoder::finish() {
  if (!head_.empty()) {
    // The member ended within what could have been a byte-order mark: it was none.
    std::string head;
    head.swap(head_);
    first_ = false;
    feed(head);
  }
  if (!carry_.empty()) {
    std::string rest;
    rest.swap(carry_);
    if (enc_ == Encoding::kUtf8) {
      feed_1252(rest);
    } else {
      put(0xFFFD);
      flush_out();
    }
  }
}

}  // namespace bd::scan::input
