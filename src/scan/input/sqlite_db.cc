#include "scan/input/sqlite_db.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>

#include "scan/temp_file.h"

namespace bd::scan::input {
namespace {

constexpr std::size_t kChunk = 1u << 20;

struct CloseDatabase {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct FinalizeStatement {
  void operator()(sqlite3_stmt* st) const { sqlite3_finalize(st); }
};
using Database = std::unique_ptr<sqlite3, CloseDatabase>;
using Statement = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

Error sqlite_error(sqlite3* db, const char* what) {
  return Error::invalid("input", std::string("SQLite database: ") + what + ": " + sqlite3_errmsg(db));
}

Result<std::vector<std::string>> table_names(sqlite3* db) {
  sqlite3_stmt* raw = nullptr;
  // sqlite_master, not sqlite_schema: the older name is understood by every version.
  if (sqlite3_prepare_v2(db,
                         "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
                         "ESCAPE '\\' ORDER BY name",
                         -1, &raw, nullptr) != SQLITE_OK)
    return sqlite_error(db, "cannot list its tables");
  Statement st(raw);
  std::vector<std::string> names;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
    const unsigned char* name = sqlite3_column_text(st.get(), 0);
    if (name != nullptr) names.emplace_back(reinterpret_cast<const char*>(name));
  }
  if (rc != SQLITE_DONE) return sqlite_error(db, "cannot list its tables");
  return names;
}

// One table, as a TSV member.
Status read_table(sqlite3* db, const std::string& table, const std::string& path, const SheetCallbacks& cb) {
  std::string quoted = "\"";
  for (char c : table) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  quoted += '"';
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, ("SELECT * FROM " + quoted).c_str(), -1, &raw, nullptr) != SQLITE_OK)
    return sqlite_error(db, ("cannot read table " + table).c_str());
  Statement st(raw);
  cb.begin(path + "!" + table);
  std::string out;
  const int columns = sqlite3_column_count(st.get());
  for (int c = 0; c < columns; ++c) {
    if (c > 0) out.push_back('\t');
    const char* name = sqlite3_column_name(st.get(), c);
    if (name != nullptr) append_cell_text(out, name);
  }
  out.push_back('\n');
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
    for (int c = 0; c < columns; ++c) {
      if (c > 0) out.push_back('\t');
      const int type = sqlite3_column_type(st.get(), c);
      if (type == SQLITE_NULL || type == SQLITE_BLOB) continue;
      const unsigned char* text = sqlite3_column_text(st.get(), c);
      if (text != nullptr)
        append_cell_text(out, std::string_view(reinterpret_cast<const char*>(text),
                                               static_cast<std::size_t>(sqlite3_column_bytes(st.get(), c))));
    }
    out.push_back('\n');
    if (out.size() >= kChunk) {
      cb.chunk(out);
      out.clear();
    }
  }
  if (!out.empty()) cb.chunk(out);
  cb.end();
  if (rc != SQLITE_DONE) return sqlite_error(db, ("cannot read table " + table).c_str());
  return {};
}

// A name on disk for an unnamed temporary file (the copy of a database that was inside
// an archive): SQLite opens files by name, and resolves /proc/self/fd/N to the name
// the file had. The name is removed when this ends.
class TempName {
 public:
  ~TempName() {
    if (!name_.empty()) ::unlink(name_.c_str());
  }
  // Links the file of `fd` into $TMPDIR (else /tmp) under a name of its own.
  Status link(int fd) {
    static std::atomic<unsigned> counter{0};
    const std::string base = temp_directory();
    const std::string from = "/proc/self/fd/" + std::to_string(fd);
    for (int attempt = 0; attempt < 100; ++attempt) {
      std::string name =
          base + "/breachdesk-db-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
      if (::linkat(AT_FDCWD, from.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) {
        name_ = std::move(name);
        return {};
      }
      if (errno != EEXIST) break;
    }
    return Error::unavailable(std::string("cannot name a temporary copy of a SQLite database: ") +
                              std::strerror(errno));
  }
  const std::string& name() const { return name_; }

 private:
  std::string name_;
};

// Whether `fd` is a file without a name (an unnamed temporary file).
bool unnamed(int fd) {
  char target[4096];
  const std::string link = "/proc/self/fd/" + std::to_string(fd);
  const ssize_t n = ::readlink(link.c_str(), target, sizeof target);
  return n > 0 && std::string_view(target, static_cast<std::size_t>(n)).ends_with(" (deleted)");
}

}  // namespace

Status read_sqlite_database(int fd, const std::string& path, const SheetCallbacks& callbacks) {
  // The open descriptor, by its /proc name: no path to escape for a URI, and no other
  // file than the one sniffed (SQLite opens the name it resolves to); an unnamed copy
  // gets a name first. immutable=1: no lock, no journal, no write.
  TempName temp;
  std::string uri = "file:/proc/self/fd/" + std::to_string(fd) + "?immutable=1";
  if (unnamed(fd)) {
    BD_TRY(temp.link(fd));
    uri = "file:";
    for (char c : temp.name()) {
      if (c == '%' || c == '?' || c == '#') {
        static constexpr char kHex[] = "0123456789ABCDEF";
        uri += '%';
        uri += kHex[static_cast<unsigned char>(c) >> 4];
        uri += kHex[static_cast<unsigned char>(c) & 15];
      } else {
        uri += c;
      }
    }
    uri += "?immutable=1";
  }
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(uri.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
  Database db(raw);
  if (rc != SQLITE_OK) return sqlite_error(raw, "cannot open it");
  BD_ASSIGN_OR_RETURN(std::vector<std::string> tables, table_names(db.get()));
  for (const std::string& table : tables) BD_TRY(read_table(db.get(), table, path, callbacks));
  return {};
}

}  // namespace bd::scan::input
