// The documented Assessment schema (docs/openapi.yaml) and the example in
// docs/assessment.md against the real output of json::assess_document, which both
// POST /api/v1/assess and `breachdesk assess` answer with: the same property names at
// every depth, every token inside its documented enum, and the enums of risk, band,
// form_severity, reason and exemption codes and unknown ids equal to what the engine
// can give.
//
// The repository has no YAML parser, so this reads the block-style subset the schema
// section is written in: `key: value` and `key:` lines nested by indentation, values
// in flow style (possibly continued on deeper-indented lines), `|` text blocks. A
// block sequence ("- item") in a schema it reads fails the test rather than being
// misread.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "golden_support.h"
#include "json/assessment_codec.h"

namespace bd::json {
namespace {

namespace bj = boost::json;

struct Node {
  std::string value;  // the inline (flow) value, empty for a block
  std::map<std::string, Node> children;
};

struct Line {
  std::size_t indent = 0;
  std::string key;
  std::string value;
};

// The lines of `components.schemas.<name>`, one per key, continuation lines joined.
std::vector<Line> schema_lines(const std::string& yaml, const std::string& name) {
  static const std::regex kKey(R"re(([A-Za-z0-9_$.]+):(?: (.*))?)re");
  std::istringstream in(yaml.substr(yaml.find("\n  schemas:\n")));
  std::vector<Line> lines;
  bool inside = false;
  std::size_t literal_indent = std::string::npos;  // the key of a "|" or ">" text block
  for (std::string text; std::getline(in, text);) {
    const std::size_t indent = text.find_first_not_of(' ');
    if (indent == std::string::npos) continue;
    if (!inside) {
      inside = text == "    " + name + ":";
      continue;
    }
    if (indent <= 4) break;
    std::smatch m;
    const std::string body = text.substr(indent);
    if (literal_indent != std::string::npos && indent > literal_indent) {
      lines.back().value += " " + body;
      continue;
    }
    literal_indent = std::string::npos;
    if (body.starts_with("- ")) {
      ADD_FAILURE() << "schema " << name << " has a block sequence, which this reader does not read: " << text;
    } else if (std::regex_match(body, m, kKey)) {
      lines.push_back({indent, m[1].str(), m[2].str()});
      if (m[2] == "|" || m[2] == ">") literal_indent = indent;
    } else if (!lines.empty()) {
      lines.back().value += " " + body;
    }
  }
  EXPECT_FALSE(lines.empty()) << "no schema " << name << " in docs/openapi.yaml";
  return lines;
}

std::map<std::string, Node> build(const std::vector<Line>& lines, std::size_t& pos, std::size_t indent) {
  std::map<std::string, Node> nodes;
  while (pos < lines.size() && lines[pos].indent == indent) {
    Node& node = nodes[lines[pos].key];
    node.value = lines[pos].value;
    ++pos;
    if (pos < lines.size() && lines[pos].indent > indent) node.children = build(lines, pos, lines[pos].indent);
  }
  return nodes;
}

class Schemas {
 public:
  Schemas() : yaml_(test::read_text(std::string(BD_SOURCE_DIR) + "/docs/openapi.yaml")) {}

  const Node& get(const std::string& name) {
    auto it = schemas_.find(name);
    if (it == schemas_.end()) {
      const auto lines = schema_lines(yaml_, name);
      std::size_t pos = 0;
      Node node;
      if (!lines.empty()) node.children = build(lines, pos, lines.front().indent);
      it = schemas_.emplace(name, std::move(node)).first;
    }
    return it->second;
  }

 private:
  std::string yaml_;
  std::map<std::string, Node> schemas_;
};

// A node's own value and every value below it, joined.
std::string all_text(const Node& node) {
  std::string text = node.value;
  for (const auto& [key, child] : node.children) text += " " + key + ": " + all_text(child);
  return text;
}

std::vector<std::string> enum_of(const std::string& text) {
  static const std::regex kEnum(R"re(enum: \[([^\]]*)\])re");
  std::smatch m;
  std::vector<std::string> items;
  if (!std::regex_search(text, m, kEnum)) return items;
  std::istringstream in(m[1].str());
  for (std::string item; std::getline(in, item, ',');) {
    const auto first = item.find_first_not_of(' ');
    const auto last = item.find_last_not_of(' ');
    if (first != std::string::npos) items.push_back(item.substr(first, last - first + 1));
  }
  return items;
}

// Documented property paths ("severity.cb.total", "exemptions[].code") → their enum.
using Documented = std::map<std::string, std::vector<std::string>>;

void document(Schemas& schemas, const Node& schema, const std::string& prefix, Documented& out) {
  static const std::regex kRef(R"re(\$ref: "#/components/schemas/(\w+)")re");
  const auto properties = schema.children.find("properties");
  if (properties == schema.children.end()) return;
  for (const auto& [name, property] : properties->second.children) {
    const std::string path = prefix + name;
    if (property.children.contains("properties")) {
      out[path] = {};
      document(schemas, property, path + ".", out);
      continue;
    }
    const std::string text = all_text(property);
    out[path] = enum_of(text);
    std::smatch ref;
    if (!std::regex_search(text, ref, kRef)) continue;
    const auto type = property.children.find("type");
    const bool array = property.value.find("type: array") != std::string::npos ||
                       (type != property.children.end() && type->second.value == "array");
    document(schemas, schemas.get(ref[1].str()), path + (array ? "[]." : "."), out);
  }
}

bool in_enum(const bj::value& value, const std::vector<std::string>& allowed) {
  for (const auto& item : allowed) {
    if (value.is_string() && value.as_string() == item) return true;
    if (value.is_number() && std::abs(value.to_number<double>() - std::stod(item)) < 1e-9) return true;
  }
  return false;
}

// Every key path of `value`, checking each scalar against the documented enum, if any.
void output(const bj::object& object, const std::string& prefix, const Documented& documented,
            std::set<std::string>& out) {
  auto check = [&documented](const std::string& path, const bj::value& scalar) {
    const auto doc = documented.find(path);
    if (doc == documented.end() || doc->second.empty()) return;
    EXPECT_TRUE(in_enum(scalar, doc->second)) << path << " = " << bj::serialize(scalar) << " is not in its enum";
  };
  for (const auto& [key, value] : object) {
    const std::string path = prefix + std::string(key);
    out.insert(path);
    if (value.is_object()) {
      output(value.as_object(), path + ".", documented, out);
    } else if (value.is_array()) {
      for (const auto& item : value.as_array()) {
        if (item.is_object()) output(item.as_object(), path + "[].", documented, out);
        else check(path, item);
      }
    } else if (!value.is_null()) {
      check(path, value);
    }
  }
}

std::set<std::string> keys_of(const Documented& documented) {
  std::set<std::string> keys;
  for (const auto& [path, values] : documented) keys.insert(path);
  return keys;
}

std::string joined(const std::set<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// Encrypted card data taken by an attacker from a financial undertaking, whether the
// key leaked not yet known: every part of the output is filled — a DPC adjustment,
// reasons for both decisions, an exemption (UAVG 42), an unknown that matters
// (assess.key_compromised) and a deadline.
constexpr const char* kEverythingFilled = R"({"answers": {
  "breach.nature": ["confidentiality"], "breach.incident_type": "hacking_malware_phishing",
  "data.general": ["name", "credit_card"], "protection.measures": ["encrypted"],
  "time.discovered": "2026-03-28T10:00:00+01:00", "assess.exfiltrated": true,
  "assess.financial_undertaking": true}})";

TEST(AssessmentSchema, DocumentedPropertiesAreExactlyTheOutputsKeys) {
  Schemas schemas;
  Documented documented;
  document(schemas, schemas.get("Assessment"), "", documented);
  auto out = assess_document(kEverythingFilled);
  ASSERT_TRUE(out.ok()) << out.error().message;
  ASSERT_FALSE(out->at("severity").at("dpc_adjustment").is_null());
  ASSERT_FALSE(out->at("exemptions").as_array().empty());
  ASSERT_FALSE(out->at("unknowns_that_matter").as_array().empty());
  ASSERT_FALSE(out->at("deadline").is_null());
  std::set<std::string> written;
  output(*out, "", documented, written);

  const std::set<std::string> described = keys_of(documented);
  std::set<std::string> undocumented, missing;
  for (const auto& path : written) if (!described.contains(path)) undocumented.insert(path);
  for (const auto& path : described) if (!written.contains(path)) missing.insert(path);
  EXPECT_TRUE(undocumented.empty()) << "written but not in the Assessment schema: " << joined(undocumented);
  EXPECT_TRUE(missing.empty()) << "in the Assessment schema but not written: " << joined(missing);
}

// The JSON example under "## Output schema" in docs/assessment.md, its `//` comments
// taken out.
bj::object assessment_md_example() {
  const std::string md = test::read_text(std::string(BD_SOURCE_DIR) + "/docs/assessment.md");
  const auto section = md.find("## Output schema");
  const auto start = md.find("```json\n", section);
  const auto end = md.find("\n```", start + 1);
  if (section == std::string::npos || start == std::string::npos || end == std::string::npos) {
    ADD_FAILURE() << "no ```json block under ## Output schema in docs/assessment.md";
    return {};
  }
  static const std::regex kComment(R"re(\s+//[^\n]*)re");
  const std::string json = std::regex_replace(md.substr(start + 8, end - start - 8), kComment, "");
  boost::system::error_code ec;
  bj::value value = bj::parse(json, ec);
  if (ec || !value.is_object()) {
    ADD_FAILURE() << "the Output schema example is not a JSON object: " << ec.message();
    return {};
  }
  return value.as_object();
}

TEST(AssessmentSchema, AssessmentMdExampleHasExactlyTheOutputsKeys) {
  auto out = assess_document(kEverythingFilled);
  ASSERT_TRUE(out.ok()) << out.error().message;
  const bj::object example = assessment_md_example();
  std::set<std::string> written, shown;
  output(*out, "", Documented{}, written);
  output(example, "", Documented{}, shown);
  // The example shows dpc_adjustment as null, its reason form in a comment.
  ASSERT_TRUE(example.contains("severity") && example.at("severity").as_object().contains("dpc_adjustment"));
  auto hidden_by_null = [](const std::string& path) { return path.starts_with("severity.dpc_adjustment."); };
  std::set<std::string> not_shown, extra;
  for (const auto& path : written) if (!shown.contains(path) && !hidden_by_null(path)) not_shown.insert(path);
  for (const auto& path : shown) if (!written.contains(path)) extra.insert(path);
  EXPECT_TRUE(not_shown.empty()) << "written but not in the docs/assessment.md example: " << joined(not_shown);
  EXPECT_TRUE(extra.empty()) << "in the docs/assessment.md example but not written: " << joined(extra);
}

std::set<std::string> documented_enum(const std::string& path) {
  Schemas schemas;
  Documented documented;
  document(schemas, schemas.get("Assessment"), "", documented);
  const auto it = documented.find(path);
  EXPECT_NE(it, documented.end()) << path;
  return it == documented.end() ? std::set<std::string>{} : std::set<std::string>(it->second.begin(), it->second.end());
}

TEST(AssessmentSchema, TokenEnumsAreWhatTheEngineCanGive) {
  using model::assess::Band;
  using model::assess::RiskLevel;
  std::set<std::string> risks, bands, form_severities;
  for (auto level : {RiskLevel::kUnlikely, RiskLevel::kRisk, RiskLevel::kHighRisk}) {
    risks.emplace(model::assess::to_token(level));
  }
  for (auto band : {Band::kLow, Band::kMedium, Band::kHigh, Band::kVeryHigh}) {
    bands.emplace(model::assess::to_token(band));
    form_severities.emplace(model::assess::severity_token(band));
  }
  EXPECT_EQ(documented_enum("risk"), risks);
  EXPECT_EQ(documented_enum("severity.band"), bands);
  EXPECT_EQ(documented_enum("severity.form_severity"), form_severities);

  std::set<std::string> reasons, exemptions;
  for (const auto& [code, table] : test::engine_codes()) (table.exemption ? exemptions : reasons).insert(code);
  EXPECT_EQ(documented_enum("reasons.notify_ap[].code"), reasons);
  EXPECT_EQ(documented_enum("severity.dpc_adjustment.code"), reasons);
  EXPECT_EQ(documented_enum("exemptions[].code"), exemptions);
}

// The ids the engine may name as unknowns that matter are the string literals of its
// probes in assessment.cc.
TEST(AssessmentSchema, UnknownIdsEnumIsTheEnginesProbes) {
  static const std::regex kId(R"re("((?:assess|breach|data|subjects)\.[a-z_]+)")re");
  const std::string source = test::read_text(std::string(BD_SOURCE_DIR) + "/src/model/assess/assessment.cc");
  std::set<std::string> probes;
  for (std::sregex_iterator it(source.begin(), source.end(), kId), end; it != end; ++it) probes.insert((*it)[1].str());
  ASSERT_FALSE(probes.empty());
  EXPECT_EQ(documented_enum("unknowns_that_matter"), probes);
}

}  // namespace
}  // namespace bd::json
