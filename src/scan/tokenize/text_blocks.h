// Where the free-text tokenizer (text.cc) ends the blocks it hands to the handler.
//
// Context in free text (a "BSN:" label before a number, an encryption signature named
// once per block) is found within one block, so the blocks are a function of the text
// alone, never of the chunks it is fed in: the same log gives the same report whatever
// the read buffer, compression, or split of the file across threads. From a block's
// start, the block ends after the first '\n' that makes it at least kTextBlock bytes,
// if that is within kMaxField bytes; else (one very long line) it is cut at its last
// ' ' in the second half of those kMaxField bytes, or hard at kMaxField. The last
// block ends with the text. The splitter of large files (scan/input/split.h) follows
// the same chain of blocks to cut a log where a block starts.
//
// Pure functions; thread-safe.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string_view>

#include "scan/tokenize/record_handler.h"

namespace bd::scan::tokenize {

inline constexpr std::size_t kTextBlock = 64 * 1024;

// The first '\n' of `text` at or after `from` and before `to`; `to` when none.
inline std::size_t find_newline(std::string_view text, std::size_t from, std::size_t to) {
  if (from >= to) return to;
  const void* q = std::memchr(text.data() + from, '\n', to - from);
  return q ? static_cast<std::size_t>(static_cast<const char*>(q) - text.data()) : to;
}

// Where the very long block `text` (kMaxField bytes without a '\n' that ends it) is cut.
inline std::size_t text_block_cut(std::string_view text) {
  std::size_t cut = text.substr(0, kMaxField).rfind(' ');
  return cut == std::string_view::npos || cut < kMaxField / 2 ? kMaxField : cut;
}

// The length of the block at the start of `text`, which holds the following text up
// to kMaxField bytes (or all of it); 0 when it ends with the text.
inline std::size_t text_block_length(std::string_view text) {
  std::size_t to = std::min(text.size(), kMaxField);
  std::size_t nl = find_newline(text, kTextBlock - 1, to);
  if (nl < to) return nl + 1;
  return text.size() >= kMaxField ? text_block_cut(text) : 0;
}

}  // namespace bd::scan::tokenize
