#include "scan/detect/dictionary_build.h"

#include "scan/detect/terms.h"

namespace bd::scan::detect {
namespace {

template <std::size_t N>
void add_terms(Expressions& ex, TermKind kind, const std::string_view (&list)[N], unsigned flag) {
  for (std::string_view t : list) {
    ex.terms.push_back(t);
    ex.kinds.push_back(kind);
    ex.flags.push_back(flag);
  }
}

void mix(std::uint64_t& h, const void* data, std::size_t n) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < n; ++i) {
    h ^= p[i];
    h *= 0x100000001b3ULL;
  }
}

}  // namespace

Expressions collect_expressions() {
  Expressions ex;
  const unsigned ci = HS_FLAG_CASELESS;
  add_terms(ex, TermKind::kHealth, terms::kHealth, ci);
  add_terms(ex, TermKind::kFirstName, terms::kFirstNames, 0);
  add_terms(ex, TermKind::kLabelBsn, terms::kLabelBsn, ci);
  add_terms(ex, TermKind::kLabelCard, terms::kLabelCard, ci);
  add_terms(ex, TermKind::kLabelBirth, terms::kLabelBirth, ci);
  add_terms(ex, TermKind::kLabelDocument, terms::kLabelDocument, ci);
  add_terms(ex, TermKind::kSignature, terms::kSignatures, 0);
  return ex;
}

std::uint64_t fingerprint(const Expressions& ex) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (std::size_t i = 0; i < ex.terms.size(); ++i) {
    // The length first, so that term boundaries are part of the digest.
    const std::uint64_t len = ex.terms[i].size();
    const auto kind = static_cast<std::uint8_t>(ex.kinds[i]);
    const std::uint32_t flag = ex.flags[i];
    mix(h, &len, sizeof len);
    mix(h, ex.terms[i].data(), ex.terms[i].size());
    mix(h, &kind, sizeof kind);
    mix(h, &flag, sizeof flag);
  }
  return h;
}

DatabasePtr compile_expressions(const Expressions& ex, const hs_platform_info_t* platform) {
  std::vector<const char*> exprs;
  std::vector<std::size_t> lens;
  std::vector<unsigned> ids;
  for (std::size_t i = 0; i < ex.terms.size(); ++i) {
    exprs.push_back(ex.terms[i].data());
    lens.push_back(ex.terms[i].size());
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* err = nullptr;
  const auto count = static_cast<unsigned>(exprs.size());
  if (hs_compile_lit_multi(exprs.data(), ex.flags.data(), ids.data(), lens.data(), count, HS_MODE_BLOCK,
                           platform, &db, &err) != HS_SUCCESS) {
    hs_free_compile_error(err);
    return nullptr;
  }
  return DatabasePtr(db);
}

hs_platform_info_t portable_platform() {
  hs_platform_info_t p{};
  p.tune = HS_TUNE_FAMILY_GENERIC;
  p.cpu_features = 0;
  return p;
}

}  // namespace bd::scan::detect
