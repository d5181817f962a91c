// Value and Answers: how one breach's answers to the AP form (and the assessment
// facts) are held in memory. This is the canonical model every layer shares; the
// question catalogue (ids, types, options, labels, conditions) lives in
// model/form_schema.h and says which alternative each id may hold.
//
//   absent / monostate  -> unknown ("nog niet bekend")
//   bool                -> bool questions
//   int64_t             -> int questions
//   double              -> numbers with a fraction (assess.restore_hours)
//   string              -> single (option token), text, date ("YYYY-MM-DD"),
//                          datetime (ISO 8601 with offset, "2018-03-28T10:00:00+02:00")
//   vector<string>      -> multi (option tokens) and text lists
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace bd::model {

using Value = std::variant<std::monostate, bool, std::int64_t, double, std::string, std::vector<std::string>>;

// Keyed by the flat form id with its dots, e.g. "breach.incident_type".
// std::less<> allows lookup by string_view.
using Answers = std::map<std::string, Value, std::less<>>;

inline bool is_unknown(const Value& v) { return std::holds_alternative<std::monostate>(v); }

}  // namespace bd::model
