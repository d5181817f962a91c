// The mail options of `serve` and `mail send`: parsed by CLI11 as on the command line,
// then turned into the SMTP configuration — or refused, naming the option.
#include "cli/mail_options.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace bd::cli {
namespace {

class MailOptionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "bd-mailopt-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
    write("ca.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    write("not-a-ca.txt", "hello\n");
    write("smtp.pw", "geheim\n");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void write(const std::string& name, const std::string& text) { std::ofstream(dir_ + "/" + name) << text; }
  std::string path(const std::string& name) const { return dir_ + "/" + name; }

  // Parses the arguments as `mail send` would, then sets the mail up.
  Result<MailSetup> setup(std::vector<std::string> args) {
    CLI::App app;
    MailFlags flags;
    add_mail_options(app, flags);
    args.insert(args.begin(), "mail");
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    app.parse(static_cast<int>(argv.size()), argv.data());
    return mail_setup(flags);
  }
  static std::string field_of(const Result<MailSetup>& r) { return r.ok() ? "(ok)" : r.error().field; }

  std::string dir_;
};

TEST_F(MailOptionsTest, LoginWithStartTlsAndAPrivateCa) {
  auto r = setup({"--smtp-url", "smtp://mail.example.nl:587", "--smtp-user", "breachdesk",
                  "--smtp-password-file", path("smtp.pw"), "--smtp-ca-file", path("ca.pem")});
  ASSERT_TRUE(r.ok()) << r.error().field << ": " << r.error().message;
  ASSERT_TRUE(r->smtp.has_value());
  EXPECT_EQ(r->smtp->starttls, notify::StartTls::kRequired) << "the default";
  EXPECT_EQ(r->smtp->username, "breachdesk");
  EXPECT_EQ(r->smtp->password, "geheim");
  EXPECT_EQ(r->smtp->ca_file, path("ca.pem"));
}

TEST_F(MailOptionsTest, ACaFileThatCannotBeUsedIsNamed) {
  EXPECT_EQ(field_of(setup({"--smtp-url", "smtp://m:587", "--smtp-ca-file", path("missing.pem")})),
            "--smtp-ca-file");
  EXPECT_EQ(field_of(setup({"--smtp-url", "smtp://m:587", "--smtp-ca-file", path("not-a-ca.txt")})),
            "--smtp-ca-file");
}

TEST_F(MailOptionsTest, APasswordNeverGoesWithoutTls) {
  const std::vector<std::string> login = {"--smtp-user", "breachdesk", "--smtp-password-file",
                                          path("smtp.pw")};
  for (const std::string mode : {"off", "opportunistic"}) {
    std::vector<std::string> args = {"--smtp-url", "smtp://m:587", "--smtp-starttls", mode};
    args.insert(args.end(), login.begin(), login.end());
    EXPECT_EQ(field_of(setup(args)), "--smtp-starttls") << mode;
  }
  std::vector<std::string> smtps = {"--smtp-url", "smtps://m:465", "--smtp-starttls", "off"};
  smtps.insert(smtps.end(), login.begin(), login.end());
  EXPECT_EQ(field_of(setup(smtps)), "(ok)") << "implicit TLS";
  EXPECT_EQ(field_of(setup({"--smtp-url", "smtp://m:587", "--smtp-password-file", path("smtp.pw")})),
            "--smtp-user");
}

TEST_F(MailOptionsTest, CredentialsInTheUrlAreRefused) {
  auto r = setup({"--smtp-url", "smtp://breachdesk:geheim@m:587"});
  EXPECT_EQ(field_of(r), "--smtp-url");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message.find("geheim"), std::string::npos);
  EXPECT_EQ(field_of(setup({"--smtp-url", "http://m"})), "--smtp-url");
}

TEST_F(MailOptionsTest, UnknownStartTlsModeIsRefusedByTheParser) {
  EXPECT_THROW(setup({"--smtp-url", "smtp://m:587", "--smtp-starttls", "on"}), CLI::ValidationError);
}

}  // namespace
}  // namespace bd::cli
