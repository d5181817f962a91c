#include "service/password.h"

#include <sodium.h>

#include <array>
#include <mutex>

namespace bd::service {
namespace {

constexpr std::size_t kMinPasswordChars = 12;
constexpr std::size_t kMaxPasswordBytes = 1024;
constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kHashBytes = 32;

// Counts UTF-8 code points (bytes that do not continue a sequence).
std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0u) != 0x80u) ++n;
  }
  return n;
}

bool equals_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

Status ensure_sodium() {
  static std::once_flag once;
  static int result = -1;
  std::call_once(once, [] { result = sodium_init(); });
  if (result < 0) return Error::internal("sodium_init failed");
  return {};
}

Status check_password_rules(std::string_view password, std::string_view email) {
  if (password.size() > kMaxPasswordBytes) {
    return Error::invalid("password", "Het wachtwoord is te lang (maximaal 1024 tekens).");
  }
  if (code_points(password) < kMinPasswordChars) {
    return Error::invalid("password", "Het wachtwoord moet minstens 12 tekens lang zijn.");
  }
  if (!email.empty() && equals_ignore_case(password, email)) {
    return Error::invalid("password", "Het wachtwoord mag niet gelijk zijn aan het e-mailadres.");
  }
  return {};
}

Result<std::string> hash_password(std::string_view password, unsigned long long opslimit, std::size_t memlimit) {
  BD_TRY(ensure_sodium());
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), opslimit, memlimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Error::internal("crypto_pwhash_str_alg failed (out of memory?)");
  }
  return std::string(out.data());
}

bool verify_password(std::string_view encoded, std::string_view password) {
  if (!ensure_sodium().ok() || encoded.empty() || encoded.size() >= crypto_pwhash_STRBYTES) return false;
  std::array<char, crypto_pwhash_STRBYTES> buf{};
  encoded.copy(buf.data(), encoded.size());
  return crypto_pwhash_str_verify(buf.data(), password.data(), password.size()) == 0;
}

bool needs_rehash(std::string_view encoded, unsigned long long opslimit, std::size_t memlimit) {
  if (!ensure_sodium().ok() || encoded.empty() || encoded.size() >= crypto_pwhash_STRBYTES) return true;
  std::array<char, crypto_pwhash_STRBYTES> buf{};
  encoded.copy(buf.data(), encoded.size());
  return crypto_pwhash_str_needs_rehash(buf.data(), opslimit, memlimit) != 0;
}

std::string generate_password() {
  // No 0/O, 1/l/I: the password is read off a terminal and typed in.
  static constexpr std::string_view kAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  (void)ensure_sodium();
  std::string out;
  out.reserve(20);
  for (int i = 0; i < 20; ++i) {
    out.push_back(kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))]);
  }
  return out;
}

std::string random_token() {
  (void)ensure_sodium();
  std::array<unsigned char, kTokenBytes> raw{};
  randombytes_buf(raw.data(), raw.size());
  std::array<char, sodium_base64_ENCODED_LEN(kTokenBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)> out{};
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(raw.data(), raw.size());
  return std::string(out.data());
}

std::string token_hash(std::string_view token) {
  (void)ensure_sodium();
  std::array<unsigned char, kHashBytes> digest{};
  crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  std::array<char, kHashBytes * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data());
}

bool secure_equals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace bd::service
