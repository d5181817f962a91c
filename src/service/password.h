// Password and token primitives (libsodium): argon2id hashing, the password rules,
// generated passwords, random tokens and their stored BLAKE2b hashes.
//
// Pure functions over libsodium; thread-safe once sodium_init() has run (ensure_sodium()
// does it and is itself thread-safe). Hashing is deliberately slow (see AuthOptions).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/result.h"

namespace bd::service {

// Initialises libsodium once; kInternal if it cannot.
Status ensure_sodium();

// The password rules: at least 12 characters (code points), at most 1024 bytes, not
// the same as the e-mail address. kInvalidInput (field "password") with a Dutch message.
Status check_password_rules(std::string_view password, std::string_view email = {});

// argon2id encoded hash ("$argon2id$v=19$…"). kInternal when out of memory.
Result<std::string> hash_password(std::string_view password, unsigned long long opslimit, std::size_t memlimit);

// True when `password` matches `encoded`; false on any mismatch or malformed hash.
bool verify_password(std::string_view encoded, std::string_view password);

// True when `encoded` was made with other argon2id limits (or another algorithm) than
// these, so it should be re-hashed after the next successful login.
bool needs_rehash(std::string_view encoded, unsigned long long opslimit, std::size_t memlimit);

// A random password of 20 characters from an unambiguous alphabet, which passes the rules.
std::string generate_password();

// 32 random bytes, base64url without padding (43 characters).
std::string random_token();

// Hex BLAKE2b-256 of a token: what is stored and looked up instead of the token.
std::string token_hash(std::string_view token);

// Constant-time equality of two strings (length may leak, content does not).
bool secure_equals(std::string_view a, std::string_view b);

}  // namespace bd::service
