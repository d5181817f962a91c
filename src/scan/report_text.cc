#include "scan/report_text.h"

#include <cstdio>
#include <map>
#include <sstream>

namespace bd::scan {
namespace {

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? "-" : out;
}

std::string mb(std::uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

void write_categories(std::ostringstream& out, const ScanReport& r) {
  out << "\nPersonal data found" << (r.values_shown ? " (values shown in clear)" : "") << ":\n";
  if (r.categories.empty()) out << "  none\n";
  char line[160];
  for (const auto& [cat, s] : r.categories) {
    std::snprintf(line, sizeof line, "  %-13s %12llu values %12llu distinct   ", std::string(to_key(cat)).c_str(),
                  static_cast<unsigned long long>(s.values), static_cast<unsigned long long>(s.distinct));
    out << line << "e.g. " << join(s.samples) << "\n";
  }
  if (r.bsn_near_miss > 0) out << "  (" << r.bsn_near_miss << " BSN-shaped values in BSN context fail the 11-check)\n";
}

void write_columns(std::ostringstream& out, const ScanReport& r) {
  bool any = false;
  for (const auto& c : r.columns) {
    if (c.verdict.empty()) continue;
    if (!any) out << "\nColumns with personal data:\n";
    any = true;
    out << "  " << c.file << (c.table.empty() ? "" : " [" + c.table + "]") << " " << c.column << ": " << c.verdict
        << " (" << c.verdict_reason << ", " << c.passed << " of " << c.non_empty << " values";
    if (c.near_miss > 0) out << ", " << c.near_miss << " near misses";
    out << ")\n";
  }
}

void write_protection(std::ostringstream& out, const ScanReport& r) {
  const ProtectionReport& p = r.protection;
  out << "\nProtection: " << (p.encrypted ? "encrypted content found" : "no encryption found") << "; "
      << (p.hashed ? "hashed columns found" : "no hashed columns") << "\n";
  for (const auto& f : p.findings) {
    out << "  " << f.path << (f.column.empty() ? "" : " column " + f.column) << ": " << f.what << " (" << f.count
        << ")" << (f.reversible ? " - hashed, but reversible" : "");
    for (const auto& [to, n] : f.reversed_to) out << ", " << n << " to " << to;
    out << "\n";
  }
  if (p.hashed_reversible) out << "  " << p.reversed_values << " hashed values reversed to BSNs / phone numbers\n";
}

// What was not read, in order of path. A reason shared by many inputs (the PDFs of a
// laptop's home directory) lists its first kPerReason and then says how many more;
// the JSON report lists them all.
void write_skipped(std::ostringstream& out, const ScanReport& r) {
  constexpr std::size_t kPerReason = 10;
  if (r.skipped.empty()) return;
  out << "\nSkipped or incomplete:\n";
  std::map<std::string_view, std::size_t> shown;
  for (const auto& s : r.skipped) {
    if (++shown[s.reason] <= kPerReason) out << "  " << s.path << ": " << s.reason << "\n";
  }
  for (const auto& [reason, n] : shown) {
    if (n > kPerReason) out << "  ... and " << n - kPerReason << " more: " << reason << "\n";
  }
}

}  // namespace

std::string report_to_text(const ScanReport& r, bool stats) {
  std::ostringstream out;
  char line[200];
  std::snprintf(line, sizeof line, "Scanned %llu member(s), %s in %.2f s\n", static_cast<unsigned long long>(r.members),
                mb(r.bytes).c_str(), r.seconds);
  out << line;
  out << "Records: " << r.records << ", with personal data: " << r.records_with_personal_data << "\n";
  out << "Distinct persons: " << r.persons_distinct;
  if (r.records_unidentified > 0) out << " (+ up to " << r.records_unidentified << " records without a person key)";
  out << "\n";
  write_categories(out, r);
  write_columns(out, r);
  write_protection(out, r);
  write_skipped(out, r);
  const FormSuggestion& f = r.form;
  out << "\nSuggested AP form answers:\n"
      << "  data.general:        " << join(f.data_general) << "\n"
      << "  data.special:        " << join(f.data_special) << "\n"
      << "  data.records:        " << f.data_records << "\n";
  if (f.subjects_count_known) {
    out << "  subjects.count:      " << f.subjects_count << "\n";
  } else {
    out << "  subjects.count:      " << f.subjects_count_min << " - " << f.subjects_count_max << "\n";
  }
  out << "  protection.measures: " << join(f.protection_measures) << "\n";
  if (stats) {
    out << "\nTime per pass:                    wall        cpu\n";
    for (const auto& t : r.timings) {
      bool rate = t.pass.find("MB/s") != std::string::npos;
      std::snprintf(line, sizeof line, "  %-26s %10.3f%s", t.pass.c_str(), t.seconds, rate ? "" : " s");
      out << line;
      if (t.cpu_seconds >= 0) {
        std::snprintf(line, sizeof line, " %10.3f s", t.cpu_seconds);
        out << line;
      }
      out << "\n";
    }
  }
  return out.str();
}

}  // namespace bd::scan
