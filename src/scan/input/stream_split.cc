#include "scan/input/stream_split.h"

#include <algorithm>
#include <cstring>

#include "scan/input/decoder.h"
#include "scan/input/plan_bytes.h"
#include "scan/input/split.h"
#include "scan/tokenize/json_resume.h"
#include "scan/tokenize/sql_resume.h"

namespace bd::scan::input {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
// The CSV head must lie in this many bytes (split.cc: 64 KiB of first record, and a
// byte-order mark).
constexpr std::size_t kCsvHeadBytes = (64u << 10) + 3;

std::size_t find_byte(std::string_view b, std::size_t from, std::size_t to, char c) {
  if (from >= to) return to;
  const void* q = std::memchr(b.data() + from, c, to - from);
  return q != nullptr ? static_cast<std::size_t>(static_cast<const char*>(q) - b.data()) : to;
}

// The CSV tokenizer's quoting rules as split.cc's QuoteRules follows them in a file,
// over a stream: a '"' opens a quoted field only at a field start (after the
// delimiter, a '\n', or '\r's that follow a record end); in a quoted field '""' is a
// quote and any other '"' closes it; a '\n' outside quotes ends a record.
class CsvCutter final : public StreamCutter {
 public:
  explicit CsvCutter(char delimiter_hint) : hint_(delimiter_hint) {}
  std::optional<std::string> prime() const override { return head_.prime; }

 protected:
  std::size_t follow(std::string_view b, bool want_cut) override {
    if (!body_) return read_head(b, want_cut);
    return read_body(b, want_cut);
  }

 private:
  // Collects the member's first bytes until its first record has ended.
  std::size_t read_head(std::string_view b, bool want_cut) {
    std::size_t take = std::min(b.size(), kCsvHeadBytes - start_.size());
    start_.append(b.substr(0, take));
    PlanBytes bytes(start_);
    std::optional<CsvHead> head = csv_head(bytes, hint_);
    if (!head) {
      if (start_.size() >= kCsvHeadBytes) give_up();  // the first record is too long
      return kNoCut;
    }
    head_ = std::move(*head);
    body_ = true;
    last_ = '\n';
    std::size_t rest = static_cast<std::size_t>(head_.first_end - (start_.size() - take));
    std::string().swap(start_);
    std::size_t cut = read_body(b.substr(rest), want_cut);
    return cut == kNoCut ? kNoCut : rest + cut;
  }

  // Whether the run of '\r's that ends just before b[end] (b[end - 1] is one) follows
  // a record end; the run may have begun in the bytes read before.
  bool cr_run_at_record_start(std::string_view b, std::size_t end) const {
    std::size_t j = end - 1;
    while (j > 0 && b[j - 1] == '\r') --j;
    return j > 0 ? b[j - 1] == '\n' : (last_ == '\r' ? cr_run_at_record_start_ : last_ == '\n');
  }

  // Whether a '"' at b[q] is at a field start.
  bool at_field_start(std::string_view b, std::size_t q) const {
    char c = q > 0 ? b[q - 1] : last_;
    if (c == head_.delimiter || c == '\n') return true;
    if (c != '\r') return false;
    return q == 0 ? cr_run_at_record_start_ : cr_run_at_record_start(b, q);
  }

  // Notes how `b` (read whole, or up to a cut) ends, for the next bytes.
  void note_end(std::string_view b) {
    if (b.empty()) return;
    if (b.back() == '\r') cr_run_at_record_start_ = cr_run_at_record_start(b, b.size());
    last_ = b.back();
  }

  std::size_t read_body(std::string_view b, bool want_cut) {
    std::size_t i = 0;
    const std::size_t n = b.size();
    if (quote_pending_ && n > 0) {
      // A '"' in a quoted field ended the last bytes: doubled, or the field's end.
      quote_pending_ = false;
      if (b[0] == '"') {
        i = 1;
      } else {
        quoted_ = false;
      }
    }
    while (i < n) {
      if (quoted_) {
        std::size_t q = find_byte(b, i, n, '"');
        if (q == n) break;
        if (q + 1 == n) {
          quote_pending_ = true;
          break;
        }
        if (b[q + 1] == '"') {
          i = q + 2;
          continue;
        }
        quoted_ = false;
        i = q + 1;
        continue;
      }
      std::size_t q = find_byte(b, i, n, '"');
      if (want_cut) {
        std::size_t nl = find_byte(b, i, q, '\n');
        if (nl < q) {
          note_end(b.substr(0, nl + 1));
          return nl + 1;
        }
      }
      if (q == n) break;
      quoted_ = at_field_start(b, q);
      i = q + 1;
    }
    note_end(b);
    return kNoCut;
  }

  char hint_;
  std::string start_;  // the member's first bytes, until its first record ended
  bool body_ = false;
  CsvHead head_;
  bool quoted_ = false;
  bool quote_pending_ = false;           // quoted, and the last bytes ended with a '"'
  char last_ = '\n';                     // the last byte read
  bool cr_run_at_record_start_ = false;  // the '\r's the last bytes ended with follow a record end
};

// SQL and NDJSON: their tokenizers' planning sides (SqlPrefix, JsonPrefix) read the
// stream; a cut is a line end where they stand at a clean state.
template <typename Prefix>
class PrefixCutter final : public StreamCutter {
 public:
  std::optional<std::string> prime() const override { return prefix_.prime(); }

 protected:
  std::size_t follow(std::string_view b, bool want_cut) override {
    if (bom_done_) return cut_in(b, want_cut);
    // A byte-order mark is the decoder's, not the tokenizer's: the first bytes are held
    // until they are known to be one or not (no cut is looked for in them).
    std::size_t i = 0;
    while (!bom_done_ && i < b.size()) {
      held_.push_back(b[i++]);
      bom_done_ = held_.size() == kBom.size() || !kBom.starts_with(held_);
    }
    if (!bom_done_) return kNoCut;
    if (held_ != kBom) feed(held_);
    std::string().swap(held_);
    std::size_t cut = cut_in(b.substr(i), want_cut);
    return cut == kNoCut ? kNoCut : i + cut;
  }

 private:
  std::size_t cut_in(std::string_view b, bool want_cut) {
    if (!want_cut) {
      feed(b);
      return kNoCut;
    }
    if (last_ == '\n' && prefix_.at_cut()) return 0;
    std::size_t i = 0;
    for (;;) {
      std::size_t nl = find_byte(b, i, b.size(), '\n');
      if (nl == b.size()) {
        feed(b.substr(i));
        return kNoCut;
      }
      feed(b.substr(i, nl + 1 - i));
      i = nl + 1;
      if (prefix_.at_cut()) return i;
    }
  }

  void feed(std::string_view b) {
    if (b.empty()) return;
    prefix_.feed(b);
    last_ = b.back();
  }

  Prefix prefix_;
  bool bom_done_ = false;
  std::string held_;  // the first bytes, until they are known to be a byte-order mark or not
  char last_ = 0;
};

}  // namespace

std::unique_ptr<StreamCutter> StreamCutter::make(Format format) {
  switch (format) {
    case Format::kCsv:
      return std::make_unique<CsvCutter>(0);
    case Format::kTsv:
      return std::make_unique<CsvCutter>('\t');
    case Format::kSql:
      return std::make_unique<PrefixCutter<tokenize::SqlPrefix>>();
    case Format::kNdjson:
      return std::make_unique<PrefixCutter<tokenize::JsonPrefix>>();
    case Format::kJson:
    case Format::kXml:
    case Format::kVcard:
    case Format::kHtml:
    case Format::kText:
    case Format::kBinary:
      return nullptr;
  }
  return nullptr;
}

std::size_t StreamCutter::read(std::string_view bytes, bool want_cut) {
  if (!usable_) return kNoCut;
  std::size_t cut = follow(bytes, want_cut);
  check_utf8(cut == kNoCut ? bytes : bytes.substr(0, cut));
  return usable_ ? cut : kNoCut;
}

void StreamCutter::check_utf8(std::string_view b) {
  std::size_t start = 0;
  while (!carry_.empty() && start < b.size()) {
    // Completes the character the last bytes ended inside.
    carry_.push_back(b[start++]);
    bool incomplete = false;
    std::size_t ok = valid_utf8_prefix(carry_, &incomplete);
    if (ok == carry_.size()) {
      carry_.clear();
    } else if (!incomplete) {
      give_up();
      return;
    }
  }
  std::string_view rest = b.substr(start);
  bool incomplete = false;
  std::size_t ok = valid_utf8_prefix(rest, &incomplete);
  if (ok == rest.size()) return;
  if (!incomplete) {
    give_up();
    return;
  }
  carry_.assign(rest.substr(ok));
}

RangeFeeder::RangeFeeder(LeafTarget& target, const MemberInfo& info, Encoding encoding,
                         const InputOptions& options)
    : target_(target), info_(info) {
  if (target.lanes() >= 2 && encoding == Encoding::kUtf8) cutter_ = StreamCutter::make(info.format);
  if (cutter_) {
    // Ranges no larger than half a lane's share of the ring, so that the reader hands
    // the next range to the other lane while this one's bytes still wait in its queue.
    std::uint64_t lane_ring = static_cast<std::uint64_t>(options.ring_buffers) * options.buffer_size;
    range_bytes_ =
        std::max<std::uint64_t>(std::min<std::uint64_t>(options.split_min_bytes, lane_ring) / 2, 1);
    count_ = std::make_shared<std::atomic<std::uint32_t>>(0);
    info_.part.split = next_split_id();
    info_.part.count = 0;
    info_.part.stream_count = count_;
  }
  target_.begin(info_, encoding);
}

void RangeFeeder::chunk(int buffer, std::size_t n) {
  std::size_t at = 0;  // bytes of the buffer the cutter has read
  while (cutter_ && cutter_->usable() && at < n) {
    std::uint64_t before_cut = in_range_ < range_bytes_ ? range_bytes_ - in_range_ : 0;
    if (before_cut >= n - at) {
      cutter_->read(bytes(buffer, at, n - at), false);
      in_range_ += n - at;
      break;
    }
    if (before_cut > 0) {
      cutter_->read(bytes(buffer, at, static_cast<std::size_t>(before_cut)), false);
      at += static_cast<std::size_t>(before_cut);
      in_range_ += before_cut;
    }
    std::size_t c = cutter_->read(bytes(buffer, at, n - at), true);
    if (c == StreamCutter::kNoCut) {
      in_range_ += n - at;
      break;
    }
    if (!cut(&buffer, &n, at + c)) {
      cutter_.reset();  // no prime: the rest stays in this range
      break;
    }
    at = 0;
  }
  if (n > 0) {
    target_.chunk(buffer, n);
  } else {
    target_.release(buffer);
  }
}

bool RangeFeeder::cut(int* buffer, std::size_t* n, std::size_t at) {
  std::optional<std::string> prime = cutter_->prime();
  if (!prime) return false;
  if (at > 0) {
    // The bytes from the cut on go on in a buffer of their own.
    int rest = target_.acquire();
    std::memcpy(target_.data(rest), target_.data(*buffer) + at, *n - at);
    target_.chunk(*buffer, at);
    *buffer = rest;
    *n -= at;
  }
  target_.end();
  ++info_.part.index;
  info_.part.prime = std::move(*prime);
  info_.size_hint = 0;
  target_.begin(info_, Encoding::kUtf8);
  in_range_ = 0;
  return true;
}

void RangeFeeder::end() {
  if (count_) count_->store(info_.part.index + 1, std::memory_order_release);
  target_.end();
}

}  // namespace bd::scan::input
