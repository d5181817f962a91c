// Synthetic Dutch identities for the scanner's test and benchmark corpora: BSNs with a
// valid (or deliberately broken) 11-check, NL IBANs with mod-97 check digits, payment
// cards with Luhn digits and real issuer prefixes, phone numbers in every common
// layout, postcodes, names with particles. Deterministic for a given seed.
//
// Not thread-safe (one Rng per generator). Never fails.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace bd::gen {

// splitmix64-seeded xoshiro256**: the same stream on every platform and compiler.
class Rng {
 public:
  explicit Rng(std::uint64_t seed);
  std::uint64_t next();
  std::uint64_t below(std::uint64_t n) { return next() % n; }  // n > 0
  bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }
  template <typename T, std::size_t N>
  const T& pick(const T (&items)[N]) { return items[below(N)]; }

 private:
  std::uint64_t s_[4];
};

std::string digits(Rng& rng, int n);  // n random decimal digits

bool bsn_valid(std::string_view nine);
std::string make_bsn(Rng& rng, bool leading_zero);  // valid, 9 digits
std::string break_check(Rng& rng, const std::string& number);  // one digit changed

bool iban_valid(std::string_view compact);
std::string make_iban(Rng& rng);  // valid NL IBAN, compact
std::string group4(std::string_view compact);  // "NL91 ABNA 0417 1643 00"

bool luhn_valid(std::string_view digits);
std::string make_card(Rng& rng);  // Visa/Mastercard/Amex digits, Luhn-valid
std::string make_imei(Rng& rng);  // 15 digits starting 35, Luhn-valid (a trap)

struct Phone {
  std::string shown;       // as written
  std::string normalised;  // 0 + 9 digits
};
Phone make_phone(Rng& rng);

std::string make_postcode(Rng& rng);  // "1234 AB" or "1234AB"

}  // namespace bd::gen
