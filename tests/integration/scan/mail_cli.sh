#!/bin/sh
# `breachdesk scan` on a mailbox as Python's mailbox and email packages write it (the
# mbox of Thunderbird and most mail exports): 40 messages, each with a text and an HTML
# alternative, quoted-printable, a name in an encoded word, and every fourth with the
# customer CSV attached (base64), once zipped. The attachments must count exactly what
# the CSV counts on its own, and the messages' text once per message, not per
# alternative. Usage: mail_cli.sh BIN
set -eu
BIN=$1
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
fail() { echo "mail_cli: $*" >&2; exit 1; }

/usr/bin/python3 - "$DIR" <<'PY'
import io, mailbox, sys, zipfile
from email.message import EmailMessage
from email.utils import formataddr

d = sys.argv[1]
rows, n = ["naam,bsn,email"], 100000000
while len(rows) < 301:
    n += 7
    s = f"{n:09d}"
    if sum(int(c) * w for c, w in zip(s, [9, 8, 7, 6, 5, 4, 3, 2, -1])) % 11 == 0:
        i = len(rows)
        rows.append(f"Klant {i},{s},klant{i}@example.nl")
csv = "\n".join(rows) + "\n"
open(f"{d}/klanten.csv", "w").write(csv)
zipped = io.BytesIO()
with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("export/klanten.csv", csv)

box = mailbox.mbox(f"{d}/Inbox.mbox")
for i in range(40):
    m = EmailMessage()
    m["From"] = formataddr((f"Zoë Bakker {i}", f"zoe{i}@example.nl"))
    m["To"] = "privacy@example.com"
    m["Subject"] = "Gegevens cliënt"
    body = f"Beste,\nMijn rekening is NL91 ABNA 0417 1643 00, telefoon 06-1234567{i % 10}.\n" + "Groet " * 30 + "\n"
    m.set_content(body, cte="quoted-printable")
    m.add_alternative(f"<p>{body}</p>", subtype="html")
    if i % 4 == 0:
        m.add_attachment(csv.encode(), maintype="text", subtype="csv", filename="klanten.csv")
    if i == 1:
        m.add_attachment(zipped.getvalue(), maintype="application", subtype="zip", filename="export.zip")
    box.add(m)
box.flush()
PY

"$BIN" scan --format json "$DIR/klanten.csv" >"$DIR/csv.json" || fail "scanning the CSV failed"
"$BIN" scan --format json "$DIR/Inbox.mbox" >"$DIR/mbox.json" || fail "scanning the mailbox failed"

/usr/bin/python3 - "$DIR/csv.json" "$DIR/mbox.json" <<'PY' || fail "counts differ"
import json, sys
csv = json.load(open(sys.argv[1]))
box = json.load(open(sys.argv[2]))
cat = lambda r, k: r["categories"].get(k, {"values": 0, "distinct": 0})
copies = 11  # ten CSV attachments and one zipped
checks = [
    ("records", box["records"], copies * csv["records"]),
    ("bsn values", cat(box, "bsn")["values"], copies * cat(csv, "bsn")["values"]),
    ("bsn distinct", cat(box, "bsn")["distinct"], cat(csv, "bsn")["distinct"]),
    # one IBAN and one phone number per message: the HTML alternatives repeat them
    ("iban values", cat(box, "iban")["values"], 40),
    ("phone values", cat(box, "phone")["values"], 40),
    ("phone distinct", cat(box, "phone")["distinct"], 10),
    # the customers, the 40 senders and the privacy desk
    ("email distinct", cat(box, "email")["distinct"], cat(csv, "email")["distinct"] + 41),
    ("persons", box["persons_distinct"], csv["persons_distinct"] + 41),
    ("files", len(box["files"]), 40 + 11),
]
bad = [f"{name}: {got} != {want}" for name, got, want in checks if got != want]
if bad:
    print("\n".join(bad), file=sys.stderr)
    sys.exit(1)
paths = {f["path"] for f in box["files"]}
assert any(p.endswith("Inbox.mbox!message 2/export.zip!export/klanten.csv") for p in paths), sorted(paths)[:5]
PY
echo "mail_cli: ok"
