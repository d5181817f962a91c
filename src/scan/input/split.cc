#include "scan/input/split.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "scan/file_io.h"
#include "scan/input/plan_bytes.h"
#include "scan/input/reader.h"
#include "scan/input/sniff.h"
#include "scan/tokenize/record_handler.h"

namespace bd::scan::input {
namespace {

// The first line must end within this many bytes: the tokenizer picks the delimiter on
// its sniff buffer, which holds the whole first line only while that is short (64 KiB
// of decoded text; Windows-1252 may triple the bytes).
constexpr std::size_t kMaxFirstLine = 16u << 10;
// The first record (the prime of later ranges) must end within this many bytes.
constexpr std::size_t kMaxFirstRecord = 64u << 10;
// How far the cut search looks for a quote at a time: bounds the search past a cut.
constexpr std::size_t kWindow = 64u << 10;
// The most the quote pass searches at a time outside quotes.
constexpr std::size_t kStep = 2u << 20;

constexpr std::uint64_t kNone = static_cast<std::uint64_t>(-1);

// The CSV tokenizer's quoting rules, reduced to what decides record boundaries. Its
// states: at a field start, in an unquoted field, in a quoted field, just after a
// quote in a quoted field. A '"' opens a quoted field only at a field start (the stream
// start, after a delimiter or '\n', or after '\r's that follow a record end: blank-line
// bytes); elsewhere it is a literal. In a quoted field '""' is a quote and any other
// '"' closes it; whatever follows a closing quote up to a delimiter or '\n' is kept.
// Every '\n' outside a quoted field ends a record (or a blank line).
class QuoteRules {
 public:
  QuoteRules(PlanBytes& bytes, std::size_t begin, char delimiter)
      : b_(bytes), n_(bytes.size()), begin_(begin), delim_(delimiter) {}

  // Just past the '\n' that ends the first record (not a blank line), if it ends
  // before `limit` (<= kMaxFirstRecord). A byte-by-byte mirror of the tokenizer (the
  // record is short).
  std::uint64_t first_record_end(std::size_t limit) const;

  // The first record start at or after `cut`, scanning from `from` (a record start).
  std::uint64_t record_start_after(std::uint64_t from, std::uint64_t cut) const;

 private:
  bool at_field_start(std::uint64_t quote) const;

  PlanBytes& b_;
  std::uint64_t n_;
  std::size_t begin_;  // after a byte-order mark
  char delim_;
};

std::uint64_t QuoteRules::first_record_end(std::size_t limit) const {
  enum { kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted } state = kFieldStart;
  std::size_t column = 0;
  std::string_view p = b_.view(0, limit);
  for (std::size_t i = begin_; i < p.size(); ++i) {
    char c = p[i];
    if (state == kFieldStart) {
      if (c == '"') {
        state = kQuoted;
        continue;
      }
      if ((c == '\n' || c == '\r') && column == 0) continue;  // blank line
      state = kUnquoted;
    } else if (state == kQuoted) {
      if (c == '"') state = kQuoteInQuoted;
      continue;
    } else if (state == kQuoteInQuoted) {
      if (c == '"') {
        state = kQuoted;
        continue;
      }
      state = kUnquoted;
    }
    if (c == delim_) {  // kUnquoted (or just left kQuoteInQuoted)
      ++column;
      state = kFieldStart;
    } else if (c == '\n') {
      return i + 1;
    }
  }
  return kNone;
}

bool QuoteRules::at_field_start(std::uint64_t q) const {
  if (q == begin_) return true;
  char c = b_.at(q - 1);
  if (c == delim_ || c == '\n') return true;
  if (c != '\r') return false;
  // '\r's at a record start are skipped as a blank line; elsewhere they are field text.
  std::uint64_t j = q - 1;
  while (j > begin_ && b_.at(j - 1) == '\r') --j;
  return j == begin_ || b_.at(j - 1) == '\n';
}

std::uint64_t QuoteRules::record_start_after(std::uint64_t from, std::uint64_t cut) const {
  std::uint64_t i = from;
  bool quoted = false;
  for (;;) {
    if (quoted) {
      std::uint64_t q = b_.find('"', i, n_);
      if (q >= n_) return kNone;  // unterminated to the end: no record start
      if (q + 1 < n_ && b_.at(q + 1) == '"') {
        i = q + 2;  // a doubled quote
        continue;
      }
      quoted = false;
      i = q + 1;
      continue;
    }
    std::uint64_t look = std::max(i, cut);
    std::uint64_t limit = std::min({n_, look + kWindow, i + kStep});
    std::uint64_t q = b_.find('"', i, limit);
    if (look < q) {
      std::uint64_t nl = b_.find('\n', look, q);
      if (nl < q) return nl + 1;
    }
    if (q == limit) {
      if (limit == n_) return kNone;
      i = limit;  // no quote in this window: the state is unchanged
      continue;
    }
    quoted = at_field_start(q);
    i = q + 1;
  }
}

class StringSink final : public MemberSink {
 public:
  void on_chunk(std::string_view utf8) override { text.append(utf8); }
  void on_end() override {}
  std::string text;
};

std::string decode_prefix(std::string_view bytes) {
  StringSink sink;
  Decoder decoder(sink, Encoding::kUtf8);
  decoder.feed(bytes);
  decoder.finish();
  return std::move(sink.text);
}

std::string base_name(const std::string& path) {
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::atomic<std::uint64_t> g_split_ids{0};

SplitPoints plan_format(PlanBytes& bytes, Format format, int parts, const PlanWatcher& watch) {
  switch (format) {
    case Format::kSql:
      return plan_sql_ranges(bytes, parts, watch);
    case Format::kNdjson:
      return plan_ndjson_ranges(bytes, parts, watch);
    case Format::kText:
      return plan_text_ranges(bytes, parts, watch);
    default:
      return plan_ranges(bytes, format == Format::kTsv ? '\t' : 0, parts, watch);
  }
}

// Range `index` of `points` (whose next start, or the end of the file, is `end`).
RangeWork range_of(const std::shared_ptr<SplitFile>& file, const SplitPoints& points, std::size_t index,
                   std::uint64_t end) {
  RangeWork r;
  r.file = file;
  r.index = static_cast<std::uint32_t>(index);
  r.start = points.starts[index];
  r.end = end;
  r.encoding = points.encodings[index];
  r.prime = points.primes[index];
  return r;
}

}  // namespace

std::optional<CsvHead> csv_head(PlanBytes& bytes, char delimiter_hint) {
  std::string_view head = bytes.view(0, kMaxFirstRecord);
  std::size_t begin = head.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  std::size_t nl = head.find('\n', begin);
  if (nl == std::string_view::npos || nl - begin > kMaxFirstLine) return std::nullopt;
  CsvHead out;
  const std::string_view first_line = head.substr(begin, nl - begin);
  const char sep = delimiter_hint != 0 ? 0 : tokenize::excel_separator(first_line);
  if (sep != 0) begin = nl + 1;  // as the tokenizer does: the records start after that line
  out.begin = begin;
  out.delimiter = delimiter_hint != 0 ? delimiter_hint
                  : sep != 0          ? sep
                                      : tokenize::pick_csv_delimiter(first_line);
  QuoteRules rules(bytes, begin, out.delimiter);
  out.first_end = rules.first_record_end(kMaxFirstRecord);
  if (out.first_end == kNone) return std::nullopt;
  // Decoded now, while the file's first bytes are in the window.
  out.prime = decode_prefix(bytes.view(0, static_cast<std::size_t>(out.first_end)));
  return out;
}

SplitPoints first_range() {
  SplitPoints out;
  out.starts.push_back(0);
  out.encodings.push_back(Encoding::kUtf8);
  out.primes.emplace_back();
  return out;
}

bool add_utf8_cut(SplitPoints& out, PlanBytes& bytes, std::uint64_t start, std::string prime,
                  const PlanWatcher& watch) {
  if (!bytes.valid_utf8_before(start)) return false;
  out.starts.push_back(start);
  out.encodings.push_back(Encoding::kUtf8);
  out.primes.push_back(std::move(prime));
  if (watch) watch(out);
  return true;
}

std::uint64_t next_split_id() {
  return ++g_split_ids;
}

SplitPoints plan_ranges(PlanBytes& bytes, char delimiter_hint, int parts, const PlanWatcher& watch) {
  if (parts < 2) return {};
  std::optional<CsvHead> head = csv_head(bytes, delimiter_hint);
  if (!head) return {};
  QuoteRules rules(bytes, head->begin, head->delimiter);
  SplitPoints out = first_range();
  std::uint64_t from = head->first_end;
  for (int k = 1; k < parts; ++k) {
    std::uint64_t cut = std::max<std::uint64_t>(bytes.size() / static_cast<std::uint64_t>(parts) * k, from);
    std::uint64_t start = rules.record_start_after(from, cut);
    if (start == kNone || start >= bytes.size()) break;
    out.starts.push_back(start);
    out.encodings.push_back(bytes.valid_utf8_before(start) ? Encoding::kUtf8 : Encoding::kWindows1252);
    out.primes.push_back(head->prime);
    if (watch) watch(out);
    from = start;
  }
  if (out.starts.size() < 2) return {};
  return out;
}

bool WorkQueue::take(const FileEntry** file, RangeWork* range) {
  std::unique_lock lock(mu_);
  for (;;) {
    if (!ranges_.empty()) {
      *range = std::move(ranges_.front());
      ranges_.pop_front();
      *file = nullptr;
      return true;
    }
    if (next_file_ < files_.size()) {
      *file = &files_[next_file_++];
      range->file.reset();
      if ((*file)->may_split) ++planning_;  // its worker calls planning_done()
      return true;
    }
    if (planning_ == 0) return false;
    cv_.wait(lock);
  }
}

void WorkQueue::add_range(RangeWork range) {
  {
    std::lock_guard lock(mu_);
    ranges_.push_back(std::move(range));
  }
  cv_.notify_one();
}

void WorkQueue::planning_done() {
  {
    std::lock_guard lock(mu_);
    --planning_;
  }
  cv_.notify_all();
}

bool may_split(const std::string& path, std::uint64_t size, const InputOptions& options) {
  if (options.threads < 2 || size < options.split_min_bytes || size > options.limits.max_member_size)
    return false;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return false;
  std::string head(std::min<std::uint64_t>(size, kSniffBytes), '\0');
  ssize_t n = ::pread(fd, head.data(), head.size(), 0);
  ::close(fd);
  if (n <= 0) return false;
  head.resize(static_cast<std::size_t>(n));
  Sniff s = sniff(base_name(path), head);
  return s.container == Container::kNone && s.protection.empty() && s.encoding == Encoding::kUtf8 &&
         splits_format(s.format);
}

int ranges_per_thread(Format format) {
  // The planner reads up to the last cut: a CSV file or a log at several GB/s, a dump
  // or an NDJSON file with its tokenizer, at not much more than the scan's speed.
  return format == Format::kSql || format == Format::kNdjson ? 2 : 4;
}

bool splits_format(Format format) {
  switch (format) {
    case Format::kCsv:
    case Format::kTsv:
    case Format::kSql:
    case Format::kNdjson:
    case Format::kText: return true;
    case Format::kJson:
    case Format::kXml:
    case Format::kVcard:
    case Format::kHtml:
    case Format::kBinary: return false;
  }
  return false;
}

std::shared_ptr<SplitFile> plan_split(int fd, std::uint64_t size, const std::string& path, Format format,
                                      const InputOptions& options,
                                      const std::function<void(RangeWork)>& ready) {
  if (options.threads < 2 || size < options.split_min_bytes || size > options.limits.max_member_size)
    return nullptr;
  // A few ranges per thread, but none much smaller than an eighth of the threshold:
  // each range costs a sink of its own.
  std::uint64_t min_range = std::max<std::uint64_t>(options.split_min_bytes / 8, 1);
  int parts = static_cast<int>(std::min<std::uint64_t>(
      static_cast<std::uint64_t>(options.threads) * static_cast<std::uint64_t>(ranges_per_thread(format)),
      size / min_range));
  if (parts < 2) return nullptr;
  auto file = std::make_shared<SplitFile>();
  file->fd = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (file->fd < 0) return nullptr;
  file->path = path;
  file->format = format;
  file->id = next_split_id();
  file->size = size;
  std::size_t queued = 0;  // ranges handed to `ready`
  PlanBytes bytes(fd, size);
  SplitPoints points = plan_format(bytes, format, parts, [&](const SplitPoints& so_far) {
    // A read error makes the bytes read as zeros from there on (plan_bytes.h): no cut
    // after it is trusted, and the ranges already queued stand.
    if (bytes.failed()) return;
    file->holds.fetch_add(1);
    ready(range_of(file, so_far, queued, so_far.starts[queued + 1]));
    ++queued;
  });
  if (queued == 0) return nullptr;
  // The last range runs to the end of the file (past any cut that followed a read error).
  RangeWork last = range_of(file, points, queued, size);
  last.count = static_cast<std::uint32_t>(queued + 1);
  file->holds.fetch_add(1);
  ready(std::move(last));
  return file;
}

void end_hold(ScanShared& shared, SplitFile& file) {
  if (file.holds.fetch_sub(1) == 1) shared.progress.file_done();
}

SplitFile::~SplitFile() {
  if (fd >= 0) ::close(fd);
}

void read_range(ScanShared& shared, const RangeWork& range, LeafTarget& buffers) {
  SplitFile& file = *range.file;
  MemberInfo info;
  info.path = file.path;
  info.size_hint = range.end - range.start;
  info.format = file.format;
  info.encoding = std::string(encoding_name(range.encoding));
  info.part.split = file.id;
  info.part.index = range.index;
  info.part.count = range.count;
  info.part.prime = range.prime;
  if (range.index == 0) shared.progress.add_member();
  std::string problem;
  if (auto sink = shared.factory.open(info)) {
    Decoder decoder(*sink, range.encoding, range.index == 0);
    int buf = buffers.acquire();
    for (std::uint64_t at = range.start; at < range.end;) {
      ssize_t got = read_at(file.fd, buffers.data(buf),
                            std::min<std::uint64_t>(buffers.buffer_size(), range.end - at), at);
      if (got <= 0) {
        problem = (got < 0 ? std::string("read error: ") + std::strerror(errno) : std::string("file shrank while read")) +
                  " after " + std::to_string(at) + " bytes; the rest was not read";
        break;
      }
      auto n = static_cast<std::size_t>(got);
      decoder.feed(std::string_view(buffers.data(buf), n));
      at += n;
      shared.progress.add_read(n);
      shared.progress.add_decoded(n);
      shared.progress.report(false);
    }
    buffers.release(buf);
    decoder.finish();
    sink->on_end();
  } else {
    shared.progress.add_read(range.end - range.start);
  }
  if (!problem.empty()) shared.factory.on_skipped(file.path, problem);
  end_hold(shared, file);
}

}  // namespace bd::scan::input
