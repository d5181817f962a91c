#!/bin/sh
# `breachdesk scan --attach` through the real binary: the demo's database gets a scan
# report of a small CSV stored with one of its breaches (by reference); an unknown
# breach, a missing --org and --show-values store nothing. Usage: attach_cli.sh BIN
set -eu
BIN=$1
DIR=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$DIR"
}
trap cleanup EXIT
fail() { echo "attach_cli: $*" >&2; exit 1; }
bd() { "$BIN" --log-level warn --db "sqlite:$DIR/bd.db" "$@"; }
reports() {
  /usr/bin/python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(
    'SELECT COUNT(*), COALESCE(MAX(label), \"\"), COALESCE(MAX(records), 0) FROM scan_reports').fetchone())" "$DIR/bd.db"
}

# The demo data (organisations with breaches), loaded by serve --demo before it listens.
"$BIN" --log-level warn --db "sqlite:$DIR/bd.db" serve --listen 127.0.0.1:0 --demo > "$DIR/serve.out" 2>&1 &
SERVER_PID=$!
i=0
until grep -q 'luistert op' "$DIR/serve.out"; do
  i=$((i + 1)); [ $i -lt 300 ] || fail "serve did not start: $(cat "$DIR/serve.out")"
  sleep 0.1
done
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
ORG="Nostradamus ICT BV"
REF=$(bd export --org "$ORG" --format json | /usr/bin/python3 -c "import json,sys; print(json.load(sys.stdin)[0]['reference'])")
[ -n "$REF" ] || fail "no demo breach"

printf 'naam,bsn,email\nJan Jansen,111222333,jan@example.nl\nPiet Pietersen,123456782,piet@example.nl\n' > "$DIR/klanten.csv"
set +e
bd scan "$DIR/klanten.csv" --format json --attach 1999-9999 --org "$ORG" >/dev/null 2>"$DIR/err"; rc1=$?
bd scan "$DIR/klanten.csv" --format json --attach "$REF" >/dev/null 2>&1; rc2=$?
bd scan "$DIR/klanten.csv" --format json --attach "$REF" --org "$ORG" --show-values >/dev/null 2>&1; rc3=$?
set -e
[ "$rc1" -eq 1 ] && [ "$rc2" -eq 2 ] && [ "$rc3" -eq 2 ] || fail "refusals: exit codes $rc1 $rc2 $rc3"
[ "$(reports)" = "(0, '', 0)" ] || fail "a refused attach stored something: $(reports)"

bd scan "$DIR/klanten.csv" --format json --attach "$REF" --org "$ORG" > "$DIR/report.json" 2>"$DIR/err" \
  || fail "attach failed: $(cat "$DIR/err")"
grep -q '"schema":"breachdesk.scan-report/1"' "$DIR/report.json" || fail "the report is still printed"
grep -q "attached to breach $REF" "$DIR/err" || fail "no confirmation: $(cat "$DIR/err")"
[ "$(reports)" = "(1, 'klanten.csv', 2)" ] || fail "stored: $(reports)"
echo "attach_cli: ok"
