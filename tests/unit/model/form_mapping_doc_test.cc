// docs/form-mapping.md carries a table generated from the catalogue; this test fails
// when the two drift apart and rewrites the table with BD_UPDATE_GOLDEN=1.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "model/form_schema.h"

namespace bd::model {
namespace {

constexpr std::string_view kBegin = "<!-- BEGIN GENERATED: do not edit; BD_UPDATE_GOLDEN=1 unit_model rewrites it -->\n";
constexpr std::string_view kEnd = "<!-- END GENERATED -->\n";

std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::string condition_text(const Condition& c) {
  const std::string id = "`" + std::string(c.id) + "`";
  std::string tokens(c.token);
  for (auto pos = tokens.find('|'); pos != std::string::npos; pos = tokens.find('|')) tokens.replace(pos, 1, ", ");
  switch (c.kind) {
    case ConditionKind::kAlways: return "";
    case ConditionKind::kIsTrue: return "if " + id + " is true";
    case ConditionKind::kNotTrue: return "unless " + id + " is true";
    case ConditionKind::kEquals: return "if " + id + " is " + tokens;
    case ConditionKind::kIncludes: return "if " + id + " includes " + tokens;
    case ConditionKind::kIncludesOtherThan: return "if " + id + " has a choice other than " + tokens;
  }
  return "";
}

std::string generated_table() {
  std::ostringstream out;
  int chapter = -1;
  for (const Question& q : questions()) {
    if (q.chapter != chapter) {
      chapter = q.chapter;
      const Chapter& c = *find_chapter(chapter);
      out << "\n### " << c.number << " " << c.title_nl << " (" << c.title_en << ")\n\n"
          << "| id | Dutch label | type | options | applies | required | personal data |\n"
          << "| --- | --- | --- | --- | --- | --- | --- |\n";
    }
    std::string options;
    for (const Option& o : q.options) {
      if (!options.empty()) options += "; ";
      options += "`" + std::string(o.token) + "` " + cell(o.label_nl);
    }
    out << "| `" << q.id << "` | " << cell(q.label_nl) << " | " << to_token(q.type)
        << (q.time_optional ? " (time optional)" : "") << " | " << options << " | " << condition_text(q.condition)
        << " | " << q.required_by << " | " << (q.personal_data ? "yes" : "") << " |\n";
  }
  out << "\n";
  return out.str();
}

TEST(FormMappingDoc, GeneratedTableMatchesTheCatalogue) {
  const std::string path = std::string(BD_SOURCE_DIR) + "/docs/form-mapping.md";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string doc = buffer.str();
  const auto begin = doc.find(kBegin);
  const auto end = doc.find(kEnd);
  ASSERT_NE(begin, std::string::npos);
  ASSERT_NE(end, std::string::npos);
  const auto from = begin + kBegin.size();
  const std::string table = generated_table();
  if (std::getenv("BD_UPDATE_GOLDEN") != nullptr) {
    doc.replace(from, end - from, table);
    std::ofstream(path) << doc;
    return;
  }
  EXPECT_EQ(doc.substr(from, end - from), table) << "run BD_UPDATE_GOLDEN=1 unit_model to refresh " << path;
}

}  // namespace
}  // namespace bd::model
