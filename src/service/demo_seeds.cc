#include "service/demo_seeds.h"

namespace bd::service::demo {
namespace {

using Tokens = std::vector<std::string>;

// Seed 000: the care organisation's public notice of 13 April 2018.
DemoOrganisation stmg() {
  DemoBreach b;
  b.title = "Onbeveiligde webserver met gegevens van cliënten en medewerkers";
  b.status = model::BreachStatus::kSubjectsInformed;
  b.answers = {
      {"org.name", std::string("STMG")},
      {"org.sector", std::string("healthcare")},
      {"breach.nature", Tokens{"confidentiality"}},
      {"breach.incident_type", std::string("other")},
      {"breach.incident_type_other", std::string("Webserver door een menselijke fout onbeveiligd bereikbaar")},
      {"breach.summary",
       std::string("Eind maart 2018 ontdekte STMG dat een van haar webservers onbeveiligd was. Daardoor waren "
                   "persoonsgegevens van cliënten (NAW-gegevens, BSN en betalingsgegevens) en van medewerkers "
                   "(NAW-gegevens, geboortedatum en e-mailadres) toegankelijk voor derden. Informatie over de zorg "
                   "en de gezondheid van cliënten was niet te raadplegen.")},
      {"time.ongoing", false},
      {"data.general", Tokens{"name", "address", "bsn", "financial", "birth_date_or_age", "email"}},
      {"data.special", Tokens{}},
      {"subjects.groups", Tokens{"patients", "employees"}},
      {"subjects.description", std::string("Cliënten en medewerkers van STMG")},
      {"consequences.controller", Tokens{"unauthorised_knowledge"}},
      {"assess.controller_context", std::string("care_provider")},
      {"followup.subjects_informed", std::string("yes")},
      {"followup.informed_at", std::string("2018-04-13")},
      {"followup.channels", Tokens{"letter", "website_notice"}},
      {"followup.measures",
       std::string("De onbeveiligde webserver is direct offline gehaald. De beveiliging van de systemen is op orde "
                   "gebracht en er zijn maatregelen genomen om herhaling te voorkomen. Betrokkenen zijn per brief "
                   "geïnformeerd (verstuurd op vrijdag 13 april 2018) en er staat een bericht met veelgestelde "
                   "vragen op de website.")},
      {"other.remarks",
       std::string("Volgens het bericht is de inbreuk eind maart 2018 ontdekt; de exacte dag staat er niet in. "
                   "Er is geen aanleiding om aan te nemen dat de gegevens zijn misbruikt.")},
  };
  return {"STMG", storage::OrganisationKind::kController, "fg@stmg.example", "Functionaris gegevensbescherming STMG",
          {std::move(b)}};
}

// The facts of seed 002 that the processor knows, shared by its record and the customer's draft.
model::Answers processor_facts() {
  return {
      {"time.start", std::string("2021-04-16")},
      {"time.end", std::string("2021-04-16")},
      {"time.ongoing", false},
      {"breach.nature", Tokens{"confidentiality", "integrity", "availability_permanent"}},
      {"breach.incident_type", std::string("hacking_malware_phishing")},
      {"breach.summary",
       std::string("Hackers hebben toegang verkregen tot de laptop van een van onze medewerkers. Op deze laptop "
                   "waren een beperkt aantal backups van klant databases aanwezig welke zijn buitgemaakt.")},
      {"protection.measures", Tokens{"none"}},
      {"consequences.controller", Tokens{"unauthorised_knowledge", "misuse_possible"}},
      {"assess.malicious", true},
      {"assess.exfiltrated", true},
      {"assess.recipients", std::string("unknown_number")},
      {"followup.measures",
       std::string("Enerzijds gaat het om configuratie aanpassingen die het risico verkleinen. Anderzijds gaat dit "
                   "om het aanscherpen van de procedure omtrent het omgaan met database kopieën van klanten.")},
  };
}

// Seed 002: the processor's own record of the incident.
DemoOrganisation nostradamus() {
  DemoBreach b;
  b.title = "Gehackte laptop met back-ups van klantdatabases";
  b.status = model::BreachStatus::kAssessing;
  b.answers = processor_facts();
  b.answers["org.name"] = std::string("Nostradamus ICT BV");
  b.answers["org.sector"] = std::string("ict");
  b.answers["time.discovered"] = std::string("2021-04-19T00:00:00+02:00");
  b.answers["other.remarks"] = std::string(
      "Ontdekt op 19 april 2021; het tijdstip staat niet in het bericht, het begin van die dag is aangehouden. "
      "Als verwerker informeren wij onze klanten (de verwerkingsverantwoordelijken), die zelf bij de AP melden.");
  return {"Nostradamus ICT BV", storage::OrganisationKind::kProcessor, "privacy@nostradamus.example",
          "Privacy officer Nostradamus", {std::move(b)}};
}

// Seed 002: one customer's draft, pre-filled with the processor's answers; the questions
// the document leaves to the customer ("invullen naar eigen inzicht") stay open.
DemoOrganisation customer() {
  DemoBreach b;
  b.title = "Datalek bij Nostradamus ICT BV (workforce management)";
  b.status = model::BreachStatus::kSuspected;
  b.answers = processor_facts();
  b.answers["other_org.involved"] = true;
  b.answers["other_org.name"] = Tokens{"Nostradamus ICT BV"};
  b.answers["other_org.role"] =
      Tokens{"Nostradamus ICT BV is onze partner op het gebied van onze workforce management omgeving."};
  b.answers["time.discovered"] = std::string("2021-04-19T00:00:00+02:00");
  b.answers["data.records_note"] = std::string(
      "Vul hier het aantal in- en uitdienst medewerkers in dat in uw systeem geregistreerd is. Geanonimiseerde "
      "kaarten kunnen hierbij uitgesloten worden.");
  b.answers["other.remarks"] = std::string(
      "Vooraf ingevuld met de antwoorden van Nostradamus ICT BV. Zelf in te vullen: persoonsgegevens (hoofdstuk 6), "
      "aantal records, getroffen personen (hoofdstuk 7), gevolgen voor betrokkenen en het informeren van betrokkenen.");
  return {"Klant van Nostradamus (demo)", storage::OrganisationKind::kController, "privacy@klant.example",
          "Privacy officer klant", {std::move(b)}};
}

}  // namespace

std::vector<DemoOrganisation> seed_organisations() { return {stmg(), nostradamus(), customer()}; }

}  // namespace bd::service::demo
