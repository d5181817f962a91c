// One large plain CSV/TSV file split across threads (scan/input/split.h): the cuts are
// real record starts, and the report equals that of the file scanned whole, whatever
// the quoting (multi-line quoted fields, stray quotes in unquoted fields, CRLF, blank
// lines), header or none, encoding, and number of ranges.
#include "scan/input/split.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "corpus.h"
#include "scan/input/input.h"
#include "scan/report_json.h"
#include "scan/scanner.h"
#include "scan/tokenize/record_handler.h"
#include "split_support.h"
#include "test_support.h"

namespace bd::scan {
namespace {

using testing::expect_same_report;
using testing::repeat;
using testing::report_json;
using testing::TempDir;
using testing::write_file;

std::size_t ranges(const std::string& content, char hint, int parts) {
  return input::plan_ranges(content, hint, parts).starts.size();
}

// The offsets where the CSV tokenizer ends a record, fed one byte at a time.
class RecordEnds final : public tokenize::RecordHandler {
 public:
  void on_table(std::string_view, const std::vector<std::string>&) override { ends.push_back(at); }
  std::size_t column_for_key(std::string_view) override { return 0; }
  void on_field(std::size_t, std::string_view) override {}
  void on_record_end() override { ends.push_back(at); }
  void on_text(std::string_view) override {}
  void on_problem(std::string_view) override {}
  std::size_t at = 0;
  std::vector<std::size_t> ends;
};

std::vector<std::size_t> record_ends(const std::string& csv) {
  RecordEnds h;
  auto t = tokenize::make_csv_tokenizer(h, 0);
  for (std::size_t i = 0; i < csv.size(); ++i) {
    h.at = i + 1;
    t->feed(std::string_view(csv).substr(i, 1));
  }
  return h.ends;
}

const std::string kPeople =
    "naam,bsn,email,notitie\n"
    "Jan de Vries,111222333,jan@example.nl,\"belde over\nzijn \"\"diabetes\"\"\"\n"
    "Piet Jansen,123456782,piet@example.nl,geen\n"
    "Kees 5\"9,319072356,kees@example.nl,\"lang\n\nverhaal, met komma\"\n"
    "Anna,,anna@example.nl,x\"y\"z\n";

TEST(ScanSplit, QuotedMultiLineFieldsAndStrayQuotes) {
  std::string body = kPeople.substr(kPeople.find('\n') + 1);
  std::string csv = kPeople + repeat(body, 40);
  EXPECT_GE(ranges(csv, 0, 4), 3u);
  expect_same_report("mensen.csv", csv);
}

TEST(ScanSplit, CutsFallOnRecordStartsOnly) {
  std::string body = kPeople.substr(kPeople.find('\n') + 1);
  std::string csv = kPeople + repeat(body, 25);
  std::vector<std::size_t> ends = record_ends(csv);
  for (int parts = 2; parts <= 16; ++parts) {
    input::SplitPoints p = input::plan_ranges(csv, 0, parts);
    ASSERT_GE(p.starts.size(), 2u);
    for (std::size_t i = 1; i < p.starts.size(); ++i) {
      EXPECT_NE(std::find(ends.begin(), ends.end(), p.starts[i]), ends.end()) << "cut at " << p.starts[i];
    }
  }
}

TEST(ScanSplit, CutInsideAQuotedMultiLineFieldMovesPastIt) {
  // The middle of the file lies inside one long quoted field full of newlines and
  // record-like lines; the only record start after it is the last row.
  std::string fake = repeat("9,999999999,nep@example.nl,x\n", 200);
  std::string csv =
      "id,bsn,email,notitie\n1,111222333,jan@example.nl,\"" + fake + "\"\n2,123456782,piet@example.nl,y\n";
  input::SplitPoints p = input::plan_ranges(csv, 0, 2);
  ASSERT_EQ(p.starts.size(), 2u);
  EXPECT_EQ(csv.substr(p.starts[1]), "2,123456782,piet@example.nl,y\n");
  expect_same_report("lang.csv", csv);
}

TEST(ScanSplit, QuoteAfterCarriageReturnsOpensAFieldOnlyAtARecordStart) {
  // '\r's after a record end are blank-line bytes: the quote after them opens a field.
  std::string lines = repeat("x\n", 200);
  std::string opened = "a,b\n\r\r\"" + lines + "\",1\nz,2\n";
  input::SplitPoints p = input::plan_ranges(opened, 0, 2);
  ASSERT_EQ(p.starts.size(), 2u);
  EXPECT_EQ(opened.substr(p.starts[1]), "z,2\n");
  expect_same_report("cr_open.csv", opened);
  // After a delimiter they are field text, and the quote after them a literal.
  std::string literal = "a,b\n1,\r\"" + lines + "z,2\n";
  p = input::plan_ranges(literal, 0, 2);
  ASSERT_EQ(p.starts.size(), 2u);
  EXPECT_LT(p.starts[1], literal.size() - 100);
  expect_same_report("cr_literal.csv", literal);
}

TEST(ScanSplit, UnterminatedQuoteIsNotSplitAfterIt) {
  std::string csv = "a,b\n1,\"open\n" + repeat("2,3\n", 100);
  EXPECT_EQ(ranges(csv, 0, 2), 0u);
  expect_same_report("open.csv", csv);
}

TEST(ScanSplit, CrlfBomAndBlankLines) {
  std::string rows =
      repeat("Jan,111222333,jan@example.nl\r\n\r\n\"Piet\r\nJansen\",123456782,\"p@example.nl\"\r\n", 30);
  expect_same_report("crlf.csv", "\xEF\xBB\xBFnaam,bsn,email\r\n" + rows);
  expect_same_report("blank.csv", "\n\r\nnaam,bsn,email\r\n" + rows);
  // A quote after '\r's that follow a record end opens a quoted field; after a value it
  // is a literal.
  expect_same_report("cr.csv", "naam,bsn\n" + repeat("\r\"a\nb\",111222333\nx\r\"y,123456782\n", 40));
}

TEST(ScanSplit, NoHeaderHeaderOnlyAndTsv) {
  expect_same_report("geen_kop.csv", repeat("Jan de Vries,111222333,jan@example.nl\n", 50));
  expect_same_report("alleen_kop.csv", "naam,bsn,email\n");
  expect_same_report("kop_zonder_regeleinde.csv", "naam,bsn,email");
  expect_same_report("puntkomma.csv",
                     "naam;bsn;email\n" + repeat("\"de Vries; Jan\";111222333;jan@example.nl\n", 50));
  expect_same_report("tabs.tsv",
                     "naam\tbsn\temail\n" + repeat("Jan \"J\" Jansen\t111222333\tjan@example.nl\n", 50));
  // More fields in later rows than in the header: "#n" columns.
  expect_same_report("breed.csv", "naam,bsn\n" + repeat("Jan,111222333\n", 30) +
                                      repeat("Piet,123456782,p@example.nl,06-12345678\n", 30));
}

TEST(ScanSplit, InvalidUtf8SwitchesLaterRangesToWindows1252) {
  std::string rows = repeat("Zo\xC3\xAB Bakker,111222333,zoe@example.nl\n", 40);
  expect_same_report("utf8.csv", "naam,bsn,email\n" + rows);
  expect_same_report("latin.csv",
                     "naam,bsn,email\n" + rows + "Ren\xE9 M\xFCller,123456782,rene@example.nl\n" + rows);
}

TEST(ScanSplit, ACharacterAcrossAWindowIsValidUtf8) {
  // A file is planned through a window of a few MiB, checked for UTF-8 as each window
  // is read: a character cut by the window's end stays valid.
  TempDir d;
  const std::size_t window = input::plan_max_view() + input::PlanBytes::kBehind;
  int checked = 0;
  for (std::size_t pad = 0; pad < 7; ++pad) {
    std::string csv = "naam,bsn" + std::string(pad, 'x') + "\n";
    while (csv.size() < 3 * window) csv += "Zo\xC3\xAB,1\n";
    write_file(d.file("a.csv"), csv);
    int fd = ::open(d.file("a.csv").c_str(), O_RDONLY | O_CLOEXEC);
    ASSERT_GE(fd, 0);
    input::PlanBytes bytes(fd, csv.size(), window);
    input::SplitPoints p = input::plan_ranges(bytes, 0, 2);
    ::close(fd);
    ASSERT_EQ(p.starts.size(), 2u);
    EXPECT_EQ(p.encodings[1], input::Encoding::kUtf8);
    checked += csv[window - 1] == '\xC3' ? 1 : 0;
  }
  EXPECT_GE(checked, 1) << "no padding puts a character across the window's end";
}

TEST(ScanSplit, TentativeBsnColumnsAndHashesAcrossRanges) {
  // A column without a BSN header whose values all pass the 11-check, and a column of
  // bare digests: the verdicts need every range's counts.
  std::string csv = "ref,digest,naam\n";
  for (int i = 0; i < 60; ++i) {
    csv += (i % 2 ? "111222333," : "123456782,") +
           std::string(i % 3 ? "5f4dcc3b5aa765d61d8327deb882cf99" : "e99a18c428cb38d5f260853678922e03") +
           ",Naam " + std::to_string(i) + "\n";
  }
  expect_same_report("kolommen.csv", csv);
}

// A valid BSN (11-check) made from `seed`, nine digits.
std::string valid_bsn(std::uint32_t seed) {
  for (std::uint32_t n = seed * 11 % 100000000;; ++n) {
    std::string digits = std::to_string(100000000 + n).substr(1);  // eight digits
    int sum = 0;
    for (int i = 0; i < 8; ++i) sum += (9 - i) * (digits[static_cast<std::size_t>(i)] - '0');
    if (sum % 11 < 10 && sum % 11 != 0) return digits + static_cast<char>('0' + sum % 11);
  }
}

// A headerless column of 200,000 BSNs holds more tentative BSNs than a column keeps in
// memory (scan/count/tentative_list.h), in the whole file and in each range: those
// written to the spill file count as the rest, and split or not the report is the same.
TEST(ScanSplit, ALongHeaderlessBsnColumnCountsExactlyWholeAndSplit) {
  constexpr std::uint32_t kPersons = 50000;
  constexpr std::uint32_t kRecords = 200000;
  std::string csv;
  for (std::uint32_t i = 0; i < kRecords; ++i) {
    const std::uint32_t person = i % kPersons;
    csv += valid_bsn(person + 1) + ",";
    // One record in four names the person's e-mail: the rest join it through the BSN.
    if (i % 4 == 1) csv += "p" + std::to_string(person) + "@example.nl";
    csv += ",x" + std::to_string(i % 7) + "\n";
  }
  TempDir d;
  const std::string path = d.file("koppel.csv");
  write_file(path, csv);
  ScanOptions so;
  Scanner scanner(so);
  InputOptions in;
  in.threads = 1;
  ASSERT_TRUE(read_inputs({path}, in, scanner).ok());
  ScanReport r = scanner.finish();
  EXPECT_EQ(r.records, kRecords);
  EXPECT_EQ(r.records_with_personal_data, kRecords);
  ASSERT_TRUE(r.categories.count(Category::kBsn));
  EXPECT_EQ(r.categories.at(Category::kBsn).values, kRecords);
  EXPECT_EQ(r.categories.at(Category::kBsn).distinct, kPersons);
  EXPECT_EQ(r.persons_distinct, kPersons);
  ASSERT_FALSE(r.columns.empty());
  EXPECT_EQ(r.columns.front().verdict, "bsn");
  EXPECT_EQ(r.columns.front().passed, kRecords);
  expect_same_report("koppel.csv", csv);
}

// A file that starts with Excel's "sep=;" line: every range is primed with that line
// and the header, so a later range reads ';' as the delimiter and the header as its
// names, as the whole file does (the commas in the notes would win a count).
TEST(ScanSplit, ExcelSeparatorLineAcrossRanges) {
  std::string csv = "sep=;\r\nnaam;email;bsn;notitie\r\n";
  for (int i = 0; i < 3000; ++i) {
    csv += "Jan " + std::to_string(i) + ";jan" + std::to_string(i) + "@example.nl;" +
           (i % 2 ? "111222333" : "123456782") + ";belde, mailde, schreef\r\n";
  }
  expect_same_report("export.csv", csv);
}

TEST(ScanSplit, RandomQuotingEqualsTheWholeScan) {
  const std::vector<std::string> pieces = {"a",
                                           "Jan",
                                           "111222333",
                                           "jan@example.nl",
                                           ",",
                                           ",",
                                           ",",
                                           "\n",
                                           "\n",
                                           "\r\n",
                                           "\r",
                                           "\"",
                                           "\"\"",
                                           "\"x\ny\"",
                                           "5\"9",
                                           "\"a,b\"",
                                           "NL91ABNA0417164300",
                                           " ",
                                           ";",
                                           "\t"};
  int split = testing::expect_random_texts_same_report(
      "r.csv", pieces, 20261206, 150, 50,
      [](int round) { return std::string(round % 2 ? "naam,bsn,email\n" : ""); },
      [](const std::string& t) { return ranges(t, 0, 4); });
  EXPECT_GE(split, 75);  // most rounds are really cut
}

TEST(ScanSplit, GeneratedCorpusFileEqualsTheWholeScan) {
  TempDir d;
  gen::CorpusOptions o;
  o.seed = 77;
  o.persons = 3000;
  o.text_lines = 10;
  o.trap_rows = 300;
  o.employees = 10;
  gen::generate_corpus(d.path(), o);
  std::vector<std::string> csvs;
  for (const auto& e : std::filesystem::directory_iterator(d.path())) {
    if (e.path().extension() == ".csv") csvs.push_back(e.path().string());
  }
  ASSERT_FALSE(csvs.empty());
  for (const auto& path : csvs) {
    SCOPED_TRACE(path);
    std::string whole = report_json({path}, 1, 1);
    EXPECT_EQ(report_json({path}, 2, 64u << 10), whole);
    EXPECT_EQ(report_json({path}, 3, 64u << 10), whole);
  }
}

TEST(ScanSplit, SmallFilesAndOneThreadAreNotSplit) {
  TempDir d;
  write_file(d.file("a.csv"), kPeople);
  InputOptions o;
  o.threads = 4;
  EXPECT_FALSE(input::may_split(d.file("a.csv"), kPeople.size(), o));  // below 32 MiB
  o.split_min_bytes = 1;
  EXPECT_TRUE(input::may_split(d.file("a.csv"), kPeople.size(), o));
  o.threads = 1;
  EXPECT_FALSE(input::may_split(d.file("a.csv"), kPeople.size(), o));
}

// A CSV file planned on two threads as if it were `size` bytes long (plan_split): the
// split file, or null, and the ranges it queued, in order.
struct PlannedFile {
  std::shared_ptr<input::SplitFile> split;
  std::vector<input::RangeWork> ranges;
};
PlannedFile plan_csv_file(const std::string& csv, std::uint64_t size) {
  TempDir d;
  write_file(d.file("a.csv"), csv);
  int fd = ::open(d.file("a.csv").c_str(), O_RDONLY | O_CLOEXEC);
  EXPECT_GE(fd, 0);
  InputOptions o;
  o.threads = 2;
  o.split_min_bytes = 1;
  PlannedFile out;
  out.split = input::plan_split(fd, size, d.file("a.csv"), Format::kCsv, o,
                                [&](input::RangeWork r) { out.ranges.push_back(std::move(r)); });
  ::close(fd);
  return out;
}

TEST(ScanSplit, AFileShorterThanItsSizeIsNotSplitAndDoesNotCrash) {
  // A file truncated by another process before its first cut is found reads short:
  // the planner sees zeros past the new end, and the plan is thrown away.
  std::string csv = "id,naam,email\n";
  for (int i = 0; i < 20000; ++i) csv += std::to_string(i) + ",Naam " + std::to_string(i) + ",a@b.nl\n";
  PlannedFile shrunk = plan_csv_file(csv, std::uint64_t{64} << 20);
  EXPECT_EQ(shrunk.split, nullptr);
  EXPECT_TRUE(shrunk.ranges.empty());
  // The same file at its real size is split, into a few ranges per thread that follow
  // each other to the end of the file; only the last one knows their count.
  PlannedFile whole = plan_csv_file(csv, csv.size());
  ASSERT_NE(whole.split, nullptr);
  const std::vector<input::RangeWork>& ranges = whole.ranges;
  ASSERT_EQ(ranges.size(), static_cast<std::size_t>(2 * input::ranges_per_thread(Format::kCsv)));
  std::uint64_t at = 0;
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    EXPECT_EQ(ranges[i].index, i);
    EXPECT_EQ(ranges[i].start, at);
    EXPECT_LT(ranges[i].start, ranges[i].end);
    EXPECT_EQ(ranges[i].prime.empty(), i == 0);
    EXPECT_EQ(ranges[i].count, i + 1 == ranges.size() ? ranges.size() : 0u);
    at = ranges[i].end;
  }
  EXPECT_EQ(at, csv.size());
  // The planner's hold and one per range.
  EXPECT_EQ(whole.split->holds.load(), static_cast<int>(ranges.size()) + 1);
}

TEST(ScanSplit, AFileThatEndsEarlyAfterTheFirstCutsKeepsThemAndEndsThere) {
  // The planner reads through 8 MiB windows: a file 4 MiB shorter than its size fails
  // in its last window, after the cuts before it were queued. They stand, no cut after
  // the failure is used, and the last range runs to the size the planner was given
  // (its read then reports the file as shrunk).
  std::string rows;
  for (int i = 0; i < 1000; ++i) rows += std::to_string(i) + ",Naam " + std::to_string(i) + ",a@b.nl\n";
  std::string csv = "id,naam,email\n" + repeat(rows, static_cast<int>((20u << 20) / rows.size()));
  const std::uint64_t claimed = csv.size() + (4u << 20);
  PlannedFile planned = plan_csv_file(csv, claimed);
  ASSERT_NE(planned.split, nullptr);
  const std::vector<input::RangeWork>& ranges = planned.ranges;
  ASSERT_GE(ranges.size(), 3u);
  EXPECT_LT(ranges.size(), static_cast<std::size_t>(2 * input::ranges_per_thread(Format::kCsv)));
  for (std::size_t i = 0; i + 1 < ranges.size(); ++i) {
    EXPECT_EQ(ranges[i].end, ranges[i + 1].start);
    EXPECT_LT(ranges[i].end, csv.size());
    EXPECT_EQ(csv[ranges[i].end - 1], '\n');
    EXPECT_EQ(ranges[i].count, 0u);
  }
  EXPECT_EQ(ranges.back().end, claimed);
  EXPECT_EQ(ranges.back().count, ranges.size());
}

TEST(ScanSplit, APlanThroughAWindowEqualsThePlanInMemory) {
  // Quoted fields longer than a window, and records across every window's end.
  std::string body = kPeople.substr(kPeople.find('\n') + 1);
  std::string csv = kPeople + repeat(body, 20000);
  csv += "1,111222333,a@b.nl,\"" + repeat("nep,999999999\n\"\"", 400000) + "\"\n" + repeat(body, 20000);
  for (int parts : {2, 3, 7}) {
    EXPECT_EQ(testing::expect_same_plan_through_a_window(
                  csv, [&](input::PlanBytes& b) { return input::plan_ranges(b, 0, parts); }),
              static_cast<std::size_t>(parts));
  }
  // A byte that is no UTF-8 in the second window: later ranges start as Windows-1252.
  csv[(5u << 20) + 7] = '\xE9';
  EXPECT_EQ(testing::expect_same_plan_through_a_window(
                csv, [&](input::PlanBytes& b) { return input::plan_ranges(b, 0, 4); }),
            4u);
}

TEST(ScanSplit, PlanBytesReadsAFileAsItsMemory) {
  TempDir d;
  std::string content;
  std::mt19937 rng(7);
  while (content.size() < (9u << 20))
    content += static_cast<char>('a' + rng() % 26) + std::string(rng() % 3 ? "" : "\n\"");
  write_file(d.file("b.txt"), content);
  int fd = ::open(d.file("b.txt").c_str(), O_RDONLY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  input::PlanBytes file(fd, content.size(), 0);  // the smallest window
  input::PlanBytes memory(content);
  // Forward, with steps back within the window, single bytes anywhere, and searches
  // across windows.
  std::uint64_t at = 0;
  while (at < content.size()) {
    std::size_t n = rng() % (file.max_view() + 1);
    ASSERT_EQ(file.view(at, n), memory.view(at, n)) << at;
    std::uint64_t back = at - std::min<std::uint64_t>(at, rng() % input::PlanBytes::kBehind);
    ASSERT_EQ(file.view(back, 100), memory.view(back, 100)) << back;
    std::uint64_t any = rng() % content.size();
    ASSERT_EQ(file.at(any), content[any]) << any;
    ASSERT_EQ(file.find('"', at, content.size()), memory.find('"', at, content.size()));
    ASSERT_EQ(file.find('\n', at, at + 5), memory.find('\n', at, at + 5));
    at += 1 + rng() % (3u << 20);
  }
  EXPECT_TRUE(file.valid_utf8_before(content.size()));
  EXPECT_FALSE(file.failed());
  // Truncated behind its back: zeros, and failed().
  int writer = ::open(d.file("b.txt").c_str(), O_WRONLY | O_CLOEXEC);
  ASSERT_GE(writer, 0);
  ASSERT_EQ(::ftruncate(writer, 1000), 0);
  ::close(writer);
  input::PlanBytes shrunk(fd, content.size(), 0);
  EXPECT_EQ(shrunk.view(0, 10), content.substr(0, 10));
  EXPECT_EQ(shrunk.at(content.size() - 1), '\0');
  EXPECT_TRUE(shrunk.failed());
  ::close(fd);
}

}  // namespace
}  // namespace bd::scan
