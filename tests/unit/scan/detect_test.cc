#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "scan/count/mask.h"
#include "scan/count/persons.h"
#include "scan/detect/dictionary.h"
#include "scan/detect/digit_pass.h"
#include "scan/detect/headers.h"
#include "scan/protect/digest.h"
#include "scan/protect/digest_lanes.h"
#include "scan/protect/reverse.h"
#include "support/digest_text.h"

namespace bd::scan {
namespace {

struct DigitRun {
  std::size_t begin;
  std::size_t len;
  bool operator==(const DigitRun&) const = default;
};

std::vector<DigitRun> runs_of(std::string_view text, std::vector<std::size_t>* ats) {
  std::vector<DigitRun> runs;
  detect::for_each_digit_run(
      text, [&](std::size_t b, std::size_t n) { runs.push_back({b, n}); }, [&](std::size_t a) { ats->push_back(a); });
  return runs;
}

TEST(ScanDetectDigits, RunsAndAtsAcrossBlockEdges) {
  // Runs that end exactly at, start at and straddle the 64-byte block edges.
  std::string t(63, 'x');
  t += "1234567890";  // 63..72
  t += std::string(54, 'y');
  t += "@99";  // '@' at 127, run at 128..129
  t += std::string(100, '5');
  std::vector<std::size_t> ats;
  auto runs = runs_of(t, &ats);
  std::vector<DigitRun> want = {{63, 10}, {128, 102}};
  EXPECT_EQ(runs, want);
  EXPECT_EQ(ats, std::vector<std::size_t>{127});
  // Same answer byte by byte (scalar reference).
  std::vector<DigitRun> ref;
  for (std::size_t i = 0; i < t.size();) {
    if (t[i] >= '0' && t[i] <= '9') {
      std::size_t j = i;
      while (j < t.size() && t[j] >= '0' && t[j] <= '9') ++j;
      ref.push_back({i, j - i});
      i = j;
    } else {
      ++i;
    }
  }
  EXPECT_EQ(runs, ref);
}

TEST(ScanDetectDigits, NonAsciiBytesAreNotDigits) {
  std::string t = "\xC3\xB6" "12\xFF" "3";
  std::vector<std::size_t> ats;
  std::vector<DigitRun> want = {{2, 2}, {5, 1}};
  EXPECT_EQ(runs_of(t, &ats), want);
}

TEST(ScanDetectHeaders, WholeWordsDecide) {
  using detect::ColumnRole;
  EXPECT_EQ(detect::role_from_header("BSN"), ColumnRole::kBsn);
  EXPECT_EQ(detect::role_from_header("klant_bsn"), ColumnRole::kBsn);
  EXPECT_EQ(detect::role_from_header("bsn_sha256"), ColumnRole::kHash);
  EXPECT_EQ(detect::role_from_header("password_hash"), ColumnRole::kPassword);
  EXPECT_EQ(detect::role_from_header("`first_name`"), ColumnRole::kName);
  EXPECT_EQ(detect::role_from_header("lastName"), ColumnRole::kName);
  EXPECT_EQ(detect::role_from_header("product_name"), ColumnRole::kNone);
  EXPECT_EQ(detect::role_from_header("bedrijfsnaam"), ColumnRole::kNone);
  EXPECT_EQ(detect::role_from_header("company"), ColumnRole::kNone);
  EXPECT_EQ(detect::role_from_header("email_address"), ColumnRole::kEmail);
  EXPECT_EQ(detect::role_from_header("adres.postcode"), ColumnRole::kPostcode);
  EXPECT_EQ(detect::role_from_header("date_of_birth"), ColumnRole::kBirthDate);
  EXPECT_EQ(detect::role_from_header("remote_addr"), ColumnRole::kIp);
  EXPECT_EQ(detect::role_from_header("order_ref"), ColumnRole::kNone);
  EXPECT_EQ(detect::role_from_header("commit"), ColumnRole::kChecksum);
  EXPECT_EQ(detect::role_from_header("file_sha256"), ColumnRole::kChecksum);
  EXPECT_EQ(detect::role_from_header("ETag"), ColumnRole::kChecksum);
  EXPECT_EQ(detect::role_from_header("password_checksum"), ColumnRole::kPassword);
  EXPECT_EQ(detect::role_from_header("email_sha256"), ColumnRole::kHash);
}

TEST(ScanDetectDictionary, HealthNamesLabelsOnWordBoundaries) {
  const detect::Dictionary* dict = detect::Dictionary::instance();
  ASSERT_NE(dict, nullptr);
  std::vector<detect::TermHit> hits;
  dict->scan("Diabetes; BSN 1; Jan; prediabetesx; janssen", hits);
  std::vector<detect::TermKind> kinds;
  for (const auto& h : hits) kinds.push_back(h.kind);
  std::vector<detect::TermKind> want = {detect::TermKind::kHealth, detect::TermKind::kLabelBsn,
                                        detect::TermKind::kFirstName};
  EXPECT_EQ(kinds, want);
  EXPECT_TRUE(dict->is_health_term("ASTMA"));
  EXPECT_FALSE(dict->is_health_term("fiets"));
}

TEST(ScanCountPersons, TransitiveUnionOverRecords) {
  // r0: bsn A + mail X; r1: mail X; r2: mail Y + bsn A; r3: bsn B; text: mail Z; text: bsn B.
  for (std::size_t memory : {std::size_t{1} << 20, std::size_t{1}}) {
    count::PersonGraph g(memory);
    g.add_keys({1, 10});
    g.add_link(1, 10);
    g.add_key(10);
    g.add_keys({11, 1});
    g.add_link(11, 1);
    g.add_key(2);
    g.add_key(12);
    g.add_key(2);
    EXPECT_EQ(g.count(), 3u) << memory;  // {A,X,Y}, {B}, {Z}
  }
  EXPECT_EQ(count::PersonGraph(1).count(), 0u);
}

TEST(ScanCountMask, KeepsShapeHidesValue) {
  EXPECT_EQ(count::mask_value(Category::kBsn, "111222333"), "1112*****");
  EXPECT_EQ(count::mask_value(Category::kEmail, "jan.jansen@example.nl"), "j**.******@example.nl");
  EXPECT_EQ(count::mask_value(Category::kPhone, "06-12345678"), "06-12******");
  EXPECT_EQ(count::mask_value(Category::kName, "Zoë Jansen"), "Z** ******");
}

TEST(ScanProtect, DigestsMatchKnownVectors) {
  using bd::testing::hex;
  EXPECT_EQ(hex(protect::md5_short("abc")), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(hex(protect::sha1_short("abc")), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(hex(protect::sha256_short("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// Every compilation of the multi-lane digests this CPU can run gives, lane by lane,
// the one-message digests: random messages of every length a block holds (0 to 55
// bytes), different in every lane, and the same message in every lane.
TEST(ScanProtect, MultiLaneDigestsEqualTheOneMessageDigests) {
  using protect::LaneIsa;
  std::mt19937 rng(7);
  int isas = 0;
  for (LaneIsa isa : {LaneIsa::kBest, LaneIsa::kAvx512, LaneIsa::kAvx2, LaneIsa::kSse2}) {
    if (!protect::lanes_supported(isa)) continue;
    ++isas;
    for (std::size_t length = 0; length <= 55; ++length) {
      for (bool same : {false, true}) {
        std::vector<std::string> texts(protect::kLanes);
        for (std::size_t lane = 0; lane < protect::kLanes; ++lane) {
          for (std::size_t i = 0; i < length; ++i) texts[lane].push_back(static_cast<char>(rng() & 0xFF));
          if (same) texts[lane] = texts[0];
        }
        protect::LaneMessages in;
        in.length = length;
        for (std::size_t lane = 0; lane < protect::kLanes; ++lane)
          std::copy(texts[lane].begin(), texts[lane].end(), in.text[lane].begin());
        protect::Md5Lanes md5;
        protect::Sha1Lanes sha1;
        protect::Sha256Lanes sha256;
        protect::md5_lanes(in, md5, isa);
        protect::sha1_lanes(in, sha1, isa);
        protect::sha256_lanes(in, sha256, isa);
        for (std::size_t lane = 0; lane < protect::kLanes; ++lane) {
          ASSERT_EQ(md5[lane], protect::md5_short(texts[lane])) << length << " lane " << lane;
          ASSERT_EQ(sha1[lane], protect::sha1_short(texts[lane])) << length << " lane " << lane;
          ASSERT_EQ(sha256[lane], protect::sha256_short(texts[lane])) << length << " lane " << lane;
        }
      }
    }
  }
  EXPECT_GE(isas, 2);  // the best one and SSE2 at least
}

TEST(ScanProtect, ReversesUnsaltedBsnAndPhoneDigests) {
  using bd::testing::hex;
  std::vector<std::string> digests = {hex(protect::sha256_short("111222333")), hex(protect::md5_short("0612345678")),
                                      hex(protect::sha1_short("not a bsn")), "zz"};
  protect::ReverseSpace space;
  space.bsn_prefix_begin = 11122200;  // a small slice keeps the test fast
  space.bsn_prefix_end = 11122300;
  space.mobile_begin = 12345600;
  space.mobile_end = 12345700;
  auto out = protect::reverse_digests(digests, space);
  ASSERT_EQ(out.size(), 4u);
  ASSERT_TRUE(out[0]);
  EXPECT_EQ(out[0]->plaintext, "111222333");
  EXPECT_TRUE(out[0]->bsn);
  ASSERT_TRUE(out[1]);
  EXPECT_EQ(out[1]->plaintext, "0612345678");
  EXPECT_FALSE(out[2]);
  EXPECT_FALSE(out[3]);
}

}  // namespace
}  // namespace bd::scan
