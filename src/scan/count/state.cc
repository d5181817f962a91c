#include "scan/count/state.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <iterator>
#include <optional>
#include <system_error>
#include <thread>

#include "scan/count/mask.h"
#include "scan/detect/text_scan.h"
#include "scan/scanner.h"

namespace bd::scan::count {
namespace {

constexpr double kBsnColumnShare = 0.95;
constexpr std::uint64_t kBsnColumnMinValues = 10;
// The same rule for a hashed column without a password or hash header: at least 10
// non-empty values, at least 95% of them bare digests.
constexpr double kHashColumnShare = 0.95;
constexpr std::uint64_t kHashColumnMinValues = 10;

bool is_hash_column(const ColumnResult& col) {
  return col.report.non_empty >= kHashColumnMinValues &&
         static_cast<double>(col.hash_shaped) >= kHashColumnShare * static_cast<double>(col.report.non_empty);
}

// Sorts `list` by the path in each entry, keeping the order of entries of one path.
template <typename T, typename PathOf>
void sort_by_path(std::vector<T>& list, PathOf path_of) {
  std::stable_sort(list.begin(), list.end(), [&](const T& a, const T& b) { return path_of(a) < path_of(b); });
}

// The path of a (path, something) entry.
constexpr auto kPathFirst = [](const auto& entry) -> const std::string& { return entry.first; };

// Adds a member's samples to those kept so far and keeps the first `max` distinct ones
// in order of member path (and of finding within a member), so that the samples do not
// depend on which thread's member merged first. What was dropped earlier can only come
// later in that order, so keeping `max` at each step loses nothing. `kept` is in that
// order: the member's samples go in after the kept ones of paths up to its own (members
// merge largest first, so paths come in any order).
void keep_first_samples(std::vector<std::pair<std::string, std::string>>& kept, const std::string& path,
                        std::vector<std::string>&& samples, std::size_t max) {
  if (samples.empty()) return;
  // All kept, and this member's come after them: nothing changes.
  if (kept.size() >= max && (kept.empty() || !(path < kept.back().first))) return;
  const auto at = std::upper_bound(kept.begin(), kept.end(), path,
                                   [](const std::string& p, const auto& entry) { return p < entry.first; });
  std::vector<std::pair<std::string, std::string>> in_order;
  in_order.reserve(kept.size() + samples.size());
  std::move(kept.begin(), at, std::back_inserter(in_order));
  for (auto& s : samples) in_order.emplace_back(path, std::move(s));
  std::move(at, kept.end(), std::back_inserter(in_order));
  kept.clear();
  for (auto& entry : in_order) {
    if (kept.size() >= max) break;
    auto same = [&](const auto& k) { return k.second == entry.second; };
    if (std::none_of(kept.begin(), kept.end(), same)) kept.push_back(std::move(entry));
  }
}

std::string nine_digits(std::uint32_t bsn) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%09u", bsn);
  return buf;
}

// The category a column role stands for, if any.
std::optional<Category> role_category(detect::ColumnRole role) {
  using detect::ColumnRole;
  switch (role) {
    case ColumnRole::kBsn:
      return Category::kBsn;
    case ColumnRole::kIban:
      return Category::kIban;
    case ColumnRole::kCard:
      return Category::kPaymentCard;
    case ColumnRole::kEmail:
      return Category::kEmail;
    case ColumnRole::kPhone:
      return Category::kPhone;
    case ColumnRole::kPostcode:
    case ColumnRole::kHouseNumber:
    case ColumnRole::kStreet:
    case ColumnRole::kCity:
      return Category::kAddress;
    case ColumnRole::kBirthDate:
      return Category::kBirthDate;
    case ColumnRole::kName:
      return Category::kName;
    case ColumnRole::kIp:
      return Category::kIpAddress;
    case ColumnRole::kIdDocument:
      return Category::kIdDocument;
    case ColumnRole::kPassword:
      return Category::kPassword;
    case ColumnRole::kHealth:
      return Category::kHealth;
    case ColumnRole::kNone:
    case ColumnRole::kHash:
    case ColumnRole::kFreeText:
    case ColumnRole::kChecksum:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

ScanState::ScanState(const ScanOptions& options)
    : options_(options), persons_(options.count_set_bytes), parts_(options.samples_per_category) {
  for (auto& d : distinct_) d = std::make_unique<DistinctCounter>(options.count_set_bytes);
}

void ScanState::add_distinct(Category category, const std::vector<std::uint64_t>& keys) {
  auto c = static_cast<std::size_t>(category);
  std::lock_guard<std::mutex> lock(distinct_mu_[c]);
  distinct_[c]->insert_many(keys.data(), keys.size());
}

void ScanState::add_persons(const std::vector<std::uint64_t>& keys, const std::vector<PersonLink>& links) {
  std::lock_guard<std::mutex> lock(persons_mu_);
  persons_.add_keys(keys);
  persons_.add_links(links);
}

void ScanState::merge(MemberResult&& m) {
  ClockReading start = ClockReading::now(CLOCK_THREAD_CPUTIME_ID);
  std::lock_guard<std::mutex> lock(mu_);
  if (m.split != 0) {
    // A range of a split file or stream: merged as one member once all its ranges are in.
    std::optional<MemberResult> whole = parts_.add(std::move(m));
    if (!whole) return;
    m = std::move(*whole);
  }
  input_ += m.input;
  analysis_ += m.analysis;
  const std::string& path = m.file.path;
  // The member's own hashed columns go before those its verdicts find (a path's entries
  // keep their order when the list is put in order of path).
  for (auto& h : m.hashed) hashed_.emplace_back(path, std::move(h));
  std::vector<ColumnReport> columns = decide_columns(m);
  for (std::size_t i = 0; i < kCategoryCount; ++i) {
    categories_[i].values += m.categories[i].values;
    keep_first_samples(samples_[i], path, std::move(m.categories[i].samples), options_.samples_per_category);
  }
  for (auto& s : m.signatures) signatures_.emplace_back(path, std::move(s));
  for (auto& p : m.problems) skipped_.push_back(SkippedInput{path, std::move(p)});
  bsn_near_miss_ += m.bsn_near_miss;
  unidentified_ += m.records_unidentified;
  members_.push_back(Member{std::move(m.file), std::move(columns)});
  merge_ += start.until(ClockReading::now(CLOCK_THREAD_CPUTIME_ID));
}

void ScanState::add_skipped(const std::string& path, const std::string& reason) {
  std::lock_guard<std::mutex> lock(mu_);
  skipped_.push_back(SkippedInput{path, reason});
}

void ScanState::add_protected(const std::string& path, const std::string& how) {
  std::lock_guard<std::mutex> lock(mu_);
  protected_.emplace_back(path, how);
}

void ScanState::add_value(Category category, std::uint64_t key, const std::string& sample) {
  CategoryAccumulator& acc = categories_[static_cast<std::size_t>(category)];
  ++acc.values;
  distinct_[static_cast<std::size_t>(category)]->insert(key);
  if (acc.samples.size() < options_.samples_per_category) {
    acc.samples.push_back(options_.show_values ? sample : mask_value(category, sample));
  }
}

void ScanState::count_tentative(MemberResult& member, ColumnResult& col) {
  constexpr auto kBsn = static_cast<std::size_t>(Category::kBsn);
  std::vector<std::string>& samples = member.categories[kBsn].samples;
  std::vector<std::uint64_t> keys;
  std::vector<PersonLink> links;
  std::uint64_t alone = 0;  // records with no personal data but this BSN
  // A block at a time (TentativeList::kInMemory at most), handed to the counters as a
  // sink hands its batches: one lock per block.
  col.tentative.for_each([&](const TentativeBsn* list, std::size_t n) {
    keys.clear();
    links.clear();
    for (std::size_t i = 0; i < n; ++i) {
      const TentativeBsn& t = list[i];
      const std::uint64_t key = detect::key_for_number(Category::kBsn, t.bsn);
      keys.push_back(key);
      // The key is a node as a BSN value; a link joins it to the rest of its record.
      if (t.joins != 0 && t.joins != key) links.emplace_back(key, t.joins);
      if (!t.other_personal_data) ++alone;
      if (samples.size() < options_.samples_per_category) {
        const std::string digits = nine_digits(t.bsn);
        samples.push_back(options_.show_values ? digits : mask_value(Category::kBsn, digits));
      }
    }
    add_distinct(Category::kBsn, keys);
    add_persons({}, links);
  });
  const std::uint64_t n = col.tentative.size();
  col.tentative = TentativeList{};  // its memory and its blocks' files
  member.categories[kBsn].values += n;
  if (n > 0) member.file.values["bsn"] += n;
  col.values[kBsn] += n;
  member.file.records_with_personal_data += alone;
  extra_personal_records_ += alone;
  col.report.passed = col.bsn_valid;
}

void ScanState::order_by_path() {
  for (std::size_t c = 0; c < kCategoryCount; ++c) {
    for (auto& [path, sample] : samples_[c]) categories_[c].samples.push_back(std::move(sample));
    samples_[c].clear();
  }
  std::vector<std::size_t> order(members_.size());  // order[k]: the member that goes to place k
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return members_[a].file.path < members_[b].file.path;
  });
  std::vector<Member> members;
  members.reserve(members_.size());
  for (std::size_t k : order) members.push_back(std::move(members_[k]));
  members_ = std::move(members);
  sort_by_path(skipped_, [](const SkippedInput& s) -> const std::string& { return s.path; });
  sort_by_path(protected_, kPathFirst);
  sort_by_path(signatures_, kPathFirst);
}

std::vector<ColumnReport> ScanState::decide_columns(MemberResult& member) {
  const auto start = std::chrono::steady_clock::now();
  std::size_t non_empty = 0;
  for (const ColumnResult& col : member.columns) non_empty += col.report.non_empty > 0 ? 1 : 0;
  std::vector<ColumnReport> reports;
  reports.reserve(non_empty);
  for (ColumnResult& col : member.columns) {
    decide_column(member, col);
    if (col.report.non_empty > 0) reports.push_back(std::move(col.report));
  }
  std::vector<ColumnResult>().swap(member.columns);
  verdicts_seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return reports;
}

void ScanState::decide_column(MemberResult& member, ColumnResult& col) {
  ColumnReport& rep = col.report;
  if (is_hash_column(col)) {
    for (HashedColumn& h : col.hashes) {
      h.column = rep.column;  // the header may have been named after the first rows
      hashed_.emplace_back(member.file.path, std::move(h));
    }
  }
  col.hashes = {};  // digests of a column that is no hash column are nothing
  const std::optional<Category> header_cat = role_category(col.role);
  bool bsn_by_values =
      col.role == detect::ColumnRole::kNone && rep.non_empty >= kBsnColumnMinValues &&
      static_cast<double>(col.bsn_valid) >= kBsnColumnShare * static_cast<double>(rep.non_empty);
  if (bsn_by_values) {
    count_tentative(member, col);
    rep.verdict = "bsn";
    rep.verdict_reason = "values";
  } else if (header_cat && rep.passed * 2 >= rep.non_empty && rep.non_empty > 0) {
    rep.verdict = std::string(to_key(*header_cat));
    rep.verdict_reason = "header+values";
  } else {
    std::size_t best = kCategoryCount;
    std::uint64_t best_n = 0;
    for (std::size_t c = 0; c < kCategoryCount; ++c) {
      if (col.values[c] > best_n) {
        best_n = col.values[c];
        best = c;
      }
    }
    if (best != kCategoryCount && best_n * 2 >= rep.non_empty) {
      rep.verdict = std::string(to_key(kAllCategories[best]));
      rep.verdict_reason = header_cat ? "values (header disagrees)" : "values";
    }
  }
  for (std::size_t c = 0; c < kCategoryCount; ++c) {
    if (col.values[c] > 0) rep.values[std::string(to_key(kAllCategories[c]))] = col.values[c];
  }
}

namespace {

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

ScanReport ScanState::finish() {
  std::lock_guard<std::mutex> lock(mu_);
  ScanReport report;
  report.timings.emplace_back("read+decode", input_.wall, input_.cpu);
  report.timings.emplace_back("tokenise+detect+count", analysis_.wall, analysis_.cpu);
  report.timings.emplace_back("merge", merge_.wall, merge_.cpu);
  order_by_path();
  report.timings.push_back(PassTiming{"column verdicts", verdicts_seconds_});
  if (options_.reverse_hashes) {
    // Its own worker threads do the work: the process's CPU time is the pass's.
    ClockReading t1 = ClockReading::now(CLOCK_PROCESS_CPUTIME_ID);
    reverse_hashes(report);
    PassClock reversal = t1.until(ClockReading::now(CLOCK_PROCESS_CPUTIME_ID));
    report.timings.emplace_back("reverse hashes", reversal.wall, reversal.cpu);
  }
  count_distinct(report);
  report.records_unidentified = unidentified_;
  // The members go into the report: nothing reads them after this.
  report.members = members_.size();
  report.files.reserve(members_.size());
  std::size_t columns = 0;
  for (const Member& member : members_) columns += member.columns.size();
  report.columns.reserve(columns);  // tens of thousands for many small files: no regrowth
  for (Member& member : members_) {
    const FileReport& f = member.file;
    report.bytes += f.bytes;
    report.records += f.records;
    report.records_with_personal_data += f.records_with_personal_data;
    for (ColumnReport& col : member.columns) {
      col.file = f.path;
      report.columns.push_back(std::move(col));
    }
    std::vector<ColumnReport>().swap(member.columns);  // freed as the report grows
    report.files.push_back(std::move(member.file));
  }
  members_.clear();
  report.bsn_near_miss = bsn_near_miss_;
  report.skipped = skipped_;
  report.values_shown = options_.show_values;
  build_protection(report);
  report.form = suggest_form(report);
  return report;
}

// The category's entry of the report (when it has values), and its counter freed.
void ScanState::report_category(ScanReport& report, std::size_t c, std::uint64_t distinct) {
  const CategoryAccumulator& acc = categories_[c];
  if (acc.values > 0) report.categories[kAllCategories[c]] = CategoryStats{acc.values, distinct, acc.samples};
  distinct_[c].reset();  // its memory and temporary file
}

void ScanState::count_distinct(ScanReport& report) {
  using Clock = std::chrono::steady_clock;
  // The two passes read different counters (the person categories' are the person
  // count's), so with threads to spare a second thread counts the other categories
  // meanwhile; each pass's time is its own wall time, and then they overlap.
  ScanReport side;
  double categories_seconds = 0;
  std::exception_ptr side_failure;
  std::thread categories;
  if (options_.threads >= 2) {
    try {
      categories = std::thread([&] {
        try {
          auto t = Clock::now();
          count_categories(side);
          categories_seconds = seconds_since(t);
        } catch (...) {
          side_failure = std::current_exception();  // a temporary count file that failed
        }
      });
    } catch (const std::system_error&) {
      // No thread to be had: the categories are counted first, as with one thread.
    }
  }
  if (!categories.joinable()) {
    auto t = Clock::now();
    count_categories(report);
    categories_seconds = seconds_since(t);
  }
  auto t = Clock::now();
  try {
    count_persons(report);
  } catch (...) {
    if (categories.joinable()) categories.join();
    throw;
  }
  const double persons_seconds = seconds_since(t);
  if (categories.joinable()) {
    categories.join();
    if (side_failure) std::rethrow_exception(side_failure);
    report.categories.merge(side.categories);
  }
  report.timings.push_back(PassTiming{"distinct values", categories_seconds});
  report.timings.push_back(PassTiming{"persons (union-find)", persons_seconds});
}

// Counts one category at a time and frees its counter: with one thread the person count
// that follows has the memory to itself; beside it, the counters go one by one.
void ScanState::count_categories(ScanReport& report) {
  for (std::size_t c = 0; c < kCategoryCount; ++c) {
    if (is_person_key(kAllCategories[c])) continue;  // counted with the persons
    report_category(report, c, categories_[c].values > 0 ? distinct_[c]->count() : 0);
  }
}

void ScanState::count_persons(ScanReport& report) {
  // The BSN and e-mail values are the person keys: their counters are read once, for
  // the graph's nodes and for their own distinct counts.
  std::vector<std::size_t> which;
  std::vector<DistinctCounter*> shared;
  for (std::size_t c = 0; c < kCategoryCount; ++c) {
    if (!is_person_key(kAllCategories[c])) continue;
    which.push_back(c);
    shared.push_back(distinct_[c].get());
  }
  std::vector<std::uint64_t> distinct;
  report.persons_distinct = persons_.count(shared, &distinct, options_.threads);
  for (std::size_t i = 0; i < which.size(); ++i) report_category(report, which[i], distinct[i]);
}

void ScanState::build_protection(ScanReport& report) {
  ProtectionReport& p = report.protection;
  sort_by_path(hashed_, kPathFirst);
  for (const auto& [path, how] : protected_) {
    p.encrypted = true;
    p.findings.push_back(ProtectionReport::Finding{path, "", how, 1, false, {}});
  }
  for (const auto& [path, sig] : signatures_) {
    p.encrypted = true;
    p.findings.push_back(ProtectionReport::Finding{path, "", "encryption signature " + sig, 1, false, {}});
  }
  for (const auto& [path, h] : hashed_) {
    if (h.kind != "plaintext") p.hashed = true;
    ProtectionReport::Finding f{path, h.column, h.kind, h.count, h.reversed > 0, {}};
    if (h.reversed_bsn > 0) f.reversed_to["bsn"] = h.reversed_bsn;
    if (h.reversed_phone > 0) f.reversed_to["phone"] = h.reversed_phone;
    p.findings.push_back(std::move(f));
  }
}

}  // namespace bd::scan::count
