// scan_text: detection in free text (log lines, notes, any field without a known
// role). One Hyperscan pass finds health terms, first names, context labels and
// encryption signatures; one digit pass (scan/detect/digit_pass.h) finds digit runs and
// '@'. Candidates are validated exactly; context-bound categories count only near
// their label:
//   BSN            9 digits (or 8, or 1234.56.782) within 40 bytes after "BSN",
//                  "burgerservicenummer", ...; also inside NL#########B## VAT ids
//   payment card   within 60 bytes after "creditcard", "kaartnummer", "visa", ...
//   birth date     within 30 bytes after "geboren", "geboortedatum", "date of birth"
//   ID document    the token right after "paspoort", "documentnummer", ...
//   name           a dictionary first name followed by a capitalised surname
//                  (particles like "van der" allowed)
//   postcode       followed by a capitalised place name, or preceded by ", "
// IBANs, e-mail addresses, Dutch phone numbers, IPv4 addresses and health terms count
// anywhere.
//
// Thread-safe (uses per-thread Hyperscan scratch). Never fails; text of any size.
#pragma once

#include <string_view>
#include <vector>

#include "scan/detect/dictionary.h"
#include "scan/detect/hits.h"

namespace bd::scan::detect {

struct TextOptions {
  bool card_context = false;  // the whole text is in card context (a card column)
  bool bsn_context = false;   // the whole text is in BSN context (a BSN column)
  bool words = true;          // run the dictionary pass (false for hex/digit-only fields)
  // Digit runs that cannot start a value are skipped by their byte classes, 64 bytes
  // at a time, instead of one by one. The same hits either way: tests compare the two
  // walks with this off.
  bool mask_walk = true;
};

// Reusable buffers, so that scanning many small fields allocates nothing.
struct TextScratch {
  std::vector<TermHit> terms;
};

void scan_text(std::string_view text, const TextOptions& options, TextScratch& scratch,
               std::vector<Hit>& hits, Signals& signals);

// Whether `text` is a plain number: an optional '-', then digits with at most one '.'
// or ',' among them, 9 digits at most.
bool is_plain_number(std::string_view text);
// Whether `text` is a UUID: 8-4-4-4-12 hexadecimal digits.
bool is_uuid(std::string_view text);
// Whether `text` is an ISO 8601 timestamp from the years 1000 to 2999: YYYY-MM-DD,
// 'T' or ' ', hh:mm, optionally :ss (no fraction), optionally 'Z' or an offset
// (+hh:mm, +hhmm, +hh).
bool is_timestamp(std::string_view text);
// Whether `text` has one of the shapes above. scan_text finds nothing in such a text
// when the options give no context: no value that counts without a label is that
// short or shaped so (a Dutch phone number has 10 digits in a row, an IPv4 address
// three dots, an IBAN its country's letters, an e-mail address an '@'), a birth date
// counts only after its label, and no word of the dictionary is in them. So callers
// skip them: ids, amounts, order numbers, UUIDs and timestamps are a large part of
// many tables. A test holds this against scan_text.
bool holds_no_value(std::string_view text);

// Helpers shared with the field classifier.
std::uint64_t key_for_number(Category category, std::uint64_t number);
std::uint64_t key_for_text(Category category, std::string_view normalised);
// key_for_text of `text` with ASCII 'A'..'Z' lower-cased (no copy is made).
std::uint64_t key_for_lower_text(Category category, std::string_view text);

}  // namespace bd::scan::detect
