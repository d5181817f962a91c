#include "scan/count/mask.h"

#include <algorithm>

namespace bd::scan::count {
namespace {

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string mask_after(std::string_view raw, std::size_t visible) {
  std::string out;
  out.reserve(raw.size());
  std::size_t shown = 0;
  for (char c : raw) {
    auto u = static_cast<unsigned char>(c);
    if (is_alnum(c) || u >= 0x80) {
      if (shown < visible) {
        out.push_back(c);
        if (u < 0x80 || (u & 0xC0) == 0xC0) ++shown;
      } else if (u < 0x80 || (u & 0xC0) == 0xC0) {
        out.push_back('*');  // one star per character, not per UTF-8 byte
      }
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string mask_value(Category category, std::string_view raw) {
  if (raw.size() > 64) raw = raw.substr(0, 64);
  switch (category) {
    case Category::kEmail: {
      std::size_t at = raw.find('@');
      if (at == std::string_view::npos) return mask_after(raw, 1);
      return mask_after(raw.substr(0, at), 1) + std::string(raw.substr(at));
    }
    case Category::kBsn:
    case Category::kIban:
    case Category::kPaymentCard:
    case Category::kPhone:
      return mask_after(raw, 4);
    case Category::kName:
    case Category::kHealth:
      return mask_after(raw, 1);
    default:
      return mask_after(raw, std::min<std::size_t>(2, raw.size() / 3));
  }
}

}  // namespace bd::scan::count
