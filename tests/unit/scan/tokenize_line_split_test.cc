// The JSON and text tokenizers report the same events wherever the input is cut into
// chunks (the text tokenizer even the same blocks, as text_blocks.h chains them), and
// an NDJSON tokenizer primed where a file may be split (json_resume.h) reports what the
// whole file's does after that point, with the same columns in the same order.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "scan/tokenize/json_resume.h"
#include "scan/tokenize/record_handler.h"
#include "scan/tokenize/text_blocks.h"
#include "support/tokenize_chunks.h"

namespace bd::scan::tokenize {
namespace {

// Logs every event with the column's key; consecutive texts are joined (a long value
// goes out in pieces). `muted` drops events (a prime's).
class KeyLog final : public RecordHandler {
 public:
  void on_table(std::string_view, const std::vector<std::string>&) override {}
  std::size_t column_for_key(std::string_view key) override {
    auto [it, added] = index_.emplace(std::string(key), names.size());
    if (added) names.emplace_back(key);
    return it->second;
  }
  void on_field(std::size_t column, std::string_view value) override {
    add("field " + names[column] + " [" + std::string(value) + "]");
  }
  void on_record_end() override { add("end"); }
  void on_text(std::string_view text) override {
    if (!muted) text_ += text;
  }
  void on_problem(std::string_view reason) override { add("problem " + std::string(reason)); }

  std::vector<std::string> done() {
    add("");
    events.pop_back();
    return events;
  }

  std::vector<std::string> events;
  std::vector<std::string> names;
  bool muted = false;

 private:
  void add(std::string e) {
    if (muted) return;
    if (!text_.empty()) events.push_back("text [" + text_ + "]");
    text_.clear();
    events.push_back(std::move(e));
  }
  std::string text_;
  std::map<std::string, std::size_t> index_;
};

std::vector<std::string> events(Format format, std::string_view data, const std::vector<std::size_t>& cuts) {
  return testing::events_in_chunks<KeyLog>(format, data, cuts);
}

void expect_chunk_invariant(Format format, const std::string& data) {
  std::vector<std::string> whole = events(format, data, {});
  for (std::size_t a = 1; a < data.size(); ++a) {
    ASSERT_EQ(events(format, data, {a}), whole) << "cut at " << a << " of: " << data;
  }
  std::vector<std::size_t> bytes;
  for (std::size_t i = 1; i < data.size(); ++i) bytes.push_back(i);
  ASSERT_EQ(events(format, data, bytes), whole) << "one-byte chunks of: " << data;
}

const std::string kNdjson =
    "{\"naam\":\"Zo\\u00eb \\\"Z\\\"\",\"adres\":{\"postcode\":\"1234 "
    "AB\",\"nr\":12},\"tags\":[\"a\",{\"x\":null}]}\r\n"
    "\n[1,{\"y\":true}]\n{\"a\"}\n{\"b\":\"c\"}\nnot json\n{\"open\":\"x\n\"}\n{\"k\":-1.5e3}";

TEST(ScanTokenizeLineSplit, JsonEventsDoNotDependOnChunks) {
  expect_chunk_invariant(Format::kNdjson, kNdjson);
  expect_chunk_invariant(Format::kJson, "[{\"a\":{\"b\":[1,2]},\"c\":\"d\\u0041\"},{\"e\":null}]");
}

TEST(ScanTokenizeLineSplit, LongJsonKeysAndValuesDoNotDependOnChunks) {
  std::string key(300, 'k');
  std::string value(kMaxField + 5000, 'v');
  std::string line = "{\"" + key + "\":\"" + value + "\"}\n";
  std::vector<std::string> whole = events(Format::kNdjson, line, {});
  for (std::size_t cut : {std::size_t{1}, std::size_t{100}, std::size_t{200}, std::size_t{310},
                          std::size_t{5000}, std::size_t{kMaxField}, line.size() - 3}) {
    ASSERT_EQ(events(Format::kNdjson, line, {cut}), whole) << cut;
    ASSERT_EQ(events(Format::kNdjson, line, {cut / 2, cut}), whole) << cut;
  }
  ASSERT_EQ(whole.size(), 3u);  // the value's head as text, the field, the end
  EXPECT_EQ(whole[1].substr(0, 6 + 256 + 2), "field " + std::string(256, 'k') + " [");
}

// Every on_text call, as it is.
class Blocks final : public RecordHandler {
 public:
  void on_table(std::string_view, const std::vector<std::string>&) override {}
  std::size_t column_for_key(std::string_view) override { return 0; }
  void on_field(std::size_t, std::string_view) override {}
  void on_record_end() override {}
  void on_text(std::string_view text) override { blocks.emplace_back(text); }
  void on_problem(std::string_view) override {}
  std::vector<std::string> blocks;
};

std::vector<std::string> text_blocks(const std::string& text, std::size_t chunk) {
  Blocks b;
  auto tok = make_text_tokenizer(b);
  for (std::size_t at = 0; at < text.size(); at += chunk) tok->feed(std::string_view(text).substr(at, chunk));
  tok->finish();
  return b.blocks;
}

TEST(ScanTokenizeLineSplit, TextBlocksFollowTheChainWhateverTheChunks) {
  std::mt19937 rng(7);
  std::string text;
  while (text.size() < 3 * kMaxField) {
    std::size_t len = rng() % 50 == 0 ? rng() % (kMaxField + kMaxField / 2) : rng() % 200;
    bool spaced = rng() % 2 == 0;
    for (std::size_t i = 0; i < len; ++i)
      text.push_back(spaced && i % 9 == 8 ? ' ' : static_cast<char>('a' + i % 26));
    text += rng() % 5 == 0 ? "\r\n" : "\n";
  }
  text += "laatste regel";
  std::vector<std::string> chain;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t len = text_block_length(std::string_view(text).substr(at, kMaxField));
    if (len == 0) len = text.size() - at;
    chain.push_back(text.substr(at, len));
    at += len;
  }
  for (std::size_t chunk : {std::size_t{1} << 30, std::size_t{65536}, std::size_t{100003}, std::size_t{4093},
                            std::size_t{kMaxField}, std::size_t{kMaxField + 1}}) {
    EXPECT_TRUE(text_blocks(text, chunk) == chain) << "chunks of " << chunk;
  }
}

// At each line end where JsonPrefix allows a cut: the whole file's events after it,
// and those of a fresh tokenizer that read the prime first.
int expect_prime_resumes(const std::string& ndjson) {
  int cuts = 0;
  JsonPrefix prefix;
  std::size_t fed = 0;
  for (std::size_t at = ndjson.find('\n'); at != std::string::npos; at = ndjson.find('\n', at + 1)) {
    prefix.feed(std::string_view(ndjson).substr(fed, at + 1 - fed));
    fed = at + 1;
    if (!prefix.at_cut()) continue;
    std::optional<std::string> prime = prefix.prime();
    if (!prime) continue;
    ++cuts;
    KeyLog whole;
    auto t = make_json_tokenizer(whole, true);
    whole.muted = true;
    t->feed(std::string_view(ndjson).substr(0, fed));
    whole.muted = false;
    std::vector<std::string> names_at_cut = whole.names;
    t->feed(std::string_view(ndjson).substr(fed));
    t->finish();
    KeyLog resumed;
    auto r = make_json_tokenizer(resumed, true);
    resumed.muted = true;
    r->feed(*prime);
    resumed.muted = false;
    EXPECT_EQ(resumed.names, names_at_cut) << "cut at " << fed;
    r->feed(std::string_view(ndjson).substr(fed));
    r->finish();
    EXPECT_EQ(resumed.done(), whole.done()) << "cut at " << fed << " of: " << ndjson;
    EXPECT_EQ(resumed.names, whole.names) << "cut at " << fed;
  }
  return cuts;
}

TEST(ScanTokenizeLineSplit, APrimedNdjsonTokenizerResumesAtEveryCut) {
  std::string deep = std::string(70, '[') + std::string(70, ']') + "\n";
  std::string nested = "{\"" + std::string(200, 'p') + "\":{\"" + std::string(200, 'q') +
                       "\":{\"x.y\":1}},\"q\\\"\\\\\\u0001\":2}\n";
  EXPECT_GE(expect_prime_resumes(kNdjson + "\n" + deep + "{oops\n" + nested + kNdjson + "\n"), 8);
}

TEST(ScanTokenizeLineSplit, RandomNdjsonResumesAtEveryCut) {
  std::mt19937 rng(20261207);
  const std::vector<std::string> pieces = {"{",  "}",       "[",  "]",  "\"",      "\"bsn\"",      ":",
                                           ",",  "\"111\"", "\n", "\n", "\r\n",    "null",         "12",
                                           "\\", "\\u00e9", "x",  " ",  "{\"a\":", "\"k\":{\"l\":"};
  int cuts = 0;
  for (int round = 0; round < 200; ++round) {
    std::string ndjson;
    int n = 20 + static_cast<int>(rng() % 120);
    for (int i = 0; i < n; ++i) ndjson += pieces[rng() % pieces.size()];
    SCOPED_TRACE("round " + std::to_string(round));
    cuts += expect_prime_resumes(ndjson);
    if (::testing::Test::HasFailure()) break;
  }
  EXPECT_GE(cuts, 200);
}

}  // namespace
}  // namespace bd::scan::tokenize
