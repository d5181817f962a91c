#include "service/export_json.h"

#include <boost/json.hpp>
#include <date/date.h>

#include <type_traits>

namespace bd::service {
namespace {

boost::json::value to_json(const model::Value& v) {
  return std::visit(
      [](const auto& x) -> boost::json::value {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return nullptr;
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          boost::json::array a;
          for (const auto& s : x) a.emplace_back(s);
          return a;
        } else if constexpr (std::is_same_v<T, std::string>) {
          return boost::json::string(x);
        } else {
          return x;
        }
      },
      v);
}

boost::json::object to_json(const model::Breach& b) {
  boost::json::object answers;
  for (const auto& [id, value] : b.answers) answers[id] = to_json(value);
  boost::json::object o;
  o["id"] = b.id;
  o["organisation"] = b.organisation_id;
  o["reference"] = b.reference;
  o["title"] = b.title;
  o["status"] = std::string(model::to_token(b.status));
  o["version"] = b.version;
  o["created_at"] = date::format("%FT%TZ", b.created_at);
  o["updated_at"] = date::format("%FT%TZ", b.updated_at);
  o["answers"] = std::move(answers);
  return o;
}

}  // namespace

std::string breaches_to_json(const std::vector<model::Breach>& breaches) {
  boost::json::array out;
  out.reserve(breaches.size());
  for (const auto& b : breaches) out.emplace_back(to_json(b));
  return boost::json::serialize(out);
}

}  // namespace bd::service
