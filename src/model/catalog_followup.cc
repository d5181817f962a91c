// Chapters 8 (Maatregelen vooraf), 9 (Gevolgen) and 10 (Vervolgacties) of the
// question catalogue. Wording: spec research-ap-form.md §1.8–1.10.
#include "model/form_catalog.h"

namespace bd::model::catalog {
namespace {

using T = QuestionType;
using C = ConditionKind;

constexpr Option kProtection[] = {
    {"encrypted", "Versleuteld (encryptie)", "Encrypted"},
    {"hashed", "Gehasht", "Hashed"},
    {"otherwise_unintelligible", "Op een andere manier onbegrijpelijk of ontoegankelijk gemaakt",
     "Made unintelligible or inaccessible in another way"},
    {"none", "Nee", "No"},
};

constexpr Option kConsequencesController[] = {
    {"unauthorised_knowledge", "Onbevoegden hebben kennis kunnen nemen van de gegevens",
     "Unauthorised persons may have seen the data"},
    {"misuse_possible", "De gegevens kunnen op een onbehoorlijke of onrechtmatige manier worden gebruikt",
     "The data may be used improperly or unlawfully"},
    {"wrong_data_used_internally",
     "Er worden binnen uw eigen organisatie mogelijk onjuiste, onvolledige of achterhaalde persoonsgegevens gebruikt",
     "Incorrect, incomplete or outdated personal data may be used within your own organisation"},
    {"wrong_data_reused_or_shared",
     "Er worden mogelijk onjuiste, onvolledige of achterhaalde persoonsgegevens hergebruikt voor andere doeleinden "
     "of doorgegeven aan andere organisaties",
     "Incorrect, incomplete or outdated personal data may be reused for other purposes or passed on to other "
     "organisations"},
    {"essential_service_temporarily_unavailable",
     "Een essentiële dienst kan tijdelijk niet meer worden verleend aan de betrokkenen",
     "An essential service temporarily cannot be provided to the people concerned"},
    {"essential_service_permanently_unavailable",
     "Een essentiële dienst kan permanent niet meer worden verleend aan de betrokkenen",
     "An essential service permanently cannot be provided to the people concerned"},
    {"other", "Anders, namelijk", "Other, namely"},
};

constexpr Option kConsequencesSubjects[] = {
    {"discrimination_exclusion", "Discriminatie of uitsluiting", "Discrimination or exclusion"},
    {"identity_theft_fraud", "Identiteitsdiefstal of -fraude", "Identity theft or fraud"},
    {"financial_loss", "Financieel verlies", "Financial loss"},
    {"reputation_damage", "Reputatieschade", "Damage to reputation"},
    {"professional_secrecy_loss", "Verlies van vertrouwelijkheid van door het beroepsgeheim beschermde persoonsgegevens",
     "Loss of confidentiality of personal data protected by professional secrecy"},
    {"pseudonymisation_reversed", "Ongeoorloofde ongedaanmaking van pseudonimisering",
     "Unauthorised reversal of pseudonymisation"},
    {"cannot_exercise_rights", "Betrokkenen kunnen hun persoonsgegevens niet inzien of op verzoek laten verwijderen",
     "People cannot access their personal data or have it erased on request"},
    {"loss_of_control", "Betrokkenen verliezen het overzicht van welke organisaties hun persoonsgegevens verwerken",
     "People lose track of which organisations process their personal data"},
    {"other", "Anders, namelijk", "Other, namely"},
};

constexpr Option kSeverity[] = {
    {"negligible", "Verwaarloosbaar", "Negligible"},
    {"limited", "Beperkt", "Limited"},
    {"significant", "Aanzienlijk", "Significant"},
    {"very_high", "Zeer groot", "Very high"},
};

constexpr Option kSubjectsInformed[] = {
    {"yes", "Ja", "Yes"},
    {"planned", "Nee, maar dat ben ik wel van plan", "No, but I intend to"},
    {"no", "Nee", "No"},
    {"unknown_yet", "Nog niet bekend", "Not yet known"},
};

constexpr Option kNotInformingGround[] = {
    {"no_high_risk", "De inbreuk levert waarschijnlijk geen hoog risico op voor de betrokkenen",
     "The breach is unlikely to result in a high risk to the people concerned"},
    {"34_3a_unintelligible", "De gegevens waren onbegrijpelijk gemaakt, bijvoorbeeld door versleuteling (art. 34 lid 3 onder a AVG)",
     "The data had been made unintelligible, for example by encryption (Art. 34(3)(a) GDPR)"},
    {"34_3b_subsequent_measures", "Latere maatregelen hebben het hoge risico weggenomen (art. 34 lid 3 onder b AVG)",
     "Subsequent measures have removed the high risk (Art. 34(3)(b) GDPR)"},
    {"34_3c_disproportionate_effort", "Informeren zou een onevenredige inspanning vergen (art. 34 lid 3 onder c AVG)",
     "Informing them would involve disproportionate effort (Art. 34(3)(c) GDPR)"},
    {"uavg_42_financial_undertaking", "Financiële onderneming in de zin van de Wft (art. 42 UAVG)",
     "Financial undertaking within the meaning of the Wft (Art. 42 UAVG)"},
    {"uavg_41_restriction", "Beperking op grond van art. 41 UAVG (bijv. nationale veiligheid, opsporing)",
     "Restriction under Art. 41 UAVG (e.g. national security, criminal investigation)"},
};

constexpr Option kChannels[] = {
    {"phone", "Telefonisch", "By phone"},
    {"letter", "Per brief", "By letter"},
    {"email", "Per e-mail", "By e-mail"},
    {"website_notice", "Via een mededeling op de website", "Through a notice on the website"},
    {"social_media", "Via social media", "Through social media"},
    {"newspaper", "Via een advertentie in de krant", "Through an advertisement in the newspaper"},
    {"other", "Anders, namelijk", "Other, namely"},
};

constexpr Question kQuestions[] = {
    {.id = "protection.measures", .chapter = 8, .type = T::kMulti,
     .label_nl = "Waren de persoonsgegevens op het moment dat de inbreuk zich voordeed versleuteld, gehasht of op "
                 "een andere manier onbegrijpelijk of ontoegankelijk voor onbevoegden?",
     .label_en = "At the time of the breach, were the personal data encrypted, hashed or otherwise unintelligible "
                 "or inaccessible to unauthorised persons?",
     .options = kProtection},
    {.id = "protection.explanation", .chapter = 8, .type = T::kText, .label_nl = "Toelichting op de toegepaste techniek",
     .label_en = "Explanation of the technique used",
     .condition = {C::kIncludesOtherThan, "protection.measures", "none"},
     .help_nl = "Algoritme en sleutelbeheer. Versleuteling door ransomware telt niet als bescherming.",
     .help_en = "Algorithm and key management. Encryption by ransomware does not count as protection."},

    {.id = "consequences.controller", .chapter = 9, .type = T::kMulti,
     .label_nl = "Gevolgen van de inbreuk op de vertrouwelijkheid, de integriteit en/of beschikbaarheid van de gegevens",
     .label_en = "Consequences of the breach for the confidentiality, integrity and/or availability of the data",
     .options = kConsequencesController, .required_by = "Art. 33(3)(c)"},
    {.id = "consequences.subjects", .chapter = 9, .type = T::kMulti,
     .label_nl = "Welke gevolgen kan de inbreuk hebben voor de persoonlijke levenssfeer van de betrokkenen?",
     .label_en = "What consequences may the breach have for the privacy of the people concerned?",
     .options = kConsequencesSubjects, .required_by = "Art. 33(3)(c)"},
    {.id = "consequences.severity", .chapter = 9, .type = T::kSingle,
     .label_nl = "Geef een inschatting van de ernst van de mogelijke gevolgen voor de betrokkenen",
     .label_en = "Estimate the severity of the possible consequences for the people concerned",
     .options = kSeverity},
    {.id = "consequences.severity_note", .chapter = 9, .type = T::kText, .label_nl = "Toelichting op de ernst",
     .label_en = "Explanation of the severity"},

    {.id = "followup.subjects_informed", .chapter = 10, .type = T::kSingle,
     .label_nl = "Heeft u de betrokkenen geïnformeerd of bent u dat van plan?",
     .label_en = "Have you informed the people concerned, or do you intend to?", .options = kSubjectsInformed,
     .required_by = "AP"},
    {.id = "followup.not_informing_ground", .chapter = 10, .type = T::kSingle,
     .label_nl = "Waarom ziet u af van het informeren van de betrokkenen?",
     .label_en = "Why do you refrain from informing the people concerned?", .options = kNotInformingGround,
     .condition = {C::kEquals, "followup.subjects_informed", "no"}, .required_by = "AP"},
    {.id = "followup.not_informing_explanation", .chapter = 10, .type = T::kText, .label_nl = "Licht uw keuze toe",
     .label_en = "Explain your choice", .condition = {C::kEquals, "followup.subjects_informed", "no"}},
    {.id = "followup.public_notice_plan", .chapter = 10, .type = T::kText,
     .label_nl = "Licht toe hoe u door een openbare mededeling of een soortgelijke maatregel de betrokkenen gaat "
                 "informeren",
     .label_en = "Explain how you will inform the people concerned through a public communication or a similar "
                 "measure",
     .condition = {C::kEquals, "followup.not_informing_ground", "34_3c_disproportionate_effort"},
     .required_by = "Art. 34(3)(c)"},
    {.id = "followup.informed_count", .chapter = 10, .type = T::kInt,
     .label_nl = "Aan hoeveel personen heeft u de inbreuk gemeld?", .label_en = "How many people have you informed?",
     .condition = {C::kEquals, "followup.subjects_informed", "yes"}},
    {.id = "followup.informed_at", .chapter = 10, .type = T::kDate, .label_nl = "Wanneer zijn de betrokkenen geïnformeerd?",
     .label_en = "When were the people concerned informed?",
     .condition = {C::kEquals, "followup.subjects_informed", "yes|planned"}},
    {.id = "followup.channels", .chapter = 10, .type = T::kMulti,
     .label_nl = "Op welke wijze zijn de betrokkenen geïnformeerd?", .label_en = "How were the people concerned informed?",
     .options = kChannels, .condition = {C::kEquals, "followup.subjects_informed", "yes|planned"}},
    {.id = "followup.message_text", .chapter = 10, .type = T::kText,
     .label_nl = "De tekst van het bericht aan de betrokkenen", .label_en = "The text of the message to the people concerned",
     .condition = {C::kEquals, "followup.subjects_informed", "yes|planned"}, .max_length = 50000},
    {.id = "followup.measures", .chapter = 10, .type = T::kText,
     .label_nl = "Welke maatregelen heeft u getroffen of gaat u treffen om de inbreuk aan te pakken en verdere "
                 "inbreuken te voorkomen?",
     .label_en = "What measures have you taken or will you take to address the breach and prevent further breaches?",
     .required_by = "Art. 33(3)(d)"},
    {.id = "other.remarks", .chapter = 10, .type = T::kText, .label_nl = "Overig", .label_en = "Other remarks"},
};

}  // namespace

std::span<const Question> effects_and_followup() { return kQuestions; }

}  // namespace bd::model::catalog
