// Decoder: turns one member's raw bytes into UTF-8 chunks for a MemberSink.
// Internal to src/scan/input/ (and its fuzz target).
//
// Rules: a UTF-8 BOM is dropped; UTF-16 LE/BE (BOM, or given by the sniffer) is
// converted (unpaired surrogates become U+FFFD); otherwise bytes are passed through as
// UTF-8 until the first invalid sequence, from where the rest of the member is decoded
// as Windows-1252. Chunks never split a character (an incomplete tail is carried into
// the next feed). Binary members are passed through untouched.
//
// Ownership: borrows the sink (which must outlive the decoder); owns a small
// conversion buffer. Not thread-safe. Never fails: every byte sequence decodes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "scan/input/sink.h"

namespace bd::scan::input {

enum class Encoding { kUtf8, kUtf16Le, kUtf16Be, kWindows1252, kRaw };

std::string_view encoding_name(Encoding e);

class Decoder {
 public:
  // `member_start`: the bytes fed are the member's first (a byte-order mark there is
  // read as one); false for a later range of a split file.
  Decoder(MemberSink& sink, Encoding initial, bool member_start = true);
  void feed(std::string_view bytes);
  void finish();  // flushes an incomplete tail (as U+FFFD / Windows-1252)
  Encoding encoding() const { return enc_; }

 private:
  void feed_utf8(std::string_view bytes);
  void feed_1252(std::string_view bytes);
  void feed_utf16(std::string_view bytes);
  void emit(std::string_view s);
  void flush_out();
  void put(char32_t c);

  MemberSink& sink_;
  Encoding enc_;
  bool first_ = true;
  std::string head_;   // the first bytes while they may still be a cut byte-order mark
  std::string carry_;  // incomplete character from the previous feed (<= 3 bytes)
  std::string out_;    // conversion buffer, flushed at ~64 KiB
};

// The character a Windows-1252 byte stands for (ISO-8859-1 but for 0x80..0x9F, where
// the five undefined bytes stand for U+FFFD).
char32_t windows_1252_char(unsigned char c);

// Length of the longest valid UTF-8 prefix of s; *incomplete is set when the rest is
// only a truncated (but so far valid) character at the very end.
std::size_t valid_utf8_prefix(std::string_view s, bool* incomplete);

}  // namespace bd::scan::input
