#include "scan/report_json.h"

#include <boost/json.hpp>

namespace bd::scan {
namespace {

namespace json = boost::json;

// Valid UTF-8 for every string that goes out: column names, paths and samples come
// from scanned bytes and may be cut mid-character; invalid bytes become U+FFFD.
std::string u(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size() && !(len == 2 && c < 0xC2) && !(len == 4 && c > 0xF4);
    for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok && len == 3) {
      auto c1 = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);
    }
    if (ok && len == 4) {
      auto c1 = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
    }
    if (ok) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out.append("\xEF\xBF\xBD");
      ++i;
    }
  }
  return out;
}

json::object counts(const std::map<std::string, std::uint64_t>& m) {
  json::object o;
  for (const auto& [k, v] : m) o[u(k)] = v;
  return o;
}

json::array strings(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.emplace_back(u(s));
  return a;
}

json::object categories_json(const ScanReport& r) {
  json::object cats;
  for (const auto& [cat, stats] : r.categories) {
    cats[to_key(cat)] = json::object{{"values", stats.values}, {"distinct", stats.distinct}, {"samples", strings(stats.samples)}};
  }
  return cats;
}

json::array files_json(const ScanReport& r) {
  json::array files;
  for (const auto& f : r.files) {
    files.push_back(json::object{{"path", u(f.path)},
                                 {"format", to_string(f.format)},
                                 {"bytes", f.bytes},
                                 {"records", f.records},
                                 {"records_with_personal_data", f.records_with_personal_data},
                                 {"values", counts(f.values)}});
  }
  return files;
}

json::array columns_json(const ScanReport& r) {
  json::array cols;
  for (const auto& c : r.columns) {
    cols.push_back(json::object{{"file", u(c.file)},      {"table", u(c.table)},
                                {"column", u(c.column)},     {"verdict", c.verdict},
                                {"verdict_reason", c.verdict_reason}, {"non_empty", c.non_empty},
                                {"passed", c.passed},     {"near_miss", c.near_miss},
                                {"values", counts(c.values)}});
  }
  return cols;
}

json::object protection_json(const ProtectionReport& p) {
  json::array findings;
  for (const auto& f : p.findings) {
    findings.push_back(json::object{{"path", u(f.path)}, {"column", u(f.column)}, {"what", u(f.what)},
                                    {"count", f.count}, {"reversible", f.reversible},
                                    {"reversed_to", counts(f.reversed_to)}});
  }
  return json::object{{"encrypted", p.encrypted}, {"hashed", p.hashed}, {"hashed_reversible", p.hashed_reversible},
                      {"reversed_values", p.reversed_values}, {"findings", std::move(findings)}};
}

json::object form_json(const FormSuggestion& f) {
  json::object o{{"data.general", strings(f.data_general)},
                 {"data.special", strings(f.data_special)},
                 {"data.records", f.data_records},
                 {"subjects.count_known", f.subjects_count_known},
                 {"protection.measures", strings(f.protection_measures)}};
  if (f.subjects_count_known) {
    o["subjects.count"] = f.subjects_count;
  } else {
    o["subjects.count_min"] = f.subjects_count_min;
    o["subjects.count_max"] = f.subjects_count_max;
  }
  return o;
}

}  // namespace

std::string report_to_json(const ScanReport& r) {
  json::array skipped;
  for (const auto& s : r.skipped) skipped.push_back(json::object{{"path", u(s.path)}, {"reason", u(s.reason)}});
  json::object timings;
  json::object timings_cpu;
  for (const auto& t : r.timings) {
    timings[t.pass] = t.seconds;
    if (t.cpu_seconds >= 0) timings_cpu[t.pass] = t.cpu_seconds;
  }
  json::object o{{"schema", "breachdesk.scan-report/1"},
                 {"bytes", r.bytes},
                 {"members", r.members},
                 {"seconds", r.seconds},
                 {"records", r.records},
                 {"records_with_personal_data", r.records_with_personal_data},
                 {"persons_distinct", r.persons_distinct},
                 {"records_unidentified", r.records_unidentified},
                 {"bsn_near_miss", r.bsn_near_miss},
                 {"values_shown", r.values_shown},
                 {"categories", categories_json(r)},
                 {"files", files_json(r)},
                 {"columns", columns_json(r)},
                 {"encrypted", r.protection.encrypted},
                 {"protection", protection_json(r.protection)},
                 {"skipped", std::move(skipped)},
                 {"timings", std::move(timings)},
                 {"timings_cpu", std::move(timings_cpu)},
                 {"form", form_json(r.form)}};
  return json::serialize(o);
}

namespace {

std::uint64_t u64(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr) return 0;
  if (v->is_uint64()) return v->as_uint64();
  if (v->is_int64() && v->as_int64() >= 0) return static_cast<std::uint64_t>(v->as_int64());
  return 0;
}

std::string str(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

bool flag(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v != nullptr && v->is_bool() && v->as_bool();
}

std::vector<std::string> str_list(const json::object& o, std::string_view key) {
  std::vector<std::string> out;
  const json::value* v = o.if_contains(key);
  if (v == nullptr || !v->is_array()) return out;
  for (const auto& e : v->as_array()) {
    if (e.is_string()) out.emplace_back(e.as_string());
  }
  return out;
}

void read_categories(const json::object& o, ScanReport& r) {
  const json::value* cats = o.if_contains("categories");
  if (cats == nullptr || !cats->is_object()) return;
  for (const auto& [k, v] : cats->as_object()) {
    auto cat = category_from_key(k);
    if (!cat || !v.is_object()) continue;
    r.categories[*cat] = CategoryStats{u64(v.as_object(), "values"), u64(v.as_object(), "distinct"),
                                       str_list(v.as_object(), "samples")};
  }
}

void read_form(const json::object& o, ScanReport& r) {
  const json::value* f = o.if_contains("form");
  if (f == nullptr || !f->is_object()) return;
  const json::object& fo = f->as_object();
  r.form.data_general = str_list(fo, "data.general");
  r.form.data_special = str_list(fo, "data.special");
  r.form.data_records = u64(fo, "data.records");
  r.form.subjects_count_known = flag(fo, "subjects.count_known");
  r.form.subjects_count = u64(fo, "subjects.count");
  r.form.subjects_count_min = u64(fo, "subjects.count_min");
  r.form.subjects_count_max = u64(fo, "subjects.count_max");
  r.form.protection_measures = str_list(fo, "protection.measures");
}

}  // namespace

Result<ScanReport> report_from_json(std::string_view text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return Error::invalid("report", "not a JSON object");
  const json::object& o = v.as_object();
  if (str(o, "schema") != "breachdesk.scan-report/1") return Error::invalid("report", "not a breachdesk scan report");
  ScanReport r;
  r.bytes = u64(o, "bytes");
  r.members = u64(o, "members");
  r.records = u64(o, "records");
  r.records_with_personal_data = u64(o, "records_with_personal_data");
  r.persons_distinct = u64(o, "persons_distinct");
  r.records_unidentified = u64(o, "records_unidentified");
  r.bsn_near_miss = u64(o, "bsn_near_miss");
  r.values_shown = flag(o, "values_shown");
  read_categories(o, r);
  if (const json::value* p = o.if_contains("protection"); p != nullptr && p->is_object()) {
    r.protection.encrypted = flag(p->as_object(), "encrypted");
    r.protection.hashed = flag(p->as_object(), "hashed");
    r.protection.hashed_reversible = flag(p->as_object(), "hashed_reversible");
    r.protection.reversed_values = u64(p->as_object(), "reversed_values");
  }
  read_form(o, r);
  return r;
}

}  // namespace bd::scan
