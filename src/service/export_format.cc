// The pure cell helpers of the export: CSV quoting with formula-injection protection,
// and the text a Value shows in a cell.
#include <cstdio>
#include <string>
#include <type_traits>

#include "service/export_service.h"

namespace bd::service {
namespace {

// Cells a spreadsheet would evaluate as a formula (or DDE) when they start with one
// of these characters (OWASP "CSV injection").
bool looks_like_formula(std::string_view text) {
  if (text.empty()) return false;
  switch (text.front()) {
    case '=': case '+': case '-': case '@': case '\t': case '\r':
      return true;
    default:
      return false;
  }
}

std::string format_double(double d) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", d);
  return buf;
}

}  // namespace

std::optional<ExportFormat> export_format_from_token(std::string_view token) {
  if (token == "json") return ExportFormat::kJson;
  if (token == "csv") return ExportFormat::kCsv;
  if (token == "xlsx") return ExportFormat::kXlsx;
  return std::nullopt;
}

std::string csv_field(std::string_view text) {
  std::string cell;
  if (looks_like_formula(text)) cell.push_back('\'');
  cell.append(text);
  bool quote = cell.find_first_of(",\"\r\n;") != std::string::npos;
  if (!quote) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string cell_text(const model::Value& value, std::string_view locale) {
  return std::visit(
      [&](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return {};
        } else if constexpr (std::is_same_v<T, bool>) {
          if (locale == "en") return v ? "yes" : "no";
          return v ? "ja" : "nee";
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return std::to_string(v);
        } else if constexpr (std::is_same_v<T, double>) {
          return format_double(v);
        } else if constexpr (std::is_same_v<T, std::string>) {
          return v;
        } else {
          std::string out;
          for (const auto& item : v) {
            if (!out.empty()) out += "; ";
            out += item;
          }
          return out;
        }
      },
      value);
}

}  // namespace bd::service
