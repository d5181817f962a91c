// The AP notification ("melding datalek") as a document: every question of the AP's
// form (chapters 1–10 of model/form_schema.h, in the form's order, with its Dutch or
// English label) and the answer, or "Nog niet bekend" while unknown; the notification
// metadata (meta.*: initial / supplement / amendment / withdrawal, preliminary / final,
// the AP's meldnummer, the previous notification); what GDPR Art. 33(3) and the AP
// still require; and, for a follow-up, what changed since the previous version.
//
// Renderers (each its own file): print HTML (self-contained, A4 print CSS, every text
// escaped), PDF (pango/cairo, A4, DejaVu Sans, headings per chapter, page numbers) and
// a JSON export keyed by the form ids. Questions that do not apply given the other
// answers (model::applies) are left out; assessment facts (assess.*) are internal and
// never part of the notification.
//
// Ownership: an ApNotification owns its strings; string_views point into the static
// question catalogue. Thread-safety: pure functions; render_pdf uses only objects it
// creates, so documents may be rendered on several threads at once. Failure: building
// cannot fail; render_pdf returns kInternal if cairo reports an error; start_follow_up
// returns kConflict when the previous version was never filed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/result.h"
#include "model/breach.h"
#include "model/form_schema.h"

namespace bd::notify {

using model::Language;

enum class NotificationKind { kInitial, kSupplement, kAmendment, kWithdrawal };
enum class NotificationStatus { kPreliminary, kFinal };

std::string_view to_token(NotificationKind kind);      // the meta.kind tokens
std::string_view to_token(NotificationStatus status);  // the meta.status tokens

struct NotificationItem {
  std::string_view id;     // catalogue id, e.g. "breach.nature"
  std::string_view label;  // in the document's language
  std::string answer;      // display text, or "Nog niet bekend" / "Not yet known"
  bool known = false;
  bool changed = false;    // differs from the previous version (follow-ups only)
};

struct NotificationChapter {
  int number = 0;
  std::string_view title;
  std::vector<NotificationItem> items;
};

// A required answer that is still missing (model::missing_for_notification).
struct MissingItem {
  std::string_view id;
  std::string_view label;
  std::string_view required_by;  // "Art. 33(3)(a)", "AP", "Art. 33(1)", …
};

// One answer that differs between the previous notification and this one.
struct ChangedAnswer {
  std::string_view id;
  std::string_view label;
  std::string before;  // display text ("Nog niet bekend" when it was unknown)
  std::string after;
};

struct ApNotification {
  Language language = Language::kNl;
  std::string breach_id;
  std::string reference;   // the register's reference, e.g. "2026-0007"
  std::string title;
  std::string organisation;  // org.name, or empty
  NotificationKind kind = NotificationKind::kInitial;
  NotificationStatus status = NotificationStatus::kPreliminary;
  std::string kind_label;    // "Eerste melding", …
  std::string status_label;  // "Voorlopig", …
  std::string ap_reference;  // meldnummer, empty until filed
  std::string submitted_at;  // display text, empty until filed
  std::string previous;      // meldnummer of the notification this one follows up
  std::string generated_at;  // display text (Europe/Amsterdam)
  std::vector<NotificationChapter> chapters;  // 1–10, in form order
  std::vector<MissingItem> missing;           // empty when complete
  std::vector<ChangedAnswer> changes;         // follow-ups: changed since `previous`
};

struct BuildOptions {
  Language language = Language::kNl;
  TimePoint now{};                              // "generated at" and the lateness check
  const model::Answers* previous = nullptr;     // the previous version's answers, if any
  int deadline_hours = 72;
};

ApNotification build_ap_notification(const model::Breach& breach, const BuildOptions& options);

// The answers of chapters 1–10 (and meta.*) that differ between two versions, in form order.
std::vector<ChangedAnswer> changes_since(const model::Answers& previous, const model::Answers& current,
                                         Language language);

// The answers of a follow-up (supplement, amendment or withdrawal) to a filed version:
// the same answers, meta.kind = kind, meta.previous = the filed meldnummer,
// meta.status preliminary, and no meldnummer or submission time of its own yet.
Result<model::Answers> start_follow_up(const model::Answers& filed, NotificationKind kind);

std::string render_print_html(const ApNotification& notification);
Result<std::string> render_pdf(const ApNotification& notification);
// {"format", "breach": {"id", "reference"}, "language", "kind", "status", "ap_reference",
//  "previous", "answers": {id: value, …} (chapters 0–10 that apply, unknowns as null),
//  "missing": [{"id", "required_by"}], "changed": [id, …]}
std::string render_json(const model::Breach& breach, const ApNotification& notification);

}  // namespace bd::notify
