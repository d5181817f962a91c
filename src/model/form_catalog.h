// Internal to the model layer: the raw question tables of the catalogue, split over
// a few translation units by chapter. Use model/form_schema.h instead; it adds the
// `<id>_other` companions, the form order and the id index.
#pragma once

#include <span>

#include "model/form_schema.h"

namespace bd::model::catalog {

std::span<const Question> meta_and_intro();        // chapters 0–2
std::span<const Question> organisation_and_time();  // chapters 3–4
std::span<const Question> breach_and_data();        // chapters 5–7
std::span<const Question> effects_and_followup();   // chapters 8–10
std::span<const Question> assessment_facts();       // chapter 11

}  // namespace bd::model::catalog
