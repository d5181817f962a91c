// ENISA (2013) severity: SE = DPC × EI + CB, with the tables of spec/risk.md and
// research-ap-form.md §4.
#include <algorithm>
#include <cmath>

#include "model/assess/reasons.h"
#include "model/assess/rules.h"

namespace bd::model::assess::detail {
namespace {

constexpr auto kSimple = bits_of(General::kName, General::kGender, General::kBirthDateOrAge, General::kBsn,
                                 General::kContactDetails, General::kAddress, General::kEmail, General::kPhone,
                                 General::kIdDocumentCopies, General::kOther);
constexpr auto kFinancial = bits_of(General::kFinancial, General::kBankAccount, General::kCreditCard,
                                    General::kDebts, General::kBenefits, General::kOtherFinancial);
constexpr auto kVulnerableGroups = bits_of(Group::kPupilsStudents, Group::kPatients, Group::kMinors,
                                           Group::kOtherVulnerable);

bool any_of(const Bits<General>& have, const Bits<General>& wanted) { return (have.mask & wanted.mask) != 0; }

Recipients infer_recipients(const Facts& f, bool hacking) {
  if (f.recipients != Recipients::kUnknown) return f.recipients;
  // An attacker who took the data, or data published, reached an unknown number.
  if (f.exfiltrated == Tri::kYes) return Recipients::kUnknownNumber;
  if (f.incident == Incident::kPublishedByMistake) return Recipients::kUnknownNumber;
  if (hacking && f.exfiltrated != Tri::kNo) return Recipients::kUnknownNumber;
  return Recipients::kUnknown;
}

// One data category's score after its adjustment; `reason` is set when adjusted.
struct Scored {
  int base = 0;
  int score = 0;
  const Reason* reason = nullptr;
};

Scored simple_score(const Facts& f, const View& v) {
  if (!any_of(f.general, kSimple) && !f.general.has(General::kCredentials)) return {};
  Scored s{1, 1, nullptr};
  auto raise = [&s](int to, const Reason& why) {
    if (to > s.score) { s.score = to; s.reason = &why; }
  };
  if (f.general.has(General::kBsn) || f.general.has(General::kIdDocumentCopies)) raise(2, reasons::kDpcIdentityFraud);
  if (f.general.has(General::kCredentials)) raise(2, reasons::kDpcCredentials);
  if (f.controller_context == ControllerContext::kCareProvider || f.controller_context == ControllerContext::kPharmacy) {
    raise(3, reasons::kDpcCareContext);
  }
  if (v.vulnerable) raise(4, reasons::kDpcVulnerable);
  if (f.controller_context == ControllerContext::kSecurityService) raise(4, reasons::kDpcSafety);
  return s;
}

Scored financial_score(const Facts& f) {
  if (!any_of(f.general, kFinancial)) return {};
  if (f.general.has(General::kCreditCard)) return {3, 4, &reasons::kDpcCardFraud};
  if ((f.general.mask & kFinancial.mask) == bits_of(General::kBankAccount).mask) {
    return {3, 2, &reasons::kDpcBareAccount};
  }
  return {3, 3, nullptr};
}

double ease_of_identification(const Facts& f) {
  const auto& g = f.general;
  const bool name = g.has(General::kName);
  const bool contact = g.has(General::kAddress) || g.has(General::kEmail) || g.has(General::kPhone) ||
                       g.has(General::kContactDetails);
  if (g.has(General::kIdDocumentCopies)) return 1.0;
  if (name && (contact || g.has(General::kBirthDateOrAge) || g.has(General::kBsn))) return 1.0;
  if (name || (g.has(General::kBsn) && contact) || contact) return 0.75;
  if (g.has(General::kBirthDateOrAge) || g.has(General::kCredentials) || g.has(General::kLocation)) return 0.5;
  return 0.25;
}

void score_dpc(const Facts& f, const View& v, Assessment& out) {
  const bool sensitive = f.special.any() || f.general.has(General::kCriminal);
  const int location = f.general.has(General::kLocation) ? 2 : 0;
  const Scored parts[] = {simple_score(f, v), {location, location, nullptr}, financial_score(f),
                          {sensitive ? 4 : 0, sensitive ? 4 : 0, nullptr}};
  int base = 1, score = 1;
  for (const auto& p : parts) {
    base = std::max(base, p.base);
    score = std::max(score, p.score);
  }
  // The reason is that of the category that moved the result away from the base:
  // raised (its score is the maximum) or lowered (its base is the maximum).
  const Reason* why = nullptr;
  for (const auto& p : parts) {
    if (score > base && p.score == score && p.reason != nullptr) why = p.reason;
    if (score < base && p.base == base && p.reason != nullptr) why = p.reason;
  }
  out.dpc_base = base;
  out.dpc = score;
  out.dpc_adjustment_reason = why != nullptr ? *why : Reason{};
}

CircumstancesScore circumstances(const Facts& f, const View& v) {
  CircumstancesScore cb;
  if (v.confidentiality) {
    switch (v.recipients) {
      case Recipients::kNone: cb.confidentiality = 0; break;
      case Recipients::kUnknownNumber: cb.confidentiality = 0.5; break;
      default: cb.confidentiality = 0.25; break;  // known recipients, or not yet known
    }
  }
  if (v.integrity) cb.integrity = f.backup == Tri::kYes ? 0.25 : 0.5;
  if (v.availability_permanent) {
    cb.availability = f.backup == Tri::kYes ? 0.25 : 0.5;
  } else if (v.availability_temporary) {
    cb.availability = v.restored_quickly ? 0 : 0.25;
  }
  if (v.malicious) cb.malicious = 0.5;
  return cb;
}

Band band_of(double score, const EngineConfig& c) {
  if (score >= c.band_very_high_from) return Band::kVeryHigh;
  if (score >= c.band_high_from) return Band::kHigh;
  if (score >= c.band_medium_from) return Band::kMedium;
  return Band::kLow;
}

}  // namespace

View make_view(const Facts& f, const EngineConfig& config) {
  View v;
  v.hacking = f.incident == Incident::kHackingMalwarePhishing;
  v.confidentiality = f.nature.has(Nature::kConfidentiality) || f.exfiltrated == Tri::kYes;
  v.integrity = f.nature.has(Nature::kIntegrity);
  v.availability_permanent = f.nature.has(Nature::kAvailabilityPermanent);
  v.availability_temporary = f.nature.has(Nature::kAvailabilityTemporary);
  v.malicious = f.malicious == Tri::kYes || (f.malicious == Tri::kUnknown && v.hacking);
  v.vulnerable = f.vulnerable == Tri::kYes || (f.groups.mask & kVulnerableGroups.mask) != 0;
  v.care_context = f.controller_context == ControllerContext::kCareProvider ||
                   f.controller_context == ControllerContext::kPharmacy || f.groups.has(Group::kPatients);
  v.protected_data = (f.protection.mask & ~bits_of(Protection::kNone).mask) != 0 && !f.protection.has(Protection::kNone);
  v.unintelligible = v.protected_data && f.key_compromised == Tri::kNo;
  v.restored_quickly = f.backup == Tri::kYes && !std::isnan(f.restore_hours) &&
                       f.restore_hours <= config.quick_restore_hours;
  v.recipients = infer_recipients(f, v.hacking);
  return v;
}

void score_severity(const Facts& f, const View& v, const EngineConfig& config, Assessment& out) {
  score_dpc(f, v, out);
  out.ei = ease_of_identification(f);
  out.cb = circumstances(f, v);
  // Every term is a multiple of 0.25, which binary floating point holds exactly.
  out.score = out.dpc * out.ei + out.cb.total();
  out.band = band_of(out.score, config);
  out.flags.more_than_100 = f.subjects_max > config.many_people;
  out.flags.unintelligible = v.unintelligible;
}

}  // namespace bd::model::assess::detail
