#include "test_support.h"

#include <archive.h>
#include <archive_entry.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace bd::scan::testing {

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "bd-scan-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::string read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

namespace {
struct Writer {
  struct archive* a = archive_write_new();
  ~Writer() { archive_write_free(a); }
};

void check(int rc, struct archive* a, const char* what) {
  if (rc < ARCHIVE_WARN) throw std::runtime_error(std::string(what) + ": " + archive_error_string(a));
}

void add_filter(struct archive* a, const std::string& filter) {
  if (filter == "gzip") check(archive_write_add_filter_gzip(a), a, "gzip");
  else if (filter == "zstd") check(archive_write_add_filter_zstd(a), a, "zstd");
}

void write_entries(struct archive* a, const Entries& entries) {
  for (const auto& [name, content] : entries) {
    struct archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(content.size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    check(archive_write_header(a, e), a, "header");
    if (!content.empty()) archive_write_data(a, content.data(), content.size());
    archive_entry_free(e);
  }
  check(archive_write_close(a), a, "close");
}

void set_format(struct archive* a, const std::string& format) {
  if (format == "zip") check(archive_write_set_format_zip(a), a, "zip");
  else if (format == "tar") check(archive_write_set_format_pax_restricted(a), a, "tar");
  else if (format == "7zip") check(archive_write_set_format_7zip(a), a, "7zip");
  else if (format == "raw") check(archive_write_set_format_raw(a), a, "raw");
  else throw std::runtime_error("unknown format " + format);
}
}  // namespace

void write_archive(const std::string& path, const std::string& format, const std::string& filter,
                   const Entries& entries, const std::string& passphrase) {
  Writer w;
  set_format(w.a, format);
  add_filter(w.a, filter);
  if (!passphrase.empty()) {
    check(archive_write_set_options(w.a, "zip:encryption=zipcrypt"), w.a, "encryption");
    check(archive_write_set_passphrase(w.a, passphrase.c_str()), w.a, "passphrase");
  }
  check(archive_write_open_filename(w.a, path.c_str()), w.a, "open");
  write_entries(w.a, entries);
}

void write_compressed(const std::string& path, const std::string& filter, const std::string& content) {
  write_archive(path, "raw", filter, {{"data", content}});
}

std::string archive_bytes(const std::string& format, const std::string& filter, const Entries& entries) {
  TempDir dir;
  write_archive(dir.file("a"), format, filter, entries);
  return read_whole(dir.file("a"));
}

namespace {
class RecordingSink final : public MemberSink {
 public:
  RecordingSink(RecordingFactory& f, std::string path, std::uint32_t part)
      : f_(f), path_(std::move(path)), part_(part) {}
  void on_chunk(std::string_view utf8) override {
    if (utf8.empty()) throw std::runtime_error("empty chunk");
    text_.append(utf8);
    auto last = static_cast<unsigned char>(utf8.back());
    // A chunk must end on a character boundary: never on a lead byte, never inside one.
    std::size_t i = utf8.size();
    while (i > 0 && (static_cast<unsigned char>(utf8[i - 1]) & 0xC0) == 0x80) --i;
    if (last >= 0x80 && i > 0) {
      auto lead = static_cast<unsigned char>(utf8[i - 1]);
      std::size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
      if (utf8.size() - (i - 1) != need) split_ = true;
    }
  }
  void on_end() override {
    std::lock_guard lock(f_.mu);
    auto& r = f_.members[path_];
    r.text = text_;
    r.parts[part_] = text_;
    r.split_char = r.split_char || split_;
    r.thread = std::this_thread::get_id();
    ++r.ends;
  }

 private:
  RecordingFactory& f_;
  std::string path_;
  std::uint32_t part_;
  std::string text_;
  bool split_ = false;
};
}  // namespace

std::unique_ptr<MemberSink> RecordingFactory::open(const MemberInfo& info) {
  std::lock_guard lock(mu);
  members[info.path].info = info;
  return std::make_unique<RecordingSink>(*this, info.path, info.part.index);
}

void RecordingFactory::on_skipped(const std::string& path, const std::string& reason) {
  std::lock_guard lock(mu);
  skipped[path] = reason;
}

void RecordingFactory::on_protected(const std::string& path, const std::string& how) {
  std::lock_guard lock(mu);
  protected_members[path] = how;
}

}  // namespace bd::scan::testing
