#include "scan/input/pg_custom.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "scan/input/decompress.h"

namespace bd::scan::input {
namespace {

constexpr int kFormatCustom = 1;
constexpr int kBlockData = 1;   // BLK_DATA: a table's rows
constexpr int kBlockBlobs = 3;  // BLK_BLOBS: large objects
// A TOC string longer than this (a function's source is the longest usual one) is
// taken for damage rather than allocated.
constexpr std::int64_t kMaxTocString = 64 << 20;
constexpr std::int64_t kMaxTocEntries = 10'000'000;

enum class Compression { kNone, kZlib, kLz4, kZstd };

constexpr int version_of(int major, int minor, int revision) {
  return (major * 256 + minor) * 256 + revision;
}

Error damaged(const std::string& where) {
  return Error::invalid("input", "damaged pg_dump archive (" + where + ")");
}
Error truncated() {
  return Error::invalid("input", "truncated pg_dump archive");
}

// Where the format byte sits: after the magic, the version (a revision byte from 1.1
// on), the integer size and the offset size (from 1.7 on). -1 when `head` is too short.
int format_byte(std::string_view head) {
  if (head.size() < 8 || head.substr(0, 5) != "PGDMP") return -1;
  const auto major = static_cast<unsigned char>(head[5]), minor = static_cast<unsigned char>(head[6]);
  std::size_t at = 7;
  if (major > 1 || (major == 1 && minor > 0)) ++at;              // revision
  ++at;                                                          // integer size
  if (version_of(major, minor, 0) >= version_of(1, 7, 0)) ++at;  // offset size
  return at < head.size() ? static_cast<unsigned char>(head[at]) : -1;
}

// The archive's own encoding, read front to back through a buffer: bytes, integers (a
// sign byte, then int_size bytes, least significant first) and strings (an integer
// length, -1 for none, then the bytes).
class PgReader {
 public:
  explicit PgReader(ByteSource& src) : src_(src), buf_(64u << 10) {}

  int int_size = 4;

  Result<bool> at_end() {
    if (pos_ < len_) return false;
    BD_ASSIGN_OR_RETURN(std::size_t n, fill());
    return n == 0;
  }

  Result<unsigned char> byte() {
    if (pos_ == len_) {
      BD_ASSIGN_OR_RETURN(std::size_t n, fill());
      if (n == 0) return truncated();
    }
    return static_cast<unsigned char>(buf_[pos_++]);
  }

  Status bytes(char* dst, std::size_t n) {
    while (n > 0) {
      BD_ASSIGN_OR_RETURN(std::size_t got, some(dst, n));
      if (got == 0) return truncated();
      dst += got;
      n -= got;
    }
    return {};
  }

  // Up to `cap` bytes: what the buffer holds, or one read of the source. 0 at the end.
  Result<std::size_t> some(char* dst, std::size_t cap) {
    if (pos_ == len_) {
      if (cap >= buf_.size()) return src_.read(dst, cap);  // large reads skip the buffer
      BD_ASSIGN_OR_RETURN(std::size_t n, fill());
      if (n == 0) return std::size_t{0};
    }
    const std::size_t n = std::min(cap, len_ - pos_);
    std::memcpy(dst, buf_.data() + pos_, n);
    pos_ += n;
    return n;
  }

  Status skip(std::uint64_t n) {
    char sink[4096];
    while (n > 0) {
      BD_ASSIGN_OR_RETURN(std::size_t got,
                          some(sink, static_cast<std::size_t>(std::min<std::uint64_t>(n, 4096))));
      if (got == 0) return truncated();
      n -= got;
    }
    return {};
  }

  Result<std::int64_t> integer() {
    BD_ASSIGN_OR_RETURN(unsigned char sign, byte());
    std::uint64_t value = 0;
    for (int i = 0; i < int_size; ++i) {
      BD_ASSIGN_OR_RETURN(unsigned char b, byte());
      value |= static_cast<std::uint64_t>(b) << (8 * i);
    }
    if (value > static_cast<std::uint64_t>(INT64_MAX)) return damaged("integer");
    const auto v = static_cast<std::int64_t>(value);
    return sign != 0 ? -v : v;
  }

  Result<std::optional<std::string>> string() {
    BD_ASSIGN_OR_RETURN(std::int64_t n, integer());
    if (n < 0) return std::optional<std::string>();
    if (n > kMaxTocString) return damaged("table of contents");
    // Grown as its bytes arrive: a damaged length costs no large allocation up front.
    std::string s;
    for (auto left = static_cast<std::size_t>(n); left > 0;) {
      const std::size_t piece = std::min<std::size_t>(left, 1u << 20);
      const std::size_t at = s.size();
      s.resize(at + piece);
      BD_TRY(bytes(s.data() + at, piece));
      left -= piece;
    }
    return std::optional<std::string>(std::move(s));
  }

 private:
  Result<std::size_t> fill() {
    BD_ASSIGN_OR_RETURN(std::size_t n, src_.read(buf_.data(), buf_.size()));
    pos_ = 0;
    len_ = n;
    return n;
  }

  ByteSource& src_;
  std::vector<char> buf_;
  std::size_t pos_ = 0;
  std::size_t len_ = 0;
};

// The data of one block: chunks of an integer length and that many bytes, ended by a
// length of 0. Compressed data is one stream across the chunks.
class ChunkSource final : public ByteSource {
 public:
  explicit ChunkSource(PgReader& reader) : reader_(reader) {}

  Result<std::size_t> read(char* dst, std::size_t cap) override {
    while (left_ == 0) {
      if (ended_) return std::size_t{0};
      BD_TRY(next_chunk());
    }
    BD_ASSIGN_OR_RETURN(std::size_t got,
                        reader_.some(dst, static_cast<std::size_t>(std::min<std::uint64_t>(cap, left_))));
    if (got == 0) return truncated();
    left_ -= got;
    return got;
  }

  // Passes over the rest of the block (what a decompressor left, or a block not read).
  Status drain() {
    for (;;) {
      if (left_ > 0) BD_TRY(reader_.skip(left_));
      left_ = 0;
      if (ended_) return {};
      BD_TRY(next_chunk());
    }
  }

 private:
  // The next chunk's length (0 ends the block).
  Status next_chunk() {
    BD_ASSIGN_OR_RETURN(std::int64_t n, reader_.integer());
    if (n < 0) return damaged("data chunk");
    if (n == 0) ended_ = true;
    left_ = static_cast<std::uint64_t>(n);
    return {};
  }

  PgReader& reader_;
  std::uint64_t left_ = 0;
  bool ended_ = false;
};

// Whether a table's COPY rows, as far as `tail` (their last bytes) shows, end with the
// "\." line. `whole`: tail holds all of them.
bool ends_with_copy_end(std::string_view tail, bool whole) {
  while (!tail.empty() && (tail.back() == '\n' || tail.back() == '\r')) tail.remove_suffix(1);
  if (tail.size() < 2 || tail.substr(tail.size() - 2) != "\\.") return false;
  return tail.size() == 2 ? whole : tail[tail.size() - 3] == '\n';
}

// What the scan needs of a TOC entry: tables (their CREATE TABLE) and table data
// (its COPY statement, empty for --inserts data; its data file in the tar and
// directory formats; the entries it depends on, its table among them).
struct TocItem {
  std::int64_t dump_id = 0;
  std::string desc;
  std::string definition;
  std::string copy;
  std::string file;
  std::vector<std::int64_t> dependencies;
};

struct Toc {
  int format = 0;
  Compression compression = Compression::kNone;
  std::vector<TocItem> items;  // tables and table data only
};

std::string text_or_empty(std::optional<std::string> s) {
  return s ? std::move(*s) : std::string();
}

// The header and the table of contents, which all formats share (pg_backup_archiver.c
// ReadHead and ReadToc; the tar and directory formats' toc.dat is nothing else).
Result<Toc> read_toc(PgReader& reader) {
  char magic[5];
  BD_TRY(reader.bytes(magic, sizeof magic));
  if (std::string_view(magic, 5) != "PGDMP") return damaged("header");
  BD_ASSIGN_OR_RETURN(unsigned char major, reader.byte());
  BD_ASSIGN_OR_RETURN(unsigned char minor, reader.byte());
  unsigned char revision = 0;
  if (major > 1 || (major == 1 && minor > 0)) {
    BD_ASSIGN_OR_RETURN(revision, reader.byte());
  }
  const int version = version_of(major, minor, revision);
  const std::string named = std::to_string(major) + "." + std::to_string(minor);
  if (version < version_of(1, 12, 0))
    return Error::invalid("input", "pg_dump archive version " + named + " (before PostgreSQL 9.0): not read");
  if (version > version_of(1, 16, 255))
    return Error::invalid("input", "pg_dump archive version " + named + ": newer than this scanner reads");
  BD_ASSIGN_OR_RETURN(unsigned char int_size, reader.byte());
  if (int_size < 1 || int_size > 8) return damaged("integer size");
  reader.int_size = int_size;
  BD_ASSIGN_OR_RETURN(unsigned char offset_size, reader.byte());
  if (offset_size < 1 || offset_size > 16) return damaged("offset size");
  Toc toc;
  BD_ASSIGN_OR_RETURN(unsigned char format, reader.byte());
  toc.format = format;
  if (version >= version_of(1, 15, 0)) {
    BD_ASSIGN_OR_RETURN(unsigned char algorithm, reader.byte());
    static constexpr Compression kAlgorithms[] = {Compression::kNone, Compression::kZlib, Compression::kLz4,
                                                  Compression::kZstd};
    if (algorithm >= std::size(kAlgorithms)) return damaged("compression");
    toc.compression = kAlgorithms[algorithm];
  } else {
    BD_ASSIGN_OR_RETURN(std::int64_t level, reader.integer());  // 0: none; -1: zlib's default
    toc.compression = level == 0 ? Compression::kNone : Compression::kZlib;
  }
  for (int i = 0; i < 7; ++i) BD_TRY(reader.integer());  // the time of the dump
  for (int i = 0; i < 3; ++i) BD_TRY(reader.string());   // database, server and pg_dump versions
  BD_ASSIGN_OR_RETURN(std::int64_t count, reader.integer());
  if (count < 0 || count > kMaxTocEntries) return damaged("table of contents");
  for (std::int64_t i = 0; i < count; ++i) {
    TocItem item;
    BD_ASSIGN_OR_RETURN(item.dump_id, reader.integer());
    BD_TRY(reader.integer());  // had a data dumper
    BD_TRY(reader.string());   // table oid
    BD_TRY(reader.string());   // oid
    BD_TRY(reader.string());   // tag (the object's name)
    BD_ASSIGN_OR_RETURN(auto desc, reader.string());
    item.desc = text_or_empty(std::move(desc));
    BD_TRY(reader.integer());  // section
    BD_ASSIGN_OR_RETURN(auto definition, reader.string());
    BD_TRY(reader.string());  // drop statement
    BD_ASSIGN_OR_RETURN(auto copy, reader.string());
    BD_TRY(reader.string());                                        // schema
    BD_TRY(reader.string());                                        // tablespace
    if (version >= version_of(1, 14, 0)) BD_TRY(reader.string());   // table access method
    if (version >= version_of(1, 16, 0)) BD_TRY(reader.integer());  // relation kind
    BD_TRY(reader.string());                                        // owner
    BD_TRY(reader.string());                                        // "with oids"
    for (;;) {                                                      // dependencies, ended by a null string
      BD_ASSIGN_OR_RETURN(auto dependency, reader.string());
      if (!dependency) break;
      if (item.dependencies.size() < 64) item.dependencies.push_back(std::atoll(dependency->c_str()));
    }
    if (format == kFormatCustom) {
      // Where the entry's data block starts (a flag byte and the offset): not needed,
      // the blocks follow the TOC.
      BD_TRY(reader.skip(1 + offset_size));
    } else {
      BD_ASSIGN_OR_RETURN(auto file, reader.string());  // the data file ("3342.dat")
      item.file = text_or_empty(std::move(file));
    }
    if (item.desc == "TABLE" || item.desc == "TABLE DATA") {
      item.definition = text_or_empty(std::move(definition));
      item.copy = text_or_empty(std::move(copy));
      if (!item.copy.empty() && item.copy.back() != '\n') item.copy.push_back('\n');
      toc.items.push_back(std::move(item));
    }
  }
  return toc;
}

}  // namespace

bool is_pg_custom_archive(std::string_view head) {
  return format_byte(head) == kFormatCustom;
}

bool is_pg_archive_toc(std::string_view head) {
  const int format = format_byte(head);
  return format == 3 || format == 5;  // tar (-Ft) and directory (-Fd) formats' toc.dat
}

struct PgCustomSource::State {
  State(ByteSource& archive, const InputLimits& input_limits, std::atomic<std::uint64_t>* total)
      : reader(archive), limits(input_limits), total_expanded(total) {}

  Status start();
  Status next_block();
  Result<std::size_t> read_data(char* dst, std::size_t cap);
  Status end_block();

  PgReader reader;
  const InputLimits& limits;
  std::atomic<std::uint64_t>* total_expanded;
  Compression compression = Compression::kNone;
  // Per dump id of a table's data: its COPY statement (empty for --inserts data).
  std::unordered_map<std::int64_t, std::string> tables;
  bool started = false;
  bool done = false;
  std::string pending;  // text to hand out before anything else
  std::size_t pending_at = 0;
  // The block being read: its chunks, their decompressor (none when uncompressed),
  // whether it is COPY data, its last bytes and how many it yielded.
  std::optional<ChunkSource> chunks;
  std::unique_ptr<ByteSource> decoded;
  bool copy = false;
  std::string tail;
  std::uint64_t block_bytes = 0;
  std::uint64_t large_objects = 0;
};

Status PgCustomSource::State::start() {
  BD_ASSIGN_OR_RETURN(Toc toc, read_toc(reader));
  if (toc.format != kFormatCustom) return damaged("format");
  if (toc.compression == Compression::kLz4)
    return Error::invalid("input",
                          "pg_dump archive compressed with LZ4: not read; dump it with -Z gzip, -Z zstd "
                          "or -Z 0 and scan that");
  compression = toc.compression;
  // The CREATE TABLE statements go before all data, as in a plain dump: they name the
  // columns of data dumped with --inserts, whose INSERT statements name none.
  for (const TocItem& item : toc.items) {
    if (item.desc == "TABLE DATA") tables[item.dump_id] = item.copy;
    if (item.desc == "TABLE" && !item.definition.empty()) {
      pending += item.definition;
      if (pending.back() != '\n') pending.push_back('\n');
    }
  }
  return {};
}

Status PgCustomSource::State::next_block() {
  BD_ASSIGN_OR_RETURN(bool end, reader.at_end());
  if (end) {
    done = true;
    return {};
  }
  BD_ASSIGN_OR_RETURN(unsigned char type, reader.byte());
  BD_ASSIGN_OR_RETURN(std::int64_t dump_id, reader.integer());
  if (type == kBlockBlobs) {
    for (;;) {  // each large object: its oid, then its data; oid 0 ends the block
      BD_ASSIGN_OR_RETURN(std::int64_t oid, reader.integer());
      if (oid == 0) return {};
      ++large_objects;
      BD_TRY(ChunkSource(reader).drain());
    }
  }
  if (type != kBlockData) return damaged("data block type " + std::to_string(type));
  auto table = tables.find(dump_id);
  if (table == tables.end()) return ChunkSource(reader).drain();  // data of no table
  chunks.emplace(reader);
  copy = !table->second.empty();
  pending = table->second;
  pending_at = 0;
  tail.clear();
  block_bytes = 0;
  ExpansionGuard guard(limits, total_expanded);
  if (compression == Compression::kZlib)
    decoded = std::make_unique<GzipSource>(*chunks, guard, GzipSource::Framing::kZlib);
  else if (compression == Compression::kZstd)
    decoded = std::make_unique<ZstdSource>(*chunks, guard);
  return {};
}

Result<std::size_t> PgCustomSource::State::read_data(char* dst, std::size_t cap) {
  BD_ASSIGN_OR_RETURN(std::size_t n, decoded ? decoded->read(dst, cap) : chunks->read(dst, cap));
  block_bytes += n;
  constexpr std::size_t kTail = 16;
  if (n >= kTail) {
    tail.assign(dst + n - kTail, kTail);
  } else {
    tail.append(dst, n);
    if (tail.size() > kTail) tail.erase(0, tail.size() - kTail);
  }
  return n;
}

// The block's data ended: the rest of its chunks are passed over, and COPY rows that
// lack their "\." line (a damaged block) get one, so the next table's statement is
// not taken for a row.
Status PgCustomSource::State::end_block() {
  decoded.reset();
  BD_TRY(chunks->drain());
  chunks.reset();
  pending.clear();
  pending_at = 0;
  if (copy && !ends_with_copy_end(tail, block_bytes == tail.size())) {
    if (!tail.empty() && tail.back() != '\n') pending.push_back('\n');
    pending += "\\.\n";
  }
  return {};
}

PgCustomSource::PgCustomSource(ByteSource& archive, const InputLimits& limits,
                               std::atomic<std::uint64_t>* total_expanded)
    : state_(std::make_unique<State>(archive, limits, total_expanded)) {}

PgCustomSource::~PgCustomSource() = default;

std::uint64_t PgCustomSource::large_objects() const {
  return state_->large_objects;
}

Result<std::size_t> PgCustomSource::read(char* dst, std::size_t cap) {
  State& s = *state_;
  if (!s.started) {
    s.started = true;
    BD_TRY(s.start());
  }
  for (;;) {
    if (s.pending_at < s.pending.size()) {
      const std::size_t n = std::min(cap, s.pending.size() - s.pending_at);
      std::memcpy(dst, s.pending.data() + s.pending_at, n);
      s.pending_at += n;
      return n;
    }
    if (s.chunks) {
      BD_ASSIGN_OR_RETURN(std::size_t n, s.read_data(dst, cap));
      if (n > 0) return n;
      BD_TRY(s.end_block());
      continue;
    }
    if (s.done) return std::size_t{0};
    BD_TRY(s.next_block());
  }
}

Result<PgDataFiles> PgDataFiles::read(ByteSource& toc_file) {
  PgReader reader(toc_file);
  BD_ASSIGN_OR_RETURN(Toc toc, read_toc(reader));
  if (toc.format == kFormatCustom) return damaged("format");
  std::unordered_map<std::int64_t, const std::string*> creates;
  for (const TocItem& item : toc.items) {
    if (item.desc == "TABLE" && !item.definition.empty()) creates[item.dump_id] = &item.definition;
  }
  PgDataFiles files;
  for (const TocItem& item : toc.items) {
    if (item.desc != "TABLE DATA" || item.file.empty()) continue;
    std::string sql;
    for (std::int64_t dependency : item.dependencies) {
      if (auto it = creates.find(dependency); it != creates.end()) {
        sql += *it->second;
        if (sql.back() != '\n') sql.push_back('\n');
      }
    }
    files.prefix_[item.file] = sql + item.copy;
  }
  return files;
}

const std::string* PgDataFiles::prefix(std::string_view name) const {
  auto it = prefix_.find(std::string(name));
  return it == prefix_.end() ? nullptr : &it->second;
}

}  // namespace bd::scan::input
