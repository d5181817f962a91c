#include "scan/tokenize/sql_resume.h"

#include "scan/tokenize/sql_head.h"

namespace bd::scan::tokenize {
namespace {

// A table's column names must fit a CREATE TABLE body (the tokenizer keeps 256 KiB of
// one) with room for the quotes.
constexpr std::size_t kMaxColumnText = 128u << 10;
// The handler's bound on the columns of one table (MemberScan::column_index).
constexpr std::size_t kMaxColumns = 4096;

}  // namespace

// The tables and column names the scan's handler holds, kept as MemberScan::on_table
// and MemberScan::column_index keep them: a table's first announcement adds its named
// columns, a later one with more names adds the rest, a name replaces a "#n" one, and
// a field past the last column adds "#n" columns. The split tests compare whole-file
// reports with split ones, which catches any drift between the two.
class SqlPrefix::Tables final : public RecordHandler {
 public:
  struct Table {
    std::string name;
    std::vector<std::string> columns;
  };

  Tables() : tables_(1) {}  // the handler starts in an unnamed table

  void on_table(std::string_view table, const std::vector<std::string>& columns) override {
    current_ = tables_.size();
    for (std::size_t i = 0; i < tables_.size(); ++i) {
      if (tables_[i].name == table) current_ = i;
    }
    if (current_ == tables_.size()) tables_.push_back(Table{std::string(table), {}});
    std::vector<std::string>& names = tables_[current_].columns;
    for (std::size_t i = names.size(); i < columns.size(); ++i) add(names, columns[i]);
    for (std::size_t i = 0; i < columns.size() && i < names.size(); ++i) {
      if (names[i].starts_with('#') && !columns[i].empty()) names[i] = columns[i];
    }
    known_ = names.size();
  }
  std::size_t column_for_key(std::string_view) override { return 0; }
  // Called for every value of the dump: the common case is one compare.
  void on_field(std::size_t column, std::string_view) override {
    if (column < known_) return;
    std::vector<std::string>& names = tables_[current_].columns;
    while (names.size() <= column && names.size() < kMaxColumns) add(names, "");
    known_ = names.size();
  }
  void on_record_end() override {}
  void on_text(std::string_view) override {}
  void on_problem(std::string_view) override {}

  const std::vector<Table>& tables() const { return tables_; }

 private:
  static void add(std::vector<std::string>& names, const std::string& name) {
    if (!name.empty()) {
      names.push_back(name);
      return;
    }
    std::string number = std::to_string(names.size() + 1);
    number.insert(number.begin(), '#');  // "#" + number trips g++ 12's -Wrestrict
    names.push_back(std::move(number));
  }

  std::vector<Table> tables_;
  std::size_t current_ = 0;
  std::size_t known_ = 0;  // the current table's columns
};

SqlPrefix::SqlPrefix() : tables_(std::make_unique<Tables>()), tokenizer_(make_sql_cut_tokenizer(*tables_)) {}

SqlPrefix::~SqlPrefix() = default;

void SqlPrefix::feed(std::string_view text) {
  tokenizer_->feed(text);
}

bool SqlPrefix::at_cut() const {
  return tokenizer_->at_cut();
}

std::optional<std::string> SqlPrefix::prime() const {
  // Each table is announced with its columns through a schema that then goes again:
  // an empty CREATE TABLE is as good as none (an INSERT without a column list that
  // finds no columns announces none). The real schemas follow.
  std::string out;
  for (const Tables::Table& t : tables_->tables()) {
    std::size_t text = 0;
    for (const auto& c : t.columns) text += c.size() + 3;
    if (text > kMaxColumnText) return std::nullopt;
    out += create_table_statement(t.name, t.columns);
    out += "INSERT INTO `" + t.name + "` VALUES ();\n";
    out += create_table_statement(t.name, {});
  }
  std::optional<std::string> rest = tokenizer_->resume_text();
  if (!rest) return std::nullopt;
  return out + *rest;
}

}  // namespace bd::scan::tokenize
