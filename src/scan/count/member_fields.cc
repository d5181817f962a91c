// MemberScan's field classification: one field, classified once, by its column role.
#include <algorithm>
#include <cstring>
#include <string>

#include "scan/count/member_scan.h"
#include "scan/detect/dictionary.h"
#include "scan/detect/digit_pass.h"
#include "scan/scanner.h"
#include "scan/validate/contact.h"
#include "scan/validate/identity.h"
#include "scan/validate/numeric.h"

namespace bd::scan::count {
namespace {

using detect::ColumnRole;
using detect::Hit;
using detect::key_for_number;
using detect::key_for_text;

int current_year() {
  static const int year = [] {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    return tm.tm_year + 1900;
  }();
  return year;
}

bool has_letter(std::string_view v) {
  for (char c : v) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

// Values that say "nothing" in health or free-text columns.
bool is_negative(std::string_view v) {
  static constexpr std::string_view kNone[] = {"geen", "none", "nee", "no", "n/a", "na", "-", "0", "onbekend",
                                               "unknown", "nvt", "n.v.t.", "false"};
  std::string low(v);
  for (char& c : low) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  for (auto n : kNone) {
    if (low == n) return true;
  }
  return false;
}

std::string upper_compact(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == ' ' || c == '-') continue;
    out.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

// The column's entry for `kind` in `list`, added on first sight; allocates only then,
// since this runs for every hash-shaped value.
HashedColumn& hashed_entry(std::vector<HashedColumn>& list, const std::string& column, std::string_view kind,
                           bool bare) {
  for (auto& h : list) {
    if (h.column == column && h.kind == kind) return h;
  }
  list.push_back(HashedColumn{column, std::string(kind), 0, bare, 0, {}, 0, 0});
  return list.back();
}

}  // namespace

void MemberScan::classify_field(std::size_t col, ColumnRole role, std::string_view v) {
  if (role != ColumnRole::kPassword && role != ColumnRole::kHash && validate::digest_length(v.size())) {
    // A bare digest is no personal data of any category, whatever the header says; it
    // only tells whether the column is a hashed one (and a checksum column is none).
    if (validate::HashKind kind = validate::digest_kind(v); kind != validate::HashKind::kNone) {
      if (role == ColumnRole::kChecksum) return;
      return note_digest(col, kind, v);
    }
  }
  ColumnResult& column = result_.columns[col];
  switch (role) {
    case ColumnRole::kBsn: {
      if (auto bsn = validate::parse_bsn(v, true)) {
        ++column.report.passed;
        count_hit(Hit{Category::kBsn, key_for_number(Category::kBsn, *bsn), *bsn, v}, col);
      } else if (validate::bsn_shaped(v)) {
        ++column.report.near_miss;
        ++result_.bsn_near_miss;
      } else {
        classify_generic(col, role, v);
        return;
      }
      break;
    }
    case ColumnRole::kIban: {
      auto m = validate::match_iban(v);
      if (!m || m->consumed != v.size()) return classify_generic(col, role, v);
      ++column.report.passed;
      count_hit(Hit{Category::kIban, key_for_text(Category::kIban, m->compact), 0, v}, col);
      return;
    }
    case ColumnRole::kCard: {
      auto m = validate::match_card(v);
      if (!m || m->consumed != v.size()) return classify_generic(col, role, v);
      ++column.report.passed;
      count_hit(Hit{Category::kPaymentCard, key_for_text(Category::kPaymentCard, m->digits), 0, v}, col);
      return;
    }
    case ColumnRole::kPhone: {
      auto m = validate::match_phone(v);
      if (!m && v.size() == 9 && v[0] >= '1' && v[0] <= '9') {
        char national[10] = {'0'};  // the number with its leading zero dropped
        std::memcpy(national + 1, v.data(), 9);
        m = validate::match_phone(std::string_view(national, 10));
      }
      if (!m) return classify_generic(col, role, v);
      ++column.report.passed;
      count_hit(Hit{Category::kPhone, key_for_number(Category::kPhone, m->national), m->national, v}, col);
      return;
    }
    case ColumnRole::kPostcode: {
      auto m = validate::match_postcode(v);
      if (!m) return classify_generic(col, role, v);
      ++column.report.passed;
      record_.postcode = m->code;
      break;
    }
    case ColumnRole::kHouseNumber: record_.house_number = v; break;
    case ColumnRole::kStreet:
      record_.street = v;
      return classify_generic(col, role, v);  // "Dorpsstraat 1, 1234 AB Plaats"
    case ColumnRole::kCity: record_.city = v; break;
    case ColumnRole::kBirthDate: {
      std::size_t n = 0;
      auto d = validate::match_date(v, true, &n);
      if (!d || !validate::plausible_birth(*d, current_year())) return classify_generic(col, role, v);
      ++column.report.passed;
      count_hit(Hit{Category::kBirthDate, key_for_number(Category::kBirthDate, d->key()), 0, v}, col);
      return;
    }
    case ColumnRole::kName: {
      if (!has_letter(v)) return;
      ++column.report.passed;
      if (!record_.name.empty()) record_.name.push_back(' ');
      record_.name.append(v.substr(0, 256));
      break;
    }
    case ColumnRole::kIp: {
      auto n = validate::match_ipv4(v);
      if (!(n && *n == v.size()) && !validate::is_ipv6(v)) return classify_generic(col, role, v);
      ++column.report.passed;
      count_hit(Hit{Category::kIpAddress, key_for_text(Category::kIpAddress, v), 0, v}, col);
      return;
    }
    case ColumnRole::kIdDocument: {
      std::string doc = upper_compact(v);
      if (!validate::is_nl_document_number(doc)) return classify_generic(col, role, v);
      ++column.report.passed;
      count_hit(Hit{Category::kIdDocument, key_for_text(Category::kIdDocument, doc), 0, v}, col);
      return;
    }
    case ColumnRole::kPassword:
    case ColumnRole::kHash: return classify_password(col, role, v);
    case ColumnRole::kHealth: {
      if (is_negative(v)) return;
      ++column.report.passed;
      count_hit(Hit{Category::kHealth, detect::key_for_lower_text(Category::kHealth, v.substr(0, 256)), 0, v},
                col);
      return;
    }
    case ColumnRole::kEmail: {
      if (classify_whole_email(col, v)) return;
      // Not one address alone: the column passes when the text holds one.
      const std::uint64_t before = column.values[static_cast<std::size_t>(Category::kEmail)];
      classify_generic(col, role, v);
      if (result_.columns[col].values[static_cast<std::size_t>(Category::kEmail)] > before)
        ++result_.columns[col].report.passed;
      return;
    }
    case ColumnRole::kFreeText:
    case ColumnRole::kChecksum:
    case ColumnRole::kNone: return classify_generic(col, role, v);
  }
  // Each case counted its value itself (count_hit), without the hit list of the text
  // scan: one value per field needs no list.
}

bool MemberScan::classify_whole_email(std::size_t col, std::string_view v) {
  // The usual e-mail field is one address and nothing else: validated directly, it
  // needs neither the dictionary nor the digit pass of free text.
  if (v.size() > 320 || !validate::is_whole_email(v)) return false;
  ++result_.columns[col].report.passed;
  count_hit(Hit{Category::kEmail, detect::key_for_lower_text(Category::kEmail, v), 0, v}, col);
  return true;
}

void MemberScan::classify_generic(std::size_t col, ColumnRole role, std::string_view v) {
  ColumnResult& column = result_.columns[col];
  if (role == ColumnRole::kNone) {
    if (auto bsn = validate::parse_bsn(v, false)) {
      // Counts only if the column turns out to be a BSN column (its verdict, when
      // the member is merged: ScanState::decide_column).
      ++column.bsn_valid;
      if (column.tentative.size() < kMaxTentativeBsns) {
        // Its joins are set when the record ends.
        column.tentative.push_back(TentativeBsn{0, *bsn, false}, tentative_file_);
        record_.tentative.push_back(col);
      }
      return;
    }
  }
  // Ids, amounts, order numbers, UUIDs, timestamps: nothing to find without a card or
  // BSN context.
  const bool plain = role != ColumnRole::kCard && role != ColumnRole::kBsn && detect::holds_no_value(v);
  if (role == ColumnRole::kNone) {
    if (plain) return count_hits(col);
    if (validate::salted_hash_kind(v) != validate::HashKind::kNone) return classify_password(col, role, v);
    if (v.size() <= 45 && v.find(' ') == std::string_view::npos && v.find(':') != v.rfind(':') &&
        validate::is_ipv6(v)) {
      hits_.push_back(Hit{Category::kIpAddress, key_for_text(Category::kIpAddress, v), 0, v});
      return count_hits(col);
    }
  }
  if (plain) return count_hits(col);
  // A short value this column repeats, known to hold nothing: no text scan again.
  if (col >= quiet_.size()) quiet_.resize(col + 1);
  const bool short_value = v.size() <= QuietValues::kMaxBytes && quiet_[col].in_use();
  if (!short_value || !quiet_[col].holds(role, v)) {
    detect::TextOptions opts;
    // Digits, punctuation and hex letters (ids, UUIDs, timestamps, amounts, hashes) hold
    // no word of the dictionary, so such fields skip the Hyperscan pass.
    opts.words = role != ColumnRole::kStreet && detect::has_word_bytes(v);
    opts.card_context = role == ColumnRole::kCard;
    opts.bsn_context = role == ColumnRole::kBsn;
    detect::scan_text(v, opts, scratch_, hits_, signals_);
    if (short_value && hits_.empty() && signals_.bsn_near_miss == 0 && signals_.encryption_signatures == 0)
      quiet_[col].add(role, v);
  }
  if (role == ColumnRole::kNone && hits_.empty()) {
    // A field that is exactly a postcode, without a header saying so.
    auto m = validate::match_postcode(v);
    if (m && m->consumed == v.size()) record_.postcode = m->code;
  }
  count_hits(col);
}

void MemberScan::note_digest(std::size_t col, validate::HashKind kind, std::string_view v) {
  ColumnResult& column = result_.columns[col];
  ++column.hash_shaped;
  HashedColumn& hc = hashed_entry(column.hashes, column.report.column, validate::to_string(kind), true);
  ++hc.count;
  if (options_.reverse_hashes && hc.digests.size() < kMaxDigests) hc.digests.emplace_back(v);
}

void MemberScan::classify_password(std::size_t col, ColumnRole role, std::string_view v) {
  ColumnResult& column = result_.columns[col];
  validate::HashKind kind = validate::salted_hash_kind(v);
  if (kind == validate::HashKind::kNone) kind = validate::digest_kind(v);
  if (role == ColumnRole::kHash && kind == validate::HashKind::kNone) return classify_generic(col, ColumnRole::kNone, v);
  if (role != ColumnRole::kHash) {
    ++column.report.passed;
    count_hit(Hit{Category::kPassword, key_for_text(Category::kPassword, v), 0, v}, col);
  }
  if (kind != validate::HashKind::kNone) {
    HashedColumn& hc = password_entry(col, kind);
    ++hc.count;
    if (hc.bare && options_.reverse_hashes && hc.digests.size() < kMaxDigests) hc.digests.emplace_back(v);
  } else if (role == ColumnRole::kPassword) {
    ++password_entry(col, kind).count;
  }
}

HashedColumn& MemberScan::password_entry(std::size_t col, validate::HashKind kind) {
  if (col >= hashed_at_.size()) {
    std::array<std::int32_t, validate::kHashKindCount> unknown;
    unknown.fill(-1);
    hashed_at_.resize(col + 1, unknown);
  }
  std::int32_t& at = hashed_at_[col][static_cast<std::size_t>(kind)];
  if (at < 0) {
    const std::string& name = result_.columns[col].report.column;
    const bool plaintext = kind == validate::HashKind::kNone;
    HashedColumn& h = hashed_entry(result_.hashed, name, plaintext ? "plaintext" : validate::to_string(kind),
                                   !plaintext && validate::is_bare_digest(kind));
    at = static_cast<std::int32_t>(&h - result_.hashed.data());
  }
  return result_.hashed[static_cast<std::size_t>(at)];
}

}  // namespace bd::scan::count
