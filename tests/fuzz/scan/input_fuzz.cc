// Fuzzes the input side on raw bytes as one top-level file: sniffing, gzip/zstd,
// every libarchive format, nesting, XLSX, encodings. Limits are small so a bomb is
// cut quickly; the sink checks that chunks are non-empty valid UTF-8 for text members.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "scan/input/decoder.h"
#include "scan/input/leaf.h"
#include "scan/input/reader.h"

namespace {

class CheckingSink final : public bd::scan::MemberSink {
 public:
  explicit CheckingSink(bool text) : text_(text) {}
  void on_chunk(std::string_view utf8) override {
    if (utf8.empty()) std::abort();
    bool incomplete = false;
    if (text_ && bd::scan::input::valid_utf8_prefix(utf8, &incomplete) != utf8.size()) std::abort();
  }
  void on_end() override {}

 private:
  bool text_;
};

class Factory final : public bd::scan::SinkFactory {
 public:
  std::unique_ptr<bd::scan::MemberSink> open(const bd::scan::MemberInfo& info) override {
    return std::make_unique<CheckingSink>(info.format != bd::scan::Format::kBinary);
  }
  void on_skipped(const std::string&, const std::string&) override {}
  void on_protected(const std::string&, const std::string&) override {}
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  bd::scan::InputOptions options;
  options.buffer_size = 64u << 10;
  options.limits.max_depth = 4;
  options.limits.ratio_grace_bytes = 1u << 20;
  options.limits.max_total_expanded = 16u << 20;
  options.limits.max_member_size = 8u << 20;
  Factory factory;
  bd::scan::input::ScanShared shared(options, factory, nullptr);
  bd::scan::input::BufferRing ring(2, options.buffer_size);
  bd::scan::input::DirectTarget target(factory, ring);
  bd::scan::input::MemberReader reader(shared, target);
  // The first byte picks the name, so extension-based sniffing is covered too.
  static constexpr const char* kNames[] = {"a.csv", "a.json", "a.sql", "a.txt", "a.xlsx", "a.gz", "a.bin", "a"};
  std::string name = size > 0 ? kNames[data[0] % 8] : "a";
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (!bytes.empty()) bytes.remove_prefix(1);
  reader.read_memory(bytes, name);
  return 0;
}
