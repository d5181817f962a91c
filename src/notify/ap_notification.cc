#include "notify/ap_notification.h"

#include <chrono>

#include "base/time_zone.h"
#include "model/labels.h"
#include "model/validation.h"

namespace bd::notify {
namespace {

constexpr int kFirstFormChapter = 1;
constexpr int kLastFormChapter = 10;

const model::Value kUnknown{};

const model::Value& value_of(const model::Answers& answers, std::string_view id) {
  auto it = answers.find(id);
  return it == answers.end() ? kUnknown : it->second;
}

std::string text_of(const model::Answers& answers, std::string_view id) {
  const auto* s = std::get_if<std::string>(&value_of(answers, id));
  return s == nullptr ? std::string() : *s;
}

NotificationKind kind_of(const model::Answers& answers) {
  const std::string token = text_of(answers, "meta.kind");
  if (token == "supplement") return NotificationKind::kSupplement;
  if (token == "amendment") return NotificationKind::kAmendment;
  if (token == "withdrawal") return NotificationKind::kWithdrawal;
  return NotificationKind::kInitial;
}

std::string meta_label(std::string_view id, std::string_view token, Language lang) {
  return std::string(model::option_label(id, token, lang));
}

void fill_meta(const model::Breach& breach, const BuildOptions& options, ApNotification& out) {
  const auto& a = breach.answers;
  const Language lang = options.language;
  out.kind = kind_of(a);
  out.status = text_of(a, "meta.status") == "final" ? NotificationStatus::kFinal : NotificationStatus::kPreliminary;
  out.kind_label = meta_label("meta.kind", to_token(out.kind), lang);
  out.status_label = meta_label("meta.status", to_token(out.status), lang);
  out.ap_reference = text_of(a, "meta.ap_reference");
  if (!model::is_unknown(value_of(a, "meta.submitted_at"))) {
    out.submitted_at = model::display_value("meta.submitted_at", value_of(a, "meta.submitted_at"), lang);
  }
  out.previous = text_of(a, "meta.previous");
  out.organisation = text_of(a, "org.name");
  out.breach_id = breach.id;
  out.reference = breach.reference;
  out.title = breach.title;
  out.generated_at = format_for_people(options.now);
}

void fill_chapters(const model::Answers& answers, Language lang, ApNotification& out) {
  for (const auto& chapter : model::chapters()) {
    if (chapter.number < kFirstFormChapter || chapter.number > kLastFormChapter) continue;
    out.chapters.push_back({chapter.number, chapter.title(lang), {}});
  }
  for (const auto& q : model::questions()) {
    if (q.chapter < kFirstFormChapter || q.chapter > kLastFormChapter || !model::applies(q, answers)) continue;
    const model::Value& v = value_of(answers, q.id);
    auto& chapter = out.chapters[static_cast<std::size_t>(q.chapter - kFirstFormChapter)];
    chapter.items.push_back({q.id, q.label(lang), model::display_value(q, v, lang), !model::is_unknown(v), false});
  }
}

bool in_notification(const model::Question& q) { return q.chapter >= 0 && q.chapter <= kLastFormChapter; }

}  // namespace

std::string_view to_token(NotificationKind kind) {
  switch (kind) {
    case NotificationKind::kInitial: return "initial";
    case NotificationKind::kSupplement: return "supplement";
    case NotificationKind::kAmendment: return "amendment";
    case NotificationKind::kWithdrawal: return "withdrawal";
  }
  return "initial";
}

std::string_view to_token(NotificationStatus status) {
  return status == NotificationStatus::kFinal ? "final" : "preliminary";
}

ApNotification build_ap_notification(const model::Breach& breach, const BuildOptions& options) {
  ApNotification out;
  out.language = options.language;
  fill_meta(breach, options, out);
  fill_chapters(breach.answers, options.language, out);
  for (const auto& m : model::missing_for_notification(breach.answers, options.now,
                                                       std::chrono::hours{options.deadline_hours})) {
    const model::Question* q = model::find_question(m.id);
    out.missing.push_back({m.id, q != nullptr ? q->label(options.language) : m.id, m.required_by});
  }
  if (options.previous != nullptr) {
    out.changes = changes_since(*options.previous, breach.answers, options.language);
    for (auto& chapter : out.chapters) {
      for (auto& item : chapter.items) {
        for (const auto& c : out.changes) item.changed = item.changed || c.id == item.id;
      }
    }
  }
  return out;
}

std::vector<ChangedAnswer> changes_since(const model::Answers& previous, const model::Answers& current,
                                         Language language) {
  std::vector<ChangedAnswer> out;
  for (const auto& q : model::questions()) {
    if (!in_notification(q)) continue;
    // Bookkeeping of the notification itself always differs between versions.
    if (q.id == "meta.kind" || q.id == "meta.previous" || q.id == "meta.submitted_at" ||
        q.id == "meta.ap_reference" || q.id == "meta.status") {
      continue;
    }
    const model::Value& before = value_of(previous, q.id);
    const model::Value& after = value_of(current, q.id);
    if (before == after) continue;
    out.push_back({q.id, q.label(language), model::display_value(q, before, language),
                   model::display_value(q, after, language)});
  }
  return out;
}

Result<model::Answers> start_follow_up(const model::Answers& filed, NotificationKind kind) {
  const std::string meldnummer = text_of(filed, "meta.ap_reference");
  if (meldnummer.find_first_not_of(" \t") == std::string::npos) {
    return Error::conflict("Een vervolgmelding kan pas na een ingediende melding met meldnummer / "
                           "A follow-up needs a filed notification with its AP number");
  }
  if (kind == NotificationKind::kInitial) {
    return Error::invalid("meta.kind", "Een vervolgmelding is een aanvulling, wijziging of intrekking / "
                                       "A follow-up is a supplement, amendment or withdrawal");
  }
  model::Answers next = filed;
  next["meta.kind"] = std::string(to_token(kind));
  next["meta.previous"] = meldnummer;
  next["meta.status"] = std::string("preliminary");
  next.erase(std::string("meta.ap_reference"));
  next.erase(std::string("meta.submitted_at"));
  return next;
}

}  // namespace bd::notify
