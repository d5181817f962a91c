// Chapters 3 (De verwerkingsverantwoordelijke en contact) and 4 (Tijdlijn) of the
// question catalogue. Wording: spec research-ap-form.md §1.3–1.4.
#include "model/form_catalog.h"

namespace bd::model::catalog {
namespace {

using T = QuestionType;
using C = ConditionKind;

constexpr Option kSectors[] = {
    {"healthcare", "Zorg", "Healthcare"},
    {"financial_services", "Financiële dienstverlening", "Financial services"},
    {"public_administration", "Openbaar bestuur", "Public administration"},
    {"education", "Onderwijs", "Education"},
    {"business_services", "Zakelijke dienstverlening", "Business services"},
    {"ict", "Informatie en communicatie (ICT)", "Information and communication (ICT)"},
    {"retail", "Handel", "Retail and wholesale"},
    {"industry", "Industrie", "Manufacturing"},
    {"energy_water", "Energie en water", "Energy and water"},
    {"transport_logistics", "Vervoer en opslag", "Transport and logistics"},
    {"housing", "Woningcorporaties en vastgoed", "Housing and real estate"},
    {"hospitality", "Horeca en toerisme", "Hospitality and tourism"},
    {"culture_sport_recreation", "Cultuur, sport en recreatie", "Culture, sport and recreation"},
    {"nonprofit", "Goede doelen en verenigingen", "Charities and associations"},
    {"other", "Anders, namelijk", "Other, namely"},
};

constexpr std::string_view kHelpContact =
    "Alleen invullen als dit een ander is dan de melder, meestal de functionaris gegevensbescherming "
    "(art. 33 lid 3 onder b AVG).";
constexpr std::string_view kHelpContactEn =
    "Only if different from the person filing; usually the data protection officer (Art. 33(3)(b) GDPR).";

constexpr Question kQuestions[] = {
    {.id = "org.name", .chapter = 3, .type = T::kText, .label_nl = "Naam van het bedrijf of de organisatie",
     .label_en = "Name of the company or organisation", .required_by = "AP", .max_length = kShortTextMax},
    {.id = "org.controllers", .chapter = 3, .type = T::kTextList, .label_nl = "Verwerkingsverantwoordelijke(n)",
     .label_en = "Controller(s)", .max_length = kShortTextMax,
     .help_nl = "Bij gezamenlijke verwerkingsverantwoordelijken: noem ze allemaal.",
     .help_en = "With joint controllers: name all of them."},
    {.id = "org.address", .chapter = 3, .type = T::kText, .label_nl = "Adres, postcode en plaats",
     .label_en = "Address, postcode and city", .max_length = 500},
    {.id = "org.dpo_registration", .chapter = 3, .type = T::kText,
     .label_nl = "Registratienummer van de functionaris gegevensbescherming (FG) bij de AP",
     .label_en = "Registration number of the data protection officer (DPO) with the AP",
     .max_length = kShortTextMax, .help_nl = "Alleen als uw organisatie een FG heeft.",
     .help_en = "Only if your organisation has a DPO."},
    {.id = "org.kvk", .chapter = 3, .type = T::kText, .label_nl = "KvK-nummer",
     .label_en = "Chamber of Commerce (KvK) number", .max_length = 8, .help_nl = "8 cijfers.",
     .help_en = "8 digits."},
    {.id = "org.sector", .chapter = 3, .type = T::kSingle, .label_nl = "In welke sector is de organisatie actief?",
     .label_en = "In which sector is the organisation active?", .options = kSectors},

    {.id = "reporter.name", .chapter = 3, .type = T::kText, .label_nl = "Wie meldt de inbreuk? Naam",
     .label_en = "Who is reporting the breach? Name", .required_by = "AP", .personal_data = true,
     .max_length = kShortTextMax},
    {.id = "reporter.job_title", .chapter = 3, .type = T::kText, .label_nl = "Functie van de melder",
     .label_en = "Job title of the person reporting", .required_by = "AP", .max_length = kShortTextMax},
    {.id = "reporter.phone", .chapter = 3, .type = T::kText, .label_nl = "Telefoonnummer van de melder",
     .label_en = "Phone number of the person reporting", .required_by = "AP", .personal_data = true,
     .max_length = 40},
    {.id = "reporter.email", .chapter = 3, .type = T::kText, .label_nl = "E-mailadres van de melder",
     .label_en = "E-mail address of the person reporting", .personal_data = true, .max_length = 254},
    {.id = "contact.name", .chapter = 3, .type = T::kText,
     .label_nl = "Contactpersoon, indien afwijkend van de melder: naam",
     .label_en = "Contact person, if different from the person reporting: name", .personal_data = true,
     .max_length = kShortTextMax, .help_nl = kHelpContact, .help_en = kHelpContactEn},
    {.id = "contact.job_title", .chapter = 3, .type = T::kText, .label_nl = "Functie van de contactpersoon",
     .label_en = "Job title of the contact person", .max_length = kShortTextMax},
    {.id = "contact.phone", .chapter = 3, .type = T::kText, .label_nl = "Telefoonnummer van de contactpersoon",
     .label_en = "Phone number of the contact person", .personal_data = true, .max_length = 40},
    {.id = "contact.email", .chapter = 3, .type = T::kText, .label_nl = "E-mailadres van de contactpersoon",
     .label_en = "E-mail address of the contact person", .personal_data = true, .max_length = 254},
    {.id = "other_org.involved", .chapter = 3, .type = T::kBool,
     .label_nl = "Waren er andere organisaties betrokken bij de inbreuk?",
     .label_en = "Were other organisations involved in the breach?"},
    {.id = "other_org.name", .chapter = 3, .type = T::kTextList,
     .label_nl = "Naam van de andere organisatie die betrokken was bij de inbreuk",
     .label_en = "Name of the other organisation involved in the breach",
     .condition = {C::kIsTrue, "other_org.involved", {}}, .max_length = kShortTextMax},
    {.id = "other_org.role", .chapter = 3, .type = T::kTextList,
     .label_nl = "In welke hoedanigheid was de andere organisatie betrokken bij de inbreuk?",
     .label_en = "In what capacity was the other organisation involved in the breach?",
     .condition = {C::kIsTrue, "other_org.involved", {}}, .max_length = 1000,
     .help_nl = "Bijvoorbeeld verwerker, ontvanger of subverwerker; één regel per organisatie, "
                "in dezelfde volgorde als de namen.",
     .help_en = "For example processor, recipient or sub-processor; one line per organisation, "
                "in the same order as the names."},

    {.id = "time.start", .chapter = 4, .type = T::kDateTime, .label_nl = "(Mogelijke) startdatum van de inbreuk",
     .label_en = "(Possible) start date of the breach", .time_optional = true,
     .help_nl = "De exacte datum, of het begin van de periode waarin de inbreuk plaatsvond.",
     .help_en = "The exact date, or the start of the period in which the breach took place."},
    {.id = "time.ongoing", .chapter = 4, .type = T::kBool, .label_nl = "Duurt de inbreuk op dit moment nog voort?",
     .label_en = "Is the breach still ongoing?"},
    {.id = "time.end", .chapter = 4, .type = T::kDateTime, .label_nl = "(Mogelijke) einddatum van de inbreuk",
     .label_en = "(Possible) end date of the breach", .condition = {C::kNotTrue, "time.ongoing", {}},
     .time_optional = true},
    {.id = "time.discovered", .chapter = 4, .type = T::kDateTime, .label_nl = "Wanneer is de inbreuk ontdekt?",
     .label_en = "When was the breach discovered?", .required_by = "Art. 33(1)",
     .help_nl = "Het moment van kennisname; hier begint de termijn van 72 uur.",
     .help_en = "The moment of awareness; the 72-hour period starts here."},
    {.id = "time.how_discovered", .chapter = 4, .type = T::kText,
     .label_nl = "Geef (kort) aan hoe u de inbreuk heeft ontdekt", .label_en = "Briefly describe how you discovered the breach"},
    {.id = "time.processor_informed", .chapter = 4, .type = T::kDateTime,
     .label_nl = "Wanneer heeft de verwerker u geïnformeerd?", .label_en = "When did the processor inform you?",
     .help_nl = "Alleen als een verwerker u over de inbreuk heeft geïnformeerd (art. 33 lid 2 AVG).",
     .help_en = "Only if a processor informed you of the breach (Art. 33(2) GDPR)."},
    {.id = "time.late_reason", .chapter = 4, .type = T::kText,
     .label_nl = "Indien later dan 72 uur gemeld: waarom?", .label_en = "If reported later than 72 hours: why?",
     .help_nl = "Verplicht als de melding later dan 72 uur na ontdekking wordt gedaan (art. 33 lid 1 AVG).",
     .help_en = "Required when the notification is made more than 72 hours after discovery (Art. 33(1) GDPR)."},
};

}  // namespace

std::span<const Question> organisation_and_time() { return kQuestions; }

}  // namespace bd::model::catalog
