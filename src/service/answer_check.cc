#include "service/answer_check.h"

#include "model/form_schema.h"
#include "model/validation.h"

namespace bd::service {
namespace {

Error problem_error(const model::Problem& p) {
  return Error{ErrorKind::kInvalidInput, p.message_nl, p.field, p.message_en};
}

}  // namespace

Status check_answers(const model::Answers& answers) {
  for (const auto& [id, value] : answers) {
    const model::Question* q = model::find_question(id);
    if (q == nullptr) return Error::invalid(id, "Onbekende vraag: " + id);
    if (auto problem = model::check_value(*q, value)) return problem_error(*problem);
  }
  return {};
}

Status check_changed(const model::Answers& merged, const std::set<std::string, std::less<>>& changed_ids,
                     TimePoint now) {
  for (const auto& problem : model::validate_answers(merged, now)) {
    if (changed_ids.count(problem.field) != 0) return problem_error(problem);
  }
  return {};
}

}  // namespace bd::service
