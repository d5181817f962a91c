// Chapter 11: the assessment facts of spec risk.md (assess.*). They are not AP form
// questions; the assessment engine (model/assess/) reads them next to the form
// answers. Unknown (absent) is always allowed: the engine says which unknowns matter.
#include "model/form_catalog.h"

namespace bd::model::catalog {
namespace {

using T = QuestionType;

constexpr Option kRecipients[] = {
    {"none", "Geen ontvangers", "No recipients"},
    {"known_trusted", "Bekende, betrouwbare ontvanger(s)", "Known, trusted recipient(s)"},
    {"known_untrusted", "Bekende, niet-betrouwbare ontvanger(s)", "Known, untrusted recipient(s)"},
    {"unknown_number", "Onbekend aantal ontvangers (gepubliceerd, aanvaller)",
     "Unknown number of recipients (published, attacker)"},
};

constexpr Option kControllerContext[] = {
    {"care_provider", "Zorgaanbieder", "Care provider"},
    {"pharmacy", "Apotheek", "Pharmacy"},
    {"school", "School of onderwijsinstelling", "School or educational institution"},
    {"security_service", "Inlichtingen- of veiligheidsdienst", "Intelligence or security service"},
    {"none", "Geen bijzondere kenmerken", "No special characteristics"},
    {"other", "Anders, namelijk", "Other, namely"},
};

constexpr Question kQuestions[] = {
    {.id = "assess.malicious", .chapter = 11, .type = T::kBool, .label_nl = "Is de inbreuk opzettelijk veroorzaakt?",
     .label_en = "Was the breach caused on purpose?"},
    {.id = "assess.exfiltrated", .chapter = 11, .type = T::kBool,
     .label_nl = "Zijn de gegevens (waarschijnlijk) buiten de organisatie terechtgekomen?",
     .label_en = "Have the data (probably) left the organisation's control?"},
    {.id = "assess.recipients", .chapter = 11, .type = T::kSingle, .label_nl = "Wie heeft de gegevens ontvangen?",
     .label_en = "Who received the data?", .options = kRecipients},
    {.id = "assess.key_compromised", .chapter = 11, .type = T::kBool,
     .label_nl = "Is de sleutel (of een zwakke hash) van versleutelde of gehashte gegevens uitgelekt?",
     .label_en = "Was the key (or a weak hash) of encrypted or hashed data exposed?"},
    {.id = "assess.backup", .chapter = 11, .type = T::kBool, .label_nl = "Is er een intacte, recente back-up?",
     .label_en = "Is there an intact, recent backup?"},
    {.id = "assess.restore_hours", .chapter = 11, .type = T::kNumber,
     .label_nl = "Hoe lang waren of zijn de gegevens niet beschikbaar (uren)?",
     .label_en = "How long were or will the data be unavailable (hours)?"},
    {.id = "assess.data_recovered", .chapter = 11, .type = T::kBool,
     .label_nl = "Zijn de gegevens teruggegeven of aantoonbaar verwijderd door de ontvanger?",
     .label_en = "Were the data returned or reliably deleted by the recipient?"},
    {.id = "assess.vulnerable", .chapter = 11, .type = T::kBool,
     .label_nl = "Zijn er kinderen, patiënten of andere kwetsbare personen getroffen?",
     .label_en = "Are children, patients or other vulnerable people affected?"},
    {.id = "assess.controller_context", .chapter = 11, .type = T::kSingle,
     .label_nl = "Bijzondere kenmerken van de verwerkingsverantwoordelijke",
     .label_en = "Special characteristics of the controller", .options = kControllerContext},
    {.id = "assess.financial_undertaking", .chapter = 11, .type = T::kBool,
     .label_nl = "Is de organisatie een financiële onderneming in de zin van de Wft (art. 42 UAVG)?",
     .label_en = "Is the organisation a financial undertaking within the meaning of the Wft (Art. 42 UAVG)?"},
};

}  // namespace

std::span<const Question> assessment_facts() { return kQuestions; }

}  // namespace bd::model::catalog
