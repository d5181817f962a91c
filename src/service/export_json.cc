#include "service/export_json.h"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "json/answers_codec.h"

namespace bd::service {

std::string breaches_to_json(const std::vector<model::Breach>& breaches) {
  boost::json::array out;
  out.reserve(breaches.size());
  for (const auto& b : breaches) out.emplace_back(json::breach_to_object(b));
  return boost::json::serialize(out);
}

}  // namespace bd::service
