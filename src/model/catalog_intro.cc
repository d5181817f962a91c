// Chapters 0 (notification metadata), 1 (Introductie) and 2 (Internationale aspecten)
// of the question catalogue. Wording: spec research-ap-form.md §1.1–1.2.
#include "model/form_catalog.h"

namespace bd::model::catalog {
namespace {

using T = QuestionType;
using C = ConditionKind;

constexpr Option kMetaKind[] = {
    {"initial", "Eerste melding", "Initial notification"},
    {"supplement", "Aanvulling op een eerdere melding", "Supplement to an earlier notification"},
    {"amendment", "Wijziging van een eerdere melding", "Amendment of an earlier notification"},
    {"withdrawal", "Intrekking van een eerdere melding", "Withdrawal of an earlier notification"},
};

constexpr Option kMetaStatus[] = {
    {"preliminary", "Voorlopig", "Preliminary"},
    {"final", "Definitief", "Final"},
};

constexpr Option kIntroKind[] = {
    {"regular", "Ik wil één inbreuk melden (reguliere melding)", "I want to report one breach (regular notification)"},
    {"bulk", "Bulkmelding (meerdere soortgelijke postale inbreuken, alleen met toestemming van de AP)",
     "Bulk notification (several similar postal breaches, only with the AP's consent)"},
};

constexpr Option kLegalBasis[] = {
    {"avg", "Algemene verordening gegevensbescherming (AVG)", "General Data Protection Regulation (GDPR)"},
    {"wpg", "Wet politiegegevens (Wpg)", "Police Data Act (Wpg)"},
    {"telecommunicatiewet", "Telecommunicatiewet (Tw)", "Telecommunications Act (Tw)"},
};

constexpr Option kOtherSupervisors[] = {
    {"afm", "Autoriteit Financiële Markten (AFM)", "Dutch Authority for the Financial Markets (AFM)"},
    {"rdi", "Rijksinspectie Digitale Infrastructuur (RDI, voorheen Agentschap Telecom)",
     "Dutch Authority for Digital Infrastructure (RDI, formerly Agentschap Telecom)"},
    {"dnb", "De Nederlandsche Bank (DNB)", "De Nederlandsche Bank (DNB)"},
    {"igj", "Inspectie Gezondheidszorg en Jeugd (IGJ)", "Health and Youth Care Inspectorate (IGJ)"},
    {"ilt", "Inspectie Leefomgeving en Transport (ILT)", "Human Environment and Transport Inspectorate (ILT)"},
    {"inspectie_onderwijs", "Inspectie van het Onderwijs", "Inspectorate of Education"},
    {"nctv", "Nationaal Coördinator Terrorismebestrijding en Veiligheid (NCTV)",
     "National Coordinator for Security and Counterterrorism (NCTV)"},
    {"ovv", "Onderzoeksraad voor Veiligheid (OVV)", "Dutch Safety Board (OVV)"},
    {"other", "Andere toezichthouder, namelijk", "Other supervisor, namely"},
};

// The EU and EEA member states (ISO 3166-1 alpha-2), in Dutch alphabetical order.
constexpr Option kCountries[] = {
    {"BE", "België", "Belgium"},           {"BG", "Bulgarije", "Bulgaria"},
    {"CY", "Cyprus", "Cyprus"},            {"DK", "Denemarken", "Denmark"},
    {"DE", "Duitsland", "Germany"},        {"EE", "Estland", "Estonia"},
    {"FI", "Finland", "Finland"},          {"FR", "Frankrijk", "France"},
    {"GR", "Griekenland", "Greece"},       {"HU", "Hongarije", "Hungary"},
    {"IE", "Ierland", "Ireland"},          {"IS", "IJsland", "Iceland"},
    {"IT", "Italië", "Italy"},             {"HR", "Kroatië", "Croatia"},
    {"LV", "Letland", "Latvia"},           {"LI", "Liechtenstein", "Liechtenstein"},
    {"LT", "Litouwen", "Lithuania"},       {"LU", "Luxemburg", "Luxembourg"},
    {"MT", "Malta", "Malta"},              {"NL", "Nederland", "Netherlands"},
    {"NO", "Noorwegen", "Norway"},         {"AT", "Oostenrijk", "Austria"},
    {"PL", "Polen", "Poland"},             {"PT", "Portugal", "Portugal"},
    {"RO", "Roemenië", "Romania"},         {"SI", "Slovenië", "Slovenia"},
    {"SK", "Slowakije", "Slovakia"},       {"ES", "Spanje", "Spain"},
    {"CZ", "Tsjechië", "Czechia"},         {"SE", "Zweden", "Sweden"},
};

constexpr Question kQuestions[] = {
    {.id = "meta.kind", .chapter = 0, .type = T::kSingle, .label_nl = "Soort melding",
     .label_en = "Kind of notification", .options = kMetaKind},
    {.id = "meta.status", .chapter = 0, .type = T::kSingle, .label_nl = "Voorlopige of definitieve melding",
     .label_en = "Preliminary or final notification", .options = kMetaStatus},
    {.id = "meta.ap_reference", .chapter = 0, .type = T::kText, .label_nl = "Meldnummer van de AP",
     .label_en = "AP notification number", .max_length = kShortTextMax,
     .help_nl = "Het nummer dat de AP toont na het indienen; vermeld het bij elke aanvulling.",
     .help_en = "The number the AP shows after submitting; quote it with every supplement."},
    {.id = "meta.submitted_at", .chapter = 0, .type = T::kDateTime, .label_nl = "Ingediend bij de AP op",
     .label_en = "Submitted to the AP at"},
    {.id = "meta.previous", .chapter = 0, .type = T::kText, .label_nl = "Eerdere melding (meldnummer)",
     .label_en = "Earlier notification (notification number)",
     .condition = {C::kEquals, "meta.kind", "supplement|amendment|withdrawal"}, .required_by = "AP",
     .max_length = kShortTextMax},

    {.id = "intro.kind", .chapter = 1, .type = T::kSingle, .label_nl = "Wat voor soort melding wilt u doen?",
     .label_en = "What kind of notification do you want to make?", .options = kIntroKind, .required_by = "AP"},
    {.id = "intro.legal_basis", .chapter = 1, .type = T::kSingle,
     .label_nl = "Op grond van welke wettelijke bepaling doet u deze melding?",
     .label_en = "Under which statutory provision do you make this notification?", .options = kLegalBasis,
     .required_by = "AP"},
    {.id = "intro.other_supervisors", .chapter = 1, .type = T::kMulti,
     .label_nl = "Heeft u de inbreuk gemeld bij toezichthouders op andere meldplichten?",
     .label_en = "Have you reported the breach to supervisors under other notification duties?",
     .options = kOtherSupervisors},

    {.id = "intl.cross_border", .chapter = 2, .type = T::kBool,
     .label_nl = "Heeft de inbreuk gevolgen voor personen in meerdere landen?",
     .label_en = "Does the breach affect people in more than one country?"},
    {.id = "intl.countries", .chapter = 2, .type = T::kMulti, .label_nl = "Om welke landen gaat het?",
     .label_en = "Which countries are concerned?", .options = kCountries,
     .condition = {C::kIsTrue, "intl.cross_border", {}}},
    {.id = "intl.other_dpas", .chapter = 2, .type = T::kBool,
     .label_nl = "Heeft uw organisatie de inbreuk gemeld bij andere privacytoezichthouders?",
     .label_en = "Has your organisation reported the breach to other data protection authorities?"},
    {.id = "intl.other_dpas_which", .chapter = 2, .type = T::kText,
     .label_nl = "Bij welke privacytoezichthouders?", .label_en = "To which data protection authorities?",
     .condition = {C::kIsTrue, "intl.other_dpas", {}}, .max_length = 1000},
};

}  // namespace

std::span<const Question> meta_and_intro() { return kQuestions; }

}  // namespace bd::model::catalog
