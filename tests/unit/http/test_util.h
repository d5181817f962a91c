// Helpers for the HTTP unit tests: building requests without a server.
#pragma once

#include <string>

#include <gtest/gtest.h>

#include "http/request.h"

namespace bd::http::testing {

inline Request make_request(std::string method, std::string target, Headers headers = {}, std::string body = {}) {
  RequestInit init;
  init.method = std::move(method);
  init.target = std::move(target);
  init.headers = std::move(headers);
  init.body = std::move(body);
  init.remote_address = "127.0.0.1";
  auto request = Request::create(std::move(init));
  EXPECT_TRUE(request.ok());
  return std::move(request).value();
}

}  // namespace bd::http::testing
