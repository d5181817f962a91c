// Dictionary: the literal-anchored detectors, run by Hyperscan in one pass over a
// block of text: Dutch/English health terms, a first-name dictionary (for names in
// free text), context labels that make a nearby number count (BSN, card, birth date,
// ID document) and encryption signatures.
//
// The Hyperscan database is compiled at build time and embedded in the library
// (dictionary_build.h); Dictionary::instance() deserializes it once per process, which
// takes about 2-3 ms (mostly first touches of the 630 KB image) where compiling takes
// about 90 ms. Each thread gets its own scratch space on first use (thread_local, freed
// when the thread ends). hs_database_t and hs_scratch_t live in RAII holders.
//
// Thread-safe: scan() may be called from any number of threads at once.
// Failure: if the embedded database is unusable (another libhs version, a platform it
// rejects, or term lists that changed without a rebuild), instance() compiles the
// database at run time as a fallback; if that fails too (a bug), it returns nullptr and
// callers skip dictionary detection. It never throws.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bd::scan::detect {

enum class TermKind : std::uint8_t {
  kHealth,         // health term (special category, GDPR Art. 9)
  kFirstName,      // a first name, matched case-sensitively with a capital
  kLabelBsn,       // "bsn", "burgerservicenummer", "sofinummer", ...
  kLabelCard,      // "creditcard", "kaartnummer", "visa", ...
  kLabelBirth,     // "geboortedatum", "geboren", "date of birth", "dob", ...
  kLabelDocument,  // "paspoort", "identiteitskaart", "documentnummer", ...
  kSignature,      // encryption container signatures ("-----BEGIN PGP MESSAGE", ...)
};

struct TermHit {
  std::uint32_t begin = 0;  // byte offset in the scanned block
  std::uint32_t end = 0;    // one past the last byte
  TermKind kind = TermKind::kHealth;
  std::uint16_t term = 0;   // index into Dictionary::term()
};

class Dictionary {
 public:
  // The process-wide dictionary, loaded on first call; nullptr if it could not be built.
  static const Dictionary* instance();

  ~Dictionary();
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  // Appends every hit in `text` (at most 2^32 bytes) that sits on word boundaries, in
  // order of end position.
  void scan(std::string_view text, std::vector<TermHit>& out) const;

  // True when the database in use is the embedded one, false after the run-time fallback.
  bool precompiled() const;

  std::string_view term(std::uint16_t id) const;
  TermKind kind(std::uint16_t id) const;
  // Exact (case-insensitive) health term for a whole short field, e.g. "Diabetes".
  bool is_health_term(std::string_view word) const;

  struct Impl;  // the compiled database and word lists (dictionary.cc)

 private:
  explicit Dictionary(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Particles of Dutch surnames that may sit between a first name and a surname.
bool is_surname_particle(std::string_view word);

}  // namespace bd::scan::detect
