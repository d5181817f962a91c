#include "scan/input/archive.h"

#include <archive.h>
#include <archive_entry.h>

#include <cstring>

namespace bd::scan::input {
namespace {
constexpr std::size_t kArchiveInput = 1u << 20;
}

ArchiveReader::ArchiveReader(ByteSource& src, FileSource* seekable, ExpansionGuard guard)
    : src_(src),
      seekable_(seekable),
      guard_(guard),
      buf_(std::make_unique_for_overwrite<char[]>(kArchiveInput)) {}

ArchiveReader::~ArchiveReader() {
  if (a_ != nullptr) archive_read_free(a_);
}

Result<std::unique_ptr<ArchiveReader>> ArchiveReader::open(ByteSource& src, FileSource* seekable,
                                                           ExpansionGuard guard) {
  auto r = std::make_unique<ArchiveReader>(src, seekable, guard);
  r->a_ = archive_read_new();
  if (r->a_ == nullptr) return Error::internal("archive_read_new failed");
  archive_read_support_filter_all(r->a_);
  archive_read_support_format_all(r->a_);
  archive_read_support_format_raw(r->a_);  // single .xz / .bz2 streams
  archive_read_set_callback_data(r->a_, r.get());
  archive_read_set_read_callback(r->a_, &ArchiveReader::read_cb);
  archive_read_set_skip_callback(r->a_, &ArchiveReader::skip_cb);
  if (seekable != nullptr) archive_read_set_seek_callback(r->a_, &ArchiveReader::seek_cb);
  if (archive_read_open1(r->a_) != ARCHIVE_OK) return r->archive_error("unrecognised or corrupt archive");
  return r;
}

long ArchiveReader::read_cb(struct archive* a, void* self, const void** buf) {  // NOLINT(runtime/int)
  auto* r = static_cast<ArchiveReader*>(self);
  ByteSource& from = r->seekable_ != nullptr ? static_cast<ByteSource&>(*r->seekable_) : r->src_;
  auto n = from.read(r->buf_.get(), kArchiveInput);
  if (!n.ok()) {
    r->read_error_ = n.error().message;
    archive_set_error(a, EIO, "%s", r->read_error_.c_str());
    return -1;
  }
  *buf = r->buf_.get();
  return static_cast<long>(*n);  // NOLINT(runtime/int)
}

std::int64_t ArchiveReader::skip_cb(struct archive*, void* self, std::int64_t request) {
  auto* r = static_cast<ArchiveReader*>(self);
  if (r->seekable_ == nullptr || request <= 0) return 0;  // libarchive then reads and discards
  auto at = r->seekable_->seek(request, SEEK_CUR);
  return at.ok() ? request : 0;
}

std::int64_t ArchiveReader::seek_cb(struct archive*, void* self, std::int64_t offset, int whence) {
  auto* r = static_cast<ArchiveReader*>(self);
  auto at = r->seekable_->seek(offset, whence);
  return at.ok() ? *at : ARCHIVE_FATAL;
}

Error ArchiveReader::archive_error(const char* fallback) const {
  if (!read_error_.empty()) return Error::invalid("input", read_error_);
  const char* msg = a_ != nullptr ? archive_error_string(a_) : nullptr;
  std::string reason = fallback;
  if (msg != nullptr) {
    std::string m = msg;
    if (m.find("ncrypt") != std::string::npos || m.find("assphrase") != std::string::npos) {
      reason = "encrypted archive";
    } else if (m.find("runcat") != std::string::npos || m.find("remature") != std::string::npos ||
               m.find("EOF") != std::string::npos) {
      reason = "truncated archive";
    }
  }
  Error e = Error::invalid("input", reason);
  e.detail = msg != nullptr ? msg : "";
  return e;
}

Result<bool> ArchiveReader::next(ArchiveEntry* entry) {
  struct archive_entry* e = nullptr;
  int rc = archive_read_next_header(a_, &e);
  if (rc == ARCHIVE_EOF) return false;
  if (rc < ARCHIVE_WARN) {
    Error err = archive_error("corrupt archive");
    if (err.message == "corrupt archive") err.message = "truncated or corrupt archive";
    return err;
  }
  const char* name = archive_entry_pathname_utf8(e);
  if (name == nullptr) name = archive_entry_pathname(e);
  entry->name = name != nullptr ? name : "";
  entry->size = archive_entry_size_is_set(e) ? static_cast<std::uint64_t>(archive_entry_size(e)) : 0;
  entry->regular_file = archive_entry_filetype(e) == AE_IFREG || archive_entry_filetype(e) == 0;
  entry->encrypted = archive_entry_is_encrypted(e) != 0;
  entry->raw = archive_format(a_) == ARCHIVE_FORMAT_RAW;
  return true;
}

Result<std::size_t> ArchiveReader::EntrySource::read(char* dst, std::size_t cap) {
  ArchiveReader& r = owner_;
  la_ssize_t n = archive_read_data(r.a_, dst, cap);
  if (n < 0) return r.archive_error("corrupt archive entry");
  std::uint64_t raw = static_cast<std::uint64_t>(archive_filter_bytes(r.a_, -1));
  if (raw > r.raw_seen_) {
    r.guard_.add_input(raw - r.raw_seen_);
    r.raw_seen_ = raw;
  }
  if (n > 0) BD_TRY(r.guard_.add_output(static_cast<std::uint64_t>(n)));
  return static_cast<std::size_t>(n);
}

}  // namespace bd::scan::input
