#include "notify/mail/smtp_mailer.h"

#include <curl/curl.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <utility>

#include "notify/mail/mail_headers.h"

namespace bd::notify {
namespace {

struct CurlDeleter {
  void operator()(CURL* h) const { curl_easy_cleanup(h); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
struct MimeDeleter {
  void operator()(curl_mime* m) const { curl_mime_free(m); }
};
using CurlHandle = std::unique_ptr<CURL, CurlDeleter>;
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;
using Mime = std::unique_ptr<curl_mime, MimeDeleter>;

void global_init_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

void append(Slist& list, const std::string& line) {
  curl_slist* grown = curl_slist_append(list.get(), line.c_str());
  if (grown != nullptr) {
    (void)list.release();
    list.reset(grown);
  }
}

Status validate(const MailMessage& m) {
  BD_TRY(check_address(m.from, "from"));
  if (m.to.empty()) return Error::invalid("to", "a message needs at least one recipient");
  for (const auto& to : m.to) BD_TRY(check_address(to, "to"));
  if (m.message_id.find_first_of("\r\n") != std::string::npos || m.message_id.size() < 3) {
    return Error::invalid("message_id", "invalid Message-ID");
  }
  if (m.text_body.empty()) return Error::invalid("text_body", "a message needs a text body");
  return {};
}

Slist build_headers(const MailMessage& m) {
  Slist headers;
  append(headers, "From: " + format_mailbox(m.from_name, m.from));
  std::string to_line = "To: ";
  for (size_t i = 0; i < m.to.size(); ++i) to_line += (i ? ", <" : "<") + m.to[i] + ">";
  append(headers, to_line);
  append(headers, "Subject: " + encode_header_text(m.subject));
  append(headers, "Message-ID: " + m.message_id);
  append(headers, "MIME-Version: 1.0");
  return headers;
}

// Adds a UTF-8 text part (quoted-printable keeps Dutch text readable in raw form).
void add_text_part(curl_mime* mime, const std::string& body, const char* type) {
  curl_mimepart* part = curl_mime_addpart(mime);
  curl_mime_data(part, body.data(), body.size());
  curl_mime_type(part, type);
  curl_mime_encoder(part, "quoted-printable");
}

// text (+ html as multipart/alternative) (+ attachments as multipart/mixed).
Mime build_body(CURL* curl, const MailMessage& m, Slist& part_headers) {
  Mime mime(curl_mime_init(curl));
  curl_mime* text_holder = mime.get();
  Mime alternative;
  if (!m.html_body.empty()) {
    alternative.reset(curl_mime_init(curl));
    add_text_part(alternative.get(), m.text_body, "text/plain; charset=UTF-8");
    add_text_part(alternative.get(), m.html_body, "text/html; charset=UTF-8");
    curl_mimepart* part = curl_mime_addpart(mime.get());
    curl_mime_subparts(part, alternative.release());  // ownership moves to `part`
    curl_mime_type(part, "multipart/alternative");
    append(part_headers, "Content-Disposition: inline");
    curl_mime_headers(part, part_headers.get(), 0);
  } else {
    add_text_part(text_holder, m.text_body, "text/plain; charset=UTF-8");
  }
  for (const auto& a : m.attachments) {
    curl_mimepart* part = curl_mime_addpart(mime.get());
    curl_mime_data(part, a.data.data(), a.data.size());
    curl_mime_type(part, a.content_type.c_str());
    curl_mime_filename(part, a.filename.c_str());
    curl_mime_encoder(part, "base64");
  }
  return mime;
}

Error with_detail(Error e, std::string detail) {
  e.detail = std::move(detail);
  return e;
}

// The stored, client-safe message says what the officer or operator can do about it;
// curl's own words go to the detail (the log).
Error classify(CURLcode code, long smtp_status, const char* errbuf) {
  std::string detail = std::string(curl_easy_strerror(code)) + ": " + errbuf +
                       " (last SMTP status " + std::to_string(smtp_status) + ")";
  switch (code) {
    case CURLE_LOGIN_DENIED:
      return with_detail(Error::unauthorized("the mail server refused the login (user name or password); "
                                             "the message will be retried"),
                         std::move(detail));
    case CURLE_USE_SSL_FAILED:
      return Error::unavailable("the mail server does not offer STARTTLS, which is required; "
                                "nothing was sent unencrypted and the message will be retried",
                                std::move(detail));
    case CURLE_PEER_FAILED_VERIFICATION:
      return Error::unavailable("the mail server's certificate is not trusted (see the SMTP CA file); "
                                "the message will be retried",
                                std::move(detail));
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CACERT_BADFILE:
      return Error::unavailable("no TLS connection with the mail server; the message will be retried",
                                std::move(detail));
    default:
      break;
  }
  if (smtp_status == 530) {  // "authentication required" (RFC 4954): the setup's fault, not the message's
    return with_detail(Error::unauthorized("the mail server accepts mail only after a login; "
                                           "the message will be retried"),
                       std::move(detail));
  }
  if (smtp_status >= 500 && smtp_status < 600) {
    return with_detail(Error::invalid("to", "the mail server refused the message"), std::move(detail));
  }
  return Error::unavailable("the mail server could not be reached; the message will be retried",
                            std::move(detail));
}

// curl's wait for the answer to QUIT ignores CURLOPT_TIMEOUT; this bounds it (whole seconds).
long quit_wait_seconds(std::chrono::milliseconds total_timeout) {
  return static_cast<long>(std::chrono::ceil<std::chrono::seconds>(total_timeout).count());
}

// TLS, login and time limits. Certificate checks are set explicitly (they are curl's
// defaults too) so that no change elsewhere can weaken them silently.
void configure_connection(CURL* h, const SmtpConfig& config) {
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(config.connect_timeout.count()));
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(config.total_timeout.count()));
  curl_easy_setopt(h, CURLOPT_SERVER_RESPONSE_TIMEOUT, quit_wait_seconds(config.total_timeout));
  const bool credentials = !config.username.empty();
  const long use_ssl = config.starttls == StartTls::kRequired || credentials ? CURLUSESSL_ALL
                       : config.starttls == StartTls::kOpportunistic       ? CURLUSESSL_TRY
                                                                           : CURLUSESSL_NONE;
  curl_easy_setopt(h, CURLOPT_USE_SSL, use_ssl);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!config.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, config.ca_file.c_str());
  if (credentials) {
    curl_easy_setopt(h, CURLOPT_USERNAME, config.username.c_str());
    curl_easy_setopt(h, CURLOPT_PASSWORD, config.password.c_str());
  }
}

}  // namespace

SmtpMailer::SmtpMailer(SmtpConfig config) : config_(std::move(config)) { global_init_once(); }

std::chrono::milliseconds SmtpMailer::longest_send() const {
  return config_.total_timeout + std::chrono::seconds(quit_wait_seconds(config_.total_timeout));
}

Status SmtpMailer::send(const MailMessage& message) {
  BD_TRY(validate(message));
  CurlHandle curl(curl_easy_init());
  if (!curl) return Error::internal("curl_easy_init failed");
  CURL* h = curl.get();
  char errbuf[CURL_ERROR_SIZE] = {0};

  Slist recipients;
  for (const auto& to : message.to) append(recipients, "<" + to + ">");
  Slist headers = build_headers(message);
  Slist part_headers;
  Mime mime = build_body(h, message, part_headers);
  const std::string from = "<" + message.from + ">";
  const std::string url = config_.url + "/" + config_.helo_domain;

  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(h, CURLOPT_MIMEPOST, mime.get());
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
  configure_connection(h, config_);

  const CURLcode code = curl_easy_perform(h);
  long smtp_status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &smtp_status);
  if (code != CURLE_OK) return classify(code, smtp_status, errbuf);
  return {};
}

}  // namespace bd::notify
