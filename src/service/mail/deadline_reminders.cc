#include "service/mail/deadline_reminders.h"

#include <spdlog/spdlog.h>

#include <utility>
#include <vector>

#include "base/time_zone.h"
#include "model/deadline.h"
#include "model/reminder_plan.h"
#include "storage/account_repositories.h"
#include "storage/breach_repository.h"
#include "storage/database.h"
#include "storage/workflow_repositories.h"

namespace bd::service {
namespace {

// Breaches whose AP notification may still be due.
const std::vector<model::BreachStatus> kOpenStatuses = {
    model::BreachStatus::kSuspected, model::BreachStatus::kAssessing, model::BreachStatus::kDecidedNotify};

model::Language language_of(const storage::User& user) {
  return user.locale == "en" ? model::Language::kEn : model::Language::kNl;
}

storage::OutboxMessage reminder_message(const pages::Catalog& catalog, const storage::User& officer,
                                        const model::Breach& breach, const model::DeadlineStatus& deadline,
                                        model::ReminderKind kind, const std::string& link) {
  const std::string lang = officer.locale == "en" ? "en" : "nl";
  const std::string token(model::to_token(kind));
  const std::vector<std::pair<std::string, std::string>> args = {
      {"reference", breach.reference},
      {"title", breach.title},
      {"deadline", format_for_people(deadline.due)},
      {"hours", std::to_string(deadline.length.count())},  // the configured deadline length
      {"left", model::describe_deadline(deadline, language_of(officer))},
      {"link", link},
      {"name", officer.display_name},
  };
  storage::OutboxMessage m;
  m.organisation_id = breach.organisation_id;
  m.breach_id = breach.id;
  m.kind = "deadline_reminder";
  m.recipient = officer.email;
  m.subject = catalog.format(lang, "mail.reminder." + token + ".subject", args);
  m.body_text = catalog.format(lang, "mail.reminder." + token + ".body", args);
  m.dedupe_key = "reminder:" + breach.id + ":" + token + ":" + officer.id;
  return m;
}

}  // namespace

DeadlineReminders::DeadlineReminders(storage::Database& db, const Clock& clock, const pages::Catalog& catalog,
                                     ReminderOptions options)
    : db_(db), clock_(clock), catalog_(catalog), options_(std::move(options)) {}

Result<int> DeadlineReminders::enqueue_due() {
  BD_ASSIGN_OR_RETURN(auto organisations, db_.organisations().list());
  int total = 0;
  for (const auto& org : organisations) {
    // A processor informs its controllers and has no AP deadline of its own (Art. 33(2)).
    if (org.kind == storage::OrganisationKind::kProcessor) continue;
    BD_ASSIGN_OR_RETURN(int n, enqueue_for_organisation(org.id));
    total += n;
  }
  return total;
}

Result<int> DeadlineReminders::enqueue_for_organisation(const std::string& organisation_id) {
  BD_ASSIGN_OR_RETURN(auto users, db_.users().list_by_organisation(organisation_id));
  std::vector<storage::User> officers;
  for (auto& u : users) {
    if (u.role == "privacy_officer" && !u.disabled) officers.push_back(std::move(u));
  }
  if (officers.empty()) return 0;

  storage::BreachQuery query;
  query.organisation_id = organisation_id;
  query.statuses = kOpenStatuses;
  query.limit = 1000;
  const TimePoint now = clock_.now();
  int enqueued = 0;
  for (query.offset = 0;; query.offset += query.limit) {
    BD_ASSIGN_OR_RETURN(auto page, db_.breaches().list(query));
    for (const auto& summary : page.items) {
      BD_ASSIGN_OR_RETURN(auto breach, db_.breaches().get(organisation_id, summary.id));
      auto deadline = model::deadline_status(breach.answers, now, options_.deadline_hours);
      if (!deadline.ok() || !deadline->has_value()) continue;  // no (valid) awareness time: no clock
      const auto kind = model::due_reminder(**deadline, now);
      if (!kind) continue;
      const std::string link = options_.base_url + "/breaches/" + breach.id;
      for (const auto& officer : officers) {
        auto m = reminder_message(catalog_, officer, breach, **deadline, *kind, link);
        m.next_attempt_at = now;
        m.created_at = now;
        auto stored = db_.outbox().enqueue(std::move(m));
        if (stored.ok()) {
          ++enqueued;
        } else if (stored.error().kind != ErrorKind::kConflict) {  // kConflict: sent before
          return std::move(stored).error();
        }
      }
    }
    if (query.offset + query.limit >= page.total) break;
  }
  if (enqueued > 0) spdlog::info("deadline reminders: {} enqueued for organisation {}", enqueued, organisation_id);
  return enqueued;
}

}  // namespace bd::service
