// The seed's processor scenario through the real binary: `breachdesk scan --format
// json` on a tar.gz of customer database backups (MySQL INSERT and PostgreSQL COPY
// dumps of employees) must report the exact BSN and IBAN counts, records and persons,
// and exit 0; a truncated copy must still report and exit 3. Skipped when the
// breachdesk binary has not been built (BD_BREACHDESK overrides its path).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cstdio>
#include <cstdlib>

#include "corpus.h"
#include "people.h"
#include "test_support.h"

namespace bd::scan {
namespace {

using testing::TempDir;

std::string binary() {
  const char* env = std::getenv("BD_BREACHDESK");
  return env != nullptr ? env : std::string(BD_BINARY_DIR) + "/breachdesk";
}

// Runs the command; returns its exit code and stdout.
int run(const std::string& command, std::string* out) {
  std::FILE* p = ::popen(command.c_str(), "r");
  if (p == nullptr) return -1;
  char buf[65536];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out->append(buf, n);
  int status = ::pclose(p);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::uint64_t truth_of(const gen::Truth& t, const std::string& prefix, const std::string& cat) {
  std::uint64_t n = 0;
  for (const auto& [path, f] : t.files()) {
    if (path.rfind(prefix, 0) != 0) continue;
    if (cat == "records") n += f.records;
    else if (f.values.count(cat)) n += f.values.at(cat);
  }
  return n;
}

TEST(ScanCli, ProcessorBackupsTarGzGiveExactCounts) {
  if (::access(binary().c_str(), X_OK) != 0) GTEST_SKIP() << "breachdesk not built";
  TempDir d;
  gen::CorpusOptions o;
  o.persons = 400;
  o.text_lines = 100;
  o.trap_rows = 100;
  o.employees = 500;
  gen::Truth truth = gen::generate_corpus(d.path(), o);
  std::string out;
  int rc = run(binary() + " scan --format json --threads 2 " + d.file("processor_backups.tar.gz") + " 2>/dev/null", &out);
  ASSERT_EQ(rc, 0) << out.substr(0, 500);
  boost::json::object report = boost::json::parse(out).as_object();
  const std::string prefix = "processor_backups.tar.gz!";
  EXPECT_EQ(report.at("records").to_number<std::uint64_t>(), truth_of(truth, prefix, "records"));
  EXPECT_EQ(report.at("persons_distinct").to_number<std::uint64_t>(), 2 * o.employees);
  const auto& cats = report.at("categories").as_object();
  for (const char* cat : {"bsn", "iban"}) {
    EXPECT_EQ(cats.at(cat).as_object().at("values").to_number<std::uint64_t>(), truth_of(truth, prefix, cat)) << cat;
  }
  std::string raw_bsn = gen::make_person(o.seed, 1000000000).bsn;
  EXPECT_EQ(out.find(raw_bsn), std::string::npos);  // samples are masked: never a value in clear
}

TEST(ScanCli, TruncatedBackupStillReportsAndExitsThree) {
  if (::access(binary().c_str(), X_OK) != 0) GTEST_SKIP() << "breachdesk not built";
  TempDir d;
  gen::CorpusOptions o;
  o.persons = 200;
  o.employees = 2000;
  generate_corpus(d.path(), o);
  std::string whole = testing::read_whole(d.file("processor_backups.tar.gz"));
  testing::write_file(d.file("cut.tar.gz"), whole.substr(0, whole.size() / 2));
  std::string out;
  int rc = run(binary() + " scan --format json " + d.file("cut.tar.gz") + " 2>/dev/null", &out);
  EXPECT_EQ(rc, 3);
  boost::json::object report = boost::json::parse(out).as_object();
  EXPECT_GT(report.at("records").to_number<std::uint64_t>(), 0u);
  EXPECT_FALSE(report.at("skipped").as_array().empty());
}

TEST(ScanCli, UsageErrorsExitTwoWithAMessage) {
  if (::access(binary().c_str(), X_OK) != 0) GTEST_SKIP() << "breachdesk not built";
  TempDir d;
  testing::write_file(d.file("a.csv"), "naam\nJan\n");
  for (const std::string& args : {"--no-such-option " + d.file("a.csv"), "--format xml " + d.file("a.csv"),
                                 "--threads 0 " + d.file("a.csv"), std::string(), d.file("missing.csv")}) {
    std::string out;
    const int rc = run(binary() + " scan " + args + " 2>" + d.file("err"), &out);
    EXPECT_EQ(rc, 2) << args;
    EXPECT_TRUE(out.empty()) << args << ": " << out.substr(0, 200);
    EXPECT_FALSE(testing::read_whole(d.file("err")).empty()) << args << ": no message on stderr";
  }
}

TEST(ScanCli, AnUnwritableTemporaryDiskStopsTheScanWithAMessage) {
  if (::access(binary().c_str(), X_OK) != 0) GTEST_SKIP() << "breachdesk not built";
  TempDir d;
  // Enough distinct e-mail addresses to pass the in-memory budget of the distinct count
  // (262,144 keys in a 2 MiB batch).
  std::string csv = "email\n";
  for (int i = 0; i < 450000; ++i) csv += "klant" + std::to_string(i) + "@voorbeeld.nl\n";
  testing::write_file(d.file("klanten.csv"), csv);
  std::string out;
  const int rc = run("TMPDIR=" + d.file("missing-dir") + " " + binary() + " scan " + d.file("klanten.csv") + " 2>" +
                         d.file("err"),
                     &out);
  EXPECT_EQ(rc, 1);
  const std::string err = testing::read_whole(d.file("err"));
  EXPECT_NE(err.find("temporary count file"), std::string::npos) << err;
  EXPECT_EQ(err.find("core dumped"), std::string::npos) << err;
}

// The disk fills up only when the counts are made at the end: the last spill of the
// phone numbers' batch fails (a file size limit, its signal ignored, makes the write
// fail with EFBIG), with one thread and with the categories counted on a second thread
// beside the person count.
TEST(ScanCli, ATemporaryDiskThatFillsUpAtTheEndStopsTheScanWithAMessage) {
  if (::access(binary().c_str(), X_OK) != 0) GTEST_SKIP() << "breachdesk not built";
  TempDir d;
  // 450,000 distinct numbers: the spill during the scan (262,144 keys, 2,097,152 bytes)
  // fits under the limit of 3,200 KiB, the rest (1,502,848 bytes more) does not.
  std::string csv = "telefoon\n";
  for (int i = 0; i < 450000; ++i) csv += "06" + std::to_string(10000000 + i) + "\n";
  testing::write_file(d.file("klanten.csv"), csv);
  for (const char* threads : {"1", "2"}) {
    std::string out;
    const int rc = run("bash -c \"trap '' XFSZ; ulimit -f 3200; exec " + binary() + " scan --threads " +
                           threads + " " + d.file("klanten.csv") + "\" 2>" + d.file("err"),
                       &out);
    EXPECT_EQ(rc, 1) << threads;
    EXPECT_TRUE(out.empty()) << threads << ": " << out.substr(0, 200);
    const std::string err = testing::read_whole(d.file("err"));
    EXPECT_NE(err.find("breachdesk: stopped: scan: cannot write the temporary count file"), std::string::npos)
        << threads << ": " << err;
    EXPECT_EQ(err.find("core dumped"), std::string::npos) << err;
  }
}

}  // namespace
}  // namespace bd::scan
