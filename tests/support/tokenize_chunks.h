// The tokenizer tests' way to feed a text in chunks: `Log` is a RecordHandler whose
// done() returns the events it logged. Header-only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "scan/tokenize/record_handler.h"

namespace bd::scan::testing {

// The events of tokenizing `data` as `format`, fed cut at the ascending `cuts`.
template <typename Log>
std::vector<std::string> events_in_chunks(Format format, std::string_view data,
                                          const std::vector<std::size_t>& cuts) {
  Log log;
  auto tok = tokenize::make_tokenizer(format, log);
  std::size_t prev = 0;
  for (std::size_t c : cuts) {
    tok->feed(data.substr(prev, c - prev));
    prev = c;
  }
  tok->feed(data.substr(prev));
  tok->finish();
  return log.done();
}

}  // namespace bd::scan::testing
