// Person: one synthetic Dutch person with every identifier the scanner looks for,
// regenerated from (seed, id) alone so a corpus of millions of rows needs no memory
// for them, and PersonFields/count_record: what one record shows of a person and how
// that record counts in the Truth. Not thread-safe (a Truth is single-threaded).
#pragma once

#include <cstdint>
#include <string>

#include "identity.h"
#include "truth.h"

namespace bd::gen {

struct Person {
  std::uint64_t id = 0;
  std::string first, last, street, house, postcode, city;
  std::string bsn;    // as stored (9 digits; a typo in ~2%)
  bool bsn_ok = true;
  std::string iban;   // compact; corrupted in ~1%
  bool iban_ok = true;
  std::string email;
  Phone phone;
  std::string birth_iso, birth_shown;
  std::string card, card_digits;  // shown (maybe grouped) and digits; empty in ~90%
  bool card_ok = true;
  std::string password_hash;
  std::string ip;
};

Person make_person(std::uint64_t seed, std::uint64_t id);

enum PersonField : unsigned {
  kFieldName = 1, kFieldAddress = 2, kFieldBsn = 4, kFieldIban = 8, kFieldEmail = 16, kFieldPhone = 32,
  kFieldBirth = 64, kFieldCard = 128, kFieldPassword = 256, kFieldIp = 512, kFieldAll = 1023,
};

// Counts one record of `p` in `file` that shows `fields` (plus `extra` category
// values, e.g. a health term in a note).
void count_record(Truth& truth, const std::string& file, const Person& p, unsigned fields,
                  const std::string& health_term = {});

std::string compact_postcode(const std::string& postcode);
std::string lower(std::string s);

}  // namespace bd::gen
