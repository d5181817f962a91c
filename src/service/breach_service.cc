#include "service/breach_service.h"

#include <date/tz.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <set>
#include <utility>

#include "model/form_schema.h"
#include "service/answer_check.h"
#include "service/text.h"
#include "storage/breach_repository.h"
#include "storage/database.h"
#include "storage/workflow_repositories.h"

namespace bd::service {
namespace {

constexpr std::size_t kMaxTitleChars = 200;
constexpr std::size_t kDerivedTitleChars = 80;
constexpr std::chrono::minutes kClockSkew{5};

Error breach_not_found() { return Error::not_found("Datalek niet gevonden."); }

storage::ChangeAuthor author_of(const Actor& actor, TimePoint at, std::string note = {}) {
  return storage::ChangeAuthor{actor.user_id, actor.email, at, std::move(note)};
}

// "2018-03-28T10:00:00+02:00": the instant in Dutch local time, as people read it.
std::string amsterdam_datetime(TimePoint at) {
  try {
    auto zoned = date::make_zoned("Europe/Amsterdam", at);
    return date::format("%FT%T%Ez", zoned);
  } catch (const std::exception&) {  // no tz database: fall back to UTC
    return date::format("%FT%TZ", at);
  }
}

// The first words of the description, cut at a word boundary.
std::string derive_title(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  if (utf8_length(line) <= kDerivedTitleChars) return line;
  std::size_t cut = 0;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < line.size() && chars < kDerivedTitleChars; ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0u) != 0x80u) ++chars;
    if (line[i] == ' ') cut = i;
  }
  if (cut == 0) cut = line.find(' ', kDerivedTitleChars / 2);
  return line.substr(0, cut == std::string::npos ? kDerivedTitleChars : cut) + "…";
}

Status check_title(const std::string& title) {
  if (title.empty() || utf8_length(title) > kMaxTitleChars || !is_clean_text(title, false)) {
    return Error::invalid("title", "Geef een titel van 1 tot 200 tekens.");
  }
  return {};
}

std::set<std::string, std::less<>> ids_of(const model::Answers& answers) {
  std::set<std::string, std::less<>> ids;
  for (const auto& [id, value] : answers) ids.insert(id);
  return ids;
}

// breach.attachments lists the stored documents; only AttachmentService changes it,
// together with the documents themselves.
Status refuse_attachment_list(const model::Answers& answers) {
  if (answers.count("breach.attachments") == 0) return {};
  return Error::invalid("breach.attachments",
                        "Ondersteunende documentatie voegt u toe of verwijdert u als bestand (bij hoofdstuk 5 of via "
                        "/api/v1/breaches/{id}/attachments); dit antwoord volgt de opgeslagen documenten.");
}

// Applies `changes` (unknown = clear) to `answers` after checking them; on error
// `answers` is left as it was.
Status apply_changes(model::Answers& answers, const model::Answers& changes, TimePoint now) {
  BD_TRY(refuse_attachment_list(changes));
  model::Answers set;
  for (const auto& [key, value] : changes) {
    if (!model::is_unknown(value)) set.emplace(key, value);
    else if (model::find_question(key) == nullptr) return Error::invalid(key, "Onbekende vraag: " + key);
  }
  BD_TRY(check_answers(set));
  model::Answers merged = answers;
  for (const auto& [key, value] : changes) {
    if (model::is_unknown(value)) merged.erase(key);
    else merged[key] = value;
  }
  BD_TRY(check_changed(merged, ids_of(changes), now));
  answers = std::move(merged);
  return {};
}

void put_text(model::Answers& answers, const char* id, const std::string& text) {
  if (!text.empty()) answers[id] = text;
}

}  // namespace

BreachService::BreachService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

Result<model::Breach> BreachService::intake(const Actor& actor, const IntakeInput& input) {
  if (!can_report(actor)) return Error::forbidden("Uw rol mag geen datalekken melden.");
  auto what = trim(input.what_happened);
  if (what.empty()) return Error::invalid("what_happened", "Beschrijf wat er is gebeurd.");
  auto now = clock_.now();
  TimePoint discovered = input.discovered == TimePoint{} ? now : input.discovered;
  if (discovered > now + kClockSkew) {
    return Error::invalid("discovered", "Het moment van ontdekken ligt in de toekomst.");
  }
  model::Answers answers;
  answers["breach.summary"] = what;
  answers["time.discovered"] = amsterdam_datetime(discovered);
  put_text(answers, "reporter.name", trim(input.reporter_name.empty() ? actor.display_name : input.reporter_name));
  put_text(answers, "reporter.phone", trim(input.reporter_phone));
  put_text(answers, "reporter.email",
           to_lower_ascii(trim(input.reporter_email.empty() ? actor.email : input.reporter_email)));
  BD_TRY(check_answers(answers));
  BD_TRY(check_changed(answers, ids_of(answers), now));
  auto title = trim(input.title);
  if (title.empty()) title = derive_title(what);
  BD_TRY(check_title(title));

  model::Breach breach;
  breach.organisation_id = actor.organisation_id;
  breach.title = title;
  breach.status = model::BreachStatus::kSuspected;
  breach.answers = std::move(answers);
  breach.reported_by = actor.user_id;
  breach.created_at = breach.updated_at = now;
  BD_ASSIGN_OR_RETURN(auto stored, db_.breaches().create(std::move(breach), author_of(actor, now, "melding")));
  spdlog::info("breach {} reported by user {}", stored.id, actor.user_id);
  return stored;
}

Result<model::Breach> BreachService::create(const Actor& actor, std::string title, model::Answers answers) {
  if (!can_edit(actor)) return Error::forbidden("Uw rol mag geen datalekken aanmaken.");
  title = trim(title);
  BD_TRY(check_title(title));
  for (auto it = answers.begin(); it != answers.end();) {
    it = model::is_unknown(it->second) ? answers.erase(it) : std::next(it);
  }
  BD_TRY(refuse_attachment_list(answers));
  BD_TRY(check_answers(answers));
  auto now = clock_.now();
  BD_TRY(check_changed(answers, ids_of(answers), now));
  model::Breach breach;
  breach.organisation_id = actor.organisation_id;
  breach.title = std::move(title);
  breach.answers = std::move(answers);
  breach.reported_by = actor.user_id;
  breach.created_at = breach.updated_at = now;
  BD_ASSIGN_OR_RETURN(auto stored, db_.breaches().create(std::move(breach), author_of(actor, now)));
  spdlog::info("breach {} created by user {}", stored.id, actor.user_id);
  return stored;
}

Result<model::Breach> BreachService::get(const Actor& actor, std::string_view id) {
  auto breach = db_.breaches().get(actor.organisation_id, id);
  if (!breach.ok()) {
    if (breach.error().kind == ErrorKind::kNotFound) return breach_not_found();
    return breach;
  }
  // A reporter learns nothing of breaches reported by others, not even that they exist.
  if (!can_read_all(actor) && breach->reported_by != actor.user_id) return breach_not_found();
  return breach;
}

Result<model::Breach> BreachService::update(const Actor& actor, std::string_view id, const BreachUpdate& update) {
  BD_ASSIGN_OR_RETURN(auto breach, get(actor, id));
  if (!can_edit(actor)) return Error::forbidden("Uw rol mag dit datalek niet wijzigen.");
  if (breach.version != update.expected_version) {
    return Error::conflict("Dit datalek is intussen door iemand anders gewijzigd (nu versie " +
                           std::to_string(breach.version) + "). Uw wijzigingen zijn niet opgeslagen.");
  }
  BD_TRY(apply_changes(breach.answers, update.changes, clock_.now()));
  if (update.title) {
    auto title = trim(*update.title);
    BD_TRY(check_title(title));
    breach.title = std::move(title);
  }
  auto note = trim(update.note);
  if (utf8_length(note) > 1000 || !is_clean_text(note, true)) {
    return Error::invalid("note", "De toelichting mag hoogstens 1000 tekens lang zijn.");
  }
  const TimePoint now = clock_.now();
  std::optional<model::StatusChange> moved;
  if (update.status && *update.status != breach.status) {
    // Only starting the assessment needs no further facts; decisions, filing and
    // reopening go through WorkflowService, which applies model/lifecycle.h.
    if (breach.status != model::BreachStatus::kSuspected || *update.status != model::BreachStatus::kAssessing) {
      return Error::conflict("Deze statuswijziging gaat via de beoordeling van het datalek.");
    }
    // Recorded like every other move, so the status history is complete.
    moved = model::StatusChange{breach.id, breach.status, *update.status, actor.user_id, now, note, std::nullopt};
    breach.status = *update.status;
  }
  Result<model::Breach> saved = Error::internal("breach update did not run");
  Status written = db_.transaction([&]() -> Status {
    saved = db_.breaches().update(breach, update.expected_version, author_of(actor, now, note));
    if (!saved.ok()) return saved.error();
    if (moved) BD_TRY(db_.lifecycle().record(actor.organisation_id, *moved));
    return {};
  });
  if (!written.ok() && saved.ok()) return std::move(written).error();
  if (!saved.ok() && saved.error().kind == ErrorKind::kConflict) {
    return Error::conflict("Dit datalek is intussen door iemand anders gewijzigd. Uw wijzigingen zijn niet opgeslagen.");
  }
  if (saved.ok() && saved->version != update.expected_version) {
    spdlog::info("breach {} updated to version {} by user {}", saved->id, saved->version, actor.user_id);
  }
  return saved;
}

Result<std::vector<model::Revision>> BreachService::revisions(const Actor& actor, std::string_view id) {
  BD_TRY(get(actor, id));
  return db_.breaches().revisions(actor.organisation_id, id);
}

}  // namespace bd::service
