// first_duplicate_key(): a second pass over a JSON text that Boost.JSON already
// accepted, with a handler that sees every key, because the value Boost builds keeps
// only the last of repeated keys and a client's earlier answer would vanish unseen.
#include <set>
#include <string>
#include <vector>

#include <boost/json/basic_parser_impl.hpp>

#include "json/parse_text.h"

namespace bd::json::detail {
namespace {

namespace bj = boost::json;
using ec_t = bj::error_code;

class KeyHandler {
 public:
  static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);

  bool on_document_begin(ec_t&) { return true; }
  bool on_document_end(ec_t&) { return true; }
  bool on_array_begin(ec_t&) { return true; }
  bool on_array_end(std::size_t, ec_t&) { return true; }
  bool on_object_begin(ec_t&) {
    open_.emplace_back();
    return true;
  }
  bool on_object_end(std::size_t, ec_t&) {
    open_.pop_back();
    return true;
  }
  bool on_string_part(bj::string_view, std::size_t, ec_t&) { return true; }
  bool on_string(bj::string_view, std::size_t, ec_t&) { return true; }
  bool on_key_part(bj::string_view s, std::size_t, ec_t&) {
    key_.append(s.data(), s.size());
    return true;
  }
  bool on_key(bj::string_view s, std::size_t, ec_t& ec) {
    key_.append(s.data(), s.size());
    if (!open_.back().insert(key_).second) {
      duplicate_ = key_;
      ec = bj::error::syntax;  // stops the pass; the caller reports the key
      return false;
    }
    key_.clear();
    return true;
  }
  bool on_number_part(bj::string_view, ec_t&) { return true; }
  bool on_int64(std::int64_t, bj::string_view, ec_t&) { return true; }
  bool on_uint64(std::uint64_t, bj::string_view, ec_t&) { return true; }
  bool on_double(double, bj::string_view, ec_t&) { return true; }
  bool on_bool(bool, ec_t&) { return true; }
  bool on_null(ec_t&) { return true; }
  bool on_comment_part(bj::string_view, ec_t&) { return true; }
  bool on_comment(bj::string_view, ec_t&) { return true; }

  const std::optional<std::string>& duplicate() const { return duplicate_; }

 private:
  std::vector<std::set<std::string, std::less<>>> open_;  // keys of each open object
  std::string key_;
  std::optional<std::string> duplicate_;
};

}  // namespace

std::optional<std::string> first_duplicate_key(std::string_view text, const bj::parse_options& options) {
  bj::basic_parser<KeyHandler> parser(options);
  ec_t ec;
  parser.write_some(false, text.data(), text.size(), ec);
  return parser.handler().duplicate();
}

}  // namespace bd::json::detail
