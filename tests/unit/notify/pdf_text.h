// Test helper: the text of a PDF as pdftotext (poppler-utils) extracts it, so tests
// check what a reader of the document sees. Header-only: bd_test compiles *_test.cc.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace bd::notify {

// Runs pdftotext on the bytes; empty when the tool fails.
inline std::string pdf_to_text(const std::string& pdf) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("bd_pdf_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "n.pdf", std::ios::binary) << pdf;
  const std::string cmd = "pdftotext -layout '" + (dir / "n.pdf").string() + "' '" + (dir / "n.txt").string() + "'";
  std::string text;
  if (std::system(cmd.c_str()) == 0) {
    std::ifstream in(dir / "n.txt");
    std::ostringstream s;
    s << in.rdbuf();
    text = s.str();
  }
  if (std::getenv("BD_KEEP_PDF") == nullptr) std::filesystem::remove_all(dir);
  return text;
}

}  // namespace bd::notify
