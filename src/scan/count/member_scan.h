// MemberScan: the MemberSink for one member. It runs the member's tokenizer, classifies
// each field once by its column role (scan/detect/headers.h) or as free text
// (scan/detect/text_scan.h), assembles records (names, addresses, person keys) and
// accumulates a MemberResult that it hands to the ScanState when the member ends.
// Distinct keys and person keys go to the ScanState in batches while it runs, so a
// member's memory does not grow with its size.
//
// Not thread-safe: used by the one worker thread that opened it (as the sink contract
// says). Failure: never throws on bad input; problems go to the result's list.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "scan/count/member_result.h"
#include "scan/count/persons.h"
#include "scan/count/quiet_values.h"
#include "scan/detect/headers.h"
#include "scan/detect/text_scan.h"
#include "scan/input/sink.h"
#include "scan/tokenize/record_handler.h"
#include "scan/validate/identity.h"

namespace bd::scan {
struct ScanOptions;
}

namespace bd::scan::count {

class ScanState;

class MemberScan final : public MemberSink, public tokenize::RecordHandler {
 public:
  MemberScan(ScanState& state, const MemberInfo& info, const ScanOptions& options);
  ~MemberScan() override;

  void on_chunk(std::string_view utf8) override;
  void on_end() override;

  void on_table(std::string_view table, const std::vector<std::string>& columns) override;
  std::size_t column_for_key(std::string_view key) override;
  void on_field(std::size_t column, std::string_view value) override;
  void on_record_end() override;
  void on_record(const std::string_view* fields, std::size_t n) override;
  void on_text(std::string_view text) override;
  void on_problem(std::string_view reason) override;

 private:
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Table {
    std::string name;
    std::vector<std::size_t> columns;  // indexes into result_.columns
    // By name, the first column of that name (its place in `columns`); per place, the
    // name and whether it is that first one. `next`: the place after the last key
    // looked up, tried first (records mostly repeat the keys of the one before). Built
    // by the first key looked up (JSON): CSV and SQL columns come by place, and a
    // scan of many small CSV files paid for the map of every file.
    bool indexed = false;
    std::unordered_map<std::string, std::size_t, KeyHash, std::equal_to<>> by_key;
    std::vector<std::string> names;
    std::vector<bool> keyed;
    std::size_t next = 0;
  };
  struct Record {
    bool open = false;
    bool personal = false;
    std::string name;
    std::string postcode;
    std::string house_number;
    std::string street;
    std::string city;
    std::vector<std::uint64_t> keys;
    std::vector<std::size_t> tentative;  // columns with a tentative BSN in this record
  };

  std::size_t column_index(std::size_t column);
  std::size_t add_columns_up_to(Table& table,
                                std::size_t column);  // the column's index, at most 4096 columns
  void reserve_columns(Table& table, std::size_t n);  // room for n columns in all
  void index_keys(Table& table);                      // the table's names, from now on
  void index_key(Table& table, const std::string& name);
  std::size_t add_column(Table& table, std::string name);
  void classify_field(std::size_t col, detect::ColumnRole role, std::string_view value);
  bool classify_whole_email(std::size_t col, std::string_view value);
  void classify_generic(std::size_t col, detect::ColumnRole role, std::string_view value);
  void classify_password(std::size_t col, detect::ColumnRole role, std::string_view value);
  void note_digest(std::size_t col, validate::HashKind kind, std::string_view value);
  HashedColumn& password_entry(std::size_t col, validate::HashKind kind);
  void count_hit(const detect::Hit& hit, std::size_t col);
  void count_hits(std::size_t col);
  void finish_record();
  void record_address();
  void note_signals();
  void flush_distinct(std::size_t category);
  void add_person_key(std::uint64_t key);
  void flush_persons();

  ScanState& state_;
  const ScanOptions& options_;
  std::unique_ptr<tokenize::Tokenizer> tokenizer_;
  MemberResult result_;
  std::vector<Table> tables_;
  std::size_t current_table_ = 0;
  std::vector<detect::ColumnRole> roles_;  // per result_.columns entry
  // Per result_.columns entry and hash kind, the index of its result_.hashed entry (-1:
  // not looked up yet; kNone stands for "plaintext"): the entry was searched by column
  // name and kind for every password, a visible share of a password column.
  std::vector<std::array<std::int32_t, validate::kHashKindCount>> hashed_at_;
  std::vector<QuietValues> quiet_;  // per result_.columns entry, grown as fields come
  // Where the columns' tentative BSNs past the first 64K of a column go (created then).
  std::shared_ptr<SpillFile> tentative_file_;
  Record record_;
  std::string key_scratch_;                 // the record's address and person keys, built in turn
  std::vector<std::uint64_t> person_keys_;  // batches for ScanState::add_persons
  std::vector<PersonLink> person_links_;
  detect::TextScratch scratch_;
  std::vector<detect::Hit> hits_;
  detect::Signals signals_;
  bool ended_ = false;
  std::shared_ptr<const std::atomic<std::uint32_t>> stream_count_;  // MemberPart::stream_count
  bool priming_ = false;     // feeding MemberPart::prime: nothing is counted
  ClockReading last_chunk_;  // when the previous chunk was analysed (or the sink opened)
};

}  // namespace bd::scan::count
