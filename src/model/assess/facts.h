// Facts: the answers the assessment engine looks at, decoded once from model::Answers
// into bit sets and small enums so that the engine itself does no string work.
//
// Input ids (the tokens are the contract of spec/ap-form.md and spec/risk.md):
// breach.nature, breach.incident_type, data.general, data.special, data.records,
// subjects.groups, subjects.count / count_min / count_max, protection.measures,
// consequences.subjects, followup.not_informing_ground and every assess.* fact.
// Absent or null means unknown; every tri-state below keeps "unknown" apart from "no".
//
// Thread-safety: plain values. Failure: facts_from_answers returns InvalidInput naming
// the offending id when a value has the wrong type or an option token is not in the
// list; nothing else is read or changed.
#pragma once

#include <cstdint>
#include <limits>

#include "base/result.h"
#include "model/value.h"

namespace bd::model::assess {

enum class Tri : std::uint8_t { kUnknown, kNo, kYes };

// data.general tokens, one bit each (bit index = enumerator value).
enum class General : std::uint8_t {
  kName, kGender, kBirthDateOrAge, kBsn, kContactDetails, kAddress, kEmail, kPhone,
  kCredentials, kFinancial, kBankAccount, kCreditCard, kDebts, kBenefits, kOtherFinancial,
  kIdDocumentCopies, kLocation, kCriminal, kUnknown, kOther, kCount
};
// data.special tokens (Art. 9).
enum class Special : std::uint8_t {
  kRaceEthnicity, kPolitical, kReligionBelief, kTradeUnion, kSexLifeOrientation, kHealth,
  kGenetic, kBiometric, kCount
};
// breach.nature tokens.
enum class Nature : std::uint8_t { kConfidentiality, kIntegrity, kAvailabilityPermanent, kAvailabilityTemporary, kCount };
// subjects.groups tokens.
enum class Group : std::uint8_t { kEmployees, kCustomers, kPupilsStudents, kPatients, kMinors, kOtherVulnerable, kOther, kCount };
// protection.measures tokens.
enum class Protection : std::uint8_t { kEncrypted, kHashed, kOtherwiseUnintelligible, kNone, kCount };
// consequences.subjects tokens.
enum class Consequence : std::uint8_t {
  kDiscriminationExclusion, kIdentityTheftFraud, kFinancialLoss, kReputationDamage,
  kProfessionalSecrecyLoss, kPseudonymisationReversed, kCannotExerciseRights, kLossOfControl, kOther, kCount
};
// breach.incident_type tokens (kUnset = unknown).
enum class Incident : std::uint8_t {
  kUnset, kEmailWrongRecipient, kEmailCcNotBcc, kPostWrongRecipient, kPostReturnedOpened, kPostLost,
  kAuthorisationMisconfigured, kNetworkShareTooOpen, kDeviceOrPaperLostOrStolen, kPublishedByMistake,
  kHackingMalwarePhishing, kWrongFile, kOther
};
// assess.recipients tokens.
enum class Recipients : std::uint8_t { kUnknown, kNone, kKnownTrusted, kKnownUntrusted, kUnknownNumber };
// assess.controller_context tokens (kOther: a free-text context the engine cannot weigh).
enum class ControllerContext : std::uint8_t { kUnknown, kNone, kCareProvider, kPharmacy, kSchool, kSecurityService, kOther };
// followup.not_informing_ground tokens (the officer's stated ground, if any).
enum class Ground : std::uint8_t {
  kUnset, kNoHighRisk, kUnintelligible, kSubsequentMeasures, kDisproportionateEffort, kUavg42, kUavg41
};

// A set of enumerators of one of the token enums above.
template <typename E>
struct Bits {
  std::uint32_t mask = 0;
  bool known = false;  // the id had a value (an empty list is known and empty)
  constexpr bool has(E e) const { return (mask >> static_cast<unsigned>(e)) & 1U; }
  constexpr void add(E e) { mask |= 1U << static_cast<unsigned>(e); known = true; }
  constexpr bool any() const { return mask != 0; }
  // True when every member is one of `allowed`.
  constexpr bool only(Bits allowed) const { return (mask & ~allowed.mask) == 0; }
};

template <typename E, typename... Es>
constexpr Bits<E> bits_of(E first, Es... rest) {
  Bits<E> b;
  b.add(first);
  (b.add(rest), ...);
  return b;
}

inline constexpr std::int64_t kUnknownCount = -1;

struct Facts {
  Bits<Nature> nature;
  Incident incident = Incident::kUnset;
  Bits<General> general;
  Bits<Special> special;
  std::int64_t records = kUnknownCount;
  Bits<Group> groups;
  std::int64_t subjects_max = kUnknownCount;  // subjects.count, else count_max, else count_min
  Bits<Protection> protection;
  Bits<Consequence> consequences;
  Ground ground = Ground::kUnset;

  Tri malicious = Tri::kUnknown;
  Tri exfiltrated = Tri::kUnknown;
  Recipients recipients = Recipients::kUnknown;
  Tri key_compromised = Tri::kUnknown;
  Tri backup = Tri::kUnknown;
  double restore_hours = std::numeric_limits<double>::quiet_NaN();  // NaN = unknown
  Tri data_recovered = Tri::kUnknown;
  Tri vulnerable = Tri::kUnknown;
  ControllerContext controller_context = ControllerContext::kUnknown;
  Tri financial_undertaking = Tri::kUnknown;

  // Not an answer: set by the caller when the organisation recording the breach is a
  // processor for it. A processor notifies its controllers, not the AP (Art. 33(2)).
  bool as_processor = false;
};

// Decodes the ids listed above from `answers` (other ids are ignored). One ordered
// pass over the map; no allocation on success.
Result<Facts> facts_from_answers(const Answers& answers);

}  // namespace bd::model::assess
