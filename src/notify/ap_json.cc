// JSON export of the AP notification, keyed by the form ids (spec/ap-form.md).
#include <boost/json/serialize.hpp>

#include "json/answers_codec.h"
#include "notify/ap_notification.h"

namespace bd::notify {
namespace {

namespace bj = boost::json;

bj::string_view sv(std::string_view s) { return {s.data(), s.size()}; }

bj::object answers_object(const model::Answers& answers) {
  bj::object out;
  for (const auto& q : model::questions()) {
    if (q.chapter > 10 || !model::applies(q, answers)) continue;  // assess.* is internal
    auto it = answers.find(q.id);
    out[sv(q.id)] = it == answers.end() ? bj::value(nullptr) : json::value_to_json(it->second);
  }
  return out;
}

}  // namespace

std::string render_json(const model::Breach& breach, const ApNotification& n) {
  bj::array missing;
  for (const auto& m : n.missing) missing.push_back(bj::object{{"id", sv(m.id)}, {"required_by", sv(m.required_by)}});
  bj::array changed;
  for (const auto& c : n.changes) changed.emplace_back(sv(c.id));
  auto optional_text = [](const std::string& s) { return s.empty() ? bj::value(nullptr) : bj::value(s); };
  const bj::object doc{{"format", "breachdesk.ap-notification/1"},
                       {"breach", bj::object{{"id", breach.id}, {"reference", breach.reference}}},
                       {"language", n.language == Language::kNl ? "nl" : "en"},
                       {"kind", sv(to_token(n.kind))},
                       {"status", sv(to_token(n.status))},
                       {"ap_reference", optional_text(n.ap_reference)},
                       {"previous", optional_text(n.previous)},
                       {"answers", answers_object(breach.answers)},
                       {"missing", std::move(missing)},
                       {"changed", std::move(changed)}};
  return bj::serialize(doc);
}

}  // namespace bd::notify
