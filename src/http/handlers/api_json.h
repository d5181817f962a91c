// Internal to src/http/handlers: helpers of the JSON API (/api/v1): parsing a
// request body into a JSON object with a clear 4xx, and JSON responses.
// Pure functions; thread-safe.
#pragma once

#include <string_view>

#include <boost/json/object.hpp>

#include "base/result.h"
#include "http/request.h"
#include "http/response.h"
#include "service/actor.h"

namespace bd::http::handlers {

// The body as a JSON object. InvalidInput (field "body") when the Content-Type is not
// application/json, the body is not JSON or not an object.
Result<boost::json::object> json_body(const Request& request);

Response json_response(const boost::json::object& object, int status = 200);

// The actor set by the bearer middleware.
const service::Actor& api_actor(const Request& request);

}  // namespace bd::http::handlers
