#include "model/assess/facts.h"

#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>

namespace bd::model::assess {
namespace {

template <typename E>
using TokenTable = std::initializer_list<std::pair<std::string_view, E>>;

template <typename E>
bool lookup(TokenTable<E> table, std::string_view token, E& out) {
  for (const auto& [t, e] : table) {
    if (t == token) {
      out = e;
      return true;
    }
  }
  return false;
}

const TokenTable<General> kGeneral = {
    {"name", General::kName}, {"gender", General::kGender}, {"birth_date_or_age", General::kBirthDateOrAge},
    {"bsn", General::kBsn}, {"contact_details", General::kContactDetails}, {"address", General::kAddress},
    {"email", General::kEmail}, {"phone", General::kPhone}, {"credentials", General::kCredentials},
    {"financial", General::kFinancial}, {"bank_account", General::kBankAccount},
    {"credit_card", General::kCreditCard}, {"debts", General::kDebts}, {"benefits", General::kBenefits},
    {"other_financial", General::kOtherFinancial}, {"id_document_copies", General::kIdDocumentCopies},
    {"location", General::kLocation}, {"criminal", General::kCriminal}, {"unknown", General::kUnknown},
    {"other", General::kOther}};
const TokenTable<Special> kSpecial = {
    {"race_ethnicity", Special::kRaceEthnicity}, {"political", Special::kPolitical},
    {"religion_belief", Special::kReligionBelief}, {"trade_union", Special::kTradeUnion},
    {"sex_life_orientation", Special::kSexLifeOrientation}, {"health", Special::kHealth},
    {"genetic", Special::kGenetic}, {"biometric", Special::kBiometric}};
const TokenTable<Nature> kNature = {
    {"confidentiality", Nature::kConfidentiality}, {"integrity", Nature::kIntegrity},
    {"availability_permanent", Nature::kAvailabilityPermanent},
    {"availability_temporary", Nature::kAvailabilityTemporary}};
const TokenTable<Group> kGroups = {
    {"employees", Group::kEmployees}, {"customers", Group::kCustomers}, {"pupils_students", Group::kPupilsStudents},
    {"patients", Group::kPatients}, {"minors", Group::kMinors}, {"other_vulnerable", Group::kOtherVulnerable},
    {"other", Group::kOther}};
const TokenTable<Protection> kProtection = {
    {"encrypted", Protection::kEncrypted}, {"hashed", Protection::kHashed},
    {"otherwise_unintelligible", Protection::kOtherwiseUnintelligible}, {"none", Protection::kNone}};
const TokenTable<Consequence> kConsequences = {
    {"discrimination_exclusion", Consequence::kDiscriminationExclusion},
    {"identity_theft_fraud", Consequence::kIdentityTheftFraud}, {"financial_loss", Consequence::kFinancialLoss},
    {"reputation_damage", Consequence::kReputationDamage},
    {"professional_secrecy_loss", Consequence::kProfessionalSecrecyLoss},
    {"pseudonymisation_reversed", Consequence::kPseudonymisationReversed},
    {"cannot_exercise_rights", Consequence::kCannotExerciseRights},
    {"loss_of_control", Consequence::kLossOfControl}, {"other", Consequence::kOther}};
const TokenTable<Incident> kIncident = {
    {"email_wrong_recipient", Incident::kEmailWrongRecipient}, {"email_cc_not_bcc", Incident::kEmailCcNotBcc},
    {"post_wrong_recipient", Incident::kPostWrongRecipient}, {"post_returned_opened", Incident::kPostReturnedOpened},
    {"post_lost", Incident::kPostLost}, {"authorisation_misconfigured", Incident::kAuthorisationMisconfigured},
    {"network_share_too_open", Incident::kNetworkShareTooOpen},
    {"device_or_paper_lost_or_stolen", Incident::kDeviceOrPaperLostOrStolen},
    {"published_by_mistake", Incident::kPublishedByMistake},
    {"hacking_malware_phishing", Incident::kHackingMalwarePhishing}, {"wrong_file", Incident::kWrongFile},
    {"other", Incident::kOther}};
const TokenTable<Recipients> kRecipients = {
    {"none", Recipients::kNone}, {"known_trusted", Recipients::kKnownTrusted},
    {"known_untrusted", Recipients::kKnownUntrusted}, {"unknown_number", Recipients::kUnknownNumber}};
const TokenTable<ControllerContext> kContext = {
    {"none", ControllerContext::kNone}, {"care_provider", ControllerContext::kCareProvider},
    {"pharmacy", ControllerContext::kPharmacy}, {"school", ControllerContext::kSchool},
    {"security_service", ControllerContext::kSecurityService}, {"other", ControllerContext::kOther}};
const TokenTable<Ground> kGround = {
    {"no_high_risk", Ground::kNoHighRisk}, {"34_3a_unintelligible", Ground::kUnintelligible},
    {"34_3b_subsequent_measures", Ground::kSubsequentMeasures},
    {"34_3c_disproportionate_effort", Ground::kDisproportionateEffort},
    {"uavg_42_financial_undertaking", Ground::kUavg42}, {"uavg_41_restriction", Ground::kUavg41}};

Error bad(std::string_view id, std::string_view what) {
  return Error::invalid(std::string(id), std::string(id) + ": " + std::string(what));
}

template <typename E>
Status read_multi(std::string_view id, const Value& v, TokenTable<E> table, Bits<E>& out) {
  const auto* list = std::get_if<std::vector<std::string>>(&v);
  if (list == nullptr) return bad(id, "expected a list of option tokens");
  out.known = true;
  for (const auto& token : *list) {
    E e{};
    if (!lookup(table, token, e)) return bad(id, "unknown option token");
    out.add(e);
  }
  return {};
}

template <typename E>
Status read_single(std::string_view id, const Value& v, TokenTable<E> table, E& out) {
  const auto* s = std::get_if<std::string>(&v);
  if (s == nullptr) return bad(id, "expected an option token");
  if (!lookup(table, *s, out)) return bad(id, "unknown option token");
  return {};
}

Status read_tri(std::string_view id, const Value& v, Tri& out) {
  const auto* b = std::get_if<bool>(&v);
  if (b == nullptr) return bad(id, "expected true, false or null");
  out = *b ? Tri::kYes : Tri::kNo;
  return {};
}

Status read_count(std::string_view id, const Value& v, std::int64_t& out) {
  const auto* i = std::get_if<std::int64_t>(&v);
  if (i == nullptr || *i < 0) return bad(id, "expected a whole number of at least 0");
  out = *i;
  return {};
}

Status read_hours(std::string_view id, const Value& v, double& out) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) {
    out = static_cast<double>(*i);
  } else if (const auto* d = std::get_if<double>(&v)) {
    out = *d;
  } else {
    return bad(id, "expected a number of hours");
  }
  if (!std::isfinite(out) || out < 0) return bad(id, "expected a number of hours of at least 0");
  return {};
}

struct Counts {
  std::int64_t exact = kUnknownCount, min = kUnknownCount, max = kUnknownCount;
};

using Reader = Status (*)(const Value&, Facts&, Counts&);

// Sorted by id, so that one pass over the (sorted) answers finds them all.
constexpr std::array<std::pair<std::string_view, Reader>, 22> kReaders{{
    {"assess.backup", [](const Value& v, Facts& f, Counts&) { return read_tri("assess.backup", v, f.backup); }},
    {"assess.controller_context",
     [](const Value& v, Facts& f, Counts&) {
       return read_single("assess.controller_context", v, kContext, f.controller_context);
     }},
    {"assess.data_recovered",
     [](const Value& v, Facts& f, Counts&) { return read_tri("assess.data_recovered", v, f.data_recovered); }},
    {"assess.exfiltrated",
     [](const Value& v, Facts& f, Counts&) { return read_tri("assess.exfiltrated", v, f.exfiltrated); }},
    {"assess.financial_undertaking",
     [](const Value& v, Facts& f, Counts&) {
       return read_tri("assess.financial_undertaking", v, f.financial_undertaking);
     }},
    {"assess.key_compromised",
     [](const Value& v, Facts& f, Counts&) { return read_tri("assess.key_compromised", v, f.key_compromised); }},
    {"assess.malicious", [](const Value& v, Facts& f, Counts&) { return read_tri("assess.malicious", v, f.malicious); }},
    {"assess.recipients",
     [](const Value& v, Facts& f, Counts&) { return read_single("assess.recipients", v, kRecipients, f.recipients); }},
    {"assess.restore_hours",
     [](const Value& v, Facts& f, Counts&) { return read_hours("assess.restore_hours", v, f.restore_hours); }},
    {"assess.vulnerable",
     [](const Value& v, Facts& f, Counts&) { return read_tri("assess.vulnerable", v, f.vulnerable); }},
    {"breach.incident_type",
     [](const Value& v, Facts& f, Counts&) { return read_single("breach.incident_type", v, kIncident, f.incident); }},
    {"breach.nature", [](const Value& v, Facts& f, Counts&) { return read_multi("breach.nature", v, kNature, f.nature); }},
    {"consequences.subjects",
     [](const Value& v, Facts& f, Counts&) {
       return read_multi("consequences.subjects", v, kConsequences, f.consequences);
     }},
    {"data.general", [](const Value& v, Facts& f, Counts&) { return read_multi("data.general", v, kGeneral, f.general); }},
    {"data.records", [](const Value& v, Facts& f, Counts&) { return read_count("data.records", v, f.records); }},
    {"data.special", [](const Value& v, Facts& f, Counts&) { return read_multi("data.special", v, kSpecial, f.special); }},
    {"followup.not_informing_ground",
     [](const Value& v, Facts& f, Counts&) {
       return read_single("followup.not_informing_ground", v, kGround, f.ground);
     }},
    {"protection.measures",
     [](const Value& v, Facts& f, Counts&) {
       return read_multi("protection.measures", v, kProtection, f.protection);
     }},
    {"subjects.count", [](const Value& v, Facts&, Counts& c) { return read_count("subjects.count", v, c.exact); }},
    {"subjects.count_max", [](const Value& v, Facts&, Counts& c) { return read_count("subjects.count_max", v, c.max); }},
    {"subjects.count_min", [](const Value& v, Facts&, Counts& c) { return read_count("subjects.count_min", v, c.min); }},
    {"subjects.groups", [](const Value& v, Facts& f, Counts&) { return read_multi("subjects.groups", v, kGroups, f.groups); }},
}};

}  // namespace

Result<Facts> facts_from_answers(const Answers& answers) {
  Facts facts;
  Counts counts;
  auto reader = kReaders.begin();
  for (const auto& [id, value] : answers) {
    while (reader != kReaders.end() && reader->first < id) ++reader;
    if (reader == kReaders.end()) break;
    if (reader->first != id || is_unknown(value)) continue;
    BD_TRY(reader->second(value, facts, counts));
  }
  if (counts.exact != kUnknownCount) {
    facts.subjects_max = counts.exact;
  } else if (counts.max != kUnknownCount) {
    facts.subjects_max = counts.max;
  } else {
    facts.subjects_max = counts.min;
  }
  return facts;
}

}  // namespace bd::model::assess
