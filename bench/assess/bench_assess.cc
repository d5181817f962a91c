// Assessments per second on one core: the engine alone (Facts → Assessment, with
// reasons and the unknowns probe) and from form answers (Answers → Facts →
// Assessment). A fixed mix of realistic breaches, cycled; a checksum keeps the
// optimiser from dropping the work. Time is the thread's CPU time (one core).
#include <time.h>

#include <cstdio>
#include <string>
#include <vector>

#include "model/assess/assessment.h"

namespace {

using bd::model::Answers;
using Strings = std::vector<std::string>;

std::vector<Answers> mix() {
  std::vector<Answers> out;
  out.push_back({{"breach.nature", Strings{"confidentiality"}},
                 {"breach.incident_type", std::string("authorisation_misconfigured")},
                 {"data.general", Strings{"name", "address", "bsn", "financial", "birth_date_or_age", "email"}},
                 {"subjects.groups", Strings{"customers", "employees"}},
                 {"protection.measures", Strings{"none"}},
                 {"assess.recipients", std::string("unknown_number")},
                 {"assess.malicious", false},
                 {"assess.exfiltrated", false},
                 {"assess.controller_context", std::string("care_provider")},
                 {"assess.financial_undertaking", false},
                 {"assess.data_recovered", false}});
  out.push_back({{"breach.nature", Strings{"confidentiality"}},
                 {"breach.incident_type", std::string("email_wrong_recipient")},
                 {"data.general", Strings{"name", "address"}},
                 {"subjects.count", std::int64_t{1}},
                 {"assess.recipients", std::string("known_untrusted")},
                 {"assess.malicious", false},
                 {"assess.exfiltrated", false},
                 {"assess.vulnerable", false},
                 {"assess.controller_context", std::string("none")}});
  out.push_back({{"breach.nature", Strings{"availability_temporary"}},
                 {"breach.incident_type", std::string("hacking_malware_phishing")},
                 {"data.general", Strings{"name", "email"}},
                 {"assess.malicious", true},
                 {"assess.exfiltrated", false},
                 {"assess.backup", true},
                 {"assess.restore_hours", 6.0}});
  out.push_back({{"breach.nature", Strings{"confidentiality", "integrity", "availability_temporary"}},
                 {"breach.incident_type", std::string("hacking_malware_phishing")},
                 {"protection.measures", Strings{"none"}}});
  return out;
}

// CPU time of this thread, so that other processes on a shared machine do not count.
double thread_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

template <typename F>
void measure(const char* what, F&& one) {
  std::size_t n = 0, checksum = 0;
  const double start = thread_seconds();
  double seconds = 0;
  while (seconds < 1.0) {
    for (int i = 0; i < 10000; ++i, ++n) checksum += one(n);
    seconds = thread_seconds() - start;
  }
  std::printf("%-44s %12.0f assessments/s  (%.0f ns each, checksum %zu)\n", what, static_cast<double>(n) / seconds,
              seconds * 1e9 / static_cast<double>(n), checksum % 1000);
}

}  // namespace

int main() {
  namespace a = bd::model::assess;
  const auto answers = mix();
  std::vector<a::Facts> facts;
  for (const auto& x : answers) facts.push_back(*a::facts_from_answers(x));
  std::printf("bench/assess: one core, engine %s, config %s, %zu breaches cycled\n", a::kEngineVersion.data(),
              a::default_config().version.data(), answers.size());
  measure("engine (Facts -> Assessment)", [&](std::size_t i) {
    const auto r = a::assess(facts[i % facts.size()]);
    return static_cast<std::size_t>(r.notify_ap) + r.notify_reasons.size() + r.unknowns_that_matter.size();
  });
  measure("from answers (Answers -> Assessment)", [&](std::size_t i) {
    const auto r = a::assess(answers[i % answers.size()]);
    return r.ok() ? static_cast<std::size_t>(r->inform_subjects) + r->inform_reasons.size() : 0U;
  });
  a::Facts known = facts[0];  // seed 000 with every fact answered: nothing to probe
  known.special.known = true;
  known.groups.known = true;
  known.backup = a::Tri::kYes;
  known.restore_hours = 0;
  known.vulnerable = a::Tri::kNo;
  known.key_compromised = a::Tri::kNo;
  measure("seed 000, every fact known", [&](std::size_t) { return a::assess(known).notify_reasons.size(); });
  return 0;
}
