#!/bin/sh
# End-to-end check of the breachdesk CLI on a fresh SQLite file: migrate, org add/list,
# user add (password from stdin and generated), token create, export in every format,
# bad input exit codes, and serve --demo (first admin printed once, demo loaded once,
# /healthz answering), and mail send (the demo's overdue reminders delivered once to a
# real SMTP server on loopback). Usage: cli_smoke.sh PATH/TO/breachdesk
set -eu
BIN=$1
DIR=$(mktemp -d)
SERVER_PID=
SMTP_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [ -n "$SMTP_PID" ]; then kill "$SMTP_PID" 2>/dev/null || true; wait "$SMTP_PID" 2>/dev/null || true; fi
  rm -rf "$DIR"
}
trap cleanup EXIT
fail() { echo "cli_smoke: $*" >&2; exit 1; }
bd() { "$BIN" --log-level warn --db "sqlite:$DIR/bd.db" "$@"; }

bd migrate | grep -q '^0001_core$' || fail "migrate did not list 0001_core"
bd org add "Zorg BV" --kvk 12345678 >/dev/null
bd org list | grep -q 'Zorg BV' || fail "org list misses the organisation"
echo "een lang genoeg wachtwoord" | bd user add --org "Zorg BV" --email fg@zorg.example --role privacy_officer \
  > "$DIR/user1" || fail "user add with stdin password failed"
grep -q 'Wachtwoord' "$DIR/user1" && fail "a password given on stdin must not be printed"
bd user add --org "Zorg BV" --email audit@zorg.example --role auditor </dev/null > "$DIR/user2"
grep -Eq 'Wachtwoord.*: [A-Za-z0-9]{20}$' "$DIR/user2" || fail "generated password not printed once"
bd user list --org "Zorg BV" | grep -q 'audit@zorg.example.*auditor' || fail "user list"

set +e
bd user add --org "Zorg BV" --email fg@zorg.example --role reporter </dev/null 2>"$DIR/err"; rc=$?
set -e
[ "$rc" -eq 1 ] || fail "duplicate e-mail should exit 1, got $rc"
grep -q 'al in gebruik' "$DIR/err" || fail "duplicate e-mail message"
set +e
bd org add "" 2>/dev/null; rc=$?
bd export --org "Zorg BV" --format pdf 2>/dev/null; rc2=$?
bd user add --org "Bestaat niet" --email x@y.example --role reporter </dev/null 2>/dev/null; rc3=$?
set -e
[ "$rc" -eq 2 ] && [ "$rc2" -eq 2 ] && [ "$rc3" -eq 1 ] || fail "bad input exit codes: $rc $rc2 $rc3"

TOKEN=$(bd token create --email fg@zorg.example --name script 2>/dev/null)
echo "$TOKEN" | grep -Eq '^bd_[A-Za-z0-9_-]{43}$' || fail "token format: $TOKEN"
if grep -aq "$TOKEN" "$DIR"/bd.db*; then fail "the token is stored in clear text"; fi

bd export --org "Zorg BV" --format csv > "$DIR/r.csv"
head -c 20 "$DIR/r.csv" | grep -q 'Referentie,Titel' || fail "csv header"
bd export --org "Zorg BV" --format json | grep -qx '\[\]' || fail "json export of an empty register"
bd export --org "Zorg BV" --format xlsx --out "$DIR/r.xlsx"
[ "$(head -c 2 "$DIR/r.xlsx")" = "PK" ] || fail "xlsx is not a zip"

# serve: first admin and demo are created once, before the server answers.
# Global options after the subcommand, as `make run` passes them.
"$BIN" serve --db "sqlite:$DIR/serve.db" --log-level warn --listen 127.0.0.1:0 --demo > "$DIR/serve.out" 2>&1 &
SERVER_PID=$!
i=0
until grep -q 'luistert op' "$DIR/serve.out"; do
  i=$((i + 1)); [ $i -lt 300 ] || fail "serve did not start: $(cat "$DIR/serve.out")"
  kill -0 "$SERVER_PID" 2>/dev/null || fail "serve exited: $(cat "$DIR/serve.out")"
  sleep 0.1
done
grep -q 'Eenmalig wachtwoord: ' "$DIR/serve.out" || fail "first admin password not printed"
grep -q 'STMG: fg@stmg.example' "$DIR/serve.out" || fail "demo credentials not printed"
URL=$(sed -n 's/.*luistert op \(http[^ ]*\)/\1/p' "$DIR/serve.out")
python3 -c "import sys,urllib.request; sys.exit(0 if urllib.request.urlopen(sys.argv[1] + 'healthz').status == 200 else 1)" "$URL" \
  || fail "healthz"
kill "$SERVER_PID"; wait "$SERVER_PID" || true; SERVER_PID=

# A second start creates neither a new admin nor a second copy of the demo.
"$BIN" --log-level warn --db "sqlite:$DIR/serve.db" serve --listen 127.0.0.1:0 --demo > "$DIR/serve2.out" 2>&1 &
SERVER_PID=$!
i=0
until grep -q 'luistert op' "$DIR/serve2.out"; do
  i=$((i + 1)); [ $i -lt 300 ] || fail "second serve did not start"; sleep 0.1
done
grep -q 'Eenmalig wachtwoord' "$DIR/serve2.out" && fail "second start created another admin"
grep -q 'al geladen' "$DIR/serve2.out" || fail "second start reloaded the demo"
kill "$SERVER_PID"; wait "$SERVER_PID" || true; SERVER_PID=
n=$("$BIN" --log-level warn --db "sqlite:$DIR/serve.db" org list | wc -l)
[ "$n" -eq 4 ] || fail "expected the first organisation and three demo organisations, found $n"

# mail send: the demo customer's overdue breach gets its overdue reminder, delivered once;
# the processor has no AP deadline (it informs its controllers) and gets none.
set +e
"$BIN" --log-level warn --db "sqlite:$DIR/serve.db" mail send 2>"$DIR/err"; rc=$?
"$BIN" --log-level warn --db "sqlite:$DIR/serve.db" mail send --smtp-url http://x 2>/dev/null; rc2=$?
set -e
[ "$rc" -eq 2 ] && [ "$rc2" -eq 2 ] || fail "mail send without a valid --smtp-url should exit 2: $rc $rc2"
grep -q 'smtp-url' "$DIR/err" || fail "mail send error should name --smtp-url"
mkdir "$DIR/mail"
/usr/bin/python3 "$(dirname "$0")/../../support/smtp_server.py" --dir "$DIR/mail" --port-file "$DIR/smtp.port" &
SMTP_PID=$!
i=0
until [ -s "$DIR/smtp.port" ]; do i=$((i + 1)); [ $i -lt 100 ] || fail "smtp server did not start"; sleep 0.1; done
SMTP="smtp://127.0.0.1:$(cat "$DIR/smtp.port")"
bdmail() { "$BIN" --log-level warn --db "sqlite:$DIR/serve.db" mail send --smtp-url "$SMTP" --smtp-starttls off "$@"; }
bdmail --mail-from privacy@breachdesk.example > "$DIR/mail1.out"
grep -qx 'verstuurd: 1' "$DIR/mail1.out" || fail "first mail round: $(cat "$DIR/mail1.out")"
bdmail > "$DIR/mail2.out"
grep -qx 'verstuurd: 0' "$DIR/mail2.out" || fail "second mail round sent again: $(cat "$DIR/mail2.out")"
[ "$(ls "$DIR/mail" | grep -c '\.eml$')" -eq 1 ] || fail "expected one message at the SMTP server"
grep -q 'Termijn verstreken' "$DIR"/mail/*.eml || grep -q 'UTF-8' "$DIR"/mail/*.eml || fail "reminder subject"
grep -q 'From: .*privacy@breachdesk.example' "$DIR"/mail/0001.eml || fail "sender address"
echo "cli_smoke: ok"
