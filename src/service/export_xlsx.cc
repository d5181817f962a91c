// The XLSX writer of the export (libxlsxwriter). libxlsxwriter writes only to a file,
// so the workbook goes to a private temp file that is read back and always removed.
#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>

#include "service/export_table.h"

namespace bd::service {
namespace {

// A unique, private (0600) temp file path that is unlinked when this goes out of scope.
class TempFile {
 public:
  TempFile() {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/breachdesk-export-XXXXXX.xlsx";
    int fd = mkstemps(path_.data(), 5);
    if (fd < 0) {
      path_.clear();
    } else {
      ::close(fd);
    }
  }
  ~TempFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  bool ok() const { return !path_.empty(); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct WorkbookCloser {
  void operator()(lxw_workbook* wb) const { workbook_close(wb); }
};

Result<std::string> read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::internal("cannot read export temp file");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

Status write_rows(lxw_workbook* wb, lxw_worksheet* ws, const Table& table) {
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  for (std::size_t r = 0; r < table.size(); ++r) {
    for (std::size_t c = 0; c < table[r].size(); ++c) {
      const auto& text = table[r][c];
      if (text.empty()) continue;
      auto err = worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), text.c_str(),
                                        r == 0 ? bold : nullptr);
      if (err != LXW_NO_ERROR) return Error::internal(std::string("xlsx write: ") + lxw_strerror(err));
    }
  }
  return {};
}

}  // namespace

Result<std::string> table_to_xlsx(const Table& table, std::string_view sheet_name) {
  TempFile file;
  if (!file.ok()) return Error::internal("cannot create export temp file");
  {
    lxw_workbook_options options{};
    options.constant_memory = 1;  // rows stream to disk: memory stays flat for big registers
    std::unique_ptr<lxw_workbook, WorkbookCloser> wb(workbook_new_opt(file.path().c_str(), &options));
    if (!wb) return Error::internal("workbook_new failed");
    std::string name(sheet_name.substr(0, 31));
    lxw_worksheet* ws = workbook_add_worksheet(wb.get(), name.c_str());
    if (ws == nullptr) return Error::internal("workbook_add_worksheet failed");
    worksheet_freeze_panes(ws, 1, 0);
    BD_TRY(write_rows(wb.get(), ws, table));
    auto err = workbook_close(wb.release());
    if (err != LXW_NO_ERROR) return Error::internal(std::string("xlsx close: ") + lxw_strerror(err));
  }
  return read_all(file.path());
}

}  // namespace bd::service
