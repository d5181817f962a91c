// The two decisions of spec/risk.md: the risk level (unlikely / risk / high risk) with
// the EDPB's and the AP's rules of thumb, notify_ap, inform_subjects and exemptions.
#include <algorithm>

#include "model/assess/reasons.h"
#include "model/assess/rules.h"

namespace bd::model::assess::detail {
namespace {

namespace r = reasons;

constexpr auto kDiscriminationData = bits_of(Special::kRaceEthnicity, Special::kPolitical, Special::kReligionBelief,
                                             Special::kTradeUnion, Special::kSexLifeOrientation);
constexpr auto kMedicalData = bits_of(Special::kHealth, Special::kGenetic, Special::kBiometric);
constexpr auto kFinancialData = bits_of(General::kFinancial, General::kBankAccount, General::kCreditCard,
                                        General::kDebts, General::kBenefits, General::kOtherFinancial);
// Personal data that, beside a BSN, make identity fraud likely.
constexpr auto kBesideBsn = bits_of(General::kName, General::kBirthDateOrAge, General::kContactDetails,
                                    General::kAddress, General::kEmail, General::kPhone, General::kFinancial,
                                    General::kBankAccount, General::kCreditCard, General::kIdDocumentCopies);
constexpr auto kHighConsequences = bits_of(
    Consequence::kDiscriminationExclusion, Consequence::kIdentityTheftFraud, Consequence::kFinancialLoss,
    Consequence::kReputationDamage, Consequence::kProfessionalSecrecyLoss, Consequence::kPseudonymisationReversed);

// Appends reasons only when explaining; the unknowns probe runs without.
struct Explainer {
  bool on;
  Assessment& out;
  void notify(const Reason& reason) const {
    if (!on) return;
    for (const auto& have : out.notify_reasons) {
      if (have.code == reason.code) return;
    }
    out.notify_reasons.push_back(reason);
  }
  void inform(const Reason& reason) const { if (on) out.inform_reasons.push_back(reason); }
};

bool only_confidentiality(const Facts& f) { return f.nature.only(bits_of(Nature::kConfidentiality)); }

// The register-only cases; nullptr when a risk cannot be ruled out.
const Reason* unlikely_because(const Facts& f, const View& v) {
  if (!f.nature.any()) return nullptr;  // nature unknown: when in doubt, notify
  const bool availability = v.availability_permanent || v.availability_temporary;
  if (v.unintelligible && !v.integrity && (!availability || f.backup == Tri::kYes) &&
      !(availability && v.care_context && !v.restored_quickly)) {
    return &r::kUnintelligible;
  }
  if (f.nature.only(bits_of(Nature::kAvailabilityTemporary)) && v.restored_quickly && !v.care_context &&
      f.exfiltrated != Tri::kYes && (!v.hacking || f.exfiltrated == Tri::kNo)) {
    return &r::kRestoredQuickly;
  }
  if (only_confidentiality(f) && !v.malicious && f.exfiltrated != Tri::kYes) {
    if (v.recipients == Recipients::kKnownTrusted && f.data_recovered == Tri::kYes) return &r::kTrustedDeleted;
    if (v.recipients == Recipients::kNone) return &r::kNoRecipient;
  }
  return nullptr;
}

// The high-risk rules of thumb that look at the data themselves.
bool exposed_data_high(const Facts& f, const Explainer& ex) {
  bool high = false;
  auto hit = [&](const Reason& reason) { high = true; ex.inform(reason); };
  const auto& g = f.general;
  if (g.has(General::kBsn) && (g.mask & kBesideBsn.mask) != 0) {
    hit(g.has(General::kName) || g.has(General::kAddress) ? r::kBsnWithNameAddress : r::kBsnWithOther);
  }
  if (g.has(General::kIdDocumentCopies)) hit(r::kIdCopies);
  if (g.has(General::kCreditCard)) hit(r::kCreditCard);
  if (g.has(General::kDebts)) hit(r::kDebts);
  if ((f.special.mask & kDiscriminationData.mask) != 0) hit(r::kDiscrimination);
  if ((f.special.mask & kMedicalData.mask) != 0) hit(r::kMedical);
  if (g.has(General::kCriminal)) hit(r::kCriminalHigh);
  return high;
}

bool high_risk(const Facts& f, const View& v, const EngineConfig& config, const Assessment& a, const Explainer& ex) {
  const bool trusted_only = v.recipients == Recipients::kKnownTrusted && only_confidentiality(f);
  const bool exposed = v.confidentiality && !v.unintelligible && v.recipients != Recipients::kNone && !trusted_only;
  bool high = exposed && exposed_data_high(f, ex);
  auto hit = [&](const Reason& reason) { high = true; ex.inform(reason); };
  if ((f.consequences.mask & kHighConsequences.mask) != 0) hit(r::kStatedConsequence);
  if ((v.availability_permanent || v.availability_temporary) && v.care_context && !v.restored_quickly) {
    hit(r::kCareDelayed);
  }
  if (a.band >= config.high_risk_from_band && !v.unintelligible && !trusted_only) hit(r::kEnisaHigh);
  if (high && (f.general.mask & kFinancialData.mask) != 0) ex.inform(r::kFinancial);
  if (high && v.vulnerable) ex.inform(r::kVulnerable);
  return high;
}

void risk_reasons(const Facts& f, const View& v, const Explainer& ex) {
  const auto& g = f.general;
  if (v.protected_data && f.key_compromised == Tri::kYes) ex.notify(r::kKeyCompromised);
  if (f.exfiltrated == Tri::kYes) ex.notify(r::kExfiltrated);
  if (f.special.any()) ex.notify(r::kSpecialLikely);
  if (g.has(General::kCriminal)) ex.notify(r::kCriminalLikely);
  if (g.has(General::kBsn) && (g.mask & kBesideBsn.mask) == 0) ex.notify(r::kBsnAlone);
  if ((g.mask & kFinancialData.mask) != 0) ex.notify(r::kFinancial);
  if (g.has(General::kCredentials)) ex.notify(r::kCredentials);
  const bool availability = v.availability_permanent || v.availability_temporary;
  if (v.hacking && availability && f.backup != Tri::kYes) {
    ex.notify(r::kRansomwareNoBackup);
  } else if ((v.availability_permanent || v.integrity) && f.backup == Tri::kNo) {
    ex.notify(r::kDataLost);
  }
  if (v.vulnerable) ex.notify(r::kVulnerable);
  if (v.recipients == Recipients::kKnownTrusted && v.confidentiality) ex.notify(r::kTrustedRecipient);
}

void collect_exemptions(const Facts& f, const View& v, Assessment& out) {
  if (v.unintelligible) out.exemptions.push_back(r::kEx34a);
  if (f.ground == Ground::kSubsequentMeasures || f.data_recovered == Tri::kYes) out.exemptions.push_back(r::kEx34b);
  if (f.ground == Ground::kDisproportionateEffort) {
    out.exemptions.push_back(r::kEx34c);
    out.public_notice_required = true;
  }
  if (f.financial_undertaking == Tri::kYes) out.exemptions.push_back(r::kExUavg42);
  if (f.ground == Ground::kUavg41) out.exemptions.push_back(r::kExUavg41);
}

// Severity stays (the controllers can use it); the two decisions are theirs.
void processor_decides_nothing(const Explainer& ex, Assessment& out) {
  out.notify_ap = false;
  out.inform_subjects = false;
  out.public_notice_required = false;
  out.notify_controllers = true;
  out.exemptions.clear();
  out.notify_reasons.clear();
  out.inform_reasons.clear();
  ex.notify(r::kProcessor);
  ex.inform(r::kProcessor);
}

}  // namespace

void decide(const Facts& f, const View& v, const EngineConfig& config, bool explain, Assessment& out) {
  const Explainer ex{explain, out};
  const Reason* unlikely = unlikely_because(f, v);
  if (unlikely != nullptr) {
    out.risk = RiskLevel::kUnlikely;
  } else {
    out.risk = high_risk(f, v, config, out, ex) ? RiskLevel::kHighRisk : RiskLevel::kRisk;
  }
  out.notify_ap = out.risk >= config.notify_ap_from;
  out.deadline_hours = config.deadline_hours;
  if (explain) {
    if (unlikely != nullptr) {
      ex.notify(*unlikely);
    } else {
      out.notify_reasons.assign(out.inform_reasons.begin(), out.inform_reasons.end());  // high-risk drivers first
      risk_reasons(f, v, ex);
      if (!out.notify_ap) {
        ex.notify(r::kNotHighUnderConfig);
      } else if (out.notify_reasons.empty()) {
        ex.notify(r::kRiskNotExcluded);
      }
    }
  }
  const bool high_enough = out.risk >= config.inform_subjects_from;
  if (high_enough) collect_exemptions(f, v, out);
  out.inform_subjects = high_enough && out.exemptions.empty();
  if (!high_enough) {
    out.inform_reasons.clear();
    ex.inform(r::kNoHighRisk);
  } else if (!out.inform_subjects) {
    ex.inform(r::kExempted);
  }
  if (f.as_processor) processor_decides_nothing(ex, out);
}

}  // namespace bd::model::assess::detail
