#include "scan/input/reader.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <memory>
#include <numeric>
#include <optional>
#include <thread>
#include <vector>

#include "scan/input/archive.h"
#include "scan/input/decompress.h"
#include "scan/input/mail.h"
#include "scan/input/ods.h"
#include "scan/input/office_text.h"
#include "scan/input/pg_custom.h"
#include "scan/input/sqlite_db.h"
#include "scan/input/stream_split.h"
#include "scan/input/xlsx.h"
#include "scan/input/zip_reader.h"

namespace bd::scan::input {
namespace {

std::string base_name(const std::string& path) {
  auto slash = path.find_last_of("/!");
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// A pg_dump tar or directory format data file: "3342.dat", maybe compressed.
bool pg_data_file_name(const std::string& name) {
  std::size_t digits = 0;
  while (digits < name.size() && name[digits] >= '0' && name[digits] <= '9') ++digits;
  return digits > 0 && name.compare(digits, 4, ".dat") == 0;
}

constexpr std::uint64_t kMaxPgToc = 64u << 20;

}  // namespace

void ProgressTracker::report(bool force) {
  if (observer_ == nullptr) return;
  std::unique_lock lock(mu_, std::defer_lock);
  if (force) lock.lock();
  else if (!lock.try_lock()) return;
  auto now = std::chrono::steady_clock::now();
  if (!force && now - last_ < std::chrono::milliseconds(50)) return;
  last_ = now;
  InputProgress p;
  p.bytes_total = bytes_total_;
  p.files_total = files_total_;
  p.bytes_read = std::min(bytes_read_.load(), bytes_total_);
  p.bytes_decoded = bytes_decoded_.load();
  p.members = members_.load();
  p.files_done = files_done_.load();
  observer_->on_progress(p);
}

std::shared_ptr<const PgDataFiles> ScanShared::pg_data_files(const std::string& directory) {
  std::lock_guard lock(pg_mu_);
  auto [it, added] = pg_tocs_.try_emplace(directory);
  if (!added) return it->second;
  auto file = FileSource::open(directory + "/toc.dat");
  if (!file.ok() || file->size() > kMaxPgToc) return nullptr;
  if (auto files = PgDataFiles::read(*file); files.ok())
    it->second = std::make_shared<const PgDataFiles>(std::move(*files));
  return it->second;
}

void MemberReader::skipped(const std::string& path, const std::string& reason) {
  shared_.factory.on_skipped(path, reason);
}

void MemberReader::update_read() {
  if (top_file_ == nullptr) return;
  std::uint64_t now = top_file_->consumed();
  if (now > top_reported_) {
    shared_.progress.add_read(now - top_reported_);
    top_reported_ = now;
  }
}

void MemberReader::read_file(const std::string& fs_path, const std::string& display, std::uint64_t size,
                             bool may_split) {
  planning_ = may_split;
  split_ = false;
  auto file = FileSource::open(fs_path);
  if (!file.ok()) {
    skipped(display, file.error().message);
  } else {
    top_file_ = &*file;
    top_path_ = &fs_path;
    top_reported_ = 0;
    const std::string name = base_name(display);
    if (pg_data_file_name(name)) {
      const auto slash = fs_path.find_last_of('/');
      pg_files_ = shared_.pg_data_files(slash == std::string::npos ? "." : fs_path.substr(0, slash));
    }
    read_stream(*file, &*file, display, name, 0);
    pg_files_.reset();
    top_file_ = nullptr;
    top_path_ = nullptr;
  }
  end_planning();
  if (split_) return;  // the ranges count what they read and end the file
  if (size > top_reported_) shared_.progress.add_read(size - top_reported_);
  shared_.progress.file_done();
  shared_.progress.report(false);
}

void MemberReader::end_planning() {
  if (!planning_) return;
  planning_ = false;
  shared_.queue->planning_done();
}

// A large plain file of a format that splits (split.h): queues its ranges for the
// workers (this one included, once it returns) as they are planned. False when it is
// not split (then it is read whole).
bool MemberReader::read_split(FileSource& file, const std::string& path, const Sniff& s) {
  if (!planning_ || s.encoding != Encoding::kUtf8 || !splits_format(s.format)) return false;
  auto split = plan_split(file.fd(), file.size(), path, s.format, shared_.options,
                          [&](RangeWork range) { shared_.queue->add_range(std::move(range)); });
  if (!split) return false;
  split_ = true;
  end_planning();
  end_hold(shared_, *split);
  return true;
}

void MemberReader::read_memory(std::string_view bytes, const std::string& display) {
  MemorySource src(bytes);
  read_stream(src, nullptr, display, base_name(display), 0);
}

void MemberReader::read_stream(ByteSource& src, FileSource* file, const std::string& path,
                               const std::string& name, int depth) {
  PeekSource peek(src);
  auto head = peek.peek(kSniffBytes);
  if (!head.ok()) return skipped(path, head.error().message);
  Sniff s = sniff(name, *head);
  if (s.container != Container::kNone && depth >= shared_.options.limits.max_depth) {
    return skipped(path, "nested deeper than " + std::to_string(shared_.options.limits.max_depth) + " levels");
  }
  switch (s.container) {
    case Container::kGzip:
    case Container::kZstd: return read_decompressed(peek, s.container, path, name, depth);
    case Container::kXlsx:
    case Container::kOds:
    case Container::kOfficeText:
      return read_workbook(peek, file, path, s.container, depth);
    case Container::kSqlite:
      return read_database(peek, file, path);
    case Container::kPgDump:
      return read_pg_dump(peek, path, name, depth);
    case Container::kMail:
    case Container::kMbox:
      return read_mailbox(peek, path, s.container == Container::kMbox, depth);
    case Container::kArchive:
      if (file != nullptr && head->substr(0, 4) == "PK\x03\x04" && read_zip_fast(*file, path, depth)) return;
      if (file != nullptr && file->seek(0, SEEK_SET).ok()) return read_archive(*file, file, path, depth);
      if (head->substr(0, 6) == std::string_view("7z\xBC\xAF\x27\x1C", 6)) return read_spooled(peek, path, name, depth);
      return read_archive(peek, nullptr, path, depth);
    case Container::kNone: break;
  }
  if (!s.protection.empty()) return shared_.factory.on_protected(path, s.protection);
  if (!s.unread.empty()) return skipped(path, s.unread);
  if (pg_files_ != nullptr) {
    if (const std::string* sql = pg_files_->prefix(name)) {
      // A pg_dump data file: its table's CREATE TABLE and COPY statement make it a
      // plain dump, with its columns named.
      PrefixedSource dump(*sql, peek);
      Sniff as_sql = s;
      as_sql.format = Format::kSql;
      return read_leaf(dump, path, as_sql, 0);
    }
  }
  if (depth == 0 && file != nullptr && read_split(*file, path, s)) return;
  read_leaf(peek, path, s, file != nullptr ? file->size() : 0);
}

// E-mail: each message's text as a text member ("inbox.mbox!message 12", or
// "mail.eml!text" for a single message) and each attachment as a member of its own
// ("inbox.mbox!message 12/klanten.xlsx"), read like any file (nested mail included).
void MemberReader::read_mailbox(PeekSource& src, const std::string& path, bool mbox, int depth) {
  auto message_path = [&](std::size_t message) {
    return mbox ? path + "!message " + std::to_string(message) : path + "!";
  };
  MailCallbacks callbacks;
  callbacks.text = [&](std::size_t message, std::string_view text) {
    MemorySource source(text);
    Sniff as_text;
    as_text.format = Format::kText;
    read_leaf(source, mbox ? message_path(message) : path + "!text", as_text, text.size());
  };
  callbacks.attachment = [&](std::size_t message, const std::string& name, ByteSource& body) {
    read_stream(body, nullptr, message_path(message) + (mbox ? "/" : "") + name, name, depth + 1);
  };
  callbacks.encrypted = [&](std::size_t message, const std::string& name, std::string_view how) {
    shared_.factory.on_protected(message_path(message) + (mbox ? "/" : "") + name, std::string(how));
  };
  if (Status s = read_mail(src, mbox, callbacks); !s.ok())
    skipped(path, s.error().message + "; the rest of the mail was not read");
}

// A 7z keeps its directory at its end: inside another archive or a compressed stream
// it cannot be read without seeking, so it is copied to an unnamed temporary file first.
void MemberReader::read_spooled(PeekSource& src, const std::string& path, const std::string& name, int depth) {
  auto copy = spool_to_temp_file(src, shared_.options.limits.max_spool_size);
  if (!copy.ok()) return skipped(path, copy.error().message);
  read_stream(*copy, &*copy, path, name, depth);
}

void MemberReader::read_decompressed(PeekSource& src, Container kind, const std::string& path,
                                     const std::string& name, int depth) {
  ExpansionGuard guard(shared_.options.limits, &shared_.total_expanded);
  std::string inner = strip_compression_suffix(name);
  if (kind == Container::kGzip) {
    GzipSource gz(src, guard);
    read_stream(gz, nullptr, path, inner, depth + 1);
  } else {
    ZstdSource zs(src, guard);
    read_stream(zs, nullptr, path, inner, depth + 1);
  }
}

void MemberReader::read_archive(ByteSource& src, FileSource* file, const std::string& path, int depth) {
  // A toc.dat in this archive names the data files after it (a pg_dump -Ft); the
  // files of an enclosing directory or archive are named again after it.
  struct RestorePgFiles {
    std::shared_ptr<const PgDataFiles>& slot;
    std::shared_ptr<const PgDataFiles> saved;
    ~RestorePgFiles() { slot = std::move(saved); }
  } restore{pg_files_, pg_files_};
  ExpansionGuard guard(shared_.options.limits, &shared_.total_expanded);
  auto reader = ArchiveReader::open(src, file, guard);
  if (!reader.ok()) {
    if (reader.error().message == "encrypted archive") return shared_.factory.on_protected(path, "encrypted archive");
    return skipped(path, reader.error().message);
  }
  ArchiveEntry entry;
  for (;;) {
    auto more = (*reader)->next(&entry);
    if (!more.ok()) {
      if (more.error().message == "encrypted archive") return shared_.factory.on_protected(path, "encrypted archive");
      return skipped(path, more.error().message + "; the rest of the archive was not read");
    }
    if (!*more) return;
    if (!entry.regular_file) continue;
    std::string member = entry.raw ? path : path + "!" + entry.name;
    if (entry.encrypted) {
      shared_.factory.on_protected(member, "encrypted archive entry");
      continue;
    }
    std::string name = entry.raw ? strip_compression_suffix(base_name(path)) : base_name(entry.name);
    if (!entry.raw && name == "toc.dat") {
      read_toc_entry((*reader)->entry_data(), member, name, depth);
      continue;
    }
    if (entry.raw) {
      for (const char* ext : {".xz", ".bz2", ".lz4", ".lzma", ".Z"}) {
        std::string e = ext;
        if (name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0) {
          name.resize(name.size() - e.size());
        }
      }
    }
    read_stream((*reader)->entry_data(), nullptr, member, name, depth + 1);
  }
}

// Copies converted text (XLSX rows) into ring buffers for the leaf target.
void MemberReader::emit_copy(std::string_view bytes) {
  while (!bytes.empty()) {
    int buf = target_.acquire();
    std::size_t n = std::min(bytes.size(), target_.buffer_size());
    std::memcpy(target_.data(buf), bytes.data(), n);
    target_.chunk(buf, n);
    shared_.progress.add_decoded(n);
    bytes.remove_prefix(n);
  }
  update_read();
  shared_.progress.report(false);
}

// An Excel workbook, an OpenDocument spreadsheet or an office document (`kind`): all
// are zips of XML parts, read the same way.
void MemberReader::read_workbook(PeekSource& src, FileSource* file, const std::string& path, Container kind,
                                 int depth) {
  constexpr std::uint64_t kMaxNestedWorkbook = 256ull << 20, kMaxSharedStrings = 512ull << 20;
  std::string copy;  // a workbook inside an archive is read twice, so it is kept in memory
  std::vector<std::unique_ptr<MemorySource>> sources;
  if (file == nullptr) {
    std::vector<char> buf(1u << 20);
    for (;;) {
      auto n = src.read(buf.data(), buf.size());
      if (!n.ok()) return skipped(path, n.error().message);
      if (*n == 0) break;
      if (copy.size() + *n > kMaxNestedWorkbook)
        return skipped(path, "workbook or document inside an archive larger than 256 MiB");
      copy.append(buf.data(), *n);
    }
  }
  // Each pass reads the parts afresh: a workbook on disk through the zip reader (ISA-L:
  // libarchive's zlib was a fifth of the scan of a large workbook) when it can read
  // it, anything else through libarchive.
  std::optional<ZipReader> zip;
  if (file != nullptr) zip = ZipReader::open(*file);
  ReadParts read_parts = [&](const PartVisitor& visit) -> Status {
    const InputLimits& limits = shared_.options.limits;
    if (zip) {
      ArchiveExpansion whole;
      for (const ZipEntry& entry : zip->entries()) {
        if (entry.directory) continue;
        BD_TRY(check_expansion(limits, whole.in, whole.out, "archive expansion ratio"));
        if (entry.encrypted) return Error::invalid("input", "encrypted workbook part " + entry.name);
        BD_ASSIGN_OR_RETURN(auto data,
                            zip->entry_data(entry, ExpansionGuard(limits, &shared_.total_expanded, &whole)));
        BD_ASSIGN_OR_RETURN(bool more, visit(entry.name, *data));
        if (!more) break;
      }
      return {};
    }
    ExpansionGuard guard(limits, &shared_.total_expanded);
    std::unique_ptr<ArchiveReader> reader;
    if (file != nullptr) {
      BD_TRY(file->seek(0, SEEK_SET));
      BD_ASSIGN_OR_RETURN(reader, ArchiveReader::open(*file, file, guard));
    } else {
      sources.push_back(std::make_unique<MemorySource>(copy));
      BD_ASSIGN_OR_RETURN(reader, ArchiveReader::open(*sources.back(), nullptr, guard));
    }
    ArchiveEntry entry;
    for (;;) {
      BD_ASSIGN_OR_RETURN(bool more, reader->next(&entry));
      if (!more) return {};
      BD_ASSIGN_OR_RETURN(bool go_on, visit(entry.name, reader->entry_data()));
      if (!go_on) return {};
    }
  };
  Status s = kind == Container::kOds ? read_ods(read_parts, path, members(Format::kTsv))
             : kind == Container::kOfficeText
                 ? read_office_text(read_parts, path, members(Format::kText),
                                    [&](const std::string& part, ByteSource& data) {
                                      // A spreadsheet or document embedded in this one.
                                      const auto slash = part.find_last_of('/');
                                      read_stream(data, nullptr, path + "!" + part, part.substr(slash + 1),
                                                  depth + 1);
                                    })
                 : read_xlsx(read_parts, path, kMaxSharedStrings, members(Format::kTsv));
  if (!s.ok() && (s.error().message == kOdsEncrypted || s.error().message == kOfficeEncrypted))
    return shared_.factory.on_protected(path, s.error().message);
  if (!s.ok()) skipped(path, s.error().message);
}

SheetCallbacks MemberReader::members(Format format) {
  SheetCallbacks cb;
  cb.begin = [this, format](const std::string& member) {
    MemberInfo info;
    info.path = member;
    info.format = format;
    info.encoding = "utf-8";
    shared_.progress.add_member();
    target_.begin(info, Encoding::kUtf8);
  };
  cb.chunk = [this](std::string_view tsv) { emit_copy(tsv); };
  cb.end = [this] { target_.end(); };
  return cb;
}

// A SQLite database on disk is opened where it is; one inside an archive or a
// compressed stream is copied to an unnamed temporary file first, as a 7z is.
void MemberReader::read_database(PeekSource& src, FileSource* file, const std::string& path) {
  std::optional<FileSource> copy;
  if (file == nullptr) {
    auto spooled = spool_to_temp_file(src, shared_.options.limits.max_spool_size);
    if (!spooled.ok()) return skipped(path, spooled.error().message);
    copy.emplace(std::move(*spooled));
    file = &*copy;
  }
  Status s = read_sqlite_database(file->fd(), path, members(Format::kTsv));
  if (!s.ok()) skipped(path, s.error().message);
}

// A custom-format pg_dump archive is read as the SQL text of a plain dump of its data
// (pg_custom.h); its large objects are binary and only counted.
void MemberReader::read_pg_dump(PeekSource& src, const std::string& path, const std::string& name,
                                int depth) {
  PgCustomSource sql(src, shared_.options.limits, &shared_.total_expanded);
  read_stream(sql, nullptr, path, name + ".sql", depth + 1);
  if (const std::uint64_t n = sql.large_objects(); n > 0)
    skipped(path, std::to_string(n) + (n == 1 ? " large object" : " large objects") + " (binary): not read");
}

// A toc.dat inside an archive: when it is a pg_dump TOC, the data files that follow
// it are read as its tables' SQL, and it holds no rows itself. Anything else of that
// name is read as any member.
void MemberReader::read_toc_entry(ByteSource& src, const std::string& path, const std::string& name,
                                  int depth) {
  std::string bytes;
  std::vector<char> buf(64u << 10);
  while (bytes.size() < kMaxPgToc) {
    auto n = src.read(buf.data(), std::min<std::size_t>(buf.size(), kMaxPgToc - bytes.size()));
    if (!n.ok()) return skipped(path, n.error().message);
    if (*n == 0) break;
    bytes.append(buf.data(), *n);
  }
  if (bytes.size() < kMaxPgToc && is_pg_archive_toc(bytes)) {
    MemorySource toc(bytes);
    if (auto files = PgDataFiles::read(toc); files.ok()) {
      pg_files_ = std::make_shared<const PgDataFiles>(std::move(*files));
      return;
    }
  }
  PrefixedSource whole(bytes, src);  // what was read, then the rest
  read_stream(whole, nullptr, path, name, depth + 1);
}

// A zip on disk with only stored/deflate entries: ISA-L instead of libarchive's zlib.
// False when the zip needs libarchive (other methods, AES, a damaged directory).
bool MemberReader::read_zip_fast(FileSource& file, const std::string& path, int depth) {
  auto zip = ZipReader::open(file);
  if (!zip) return false;
  const auto& entries = zip->entries();
  const auto files =
      std::count_if(entries.begin(), entries.end(), [](const ZipEntry& e) { return !e.directory; });
  if (&file == top_file_ && top_path_ != nullptr && target_.lanes() >= 2 && files >= 2) {
    read_zip_side_by_side(*zip, path, target_.lanes());
    return true;
  }
  ArchiveExpansion whole;
  for (const ZipEntry& entry : entries) {
    if (Status s = read_zip_entry(*zip, entry, path, depth, whole); !s.ok()) {
      skipped(path, s.error().message + "; its remaining entries were not read");
      break;
    }
  }
  return true;
}

// Reads one entry of a zip and everything in it. An error when the archive's expansion
// ratio was exceeded before it (then it and the remaining entries are not read).
Status MemberReader::read_zip_entry(ZipReader& zip, const ZipEntry& entry, const std::string& path, int depth,
                                    ArchiveExpansion& whole) {
  if (entry.directory) return {};
  const InputLimits& limits = shared_.options.limits;
  BD_TRY(check_expansion(limits, whole.in, whole.out, "archive expansion ratio"));
  std::string member = path + "!" + entry.name;
  if (entry.encrypted) {
    shared_.factory.on_protected(member, "encrypted archive entry");
    return {};
  }
  auto data = zip.entry_data(entry, ExpansionGuard(limits, &shared_.total_expanded, &whole));
  if (!data.ok()) {
    skipped(member, data.error().message);
    return {};
  }
  read_stream(**data, nullptr, member, base_name(entry.name), depth + 1);
  return {};
}

// The entries of a zip file on disk, when this worker has a pool of threads: a zip's
// entries can be read at any offset, so each thread opens the file itself and takes
// whole entries, largest first, decompressing and scanning them. Read one after the
// other, the entries waited for the decompression of the one before.
void MemberReader::read_zip_side_by_side(const ZipReader& zip, const std::string& path, int threads) {
  const std::vector<ZipEntry>& entries = zip.entries();
  std::vector<std::size_t> order(entries.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return entries[a].size > entries[b].size; });
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  ArchiveExpansion whole;
  const std::string fs_path = *top_path_;
  auto lane = [&] {
    auto file = FileSource::open(fs_path);
    if (!file.ok()) {
      if (!stop.exchange(true)) skipped(path, file.error().message + "; its remaining entries were not read");
      return;
    }
    ZipReader own = zip.through(*file);
    BufferRing ring(2, shared_.options.buffer_size);
    DirectTarget target(shared_.factory, ring);
    MemberReader reader(shared_, target);
    while (!stop.load()) {
      const std::size_t k = next.fetch_add(1);
      if (k >= order.size()) break;
      Status s = reader.read_zip_entry(own, entries[order[k]], path, 0, whole);  // a top file
      if (!s.ok()) {
        if (!stop.exchange(true)) skipped(path, s.error().message + "; its remaining entries were not read");
        break;
      }
    }
  };
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back(lane);
  lane();
  for (auto& t : pool) t.join();
}

void MemberReader::read_leaf(ByteSource& src, const std::string& path, const Sniff& s, std::uint64_t size_hint) {
  MemberInfo info;
  info.path = path;
  info.size_hint = s.encoding == Encoding::kUtf8 || s.encoding == Encoding::kRaw ? size_hint : 0;
  info.format = s.format;
  info.encoding = std::string(encoding_name(s.encoding));
  shared_.progress.add_member();
  RangeFeeder feeder(target_, info, s.encoding, shared_.options);
  const std::uint64_t limit = shared_.options.limits.max_member_size;
  std::uint64_t total = 0;
  std::string problem;
  while (target_.wants_more()) {
    int buf = target_.acquire();
    // What came before an error is still scanned.
    std::optional<Error> error;
    const std::size_t got = read_full_keeping(src, target_.data(buf), target_.buffer_size(), error);
    if (error)
      problem = error->message + " after " + std::to_string(total + got) + " bytes; the rest was not read";
    if (got == 0) {
      target_.release(buf);
      break;
    }
    std::size_t take = got;
    if (total + take > limit) {
      take = static_cast<std::size_t>(limit - total);
      problem = "member larger than " + std::to_string(limit) + " bytes; the rest was not read";
    }
    total += take;
    shared_.progress.add_decoded(take);
    if (take > 0) {
      feeder.chunk(buf, take);
    } else {
      target_.release(buf);
    }
    update_read();
    shared_.progress.report(false);
    if (!problem.empty()) break;
  }
  feeder.end();
  if (!problem.empty()) skipped(path, problem);
}

}  // namespace bd::scan::input
