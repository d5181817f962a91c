// Internal to src/http/handlers: the register's sort orders as URL/API tokens.
#pragma once

#include <optional>
#include <string_view>
#include <utility>

#include "service/breach_service.h"

namespace bd::http::handlers {

inline constexpr std::pair<std::string_view, service::BreachSort> kSortTokens[] = {
    {"updated_desc", service::BreachSort::kUpdatedDesc},
    {"updated_asc", service::BreachSort::kUpdatedAsc},
    {"discovered_desc", service::BreachSort::kDiscoveredDesc},
    {"discovered_asc", service::BreachSort::kDiscoveredAsc},
    {"reference_desc", service::BreachSort::kReferenceDesc},
    {"reference_asc", service::BreachSort::kReferenceAsc},
    {"title_asc", service::BreachSort::kTitleAsc},
    {"status_asc", service::BreachSort::kStatusAsc},
};

inline std::optional<service::BreachSort> sort_from_token(std::string_view token) {
  for (const auto& [t, s] : kSortTokens) {
    if (t == token) return s;
  }
  return std::nullopt;
}

}  // namespace bd::http::handlers
