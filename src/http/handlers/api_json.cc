#include "http/handlers/api_json.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "http/handlers/web_context.h"

namespace bd::http::handlers {

Result<boost::json::object> json_body(const Request& request) {
  auto type = request.header("Content-Type");
  if (!type || type->substr(0, type->find(';')) != "application/json") {
    return Error::invalid("body", "Content-Type must be application/json");
  }
  boost::json::parse_options options;
  options.max_depth = 16;
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(request.body(), ec, {}, options);
  if (ec) return Error::invalid("body", "the body is not valid JSON");
  if (!value.is_object()) return Error::invalid("body", "the body must be a JSON object");
  return std::move(value.as_object());
}

Response json_response(const boost::json::object& object, int status) {
  return Response::json(boost::json::serialize(object), status);
}

const service::Actor& api_actor(const Request& request) { return *actor_of(request); }

}  // namespace bd::http::handlers
