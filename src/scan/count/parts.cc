#include "scan/count/parts.h"

#include <algorithm>
#include <string>
#include <utility>

namespace bd::scan::count {
namespace {

template <typename T>
void append_capped(std::vector<T>& into, std::vector<T>&& from, std::size_t cap) {
  for (auto& x : from) {
    if (into.size() >= cap) break;
    into.push_back(std::move(x));
  }
}

void add_values(std::map<std::string, std::uint64_t>& into,
                const std::map<std::string, std::uint64_t>& from) {
  for (const auto& [key, n] : from) into[key] += n;
}

// Entries are per (column, kind), in the order first seen.
void append_hashes(std::vector<HashedColumn>& into, std::vector<HashedColumn>&& from) {
  for (auto& h : from) {
    auto it = std::find_if(into.begin(), into.end(),
                           [&](const HashedColumn& x) { return x.column == h.column && x.kind == h.kind; });
    if (it == into.end()) {
      into.push_back(std::move(h));
      continue;
    }
    it->count += h.count;
    it->reversed += h.reversed;
    it->reversed_bsn += h.reversed_bsn;
    it->reversed_phone += h.reversed_phone;
    append_capped(it->digests, std::move(h.digests), kMaxDigests);
  }
}

void append_column(ColumnResult& into, ColumnResult&& next) {
  ColumnReport& r = into.report;
  r.non_empty += next.report.non_empty;
  r.passed += next.report.passed;
  r.near_miss += next.report.near_miss;
  add_values(r.values, next.report.values);
  into.bsn_valid += next.bsn_valid;
  into.tentative.append(std::move(next.tentative), kMaxTentativeBsns);
  for (std::size_t c = 0; c < kCategoryCount; ++c) into.values[c] += next.values[c];
  into.hash_shaped += next.hash_shaped;
  append_hashes(into.hashes, std::move(next.hashes));
}

// A column's key: its table and its place among that table's columns (the order in
// which a member adds them, scan/count/member_scan.cc).
using ColumnKey = std::pair<std::string, std::size_t>;

std::vector<ColumnKey> column_keys(const std::vector<ColumnResult>& columns) {
  std::map<std::string, std::size_t> per_table;
  std::vector<ColumnKey> keys;
  keys.reserve(columns.size());
  for (const auto& c : columns) keys.emplace_back(c.report.table, per_table[c.report.table]++);
  return keys;
}

// A later range has the earlier ranges' columns at the same places and may add more,
// in the order the whole file's scan adds them. Its names and roles are the latest: a
// "#n" column of a SQL table may have been named by a later statement's column list.
void append_columns(std::vector<ColumnResult>& into, std::vector<ColumnResult>&& next) {
  std::map<ColumnKey, std::size_t> at;
  std::vector<ColumnKey> keys = column_keys(into);
  for (std::size_t i = 0; i < keys.size(); ++i) at.emplace(std::move(keys[i]), i);
  keys = column_keys(next);
  for (std::size_t i = 0; i < next.size(); ++i) {
    auto [it, added] = at.emplace(std::move(keys[i]), into.size());
    if (added) {
      into.push_back(std::move(next[i]));
      continue;
    }
    ColumnResult& c = into[it->second];
    c.report.column = std::move(next[i].report.column);
    c.role = next[i].role;
    append_column(c, std::move(next[i]));
  }
}

}  // namespace

void append_part(MemberResult& into, MemberResult&& next, std::size_t samples_per_category) {
  FileReport& f = into.file;
  f.bytes += next.file.bytes;
  f.records += next.file.records;
  f.records_with_personal_data += next.file.records_with_personal_data;
  add_values(f.values, next.file.values);
  for (std::size_t c = 0; c < kCategoryCount; ++c) {
    into.file_values[c] += next.file_values[c];
    CategoryAccumulator& acc = into.categories[c];
    acc.values += next.categories[c].values;
    append_capped(acc.pending, std::move(next.categories[c].pending), static_cast<std::size_t>(-1));
    append_capped(acc.samples, std::move(next.categories[c].samples), samples_per_category);
  }
  append_columns(into.columns, std::move(next.columns));
  into.bsn_near_miss += next.bsn_near_miss;
  into.records_unidentified += next.records_unidentified;
  append_hashes(into.hashed, std::move(next.hashed));
  append_capped(into.signatures, std::move(next.signatures), kMaxSignatures);
  append_capped(into.problems, std::move(next.problems), kMaxProblems);
  into.input += next.input;
  into.analysis += next.analysis;
}

std::optional<MemberResult> PartCollector::add(MemberResult&& part) {
  const std::uint64_t split = part.split;
  Pending& p = pending_[split];
  if (part.parts > 0) p.count = part.parts;
  std::uint32_t index = part.part;
  p.early.emplace(index, std::move(part));
  for (auto it = p.early.find(p.next); it != p.early.end(); it = p.early.find(p.next)) {
    if (p.combined) {
      append_part(*p.combined, std::move(it->second), samples_);
    } else {
      p.combined = std::move(it->second);
    }
    p.early.erase(it);
    ++p.next;
  }
  if (p.count == 0 || p.next < p.count) return std::nullopt;
  MemberResult whole = std::move(*p.combined);
  pending_.erase(split);
  whole.split = 0;
  whole.part = 0;
  whole.parts = 1;
  return whole;
}

}  // namespace bd::scan::count
