#include "scan/detect/dictionary.h"

#include <hs/hs.h>

#include <algorithm>
#include <unordered_set>

#include "scan/detect/dictionary_build.h"
#include "scan/detect/terms.h"

namespace bd::scan::detect {
namespace {

struct ScratchDeleter {
  void operator()(hs_scratch_t* s) const { hs_free_scratch(s); }
};
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
  bool precompiled = false;  // db came from the embedded, build-time compiled database
  std::vector<std::string> terms;
  std::vector<TermKind> kinds;
  std::unordered_set<std::string> health_words;
};

namespace {

// The database built into the library, if it was built from these very expressions and
// this libhs accepts it (hs_deserialize_database checks the version and the platform).
DatabasePtr load_precompiled(const Expressions& ex) {
  if (precompiled::kFingerprint != fingerprint(ex)) return nullptr;
  hs_database_t* db = nullptr;
  if (hs_deserialize_database(precompiled::kDatabase, precompiled::kDatabaseSize, &db) != HS_SUCCESS) {
    return nullptr;
  }
  return DatabasePtr(db);
}

std::unique_ptr<Dictionary::Impl> build() {
  const Expressions ex = collect_expressions();
  auto impl = std::make_unique<Dictionary::Impl>();
  impl->db = load_precompiled(ex);
  impl->precompiled = impl->db != nullptr;
  // Compiling here costs about 90 ms; it happens only when the embedded database is unusable.
  if (!impl->db) impl->db = compile_expressions(ex, nullptr);
  if (!impl->db) return nullptr;
  impl->terms.assign(ex.terms.begin(), ex.terms.end());
  impl->kinds = ex.kinds;
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

bool Dictionary::precompiled() const {
  return impl_->precompiled;
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
