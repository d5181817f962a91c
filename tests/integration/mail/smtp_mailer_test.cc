// SmtpMailer against a real SMTP server (aiosmtpd) on loopback.
#include "notify/mail/smtp_mailer.h"

#include <gtest/gtest.h>

#include "notify/mail/mail_headers.h"
#include "support/smtp_test_server.h"

namespace bd::notify {
namespace {

MailMessage sample(std::string id = "<t1@breachdesk.test>") {
  MailMessage m;
  m.message_id = std::move(id);
  m.from = "privacy@zorg.example";
  m.from_name = "Functionaris Gegevensbescherming";
  m.to = {"client@example.nl"};
  m.subject = "Datalek: uw gegevens — wat u moet weten";
  m.text_body = "Beste cliënt,\n\nWij informeren u over een datalek.\n";
  return m;
}

SmtpConfig plain(const bd::testing::SmtpTestServer& server) {
  SmtpConfig c;
  c.url = server.url();
  c.starttls = StartTls::kOff;
  c.connect_timeout = std::chrono::milliseconds(2000);
  c.total_timeout = std::chrono::milliseconds(5000);
  return c;
}

TEST(SmtpMailer, DeliversUtf8MessageWithHeaders) {
  bd::testing::SmtpTestServer server;
  SmtpMailer mailer(plain(server));
  ASSERT_TRUE(mailer.send(sample()).ok());
  auto got = server.messages();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_NE(got[0].find("Message-ID: <t1@breachdesk.test>"), std::string::npos);
  EXPECT_NE(got[0].find("To: <client@example.nl>"), std::string::npos);
  EXPECT_NE(got[0].find(encode_header_text(sample().subject)), std::string::npos);
  EXPECT_NE(got[0].find("text/plain; charset=UTF-8"), std::string::npos);
  EXPECT_NE(got[0].find("Beste cli=C3=ABnt"), std::string::npos);  // quoted-printable
}

TEST(SmtpMailer, SendsHtmlAlternativeAndAttachment) {
  bd::testing::SmtpTestServer server;
  SmtpMailer mailer(plain(server));
  MailMessage m = sample();
  m.html_body = "<p>Beste cli&euml;nt</p>";
  m.attachments.push_back({"brief.pdf", "application/pdf", std::string("%PDF-1.4\n\x01\x02", 11)});
  ASSERT_TRUE(mailer.send(m).ok());
  auto got = server.messages();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_NE(got[0].find("multipart/alternative"), std::string::npos);
  EXPECT_NE(got[0].find("text/html"), std::string::npos);
  EXPECT_NE(got[0].find("filename=\"brief.pdf\""), std::string::npos);
}

TEST(SmtpMailer, RejectedRecipientIsPermanent) {
  bd::testing::SmtpTestServer server({"--reject", "unknown"});
  SmtpMailer mailer(plain(server));
  MailMessage m = sample();
  m.to = {"unknown@example.nl"};
  auto st = mailer.send(m);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().kind, ErrorKind::kInvalidInput);
  EXPECT_TRUE(server.messages().empty());
}

TEST(SmtpMailer, NoServerIsTransient) {
  int port = 0;
  {
    bd::testing::SmtpTestServer server;  // learn a free port, then stop the server
    port = server.port();
  }
  SmtpConfig c;
  c.url = "smtp://127.0.0.1:" + std::to_string(port);
  c.starttls = StartTls::kOff;
  c.connect_timeout = std::chrono::milliseconds(1000);
  SmtpMailer mailer(c);
  auto st = mailer.send(sample());
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().kind, ErrorKind::kUnavailable);
  EXPECT_EQ(st.error().message.find("127.0.0.1"), std::string::npos) << "no internals for clients";
}

TEST(SmtpMailer, DroppedConnectionFailsAndRetrySucceedsOnce) {
  bd::testing::SmtpTestServer server({"--drop-every", "1"});
  SmtpMailer mailer(plain(server));
  ASSERT_TRUE(mailer.send(sample("<a@t>")).ok());   // accepted (1)
  auto dropped = mailer.send(sample("<b@t>"));      // dropped mid-DATA
  ASSERT_FALSE(dropped.ok());
  EXPECT_EQ(dropped.error().kind, ErrorKind::kUnavailable);
  ASSERT_TRUE(mailer.send(sample("<b@t>")).ok());   // the retry is accepted
  auto got = server.messages();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_NE(got[1].find("Message-ID: <b@t>"), std::string::npos);
}

TEST(SmtpMailer, RefusesHeaderInjectionWithoutConnecting) {
  SmtpConfig c;
  c.url = "smtp://127.0.0.1:1";
  SmtpMailer mailer(c);
  MailMessage m = sample();
  m.to = {"a@example.nl\r\nBcc: evil@example.com"};
  auto st = mailer.send(m);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(st.error().field, "to");
}

TEST(MailHeaders, EncodesNonAsciiAndLongSubjects) {
  EXPECT_EQ(encode_header_text("Plain subject"), "Plain subject");
  const std::string enc = encode_header_text(std::string(100, 'x') + "é");
  EXPECT_EQ(enc.rfind("=?UTF-8?B?", 0), 0u);
  EXPECT_EQ(enc.find('\n') != std::string::npos, true);  // folded into several words
  EXPECT_EQ(encode_header_text("a\r\nBcc: x").find("\r\nBcc"), std::string::npos);
  EXPECT_EQ(format_mailbox("", "a@b.nl"), "<a@b.nl>");
  EXPECT_EQ(format_mailbox("Jan", "a@b.nl"), "\"Jan\" <a@b.nl>");
}

}  // namespace
}  // namespace bd::notify
