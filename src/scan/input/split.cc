#include "scan/input/split.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <mutex>

#include "scan/file_io.h"
#include "scan/input/reader.h"
#include "scan/input/sniff.h"
#include "scan/input/utf8_check.h"
#include "scan/tokenize/record_handler.h"

namespace bd::scan::input {
namespace {

// The first line must end within this many bytes: the tokenizer picks the delimiter on
// its sniff buffer, which holds the whole first line only while that is short (64 KiB
// of decoded text; Windows-1252 may triple the bytes).
constexpr std::size_t kMaxFirstLine = 16u << 10;
// The first record (the prime of later ranges) must end within this many bytes.
constexpr std::size_t kMaxFirstRecord = 64u << 10;
// How far the cut search looks for a quote at a time: bounds the memchr past a cut.
constexpr std::size_t kWindow = 64u << 10;
// Bytes the quote pass reads before it checks them for UTF-8 (while they are in cache)
// and hands their pages back (Release: a mapped file's pages count as the process's
// memory while they are mapped).
constexpr std::size_t kStep = 2u << 20;

constexpr std::uint64_t kNone = static_cast<std::uint64_t>(-1);

std::size_t find_byte(const char* p, std::size_t from, std::size_t to, char c) {
  if (from >= to) return to;
  const void* q = std::memchr(p + from, c, to - from);
  return q ? static_cast<std::size_t>(static_cast<const char*>(q) - p) : to;
}

// The CSV tokenizer's quoting rules, reduced to what decides record boundaries. Its
// states: at a field start, in an unquoted field, in a quoted field, just after a
// quote in a quoted field. A '"' opens a quoted field only at a field start (the stream
// start, after a delimiter or '\n', or after '\r's that follow a record end: blank-line
// bytes); elsewhere it is a literal. In a quoted field '""' is a quote and any other
// '"' closes it; whatever follows a closing quote up to a delimiter or '\n' is kept.
// Every '\n' outside a quoted field ends a record (or a blank line).
class QuoteRules {
 public:
  QuoteRules(std::string_view bytes, std::size_t begin, char delimiter, const Release& release)
      : p_(bytes.data()), n_(bytes.size()), begin_(begin), delim_(delimiter), release_(release) {}

  // Just past the '\n' that ends the first record (not a blank line), if it ends
  // before `limit`. A byte-by-byte mirror of the tokenizer (the record is short).
  std::uint64_t first_record_end(std::size_t limit) const;

  // The first record start at or after `cut`, scanning from `from` (a record start).
  std::uint64_t record_start_after(std::size_t from, std::size_t cut) const;

 private:
  bool at_field_start(std::size_t quote) const;

  const char* p_;
  std::size_t n_;
  std::size_t begin_;  // after a byte-order mark
  char delim_;
  const Release& release_;
};

std::uint64_t QuoteRules::first_record_end(std::size_t limit) const {
  enum { kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted } state = kFieldStart;
  std::size_t column = 0;
  for (std::size_t i = begin_; i < std::min(limit, n_); ++i) {
    char c = p_[i];
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

bool QuoteRules::at_field_start(std::size_t q) const {
  if (q == begin_) return true;
  char c = p_[q - 1];
  if (c == delim_ || c == '\n') return true;
  if (c != '\r') return false;
  // '\r's at a record start are skipped as a blank line; elsewhere they are field text.
  std::size_t j = q - 1;
  while (j > begin_ && p_[j - 1] == '\r') --j;
  return j == begin_ || p_[j - 1] == '\n';
}

std::uint64_t QuoteRules::record_start_after(std::size_t from, std::size_t cut) const {
  std::size_t i = from;
  std::size_t released = from;
  bool quoted = false;
  for (;;) {
    if (release_ && i - released >= kStep) {
      release_(i);
      released = i;
    }
    if (quoted) {
      std::size_t q = find_byte(p_, i, n_, '"');
      if (q >= n_) return kNone;  // unterminated to the end: no record start
      if (q + 1 < n_ && p_[q + 1] == '"') {
        i = q + 2;  // a doubled quote
        continue;
      }
      quoted = false;
      i = q + 1;
      continue;
    }
    std::size_t look = std::max(i, cut);
    std::size_t limit = std::min({n_, look + kWindow, i + kStep});
    std::size_t q = find_byte(p_, i, limit, '"');
    if (look < q) {
      std::size_t nl = find_byte(p_, look, q, '\n');
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

// A file that another process truncates while it is mapped raises SIGBUS on the pages
// past its new end. While a thread plans a split, such a fault maps zero pages over the
// rest of the mapping and is noted: planning runs on to its end over zeros, and its
// result is thrown away (the file is then read whole, which reports what it finds).
// No jump out of the handler, so no destructor is skipped.
struct PlanningGuard {
  std::uintptr_t begin = 0;  // the mapping
  std::uintptr_t end = 0;
  volatile sig_atomic_t shrank = 0;
};

thread_local PlanningGuard* t_planning = nullptr;
struct sigaction g_previous_bus {};  // the disposition before ours
std::uintptr_t g_page_size = 4096;

void on_sigbus(int, siginfo_t* info, void*) {
  PlanningGuard* g = t_planning;
  auto at = reinterpret_cast<std::uintptr_t>(info->si_addr);
  if (g != nullptr && at >= g->begin && at < g->end) {
    std::uintptr_t page = at & ~(g_page_size - 1);
    void* zeros = ::mmap(reinterpret_cast<void*>(page), g->end - page, PROT_READ,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (zeros != MAP_FAILED) {
      g->shrank = 1;
      return;  // the read runs again, on zeros
    }
  }
  // Not a planning read: the fault repeats under the disposition from before.
  ::sigaction(SIGBUS, &g_previous_bus, nullptr);
}

void install_sigbus_guard() {
  static std::once_flag once;
  std::call_once(once, [] {
    g_page_size = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    struct sigaction sa {};
    sa.sa_sigaction = on_sigbus;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGBUS, &sa, &g_previous_bus);
  });
}

SplitPoints plan_format(std::string_view bytes, Format format, int parts, const Release& release) {
  switch (format) {
    case Format::kSql: return plan_sql_ranges(bytes, parts, release);
    case Format::kNdjson: return plan_ndjson_ranges(bytes, parts, release);
    case Format::kText: return plan_text_ranges(bytes, parts, release);
    default: return plan_ranges(bytes, format == Format::kTsv ? '\t' : 0, parts, release);
  }
}

}  // namespace

SplitPoints plan_ranges(std::string_view bytes, char delimiter_hint, int parts, const Release& release) {
  SplitPoints out;
  std::size_t begin = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  std::size_t nl = bytes.find('\n', begin);
  if (nl == std::string_view::npos || nl - begin > kMaxFirstLine || parts < 2) return out;
  char delim =
      delimiter_hint != 0 ? delimiter_hint : tokenize::pick_csv_delimiter(bytes.substr(begin, nl - begin));
  Utf8Check utf8(bytes);
  Release step = [&](std::uint64_t upto) {
    utf8.advance(upto);
    if (release) release(upto);
  };
  QuoteRules rules(bytes, begin, delim, step);
  std::uint64_t first_end = rules.first_record_end(kMaxFirstRecord);
  if (first_end == kNone) return out;
  out.starts.push_back(0);
  std::uint64_t from = first_end;
  for (int k = 1; k < parts; ++k) {
    std::uint64_t cut = std::max<std::uint64_t>(bytes.size() / static_cast<std::uint64_t>(parts) * k, from);
    std::uint64_t start = rules.record_start_after(from, cut);
    if (start == kNone || start >= bytes.size()) break;
    out.starts.push_back(start);
    from = start;
  }
  if (out.starts.size() < 2) return {};
  utf8.advance(out.starts.back());
  std::string prime = decode_prefix(bytes.substr(0, first_end));
  out.primes.assign(out.starts.size(), prime);
  out.primes[0].clear();
  for (std::uint64_t start : out.starts) {
    out.encodings.push_back(utf8.valid_before(start) ? Encoding::kUtf8 : Encoding::kWindows1252);
  }
  return out;
}

std::unique_ptr<MappedFile> MappedFile::map(int fd, std::uint64_t size) {
  if (size == 0 || size > static_cast<std::uint64_t>(SIZE_MAX)) return nullptr;
  void* p = ::mmap(nullptr, static_cast<std::size_t>(size), PROT_READ, MAP_PRIVATE, fd, 0);
  if (p == MAP_FAILED) return nullptr;
  return std::unique_ptr<MappedFile>(
      new MappedFile(static_cast<const char*>(p), static_cast<std::size_t>(size)));
}

MappedFile::~MappedFile() {
  ::munmap(const_cast<char*>(data_), size_);
}

void MappedFile::release(std::uint64_t from, std::uint64_t to) const {
  static const auto page = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
  to = std::min<std::uint64_t>(to, size_);
  std::uint64_t first = (from + page - 1) / page * page;
  std::uint64_t end = to == size_ ? to : to / page * page;  // the last page is whole to the mapping
  if (first >= end) return;
  ::madvise(const_cast<char*>(data_) + first, static_cast<std::size_t>(end - first), MADV_DONTNEED);
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

void WorkQueue::planning_done(std::vector<RangeWork> ranges) {
  {
    std::lock_guard lock(mu_);
    --planning_;
    for (auto& r : ranges) ranges_.push_back(std::move(r));
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

bool splits_format(Format format) {
  switch (format) {
    case Format::kCsv:
    case Format::kTsv:
    case Format::kSql:
    case Format::kNdjson:
    case Format::kText: return true;
    case Format::kJson:
    case Format::kBinary: return false;
  }
  return false;
}

std::shared_ptr<SplitFile> plan_split(int fd, std::uint64_t size, const std::string& path, Format format,
                                      const InputOptions& options) {
  if (options.threads < 2 || size < options.split_min_bytes || size > options.limits.max_member_size)
    return nullptr;
  // One range per thread, but none much smaller than an eighth of the threshold: each
  // range costs a sink of its own.
  std::uint64_t min_range = std::max<std::uint64_t>(options.split_min_bytes / 8, 1);
  int parts = static_cast<int>(
      std::min<std::uint64_t>(static_cast<std::uint64_t>(options.threads), size / min_range));
  if (parts < 2) return nullptr;
  auto map = MappedFile::map(fd, size);
  if (!map) return nullptr;
  // Planning reads the file up to its last cut; its pages go back as it goes.
  const MappedFile& m = *map;
  std::uint64_t released = 0;
  install_sigbus_guard();
  PlanningGuard guard;
  guard.begin = reinterpret_cast<std::uintptr_t>(m.bytes().data());
  guard.end = guard.begin + m.bytes().size();
  t_planning = &guard;
  Release release = [&m, &released](std::uint64_t upto) {
    m.release(released, upto);
    released = std::max(released, upto);
  };
  SplitPoints points = plan_format(map->bytes(), format, parts, release);
  t_planning = nullptr;
  if (guard.shrank != 0 || points.starts.size() < 2) return nullptr;
  auto file = std::make_shared<SplitFile>();
  file->fd = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (file->fd < 0) return nullptr;
  file->path = path;
  file->format = format;
  file->id = ++g_split_ids;
  file->size = size;
  file->points = std::move(points);
  file->ranges_left = static_cast<int>(file->points.starts.size());
  return file;
}

SplitFile::~SplitFile() {
  if (fd >= 0) ::close(fd);
}

void read_range(ScanShared& shared, SplitFile& file, std::uint32_t index, LeafTarget& buffers) {
  const SplitPoints& pts = file.points;
  std::uint64_t start = pts.starts[index];
  std::uint64_t end = index + 1 < pts.starts.size() ? pts.starts[index + 1] : file.size;
  MemberInfo info;
  info.path = file.path;
  info.size_hint = end - start;
  info.format = file.format;
  info.encoding = std::string(encoding_name(pts.encodings[index]));
  info.part.split = file.id;
  info.part.index = index;
  info.part.count = static_cast<std::uint32_t>(pts.starts.size());
  info.part.prime = pts.primes[index];
  if (index == 0) shared.progress.add_member();
  std::string problem;
  if (auto sink = shared.factory.open(info)) {
    Decoder decoder(*sink, pts.encodings[index], index == 0);
    int buf = buffers.acquire();
    for (std::uint64_t at = start; at < end;) {
      ssize_t got =
          read_at(file.fd, buffers.data(buf), std::min<std::uint64_t>(buffers.buffer_size(), end - at), at);
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
    shared.progress.add_read(end - start);
  }
  if (!problem.empty()) shared.factory.on_skipped(file.path, problem);
  if (file.ranges_left.fetch_sub(1) == 1) shared.progress.file_done();
}

}  // namespace bd::scan::input
