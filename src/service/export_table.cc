#include "service/export_table.h"

#include <date/date.h>

#include "model/form_schema.h"
#include "service/export_service.h"

namespace bd::service {
namespace {

struct Column {
  std::string_view nl;
  std::string_view en;
};

constexpr Column kRegisterColumns[] = {
    {"Referentie", "Reference"}, {"Titel", "Title"},           {"Status", "Status"},
    {"Versie", "Version"},       {"Aangemaakt", "Created"},   {"Gewijzigd", "Updated"},
};

std::string instant(TimePoint t) { return date::format("%FT%TZ", t); }

std::vector<std::string> header(std::string_view locale) {
  bool en = locale == "en";
  std::vector<std::string> row;
  for (const auto& c : kRegisterColumns) row.emplace_back(en ? c.en : c.nl);
  for (const auto& q : model::questions()) {
    row.push_back(std::string(en ? q.label_en : q.label_nl) + " (" + std::string(q.id) + ")");
  }
  return row;
}

std::vector<std::string> row_of(const model::Breach& b, std::string_view locale) {
  std::vector<std::string> row{b.reference, b.title, std::string(model::to_token(b.status)),
                               std::to_string(b.version), instant(b.created_at), instant(b.updated_at)};
  for (const auto& q : model::questions()) {
    auto it = b.answers.find(q.id);
    row.push_back(it == b.answers.end() ? std::string() : cell_text(it->second, locale));
  }
  return row;
}

}  // namespace

Table register_table(const std::vector<model::Breach>& breaches, std::string_view locale) {
  Table table;
  table.reserve(breaches.size() + 1);
  table.push_back(header(locale));
  for (const auto& b : breaches) table.push_back(row_of(b, locale));
  return table;
}

std::string table_to_csv(const Table& table) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& row : table) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out.push_back(',');
      out += csv_field(row[i]);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace bd::service
