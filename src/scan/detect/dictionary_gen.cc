// Build-time generator (not part of bd_scan): compiles the dictionary's Hyperscan
// database for the portable platform and writes it as a C++ source defining the
// precompiled:: symbols of dictionary_build.h.
//
// Usage: bd_dictionary_gen OUT.cc. The file is rewritten only when its content changes,
// so an unchanged database is not recompiled. Exit status 1 (and a message on stderr)
// when the database does not compile or the file cannot be written.
#include <hs/hs.h>

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include "scan/detect/dictionary_build.h"

namespace {

using bd::scan::detect::collect_expressions;
using bd::scan::detect::compile_expressions;
using bd::scan::detect::DatabasePtr;
using bd::scan::detect::Expressions;
using bd::scan::detect::fingerprint;
using bd::scan::detect::portable_platform;

struct FreeDeleter {
  void operator()(char* p) const { std::free(p); }
};

// Printable bytes as themselves, the rest as three-digit octal escapes (which never
// swallow a following digit), 100 bytes per line.
std::string string_literal_lines(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 3);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i % 100 == 0) out += i == 0 ? "    \"" : "\"\n    \"";
    auto c = static_cast<unsigned char>(bytes[i]);
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '?') {
      out += static_cast<char>(c);
    } else {
      char esc[5];
      std::snprintf(esc, sizeof esc, "\\%03o", c);
      out += esc;
    }
  }
  out += "\"";
  return out;
}

std::string source_text(std::string_view bytes, std::uint64_t digest) {
  char fp[32];
  std::snprintf(fp, sizeof fp, "0x%016" PRIx64 "ULL", digest);
  std::string s =
      "// Generated at build time by bd_dictionary_gen from scan/detect/terms.h; do not edit.\n"
      "// The serialized Hyperscan database of the scanner's dictionary (generic platform).\n"
      "#include \"scan/detect/dictionary_build.h\"\n\n"
      "#pragma GCC diagnostic ignored \"-Woverlength-strings\"\n\n"
      "namespace bd::scan::detect::precompiled {\n\n"
      "const char kDatabase[] =\n";
  s += string_literal_lines(bytes);
  s += ";\nconst std::size_t kDatabaseSize = " + std::to_string(bytes.size()) + ";\n";
  s += "const std::uint64_t kFingerprint = " + std::string(fp) + ";\n\n";
  s += "}  // namespace bd::scan::detect::precompiled\n";
  return s;
}

bool write_if_changed(const std::filesystem::path& path, const std::string& text) {
  {
    // Read through a stringstream: g++ 12 warns (-Wnull-dereference) about an
    // istreambuf_iterator range inlined here at -O2.
    std::ifstream in(path, std::ios::binary);
    std::ostringstream old;
    if (in && (old << in.rdbuf()) && old.str() == text) return true;
  }
  const std::filesystem::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) return false;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  return !ec;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: bd_dictionary_gen OUT.cc\n");
    return 2;
  }
  const Expressions ex = collect_expressions();
  const hs_platform_info_t platform = portable_platform();
  DatabasePtr db = compile_expressions(ex, &platform);
  if (!db) {
    std::fprintf(stderr, "bd_dictionary_gen: the dictionary does not compile\n");
    return 1;
  }
  char* raw = nullptr;
  std::size_t size = 0;
  if (hs_serialize_database(db.get(), &raw, &size) != HS_SUCCESS) {
    std::fprintf(stderr, "bd_dictionary_gen: hs_serialize_database failed\n");
    return 1;
  }
  std::unique_ptr<char, FreeDeleter> bytes(raw);
  if (!write_if_changed(argv[1], source_text(std::string_view(bytes.get(), size), fingerprint(ex)))) {
    std::fprintf(stderr, "bd_dictionary_gen: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}
