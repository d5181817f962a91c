#include "scan/detect/dictionary.h"

#include <hs/hs.h>

#include <algorithm>
#include <unordered_set>

#include "scan/detect/terms.h"

namespace bd::scan::detect {
namespace {

struct DatabaseDeleter {
  void operator()(hs_database_t* db) const { hs_free_database(db); }
};
struct ScratchDeleter {
  void operator()(hs_scratch_t* s) const { hs_free_scratch(s); }
};
using DatabasePtr = std::unique_ptr<hs_database_t, DatabaseDeleter>;
using ScratchPtr = std::unique_ptr<hs_scratch_t, ScratchDeleter>;

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

struct Dictionary::Impl {
  DatabasePtr db;
  std::vector<std::string> terms;
  std::vector<TermKind> kinds;
  std::unordered_set<std::string> health_words;
};

namespace {

void add_terms(Dictionary::Impl& impl, std::vector<unsigned>& flags, TermKind kind,
               const std::string_view* begin, const std::string_view* end, unsigned flag) {
  for (const auto* it = begin; it != end; ++it) {
    impl.terms.emplace_back(*it);
    impl.kinds.push_back(kind);
    flags.push_back(flag);
  }
}

std::unique_ptr<Dictionary::Impl> build() {
  auto impl = std::make_unique<Dictionary::Impl>();
  std::vector<unsigned> flags;
  const unsigned ci = HS_FLAG_CASELESS;
  add_terms(*impl, flags, TermKind::kHealth, std::begin(terms::kHealth), std::end(terms::kHealth), ci);
  add_terms(*impl, flags, TermKind::kFirstName, std::begin(terms::kFirstNames), std::end(terms::kFirstNames), 0);
  add_terms(*impl, flags, TermKind::kLabelBsn, std::begin(terms::kLabelBsn), std::end(terms::kLabelBsn), ci);
  add_terms(*impl, flags, TermKind::kLabelCard, std::begin(terms::kLabelCard), std::end(terms::kLabelCard), ci);
  add_terms(*impl, flags, TermKind::kLabelBirth, std::begin(terms::kLabelBirth), std::end(terms::kLabelBirth), ci);
  add_terms(*impl, flags, TermKind::kLabelDocument, std::begin(terms::kLabelDocument),
            std::end(terms::kLabelDocument), ci);
  add_terms(*impl, flags, TermKind::kSignature, std::begin(terms::kSignatures), std::end(terms::kSignatures), 0);
  std::vector<const char*> exprs;
  std::vector<std::size_t> lens;
  std::vector<unsigned> ids;
  for (std::size_t i = 0; i < impl->terms.size(); ++i) {
    exprs.push_back(impl->terms[i].data());
    lens.push_back(impl->terms[i].size());
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* err = nullptr;
  if (hs_compile_lit_multi(exprs.data(), flags.data(), ids.data(), lens.data(),
                           static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK, nullptr, &db, &err) != HS_SUCCESS) {
    hs_free_compile_error(err);
    return nullptr;
  }
  impl->db.reset(db);
  for (auto t : terms::kHealth) impl->health_words.insert(std::string(t));
  return impl;
}

struct ScanContext {
  const Dictionary::Impl* impl;
  std::string_view text;
  std::vector<TermHit>* out;
};

int on_match(unsigned id, unsigned long long /*from*/, unsigned long long to, unsigned /*flags*/, void* ctx) {
  auto* c = static_cast<ScanContext*>(ctx);
  const std::string& term = c->impl->terms[id];
  std::size_t end = static_cast<std::size_t>(to);
  std::size_t begin = end - term.size();
  auto first = static_cast<unsigned char>(term.front());
  auto last = static_cast<unsigned char>(term.back());
  // Word boundaries, except where the term itself starts or ends in punctuation.
  if (is_word_byte(first) && begin > 0 && is_word_byte(static_cast<unsigned char>(c->text[begin - 1]))) return 0;
  if (is_word_byte(last) && end < c->text.size() && is_word_byte(static_cast<unsigned char>(c->text[end]))) return 0;
  c->out->push_back(TermHit{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end),
                            c->impl->kinds[id], static_cast<std::uint16_t>(id)});
  return 0;
}

}  // namespace

Dictionary::Dictionary(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Dictionary::~Dictionary() = default;

const Dictionary* Dictionary::instance() {
  static const std::unique_ptr<Dictionary> dict = []() -> std::unique_ptr<Dictionary> {
    auto impl = build();
    if (!impl) return nullptr;
    return std::unique_ptr<Dictionary>(new Dictionary(std::move(impl)));
  }();
  return dict.get();
}

void Dictionary::scan(std::string_view text, std::vector<TermHit>& out) const {
  if (text.empty()) return;
  thread_local ScratchPtr scratch;
  if (!scratch) {
    hs_scratch_t* s = nullptr;
    if (hs_alloc_scratch(impl_->db.get(), &s) != HS_SUCCESS) return;
    scratch.reset(s);
  }
  ScanContext ctx{impl_.get(), text, &out};
  std::size_t first = out.size();
  hs_scan(impl_->db.get(), text.data(), static_cast<unsigned>(text.size()), 0, scratch.get(), on_match, &ctx);
  std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                   [](const TermHit& a, const TermHit& b) { return a.end < b.end; });
}

std::string_view Dictionary::term(std::uint16_t id) const { return impl_->terms[id]; }
TermKind Dictionary::kind(std::uint16_t id) const { return impl_->kinds[id]; }

bool Dictionary::is_health_term(std::string_view word) const {
  if (word.size() > 40) return false;
  return impl_->health_words.count(lower_ascii(word)) != 0;
}

bool is_surname_particle(std::string_view word) {
  std::string low = lower_ascii(word);
  return std::find(std::begin(terms::kSurnameParticles), std::end(terms::kSurnameParticles), low) !=
         std::end(terms::kSurnameParticles);
}

}  // namespace bd::scan::detect
