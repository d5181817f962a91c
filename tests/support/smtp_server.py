#!/usr/bin/python3
"""A real SMTP server on loopback for the mail tests (Debian's python3-aiosmtpd).

Every accepted message is written to DIR/NNNN.eml (NNNN counts up), and what the
server saw is appended to DIR/events.log, one line each:
  AUTH <mechanism> <user> ok|fail tls=0|1
  MAIL tls=0|1 user=<user or ->
  DATA <NNNN> tls=0|1 user=<user or ->
(never a password). Options make it misbehave the way real servers do:
  --drop-every N   after every N accepted messages, drop the connection of the next
                   message in the middle of DATA (the client must retry it)
  --reject WORD    answer 550 to any recipient containing WORD
  --stall-quit     never answer QUIT (the client must give up waiting on its own)
and offer what real submission servers offer:
  --starttls CERTDIR  offer STARTTLS with a certificate for 127.0.0.1 signed by a private
                      CA, both made now in CERTDIR (CERTDIR/ca.pem is what clients trust)
  --smtps CERTDIR     the same certificate, but TLS from the first byte (implicit TLS)
  --auth USER:PASSWORD  require AUTH PLAIN or LOGIN with these credentials
  --auth-in-plaintext   also offer AUTH without TLS, as a misconfigured server would
The chosen port is written to --port-file once the server listens. Runs until killed.
"""
import argparse
import asyncio
import logging
import os
import pathlib
import socket
import ssl
import subprocess
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult


def make_certificate(cert_dir):
    """A private CA and a server certificate for 127.0.0.1 signed by it (openssl CLI).

    Made fresh for each test server in the test's temporary directory, so no key is
    ever committed or reused. Returns (certificate chain file, key file)."""
    d = pathlib.Path(cert_dir)
    d.mkdir(parents=True, exist_ok=True)
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]

    def openssl(*args):
        subprocess.run(["openssl", *args], check=True, capture_output=True)

    openssl("req", "-x509", *ec, "-days", "2", "-subj", "/CN=breachdesk test CA",
            "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            "-keyout", str(d / "ca.key"), "-out", str(d / "ca.pem"))
    openssl("req", *ec, "-subj", "/CN=127.0.0.1",
            "-keyout", str(d / "server.key"), "-out", str(d / "server.csr"))
    (d / "server.ext").write_text("basicConstraints=CA:FALSE\n"
                                  "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                                  "extendedKeyUsage=serverAuth\n")
    openssl("x509", "-req", "-in", str(d / "server.csr"), "-CA", str(d / "ca.pem"),
            "-CAkey", str(d / "ca.key"), "-set_serial", "1", "-days", "2",
            "-extfile", str(d / "server.ext"), "-out", str(d / "server.pem"))
    return d / "server.pem", d / "server.key"


class Handler:
    def __init__(self, out_dir, drop_every, reject, stall_quit, credentials):
        self.out = pathlib.Path(out_dir)
        self.drop_every = drop_every
        self.reject = reject
        self.stall_quit = stall_quit
        self.credentials = credentials  # (user, password) as bytes, or None
        self.accepted = 0
        self.since_drop = 0

    def event(self, line):
        with open(self.out / "events.log", "a") as f:
            f.write(line + "\n")

    @staticmethod
    def tls(server):
        # True after STARTTLS and on an implicit-TLS connection alike.
        return 1 if server.transport.get_extra_info("ssl_object") is not None else 0

    @staticmethod
    def user(session):
        data = session.auth_data
        return data.login.decode(errors="replace") if data is not None else "-"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        ok = self.credentials is not None and (auth_data.login, auth_data.password) == self.credentials
        login = auth_data.login.decode(errors="replace")
        self.event(f"AUTH {mechanism} {login} {'ok' if ok else 'fail'} tls={self.tls(server)}")
        if not ok:
            return AuthResult(success=False, handled=False)  # answers 535
        return AuthResult(success=True, auth_data=auth_data)

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        self.event(f"MAIL tls={self.tls(server)} user={self.user(session)}")
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.reject and self.reject in address:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.drop_every and self.since_drop >= self.drop_every:
            self.since_drop = 0
            server.transport.close()  # the client sees the connection die before 250
            return "421 dropped"
        self.since_drop += 1
        self.accepted += 1
        path = self.out / f"{self.accepted:04d}.eml"
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(envelope.original_content or envelope.content)
        os.replace(tmp, path)
        self.event(f"DATA {self.accepted:04d} tls={self.tls(server)} user={self.user(session)}")
        return "250 Message accepted for delivery"

    async def handle_QUIT(self, server, session, envelope):
        if self.stall_quit:
            await asyncio.sleep(3600)
        return "221 Bye"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_context(cert_dir):
    chain, key = make_certificate(cert_dir)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(chain, key)
    return context


def server_options(a, handler):
    options = {}
    if a.starttls:
        options["tls_context"] = server_context(a.starttls)
    if a.smtps:
        options["ssl_context"] = server_context(a.smtps)
    if a.auth:
        options["authenticator"] = handler.authenticate
        options["auth_required"] = True
        # aiosmtpd offers AUTH only after STARTTLS by default, like real submission
        # servers; the tests keep that so a passing AUTH test proves the password went
        # through TLS. --auth-in-plaintext plays the misconfigured server that offers
        # AUTH in the clear, to prove that the client still never sends it there.
        # With --smtps the connection is encrypted from its first byte, but aiosmtpd
        # 1.4 counts only STARTTLS as TLS, so AUTH has to be allowed explicitly.
        options["auth_require_tls"] = not (a.auth_in_plaintext or a.smtps)
    return options


def main():
    # The failures the tests provoke (refused handshakes, dropped connections) would
    # each print a traceback; events.log records what the tests look at.
    logging.getLogger("mail.log").setLevel(logging.CRITICAL)
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--port-file", required=True)
    p.add_argument("--drop-every", type=int, default=0)
    p.add_argument("--reject", default="")
    p.add_argument("--stall-quit", action="store_true")
    p.add_argument("--starttls", metavar="CERTDIR", default="")
    p.add_argument("--smtps", metavar="CERTDIR", default="")
    p.add_argument("--auth", metavar="USER:PASSWORD", default="")
    p.add_argument("--auth-in-plaintext", action="store_true")
    a = p.parse_args()
    credentials = None
    if a.auth:
        user, _, password = a.auth.partition(":")
        credentials = (user.encode(), password.encode())
    handler = Handler(a.dir, a.drop_every, a.reject, a.stall_quit, credentials)
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, **server_options(a, handler))
    controller.start()
    tmp = a.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(port))
    os.replace(tmp, a.port_file)
    try:
        asyncio.new_event_loop().run_forever()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
