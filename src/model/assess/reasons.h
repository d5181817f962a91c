// The engine's reason catalogue: every reason and exemption it can give, with a stable
// code and the Dutch and English sentence naming the facts behind it. Internal to
// model/assess (the codes are part of the documented JSON, docs/assessment.md).
// Constant data; thread-safe.
#pragma once

#include "model/assess/assessment.h"

namespace bd::model::assess::reasons {

// --- DPC adjustments (ENISA Annex 1) ---
inline constexpr Reason kDpcBareAccount{"dpc_bare_account_number",
    "Alleen rekeningnummers, geen verdere financiële gegevens → DPC verlaagd naar 2",
    "Bare account numbers without further financial data → DPC lowered to 2"};
inline constexpr Reason kDpcCardFraud{"dpc_card_fraud",
    "Volledige creditcardgegevens maken fraude mogelijk → DPC verhoogd naar 4",
    "Full credit card data allows fraud → DPC raised to 4"};
inline constexpr Reason kDpcIdentityFraud{"dpc_identity_fraud",
    "BSN of kopie identiteitsbewijs maakt identiteitsfraude mogelijk → DPC verhoogd naar 2",
    "BSN or ID document copy allows identity fraud → DPC raised to 2"};
inline constexpr Reason kDpcCredentials{"dpc_credentials",
    "Inloggegevens krijgen de categorie van wat ze ontsluiten; onbekend, aangenomen: een account met gebruiksprofiel → DPC 2",
    "Credentials take the category of what they unlock; unknown, assumed an account with a usage profile → DPC 2"};
inline constexpr Reason kDpcCareContext{"dpc_care_context",
    "Gegevens van een zorgaanbieder of apotheek laten gezondheid afleiden → DPC verhoogd naar 3",
    "Data held by a care provider or pharmacy lets one infer health → DPC raised to 3"};
inline constexpr Reason kDpcVulnerable{"dpc_vulnerable",
    "Het gaat om kinderen of andere kwetsbare personen → DPC verhoogd naar 4",
    "Children or other vulnerable people are affected → DPC raised to 4"};
inline constexpr Reason kDpcSafety{"dpc_personal_safety",
    "Gegevens van een veiligheidsdienst raken de persoonlijke veiligheid → DPC verhoogd naar 4",
    "Data of a security service concern personal safety → DPC raised to 4"};

// --- no risk: register only ---
inline constexpr Reason kUnintelligible{"unintelligible_key_safe",
    "Gegevens waren versleuteld of sterk gehasht, de sleutel is niet gelekt en de gegevens zijn intact of in een back-up → geen risico → alleen registreren",
    "Data were encrypted or strongly hashed, the key is not compromised and the data are intact or backed up → no risk → register only"};
inline constexpr Reason kRestoredQuickly{"availability_restored_quickly",
    "Alleen tijdelijk niet beschikbaar, snel hersteld uit een back-up, geen gegevens weggelekt → geen blijvend effect → alleen registreren",
    "Only temporarily unavailable, restored quickly from a backup, no data taken → no lasting effect → register only"};
inline constexpr Reason kTrustedDeleted{"trusted_recipient_deleted",
    "Alleen een betrouwbare ontvanger zag de gegevens en bevestigt verwijdering → risico onwaarschijnlijk → alleen registreren",
    "Only a trusted recipient saw the data and confirms deletion → risk unlikely → register only"};
inline constexpr Reason kNoRecipient{"no_recipient",
    "Niemand heeft de gegevens ontvangen of ingezien en er was geen opzet → risico onwaarschijnlijk → alleen registreren",
    "Nobody received or saw the data and it was not deliberate → risk unlikely → register only"};

// --- risk: notify the AP ---
inline constexpr Reason kRiskNotExcluded{"risk_not_excluded",
    "Persoonsgegevens zijn mogelijk ingezien, gewijzigd of verloren en een risico is niet uit te sluiten → melden bij de AP (bij twijfel melden)",
    "Personal data may have been seen, altered or lost and a risk cannot be ruled out → notify the AP (when in doubt, notify)"};
inline constexpr Reason kSpecialLikely{"special_category_data",
    "Bijzondere persoonsgegevens (art. 9 AVG) → schade moet als waarschijnlijk worden beschouwd → risico",
    "Special-category data (Art. 9 GDPR) → damage is to be considered likely → risk"};
inline constexpr Reason kCriminalLikely{"criminal_data",
    "Strafrechtelijke gegevens (art. 10 AVG) → schade moet als waarschijnlijk worden beschouwd → risico",
    "Criminal-offence data (Art. 10 GDPR) → damage is to be considered likely → risk"};
inline constexpr Reason kBsnAlone{"bsn_alone",
    "BSN zonder andere persoonsgegevens → koppelbaar, maar identiteitsfraude minder waarschijnlijk → risico",
    "BSN without other personal data → linkable, but identity fraud less likely → risk"};
inline constexpr Reason kFinancial{"financial_data",
    "Betaal- of financiële gegevens → financiële schade of fraude mogelijk → risico",
    "Payment or financial data → financial loss or fraud possible → risk"};
inline constexpr Reason kCredentials{"credentials",
    "Inloggegevens → toegang tot accounts van betrokkenen mogelijk → risico",
    "Credentials → access to the people's accounts possible → risk"};
inline constexpr Reason kKeyCompromised{"key_compromised",
    "Versleuteling of hashing beschermt niet: de sleutel is gelekt of de hash is zwak → gegevens gelden als leesbaar",
    "Encryption or hashing does not protect: the key leaked or the hash is weak → data count as readable"};
inline constexpr Reason kDataLost{"data_lost",
    "Gegevens zijn blijvend verloren of onherstelbaar gewijzigd en er is geen back-up → risico",
    "Data are permanently lost or irrecoverably altered and there is no backup → risk"};
inline constexpr Reason kRansomwareNoBackup{"ransomware_no_backup",
    "Ransomware zonder bruikbare back-up → gegevens niet beschikbaar; versleuteling door de aanvaller is geen bescherming → risico",
    "Ransomware without a usable backup → data unavailable; the attacker's encryption is no protection → risk"};
inline constexpr Reason kExfiltrated{"exfiltrated",
    "Gegevens zijn (waarschijnlijk) buiten de organisatie terechtgekomen → onbekend aantal ontvangers",
    "Data have (probably) left the organisation's control → unknown number of recipients"};
inline constexpr Reason kTrustedRecipient{"trusted_recipient",
    "De ontvanger is bekend en betrouwbaar → risico verlaagd, geen hoog risico op grond van de gegevens zelf",
    "The recipient is known and trusted → risk lowered, no high risk from the data themselves"};
inline constexpr Reason kNotHighUnderConfig{"risk_below_notify_threshold",
    "Er is een risico, maar geen hoog risico; deze configuratie meldt alleen hoge risico's → niet melden",
    "There is a risk but no high risk; this configuration notifies only high risks → do not notify"};

inline constexpr Reason kProcessor{"processor_informs_controllers",
    "U bent verwerker: meld de inbreuk zonder onredelijke vertraging aan de verwerkingsverantwoordelijke(n); zij beoordelen en melden aan de AP (art. 33 lid 2 AVG)",
    "You are the processor: inform the controller(s) without undue delay; they assess and notify the AP (Art. 33(2) GDPR)"};

// --- high risk: inform the people ---
inline constexpr Reason kBsnWithNameAddress{"bsn_with_name_address",
    "BSN samen met naam en/of adres → identiteitsfraude waarschijnlijk → hoog risico",
    "BSN together with name and/or address → identity fraud likely → high risk"};
inline constexpr Reason kBsnWithOther{"bsn_with_other_data",
    "BSN samen met andere persoonsgegevens → identiteitsfraude waarschijnlijk → hoog risico",
    "BSN together with other personal data → identity fraud likely → high risk"};
inline constexpr Reason kIdCopies{"id_document_copies",
    "Kopieën van identiteitsbewijzen → identiteitsfraude waarschijnlijk → hoog risico",
    "Copies of ID documents → identity fraud likely → high risk"};
inline constexpr Reason kCreditCard{"credit_card",
    "Creditcardgegevens → financiële schade waarschijnlijk → hoog risico",
    "Credit card data → financial loss likely → high risk"};
inline constexpr Reason kDebts{"debts",
    "Gegevens over schulden → reputatieschade waarschijnlijk → hoog risico",
    "Data on debts → reputational damage likely → high risk"};
inline constexpr Reason kDiscrimination{"special_discrimination",
    "Gegevens over etniciteit, politieke voorkeur, religie, vakbondslidmaatschap of seksuele geaardheid → discriminatie mogelijk → hoog risico",
    "Data on ethnicity, politics, religion, trade-union membership or sexual orientation → discrimination possible → high risk"};
inline constexpr Reason kMedical{"special_medical",
    "Gezondheids-, genetische of biometrische gegevens → schending van het beroepsgeheim → hoog risico",
    "Health, genetic or biometric data → breach of professional secrecy → high risk"};
inline constexpr Reason kCriminalHigh{"criminal_reputation",
    "Strafrechtelijke gegevens → reputatieschade en uitsluiting waarschijnlijk → hoog risico",
    "Criminal-offence data → reputational damage and exclusion likely → high risk"};
inline constexpr Reason kStatedConsequence{"stated_consequence",
    "De ingevulde gevolgen voor betrokkenen (fraude, financiële schade, discriminatie, reputatie, beroepsgeheim of depseudonimisering) → hoog risico",
    "The stated consequences for the people (fraud, financial loss, discrimination, reputation, professional secrecy or reversed pseudonymisation) → high risk"};
inline constexpr Reason kEnisaHigh{"enisa_band_high",
    "ENISA-ernst hoog of zeer hoog → ernstige gevolgen voor betrokkenen waarschijnlijk → hoog risico",
    "ENISA severity high or very high → serious consequences for the people likely → high risk"};
inline constexpr Reason kCareDelayed{"care_delayed",
    "Uitval bij een zorgaanbieder of van patiëntgegevens → zorg kan vertraagd worden → hoog risico",
    "Outage at a care provider or of patient data → care may be delayed → high risk"};
inline constexpr Reason kVulnerable{"vulnerable_subjects",
    "Kinderen of andere kwetsbare personen zijn getroffen → gevolgen wegen zwaarder",
    "Children or other vulnerable people are affected → consequences weigh more"};
inline constexpr Reason kNoHighRisk{"no_high_risk",
    "Geen hoog risico vastgesteld → betrokkenen informeren is niet verplicht (wel aan te raden bij twijfel)",
    "No high risk found → informing the people is not required (advisable when in doubt)"};
inline constexpr Reason kExempted{"exempted",
    "Hoog risico, maar een uitzondering is van toepassing → geen individuele kennisgeving verplicht",
    "High risk, but an exemption applies → no individual communication required"};

// --- exemptions from informing the people ---
inline constexpr Exemption kEx34a{"34_3a_unintelligible",
    "Art. 34 lid 3 sub a AVG: de gegevens waren onbegrijpelijk gemaakt (versleuteld, sleutel veilig)",
    "Art. 34(3)(a) GDPR: the data were made unintelligible (encrypted, key safe)"};
inline constexpr Exemption kEx34b{"34_3b_subsequent_measures",
    "Art. 34 lid 3 sub b AVG: latere maatregelen nemen het hoge risico weg",
    "Art. 34(3)(b) GDPR: subsequent measures remove the high risk"};
inline constexpr Exemption kEx34c{"34_3c_disproportionate_effort",
    "Art. 34 lid 3 sub c AVG: onevenredige inspanning → openbare mededeling in plaats van individuele berichten",
    "Art. 34(3)(c) GDPR: disproportionate effort → a public notice instead of individual messages"};
inline constexpr Exemption kExUavg42{"uavg_42_financial_undertaking",
    "Art. 42 UAVG: art. 34 AVG geldt niet voor financiële ondernemingen (Wft); de melding aan de AP blijft",
    "Art. 42 UAVG: Art. 34 GDPR does not apply to financial undertakings (Wft); notifying the AP still applies"};
inline constexpr Exemption kExUavg41{"uavg_41_restriction",
    "Art. 41 UAVG: beperking van art. 34 AVG (o.a. nationale veiligheid, opsporing)",
    "Art. 41 UAVG: Art. 34 GDPR restricted (national security, investigation and similar)"};

}  // namespace bd::model::assess::reasons
