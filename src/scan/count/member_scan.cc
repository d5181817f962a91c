#include "scan/count/member_scan.h"

#include "scan/count/mask.h"
#include "scan/count/state.h"
#include "scan/scanner.h"
#include "scan/swar.h"

namespace bd::scan::count {
namespace {

constexpr std::size_t kIndex = static_cast<std::size_t>(-1);

// Keys per batch handed to the ScanState: one lock per batch, not per value.
constexpr std::size_t kBatch = 4096;

}  // namespace

MemberScan::MemberScan(ScanState& state, const MemberInfo& info, const ScanOptions& options)
    : state_(state), options_(options) {
  result_.file.path = info.path;
  result_.file.format = info.format;
  result_.split = info.part.split;
  result_.part = info.part.index;
  result_.parts = info.part.count;
  stream_count_ = info.part.stream_count;
  tokenizer_ = tokenize::make_tokenizer(info.format, *this);
  tables_.push_back(Table{});
  if (tokenizer_ && !info.part.prime.empty()) {
    // A later range of a split file: its tokenizer first reads what puts it (and the
    // tables here) where the whole file's stood at the range's start (the first CSV
    // record; SQL tables, schemas and COPY head; NDJSON keys and problems reported);
    // what it reports of that belongs to earlier ranges and is not counted here.
    priming_ = true;
    tokenizer_->feed(info.part.prime);
    priming_ = false;
  }
  last_chunk_ = ClockReading::now(CLOCK_THREAD_CPUTIME_ID);
}

MemberScan::~MemberScan() {
  if (!ended_) on_end();
}

void MemberScan::on_chunk(std::string_view utf8) {
  // Since the previous chunk this thread was reading, decompressing and decoding.
  ClockReading arrived = ClockReading::now(CLOCK_THREAD_CPUTIME_ID);
  result_.input += last_chunk_.until(arrived);
  result_.file.bytes += utf8.size();
  if (tokenizer_) tokenizer_->feed(utf8);
  last_chunk_ = ClockReading::now(CLOCK_THREAD_CPUTIME_ID);
  result_.analysis += arrived.until(last_chunk_);
}

void MemberScan::on_end() {
  if (ended_) return;
  ended_ = true;
  ClockReading ending = ClockReading::now(CLOCK_THREAD_CPUTIME_ID);
  if (tokenizer_) tokenizer_->finish();
  if (record_.open) finish_record();
  for (std::size_t c = 0; c < kCategoryCount; ++c) flush_distinct(c);
  flush_persons();
  for (std::size_t c = 0; c < kCategoryCount; ++c) {
    if (result_.file_values[c] > 0) result_.file.values[std::string(to_key(kAllCategories[c]))] = result_.file_values[c];
  }
  for (std::size_t i = 0; i < result_.columns.size(); ++i) {
    result_.columns[i].role = roles_[i];
  }
  result_.analysis += ending.until(ClockReading::now(CLOCK_THREAD_CPUTIME_ID));
  if (stream_count_) result_.parts = stream_count_->load(std::memory_order_acquire);
  state_.merge(std::move(result_));
}

// The planner of split SQL dumps keeps the column names as this and column_index()
// do (SqlPrefix::Tables, scan/tokenize/sql_resume.cc): change them together.
void MemberScan::on_table(std::string_view table, const std::vector<std::string>& columns) {
  if (record_.open) finish_record();
  std::size_t found = kIndex;
  for (std::size_t i = 0; i < tables_.size(); ++i) {
    if (tables_[i].name == table) found = i;
  }
  if (found == kIndex) {
    tables_.emplace_back();
    tables_.back().name = std::string(table);
    found = tables_.size() - 1;
  }
  current_table_ = found;
  Table& t = tables_[found];
  if (!columns.empty() && t.columns.size() < columns.size()) {
    reserve_columns(t, columns.size());
    for (std::size_t i = t.columns.size(); i < columns.size(); ++i) add_column(t, columns[i]);
  }
  // A table seen again with names (after a headerless start) gets its names now.
  for (std::size_t i = 0; i < columns.size() && i < t.columns.size(); ++i) {
    ColumnReport& rep = result_.columns[t.columns[i]].report;
    if (rep.column.starts_with('#') && !columns[i].empty()) {
      rep.column = columns[i];
      roles_[t.columns[i]] = detect::role_from_header(columns[i]);
      if (t.columns[i] < hashed_at_.size()) hashed_at_[t.columns[i]].fill(-1);  // entries of the old name
    }
  }
}

void MemberScan::reserve_columns(Table& table, std::size_t n) {
  // All at once: a scan of many small files adds every file's columns, and growing the
  // lists column by column cost more than reading a small file.
  const std::size_t more = n - std::min(n, table.columns.size());
  result_.columns.reserve(result_.columns.size() + more);
  roles_.reserve(roles_.size() + more);
  table.columns.reserve(n);
  if (table.indexed) {
    table.names.reserve(n);
    table.keyed.reserve(n);
    table.by_key.reserve(n);
  }
}

void MemberScan::index_keys(Table& table) {
  table.indexed = true;
  for (std::size_t i = 0; i < table.columns.size(); ++i)
    index_key(table, result_.columns[table.columns[i]].report.column);
}

void MemberScan::index_key(Table& table, const std::string& name) {
  table.keyed.push_back(table.by_key.emplace(name, table.names.size()).second);
  table.names.push_back(name);
}

std::size_t MemberScan::add_column(Table& table, std::string name) {
  if (name.empty()) {
    // Appended, not concatenated: g++ 12 warns (-Wrestrict) about "#" + string here.
    name.push_back('#');
    name.append(std::to_string(table.columns.size() + 1));
  }
  ColumnResult col;  // its report's file is set when the report is built
  col.report.table = table.name;
  col.report.column = name;
  roles_.push_back(name.starts_with('#') ? detect::ColumnRole::kNone : detect::role_from_header(name));
  result_.columns.push_back(std::move(col));
  std::size_t index = result_.columns.size() - 1;
  table.columns.push_back(index);
  if (table.indexed) index_key(table, name);
  return index;
}

std::size_t MemberScan::column_for_key(std::string_view key) {
  Table& t = tables_[current_table_];
  if (!t.indexed) index_keys(t);
  if (t.next < t.names.size() && t.keyed[t.next]) {
    // Records mostly repeat the keys of the one before: the expected key is compared
    // in words (memcmp was a library call per member of every JSON record).
    const std::string& expected = t.names[t.next];
    if (expected.size() == key.size() && swar::same_bytes(expected.data(), key.data(), key.size()))
      return t.next++;
  }
  if (auto it = t.by_key.find(key); it != t.by_key.end()) {
    t.next = it->second + 1;
    return it->second;
  }
  if (t.columns.size() >= 4096) return t.columns.size() - 1;  // bound keys of odd documents
  add_column(t, std::string(key));
  t.next = t.columns.size();
  return t.columns.size() - 1;
}

std::size_t MemberScan::column_index(std::size_t column) {
  Table& t = tables_[current_table_];
  if (column < t.columns.size()) return t.columns[column];
  return add_columns_up_to(t, column);
}

// Out of line, so that the common case above inlines into on_field.
[[gnu::noinline]] std::size_t MemberScan::add_columns_up_to(Table& t, std::size_t column) {
  while (t.columns.size() <= column && t.columns.size() < 4096) add_column(t, "");
  return t.columns[std::min(column, t.columns.size() - 1)];
}

namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

[[gnu::noinline]] std::string_view trim_blanks(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && is_blank(v.back())) v.remove_suffix(1);
  return v;
}

// The value without surrounding blanks ('\r' only at its end); most values have none,
// and they cost two compares, inlined where fields arrive (on_field and on_record).
inline std::string_view trimmed(std::string_view v) {
  if (v.empty() || (!is_blank(v.front()) && !is_blank(v.back()))) return v;
  return trim_blanks(v);
}

bool is_null(std::string_view v) {
  return v.size() <= 4 && (v == "NULL" || v == "\\N" || v == "null");
}

}  // namespace

void MemberScan::on_field(std::size_t column, std::string_view value) {
  if (priming_) return;
  record_.open = true;
  std::size_t col = column_index(column);
  value = trimmed(value);
  if (value.empty() || is_null(value)) return;
  ++result_.columns[col].report.non_empty;
  classify_field(col, roles_[col], value);
}

// As on_field for each column and on_record_end, with the table looked up once.
void MemberScan::on_record(const std::string_view* fields, std::size_t n) {
  if (priming_) return;
  record_.open = true;
  Table& t = tables_[current_table_];
  if (n > t.columns.size()) add_columns_up_to(t, n - 1);
  const std::size_t known = t.columns.size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t col = t.columns[i < known ? i : known - 1];  // past 4096 columns: the last
    const std::string_view value = trimmed(fields[i]);
    if (value.empty() || is_null(value)) continue;
    ++result_.columns[col].report.non_empty;
    classify_field(col, roles_[col], value);
  }
  finish_record();
}

void MemberScan::on_record_end() {
  // The next record's first key is expected to be this one's first (column_for_key).
  tables_[current_table_].next = 0;
  if (priming_) return;
  if (record_.open) finish_record();
}

void MemberScan::on_text(std::string_view text) {
  if (priming_) return;
  hits_.clear();
  detect::scan_text(text, {}, scratch_, hits_, signals_);
  for (const auto& h : hits_) count_hit(h, kIndex);
  hits_.clear();
  note_signals();
}

void MemberScan::on_problem(std::string_view reason) {
  // A prime's problems were the earlier ranges' to report (an NDJSON prime repeats a
  // malformed line so that the range does not report it again).
  if (priming_) return;
  if (result_.problems.size() < kMaxProblems) result_.problems.emplace_back(reason);
}

void MemberScan::note_signals() {
  result_.bsn_near_miss += signals_.bsn_near_miss;
  if (signals_.encryption_signatures > 0 && result_.signatures.size() < kMaxSignatures) {
    result_.signatures.emplace_back(signals_.signature);
  }
  signals_ = {};
}

void MemberScan::count_hits(std::size_t col) {
  // Most fields found nothing and signalled nothing: two tests.
  if (!hits_.empty()) {
    for (const auto& h : hits_) count_hit(h, col);
    hits_.clear();
  }
  if (signals_.bsn_near_miss != 0 || signals_.encryption_signatures != 0) note_signals();
}

void MemberScan::count_hit(const detect::Hit& hit, std::size_t col) {
  auto c = static_cast<std::size_t>(hit.category);
  CategoryAccumulator& acc = result_.categories[c];
  ++acc.values;
  acc.pending.push_back(hit.key);
  if (acc.pending.size() >= kBatch) flush_distinct(c);
  if (acc.samples.size() < options_.samples_per_category) {
    acc.samples.push_back(options_.show_values ? std::string(hit.raw) : mask_value(hit.category, hit.raw));
  }
  ++result_.file_values[c];
  if (col != kIndex) {
    ++result_.columns[col].values[c];
  }
  // A BSN or e-mail value is a node of the person graph as a value of its category
  // (ScanState::count_persons): only the record's links are added here.
  if (col == kIndex && !record_.open) return;
  record_.personal = true;
  if (is_person_key(hit.category)) record_.keys.push_back(hit.key);
}

void MemberScan::flush_distinct(std::size_t category) {
  std::vector<std::uint64_t>& pending = result_.categories[category].pending;
  if (pending.empty()) return;
  state_.add_distinct(kAllCategories[category], pending);
  pending.clear();
}

void MemberScan::add_person_key(std::uint64_t key) {
  person_keys_.push_back(key);
  if (person_keys_.size() >= kBatch) flush_persons();
}

void MemberScan::flush_persons() {
  if (person_keys_.empty() && person_links_.empty()) return;
  state_.add_persons(person_keys_, person_links_);
  person_keys_.clear();
  person_links_.clear();
}

void MemberScan::record_address() {
  // Keys are built in one reused buffer (a record costs no allocation for them) and
  // hashed lower-cased.
  std::string& key = key_scratch_;
  key.clear();
  if (!record_.postcode.empty()) {
    key.append(record_.postcode).append(1, '|').append(record_.house_number);
  } else if (!record_.street.empty() && (!record_.house_number.empty() || !record_.city.empty())) {
    key.append(record_.street)
        .append(1, '|')
        .append(record_.house_number)
        .append(1, '|')
        .append(record_.city);
  } else {
    return;
  }
  std::string_view raw = record_.postcode.empty() ? record_.street : record_.postcode;
  count_hit(detect::Hit{Category::kAddress, detect::key_for_lower_text(Category::kAddress, key), 0, raw},
            kIndex);
}

void MemberScan::finish_record() {
  record_address();
  if (!record_.name.empty()) {
    count_hit(detect::Hit{Category::kName, detect::key_for_lower_text(Category::kName, record_.name), 0,
                          record_.name},
              kIndex);
  }
  ++result_.file.records;
  if (record_.personal) ++result_.file.records_with_personal_data;
  if (record_.keys.empty() && !record_.name.empty() && !record_.postcode.empty()) {
    // No BSN or e-mail: the person is known by name + postcode + house number.
    std::string& fb = key_scratch_;
    fb.assign("person|").append(record_.name).append(1, '|').append(record_.postcode).append(1, '|');
    fb.append(record_.house_number);
    record_.keys.push_back(detect::key_for_lower_text(Category::kName, fb));
    add_person_key(record_.keys.back());  // the only key that is no category's value
  }
  for (std::size_t col : record_.tentative) {
    if (result_.columns[col].tentative.empty()) continue;
    TentativeBsn& t = result_.columns[col].tentative.back();
    t.other_personal_data = record_.personal;
    t.joins = record_.keys.empty() ? 0 : record_.keys.front();
  }
  if (record_.personal && record_.keys.empty()) ++result_.records_unidentified;
  // The record's keys are one person: link each to the first (no node for the record).
  for (std::uint64_t k : record_.keys) {
    if (k != record_.keys.front()) person_links_.emplace_back(record_.keys.front(), k);
  }
  if (person_links_.size() >= kBatch) flush_persons();
  record_.open = false;
  record_.personal = false;
  record_.name.clear();
  record_.postcode.clear();
  record_.house_number.clear();
  record_.street.clear();
  record_.city.clear();
  record_.keys.clear();
  record_.tentative.clear();
}

}  // namespace bd::scan::count
