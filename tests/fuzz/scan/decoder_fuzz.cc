// Fuzzes the encoding decoder: any bytes, split at fuzzer-chosen points, in every
// starting encoding, must come out as non-empty chunks of valid UTF-8 that never end
// inside a character, and as the same text as the bytes fed whole.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "scan/input/decoder.h"

namespace {

class CheckingSink final : public bd::scan::MemberSink {
 public:
  void on_chunk(std::string_view utf8) override {
    bool incomplete = false;
    if (utf8.empty() || bd::scan::input::valid_utf8_prefix(utf8, &incomplete) != utf8.size()) std::abort();
    text_.append(utf8);
  }
  void on_end() override {}
  std::string text_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  using bd::scan::input::Encoding;
  static constexpr Encoding kStart[] = {Encoding::kUtf8, Encoding::kUtf16Le, Encoding::kUtf16Be,
                                        Encoding::kWindows1252};
  Encoding start = kStart[data[0] % 4];
  std::size_t step = 1 + data[1] % 17;  // chunk size: splits characters often
  std::string_view bytes(reinterpret_cast<const char*>(data) + 2, size - 2);
  CheckingSink whole_sink;
  bd::scan::input::Decoder whole(whole_sink, start);
  whole.feed(bytes);
  whole.finish();
  CheckingSink sink;
  bd::scan::input::Decoder decoder(sink, start);
  while (!bytes.empty()) {
    std::size_t n = std::min(step, bytes.size());
    decoder.feed(bytes.substr(0, n));
    bytes.remove_prefix(n);
    step = step * 3 % 31 + 1;
  }
  decoder.finish();
  if (sink.text_ != whole_sink.text_) std::abort();
  return 0;
}
