// Chapters 5 (Gegevens over de inbreuk), 6 (Persoonsgegevens) and 7 (Getroffen
// personen) of the question catalogue. Wording: spec research-ap-form.md §1.5–1.7.
#include "model/form_catalog.h"

namespace bd::model::catalog {
namespace {

using T = QuestionType;
using C = ConditionKind;

constexpr Option kNature[] = {
    {"confidentiality", "Persoonsgegevens (mogelijk) ingezien door onbevoegden",
     "Personal data (possibly) seen by unauthorised persons"},
    {"integrity", "Persoonsgegevens ongeoorloofd of onopzettelijk gewijzigd",
     "Personal data altered without authorisation or by accident"},
    {"availability_permanent", "Persoonsgegevens permanent niet beschikbaar (verloren/verwijderd)",
     "Personal data permanently unavailable (lost/deleted)"},
    {"availability_temporary", "Persoonsgegevens tijdelijk niet beschikbaar", "Personal data temporarily unavailable"},
};

constexpr Option kIncidentType[] = {
    {"email_wrong_recipient", "E-mail met persoonsgegevens verstuurd aan verkeerde ontvanger(s)",
     "E-mail with personal data sent to the wrong recipient(s)"},
    {"email_cc_not_bcc",
     "E-mail verstuurd met persoonsgegevens met ontvangers in het aan-veld of in de cc, in plaats van bcc",
     "E-mail with personal data sent with recipients in the to or cc field instead of bcc"},
    {"post_wrong_recipient",
     "Brief of postpakket met persoonsgegevens verstuurd of afgegeven aan de verkeerde ontvanger(s)",
     "Letter or parcel with personal data sent or delivered to the wrong recipient(s)"},
    {"post_returned_opened", "Brief of postpakket met persoonsgegevens geopend retour ontvangen",
     "Letter or parcel with personal data returned opened"},
    {"post_lost", "Brief of postpakket met persoonsgegevens kwijtgeraakt", "Letter or parcel with personal data lost"},
    {"authorisation_misconfigured", "Autorisatie(s) van medewerker(s) verkeerd ingesteld",
     "Staff authorisation(s) set up wrongly"},
    {"network_share_too_open",
     "Netwerkmappen of -locaties met persoonsgegevens zijn te breed toegankelijk ingesteld binnen de organisatie",
     "Network folders or locations with personal data too widely accessible within the organisation"},
    {"device_or_paper_lost_or_stolen",
     "Apparaat, gegevensdrager (bijv. USB-stick) en/of papier met persoonsgegevens kwijtgeraakt of gestolen",
     "Device, data carrier (e.g. USB stick) and/or paper with personal data lost or stolen"},
    {"published_by_mistake", "Persoonsgegevens per ongeluk gepubliceerd", "Personal data published by mistake"},
    {"hacking_malware_phishing", "Hacking, malware (bijv. ransomware) en/of phishing",
     "Hacking, malware (e.g. ransomware) and/or phishing"},
    {"wrong_file", "Persoonsgegevens toegevoegd aan het verkeerde dossier", "Personal data added to the wrong file"},
    {"other", "Overig, namelijk", "Other, namely"},
};

constexpr Option kDataGeneral[] = {
    {"name", "Naam", "Name"},
    {"gender", "Geslacht", "Gender"},
    {"birth_date_or_age", "Geboortedatum en/of leeftijd", "Date of birth and/or age"},
    {"bsn", "Burgerservicenummer (BSN)", "Citizen service number (BSN)"},
    {"contact_details", "Contactgegevens", "Contact details"},
    {"address", "Adres en woonplaats", "Address and place of residence"},
    {"email", "E-mailadres", "E-mail address"},
    {"phone", "Telefoonnummer", "Phone number"},
    {"credentials", "Toegangs- of identificatiegegevens (bijv. inlognaam, wachtwoord, klantnummer)",
     "Access or identification data (e.g. user name, password, customer number)"},
    {"financial", "Financiële gegevens", "Financial data"},
    {"bank_account", "Bankrekeningnummer / IBAN", "Bank account number / IBAN"},
    {"credit_card", "Creditcardgegevens", "Credit card data"},
    {"debts", "Gegevens over (problematische) schulden", "Data about (problematic) debts"},
    {"benefits", "Gegevens over uitkering en/of schulden", "Data about benefits and/or debts"},
    {"other_financial", "Andere financiële gegevens", "Other financial data"},
    {"id_document_copies", "(Kopieën van) paspoorten of andere legitimatiebewijzen",
     "(Copies of) passports or other identity documents"},
    {"location", "Locatiegegevens", "Location data"},
    {"criminal",
     "Persoonsgegevens betreffende strafrechtelijke veroordelingen en strafbare feiten of daarmee verband "
     "houdende veiligheidsmaatregelen",
     "Personal data relating to criminal convictions and offences or related security measures"},
    {"unknown", "Onbekend", "Unknown"},
    {"other", "Anders, namelijk", "Other, namely"},
};

constexpr Option kDataSpecial[] = {
    {"race_ethnicity", "Persoonsgegevens waaruit iemands ras of etnische afkomst blijkt",
     "Data revealing racial or ethnic origin"},
    {"political", "Persoonsgegevens waaruit politieke opvattingen blijken", "Data revealing political opinions"},
    {"religion_belief", "Persoonsgegevens waaruit religieuze of levensbeschouwelijke overtuigingen blijken",
     "Data revealing religious or philosophical beliefs"},
    {"trade_union", "Persoonsgegevens waaruit het lidmaatschap van een vakbond blijkt",
     "Data revealing trade union membership"},
    {"sex_life_orientation", "Gegevens met betrekking tot iemands seksueel gedrag of seksuele gerichtheid",
     "Data concerning a person's sex life or sexual orientation"},
    {"health", "Gegevens over iemands gezondheid", "Data concerning health"},
    {"genetic", "Genetische gegevens", "Genetic data"},
    {"biometric", "Biometrische gegevens (bijvoorbeeld: vingerafdruk of irisscan)",
     "Biometric data (for example a fingerprint or iris scan)"},
};

constexpr Option kSubjectGroups[] = {
    {"employees", "Werknemers", "Employees"},
    {"customers", "Klanten (huidig en potentieel)", "Customers (current and potential)"},
    {"pupils_students", "Leerlingen of studenten", "Pupils or students"},
    {"patients", "Patiënten", "Patients"},
    {"minors", "Minderjarigen", "Minors"},
    {"other_vulnerable", "Personen uit andere kwetsbare groepen", "People from other vulnerable groups"},
    {"other", "Anders, namelijk", "Other, namely"},
};

constexpr Question kQuestions[] = {
    {.id = "breach.nature", .chapter = 5, .type = T::kMulti, .label_nl = "Aard van de inbreuk",
     .label_en = "Nature of the breach", .options = kNature, .required_by = "Art. 33(3)(a)"},
    {.id = "breach.incident_type", .chapter = 5, .type = T::kSingle,
     .label_nl = "Wat is de aard van het incident waarbij er een inbreuk op de beveiliging van persoonsgegevens "
                 "is geweest?",
     .label_en = "What kind of incident led to the personal data breach?", .options = kIncidentType,
     .required_by = "Art. 33(3)(a)"},
    {.id = "breach.summary", .chapter = 5, .type = T::kText, .label_nl = "Samenvatting van het incident",
     .label_en = "Summary of the incident", .required_by = "Art. 33(3)(a)",
     .help_nl = "Wat is er gebeurd, wanneer en hoe is het ontdekt?",
     .help_en = "What happened, when, and how was it discovered?"},
    {.id = "breach.attachments", .chapter = 5, .type = T::kFile, .label_nl = "Ondersteunende documentatie",
     .label_en = "Supporting documentation",
     .help_nl = "Voeg geen persoonsgegevens van de getroffen personen toe.",
     .help_en = "Do not attach personal data of the people affected."},

    {.id = "data.general", .chapter = 6, .type = T::kMulti, .label_nl = "Persoonsgegevens in het algemeen",
     .label_en = "Personal data in general", .options = kDataGeneral, .required_by = "Art. 33(3)(a)"},
    {.id = "data.special", .chapter = 6, .type = T::kMulti,
     .label_nl = "Bijzondere categorieën van persoonsgegevens", .label_en = "Special categories of personal data",
     .options = kDataSpecial, .required_by = "Art. 33(3)(a)",
     .help_nl = "Kruis niets aan als er geen bijzondere persoonsgegevens bij de inbreuk betrokken zijn.",
     .help_en = "Tick nothing if no special categories of data are involved."},
    {.id = "data.records", .chapter = 6, .type = T::kInt,
     .label_nl = "Geef (eventueel bij benadering) aan hoeveel gegevensrecords zijn getroffen door de inbreuk",
     .label_en = "How many data records were affected by the breach (approximately, if need be)?",
     .required_by = "Art. 33(3)(a)"},
    {.id = "data.records_note", .chapter = 6, .type = T::kText, .label_nl = "Toelichting op het aantal records",
     .label_en = "Explanation of the number of records"},

    {.id = "subjects.groups", .chapter = 7, .type = T::kMulti,
     .label_nl = "Welke groep(en) betrokkenen zijn getroffen?", .label_en = "Which group(s) of people are affected?",
     .options = kSubjectGroups, .required_by = "Art. 33(3)(a)"},
    {.id = "subjects.description", .chapter = 7, .type = T::kText,
     .label_nl = "Nadere omschrijving van de groep(en) betrokkenen",
     .label_en = "Further description of the group(s) of people affected"},
    {.id = "subjects.count_known", .chapter = 7, .type = T::kBool,
     .label_nl = "Is het exacte aantal betrokkenen bekend?", .label_en = "Is the exact number of people known?",
     .required_by = "Art. 33(3)(a)"},
    {.id = "subjects.count", .chapter = 7, .type = T::kInt, .label_nl = "Aantal betrokkenen",
     .label_en = "Number of people affected", .condition = {C::kIsTrue, "subjects.count_known", {}},
     .required_by = "Art. 33(3)(a)"},
    {.id = "subjects.count_min", .chapter = 7, .type = T::kInt, .label_nl = "Minimaal aantal betrokkenen",
     .label_en = "Minimum number of people affected", .condition = {C::kNotTrue, "subjects.count_known", {}},
     .required_by = "Art. 33(3)(a)"},
    {.id = "subjects.count_max", .chapter = 7, .type = T::kInt, .label_nl = "Maximaal aantal betrokkenen",
     .label_en = "Maximum number of people affected", .condition = {C::kNotTrue, "subjects.count_known", {}},
     .required_by = "Art. 33(3)(a)"},
};

}  // namespace

std::span<const Question> breach_and_data() { return kQuestions; }

}  // namespace bd::model::catalog
