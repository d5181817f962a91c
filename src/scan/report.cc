#include "scan/report.h"

namespace bd::scan {

std::string_view to_key(Category category) {
  switch (category) {
    case Category::kBsn: return "bsn";
    case Category::kIban: return "iban";
    case Category::kPaymentCard: return "payment_card";
    case Category::kEmail: return "email";
    case Category::kPhone: return "phone";
    case Category::kAddress: return "address";
    case Category::kBirthDate: return "birth_date";
    case Category::kName: return "name";
    case Category::kIpAddress: return "ip_address";
    case Category::kIdDocument: return "id_document";
    case Category::kPassword: return "password";
    case Category::kHealth: return "health";
  }
  return "bsn";
}

std::optional<Category> category_from_key(std::string_view key) {
  for (Category c : kAllCategories) {
    if (to_key(c) == key) return c;
  }
  return std::nullopt;
}

FormSuggestion suggest_form(const ScanReport& report) {
  static constexpr std::pair<Category, std::string_view> kGeneral[] = {
      {Category::kName, "name"},           {Category::kBirthDate, "birth_date_or_age"},
      {Category::kBsn, "bsn"},             {Category::kAddress, "address"},
      {Category::kEmail, "email"},         {Category::kPhone, "phone"},
      {Category::kPassword, "credentials"}, {Category::kIban, "bank_account"},
      {Category::kPaymentCard, "credit_card"},
      // Passport, ID-card and driving-licence numbers: the form's "(Kopieën van)
      // paspoorten of andere legitimatiebewijzen" covers the documents' data, not only
      // scans of them, and the assessment weighs it as identity-fraud material.
      {Category::kIdDocument, "id_document_copies"}};
  FormSuggestion form;
  for (const auto& [category, token] : kGeneral) {
    auto it = report.categories.find(category);
    if (it != report.categories.end() && it->second.values > 0) form.data_general.emplace_back(token);
  }
  auto health = report.categories.find(Category::kHealth);
  if (health != report.categories.end() && health->second.values > 0) form.data_special.emplace_back("health");
  form.data_records = report.records;
  form.subjects_count_known = report.records_unidentified == 0;
  form.subjects_count = report.persons_distinct;
  form.subjects_count_min = report.persons_distinct;
  form.subjects_count_max = report.persons_distinct + report.records_unidentified;
  const ProtectionReport& p = report.protection;
  if (p.encrypted) form.protection_measures.emplace_back("encrypted");
  bool protective_hash = false;
  for (const auto& f : p.findings) {
    bool hash = !f.column.empty() && f.what != "plaintext";
    protective_hash = protective_hash || (hash && !f.reversible);
  }
  if (protective_hash) form.protection_measures.emplace_back("hashed");
  if (form.protection_measures.empty()) form.protection_measures.emplace_back("none");
  return form;
}

}  // namespace bd::scan
