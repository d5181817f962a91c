#!/usr/bin/python3
"""A real SMTP server on loopback for the mail tests (Debian's python3-aiosmtpd).

Every accepted message is written to DIR/NNNN.eml (NNNN counts up). Options make it
misbehave the way real servers do:
  --drop-every N   after every N accepted messages, drop the connection of the next
                   message in the middle of DATA (the client must retry it)
  --reject WORD    answer 550 to any recipient containing WORD
The chosen port is written to --port-file once the server listens. Runs until killed.
"""
import argparse
import asyncio
import os
import pathlib
import socket

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP


class Handler:
    def __init__(self, out_dir, drop_every, reject):
        self.out = pathlib.Path(out_dir)
        self.drop_every = drop_every
        self.reject = reject
        self.accepted = 0
        self.since_drop = 0

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
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--port-file", required=True)
    p.add_argument("--drop-every", type=int, default=0)
    p.add_argument("--reject", default="")
    a = p.parse_args()
    port = free_port()
    controller = Controller(Handler(a.dir, a.drop_every, a.reject), hostname="127.0.0.1", port=port)
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
