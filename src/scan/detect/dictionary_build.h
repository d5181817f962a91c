// The expression set behind Dictionary (dictionary.h) and how it becomes a Hyperscan
// database. Shared by Dictionary, which loads the database at run time, and by the
// build-time generator (dictionary_gen.cc) that compiles and serializes it once, so both
// see the same terms, flags, ids and order.
//
// collect_expressions() returns views into the constants of terms.h (static storage);
// databases are owned by DatabasePtr. Everything here is a pure function: thread-safe.
// Failure: compile_expressions() returns nullptr if Hyperscan rejects the set (a bug in
// the term lists); it never throws.
#pragma once

#include <hs/hs.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "scan/detect/dictionary.h"

namespace bd::scan::detect {

struct DatabaseDeleter {
  void operator()(hs_database_t* db) const { hs_free_database(db); }
};
using DatabasePtr = std::unique_ptr<hs_database_t, DatabaseDeleter>;

// One entry per term; the Hyperscan id of terms[i] is i (the index into Dictionary::term()).
struct Expressions {
  std::vector<std::string_view> terms;
  std::vector<TermKind> kinds;
  std::vector<unsigned> flags;  // HS_FLAG_* per term
};

Expressions collect_expressions();

// A 64-bit FNV-1a digest of terms, kinds and flags in order: the embedded database is
// used only when it was built from an identical set.
std::uint64_t fingerprint(const Expressions& ex);

// Compiles a block-mode literal database for `platform` (nullptr: the running host).
DatabasePtr compile_expressions(const Expressions& ex, const hs_platform_info_t* platform);

// The platform the build compiles the embedded database for: generic tuning and no
// optional CPU features, so every host Hyperscan runs on accepts it. For these literal
// lists Hyperscan emits the same bytecode as for an AVX-512 host (only the platform
// word in the header differs), so nothing is lost in scan speed.
hs_platform_info_t portable_platform();

// The serialized database (hs_serialize_database) of collect_expressions(), compiled
// for portable_platform() at build time. Defined in the generated dictionary_db.cc,
// which only the bd_scan library contains (not the generator).
namespace precompiled {
extern const char kDatabase[];
extern const std::size_t kDatabaseSize;
extern const std::uint64_t kFingerprint;
}  // namespace precompiled

}  // namespace bd::scan::detect
