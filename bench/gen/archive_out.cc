#include "archive_out.h"

#include <archive.h>
#include <archive_entry.h>

#include <memory>
#include <stdexcept>

namespace bd::gen {
namespace {

struct ArchiveFree {
  void operator()(struct archive* a) const { archive_write_free(a); }
};
using ArchivePtr = std::unique_ptr<struct archive, ArchiveFree>;

void check(int rc, struct archive* a) {
  if (rc < ARCHIVE_WARN) throw std::runtime_error(std::string("archive: ") + archive_error_string(a));
}

ArchivePtr make(const std::string& format, const std::string& filter) {
  ArchivePtr a(archive_write_new());
  check(format == "zip" ? archive_write_set_format_zip(a.get()) : archive_write_set_format_pax_restricted(a.get()),
        a.get());
  if (filter == "gzip") {
    check(archive_write_add_filter_gzip(a.get()), a.get());
    check(archive_write_set_options(a.get(), "gzip:!timestamp"), a.get());  // reproducible bytes
  }
  if (filter == "zstd") check(archive_write_add_filter_zstd(a.get()), a.get());
  return a;
}

void write_entries(struct archive* a, const ArchiveEntries& entries) {
  for (const auto& [name, bytes] : entries) {
    std::unique_ptr<struct archive_entry, void (*)(struct archive_entry*)> e(archive_entry_new(), archive_entry_free);
    archive_entry_set_pathname(e.get(), name.c_str());
    archive_entry_set_size(e.get(), static_cast<la_int64_t>(bytes->size()));
    archive_entry_set_filetype(e.get(), AE_IFREG);
    archive_entry_set_perm(e.get(), 0644);
    archive_entry_set_mtime(e.get(), 1618560000, 0);  // fixed: reproducible archives
    check(archive_write_header(a, e.get()), a);
    std::size_t done = 0;
    while (done < bytes->size()) {
      la_ssize_t n = archive_write_data(a, bytes->data() + done, bytes->size() - done);
      if (n <= 0) check(ARCHIVE_FATAL, a);
      done += static_cast<std::size_t>(n);
    }
  }
  check(archive_write_close(a), a);
}

}  // namespace

void write_archive_file(const std::string& path, const std::string& format, const std::string& filter,
                        const ArchiveEntries& entries) {
  ArchivePtr a = make(format, filter);
  check(archive_write_open_filename(a.get(), path.c_str()), a.get());
  write_entries(a.get(), entries);
}

std::string archive_in_memory(const std::string& format, const std::string& filter, const ArchiveEntries& entries) {
  std::size_t cap = 1u << 20;
  for (const auto& e : entries) cap += e.second->size() + e.second->size() / 8 + 4096;
  std::string buf(cap, '\0');
  std::size_t used = 0;
  ArchivePtr a = make(format, filter);
  archive_write_set_bytes_in_last_block(a.get(), 1);
  check(archive_write_open_memory(a.get(), buf.data(), buf.size(), &used), a.get());
  write_entries(a.get(), entries);
  buf.resize(used);
  return buf;
}

}  // namespace bd::gen
