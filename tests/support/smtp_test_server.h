// SmtpTestServer: starts tests/support/smtp_server.py (a real aiosmtpd server) on a free
// loopback port for the lifetime of the object and reads back what it received and
// what it saw (events: TLS, AUTH, MAIL, DATA). Options are the script's; "--starttls"
// and "--smtps" get the certificate directory filled in here; ca_file() is the CA to trust.
// Test-only; aborts the test (ADD_FAILURE + empty port) when the server won't start.
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace bd::testing {

class SmtpTestServer {
 public:
  explicit SmtpTestServer(std::vector<std::string> extra_args = {}) {
    dir_ = std::filesystem::temp_directory_path() /
           ("bd-smtp-" + std::to_string(getpid()) + "-" + std::to_string(counter()++));
    std::filesystem::create_directories(dir_ / "mail");
    const std::string port_file = (dir_ / "port").string();
    std::vector<std::string> args = {"/usr/bin/python3", std::string(BD_SOURCE_DIR) + "/tests/support/smtp_server.py",
                                     "--dir", (dir_ / "mail").string(), "--port-file", port_file};
    for (auto& arg : extra_args) {
      args.push_back(arg);
      if (arg == "--starttls" || arg == "--smtps") args.push_back((dir_ / "tls").string());
    }
    pid_ = fork();
    if (pid_ == 0) {
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    // Making the certificate takes a moment on a busy machine.
    for (int i = 0; i < 400 && port_ == 0; ++i) {
      std::ifstream in(port_file);
      if (in >> port_) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    if (port_ == 0) ADD_FAILURE() << "SMTP test server did not start";
  }
  ~SmtpTestServer() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  SmtpTestServer(const SmtpTestServer&) = delete;
  SmtpTestServer& operator=(const SmtpTestServer&) = delete;

  int port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

  // The private CA that signed the server's certificate (with "--starttls" or "--smtps").
  std::string ca_file() const { return (dir_ / "tls" / "ca.pem").string(); }

  // What the server saw so far, one line per event (see smtp_server.py).
  std::vector<std::string> events() const {
    std::vector<std::string> lines;
    std::ifstream in(dir_ / "mail" / "events.log");
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }

  // The raw messages received so far, in order of acceptance.
  std::vector<std::string> messages() const {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir_ / "mail")) {
      if (e.path().extension() == ".eml") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> out;
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      out.push_back(ss.str());
    }
    return out;
  }

 private:
  static int& counter() {
    static int n = 0;
    return n;
  }
  std::filesystem::path dir_;
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace bd::testing
