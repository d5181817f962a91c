#include "service/export_service.h"

#include <date/date.h>
#include <spdlog/spdlog.h>

#include <utility>

#include "service/export_json.h"
#include "service/export_table.h"

namespace bd::service {

ExportService::ExportService(BreachService& breaches, const Clock& clock) : breaches_(breaches), clock_(clock) {}

Result<ExportFile> ExportService::export_register(const Actor& actor, ExportFormat format,
                                                  const RegisterQuery& filter, std::string_view locale) {
  if (!can_export(actor)) return Error::forbidden("Uw rol mag het register niet exporteren.");
  std::string lang(locale.empty() ? std::string_view(actor.locale) : locale);
  if (lang != "nl" && lang != "en") return Error::invalid("locale", "Kies nl of en.");
  BD_ASSIGN_OR_RETURN(auto breaches, breaches_.all(actor, filter));

  std::string stem = (lang == "en" ? "breach-register-" : "datalekregister-") +
                     date::format("%F", date::floor<date::days>(clock_.now()));
  ExportFile file;
  switch (format) {
    case ExportFormat::kJson:
      file.content_type = "application/json";
      file.filename = stem + ".json";
      file.bytes = breaches_to_json(breaches);
      break;
    case ExportFormat::kCsv:
      file.content_type = "text/csv; charset=utf-8";
      file.filename = stem + ".csv";
      file.bytes = table_to_csv(register_table(breaches, lang));
      break;
    case ExportFormat::kXlsx: {
      file.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      file.filename = stem + ".xlsx";
      BD_ASSIGN_OR_RETURN(file.bytes, table_to_xlsx(register_table(breaches, lang),
                                                    lang == "en" ? "Breach register" : "Datalekregister"));
      break;
    }
  }
  spdlog::info("register exported ({} breaches) by {}", breaches.size(),
               actor.user_id.empty() ? "cli" : actor.user_id);
  return file;
}

}  // namespace bd::service
