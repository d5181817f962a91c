#include "storage/records.h"

#include "storage/field_cipher.h"

namespace bd::storage {

std::string_view to_token(OrganisationKind kind) {
  return kind == OrganisationKind::kProcessor ? "processor" : "controller";
}

std::optional<OrganisationKind> organisation_kind_from_token(std::string_view token) {
  if (token == "controller") return OrganisationKind::kController;
  if (token == "processor") return OrganisationKind::kProcessor;
  return std::nullopt;
}

bool is_personal_answer(std::string_view answer_id) {
  return answer_id.starts_with("reporter.") || answer_id.starts_with("contact.") || answer_id == "breach.attachments";
}

}  // namespace bd::storage
