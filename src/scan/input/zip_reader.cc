#include "scan/input/zip_reader.h"

#include <isa-l/igzip_lib.h>

#include <algorithm>
#include <cstring>

namespace bd::scan::input {
namespace {

std::uint16_t u16(const unsigned char* p) { return static_cast<std::uint16_t>(p[0] | (p[1] << 8)); }
std::uint32_t u32(const unsigned char* p) { return u16(p) | (static_cast<std::uint32_t>(u16(p + 2)) << 16); }
std::uint64_t u64(const unsigned char* p) { return u32(p) | (static_cast<std::uint64_t>(u32(p + 4)) << 32); }

Result<std::vector<unsigned char>> read_at(FileSource& f, std::uint64_t at, std::size_t n) {
  BD_TRY(f.seek(static_cast<std::int64_t>(at), SEEK_SET));
  std::vector<unsigned char> buf(n);
  BD_ASSIGN_OR_RETURN(std::size_t got, read_full(f, reinterpret_cast<char*>(buf.data()), n));
  if (got != n) return Error::invalid("input", "truncated zip");
  return buf;
}

// Reads at most `left` bytes of the file from its current position.
class LimitedSource final : public ByteSource {
 public:
  LimitedSource(FileSource& f, std::uint64_t left) : f_(f), left_(left) {}
  Result<std::size_t> read(char* dst, std::size_t cap) override {
    if (left_ == 0) return std::size_t{0};
    BD_ASSIGN_OR_RETURN(std::size_t n, f_.read(dst, static_cast<std::size_t>(std::min<std::uint64_t>(cap, left_))));
    if (n == 0) return Error::invalid("input", "truncated zip entry");
    left_ -= n;
    return n;
  }

 private:
  FileSource& f_;
  std::uint64_t left_;
};

// Raw deflate (no gzip header) with ISA-L over a bounded source.
class InflateSource final : public ByteSource {
 public:
  InflateSource(FileSource& f, std::uint64_t compressed, ExpansionGuard guard)
      : in_(f, compressed), guard_(guard), state_(std::make_unique<inflate_state>()), buf_(256u << 10) {
    isal_inflate_init(state_.get());
    state_->crc_flag = ISAL_DEFLATE;
  }
  Result<std::size_t> read(char* dst, std::size_t cap) override {
    inflate_state& st = *state_;
    while (st.block_state != ISAL_BLOCK_FINISH) {
      if (st.avail_in == 0) {
        BD_ASSIGN_OR_RETURN(std::size_t n, in_.read(reinterpret_cast<char*>(buf_.data()), buf_.size()));
        if (n == 0) return Error::invalid("input", "truncated zip entry");
        guard_.add_input(n);
        st.next_in = buf_.data();
        st.avail_in = static_cast<std::uint32_t>(n);
      }
      st.next_out = reinterpret_cast<std::uint8_t*>(dst);
      st.avail_out = static_cast<std::uint32_t>(std::min<std::size_t>(cap, 1u << 30));
      int rc = isal_inflate(&st);
      if (rc != ISAL_DECOMP_OK && rc != ISAL_END_INPUT) return Error::invalid("input", "corrupt zip entry");
      std::size_t produced = static_cast<std::size_t>(reinterpret_cast<char*>(st.next_out) - dst);
      if (produced > 0) {
        BD_TRY(guard_.add_output(produced));
        return produced;
      }
    }
    return std::size_t{0};
  }

 private:
  LimitedSource in_;
  ExpansionGuard guard_;
  std::unique_ptr<inflate_state> state_;
  std::vector<unsigned char> buf_;
};

}  // namespace

std::optional<ZipReader> ZipReader::open(FileSource& file) {
  ZipReader r(file);
  if (!r.read_directory()) return std::nullopt;
  return r;
}

bool ZipReader::read_directory() {
  const std::uint64_t size = file_->size();
  if (size < 22) return false;
  std::size_t tail = static_cast<std::size_t>(std::min<std::uint64_t>(size, 65557));
  auto t = read_at(*file_, size - tail, tail);
  if (!t.ok()) return false;
  const unsigned char* p = t->data();
  std::size_t eocd = tail - 22 + 1;
  while (eocd-- > 0) {
    if (u32(p + eocd) == 0x06054b50) break;
  }
  if (eocd == static_cast<std::size_t>(-1)) return false;
  if (u16(p + eocd + 4) != 0 || u16(p + eocd + 6) != 0) return false;  // split archives
  std::uint64_t count = u16(p + eocd + 10), dir_size = u32(p + eocd + 12), dir_at = u32(p + eocd + 16);
  if (eocd >= 20 && u32(p + eocd - 20) == 0x07064b50) {  // ZIP64 locator
    auto z = read_at(*file_, u64(p + eocd - 20 + 8), 56);
    if (!z.ok() || u32(z->data()) != 0x06064b50) return false;
    count = u64(z->data() + 32);
    dir_size = u64(z->data() + 40);
    dir_at = u64(z->data() + 48);
  }
  if (dir_at + dir_size > size || dir_size > (512ull << 20) || count > dir_size / 46) return false;
  auto dir = read_at(*file_, dir_at, static_cast<std::size_t>(dir_size));
  if (!dir.ok()) return false;
  std::size_t at = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    const unsigned char* e = dir->data() + at;
    if (at + 46 > dir->size() || u32(e) != 0x02014b50) return false;
    std::size_t name_len = u16(e + 28), extra_len = u16(e + 30), comment_len = u16(e + 32);
    if (at + 46 + name_len + extra_len + comment_len > dir->size()) return false;
    ZipEntry z;
    z.method = u16(e + 10);
    z.encrypted = (u16(e + 8) & 0x41) != 0;  // traditional or strong encryption
    z.compressed = u32(e + 20);
    z.size = u32(e + 24);
    z.local_offset = u32(e + 42);
    z.name.assign(reinterpret_cast<const char*>(e + 46), name_len);
    z.directory = !z.name.empty() && z.name.back() == '/';
    for (std::size_t x = 0; x + 4 <= extra_len;) {  // ZIP64 extended information
      const unsigned char* f = e + 46 + name_len + x;
      std::size_t len = u16(f + 2);
      if (u16(f) == 0x0001) {
        std::size_t o = 4;
        if (z.size == 0xFFFFFFFF && o + 8 <= 4 + len) z.size = u64(f + o), o += 8;
        if (z.compressed == 0xFFFFFFFF && o + 8 <= 4 + len) z.compressed = u64(f + o), o += 8;
        if (z.local_offset == 0xFFFFFFFF && o + 8 <= 4 + len) z.local_offset = u64(f + o);
      }
      x += 4 + len;
    }
    if (!z.encrypted && z.method != 0 && z.method != 8) return false;  // libarchive knows more methods
    if (z.method == 99) return false;                                   // AES: libarchive reports it
    entries_.push_back(std::move(z));
    at += 46 + name_len + extra_len + comment_len;
  }
  return true;
}

Result<std::unique_ptr<ByteSource>> ZipReader::entry_data(const ZipEntry& entry, ExpansionGuard guard) {
  BD_ASSIGN_OR_RETURN(auto local, read_at(*file_, entry.local_offset, 30));
  if (u32(local.data()) != 0x04034b50) return Error::invalid("input", "corrupt zip entry header");
  std::uint64_t data_at = entry.local_offset + 30 + u16(local.data() + 26) + u16(local.data() + 28);
  if (data_at + entry.compressed > file_->size()) return Error::invalid("input", "truncated zip entry");
  BD_TRY(file_->seek(static_cast<std::int64_t>(data_at), SEEK_SET));
  if (entry.method == 0) return std::unique_ptr<ByteSource>(std::make_unique<LimitedSource>(*file_, entry.compressed));
  return std::unique_ptr<ByteSource>(std::make_unique<InflateSource>(*file_, entry.compressed, guard));
}

}  // namespace bd::scan::input
