#!/bin/sh
# End-to-end check of `breachdesk assess` (docs/assessment.md, "Running it"): the seed's
# care organisation from a file and, as a bare answers object, from stdin ("-") give the
# same proposal: notify the AP and inform the people, with reasons naming the BSN and
# the payment data. Malformed JSON, an unknown id, an invalid option token and a value
# of the wrong type each exit 2 with one line on stderr naming the field (malformed
# JSON has none: the line says so) and nothing on stdout. An unreadable FILE and a
# missing FILE argument exit 2 as well, with nothing on stdout. No database is touched.
# Usage: assess_cli.sh PATH/TO/breachdesk
set -eu
BIN=$1
HERE=$(cd "$(dirname "$0")" && pwd)
SEED="$HERE/../../golden/assess/004_seed_care_organisation.json"
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
fail() { echo "assess_cli: $*" >&2; exit 1; }
json() { /usr/bin/python3 -c "$@"; }

# The seed's answers, once as a breach in the JSON contract and once as a bare object.
json 'import json, sys
answers = json.load(open(sys.argv[1]))["answers"]
json.dump({"id": "br_seed_000", "answers": answers}, open(sys.argv[2], "w"), ensure_ascii=False)
json.dump(answers, open(sys.argv[3], "w"), ensure_ascii=False)' "$SEED" "$DIR/breach.json" "$DIR/answers.json"

"$BIN" assess "$DIR/breach.json" > "$DIR/file.out" 2> "$DIR/file.err" || fail "assess FILE exited $?: $(cat "$DIR/file.err")"
[ ! -s "$DIR/file.err" ] || fail "assess FILE wrote to stderr: $(cat "$DIR/file.err")"
[ "$(wc -l < "$DIR/file.out")" -eq 1 ] || fail "assess FILE should print one JSON line"
"$BIN" assess - < "$DIR/answers.json" > "$DIR/stdin.out" 2> "$DIR/stdin.err" || fail "assess - exited $?: $(cat "$DIR/stdin.err")"
cmp -s "$DIR/file.out" "$DIR/stdin.out" || fail "a bare answers object on stdin assessed differently from the breach file"

json 'import json, sys
out = json.load(open(sys.argv[1]))
def check(ok, what):
    if not ok:
        sys.exit("assess_cli: " + what)
check(out["notify_ap"] is True, "notify_ap should be true")
check(out["inform_subjects"] is True, "inform_subjects should be true")
check(out["severity"]["band"] == "high" and out["severity"]["score"] == 3.5, "severity: %s" % out["severity"])
check(out["engine_version"] and out["config_version"] == "2026.1", "versions")
check(out["deadline"]["due"] == "2018-03-31T10:00:00+02:00", "deadline: %s" % out["deadline"])
for decision in ("notify_ap", "inform_subjects"):
    reasons = out["reasons"][decision]
    codes = [r["code"] for r in reasons]
    check("bsn_with_name_address" in codes and "financial_data" in codes, decision + " reasons: %s" % codes)
    check(all(r["nl"] and r["en"] for r in reasons), decision + " reasons need Dutch and English")
    text = " ".join(r["nl"] + " " + r["en"] for r in reasons)
    check("BSN" in text and "Betaal" in text and "Payment" in text, decision + " reasons must name BSN and payment data")
' "$DIR/file.out"

# bad_input NAME EXPECTED_TEXT: stdin holds the input; exit 2, nothing on stdout, one
# stderr line "breachdesk assess: …" that contains EXPECTED_TEXT.
bad_input() {
  set +e
  "$BIN" assess - > "$DIR/$1.out" 2> "$DIR/$1.err"; rc=$?
  set -e
  [ "$rc" -eq 2 ] || fail "$1: expected exit 2, got $rc"
  [ ! -s "$DIR/$1.out" ] || fail "$1: wrote to stdout: $(cat "$DIR/$1.out")"
  [ "$(wc -l < "$DIR/$1.err")" -eq 1 ] || fail "$1: expected one line on stderr: $(cat "$DIR/$1.err")"
  grep -q "^breachdesk assess: .*$2" "$DIR/$1.err" || fail "$1: stderr does not name $2: $(cat "$DIR/$1.err")"
}
printf '{"answers": {"breach.nature": ["confidentiality"]' | bad_input malformed 'malformed JSON'
echo '{"answers": {"assess.nonsense": true}}' | bad_input unknown_id 'assess.nonsense'
echo '{"answers": {"assess.recipients": "everyone"}}' | bad_input invalid_token 'assess.recipients'
echo '{"answers": {"data.general": "bsn"}}' | bad_input wrong_type 'data.general'

set +e
"$BIN" assess "$DIR/no-such-file.json" > "$DIR/missing.out" 2> "$DIR/missing.err"; rc=$?
set -e
[ "$rc" -eq 2 ] && [ ! -s "$DIR/missing.out" ] || fail "an unreadable FILE should exit 2 with nothing on stdout, got $rc"
grep -q 'FILE' "$DIR/missing.err" || fail "unreadable FILE message: $(cat "$DIR/missing.err")"
set +e
"$BIN" assess > "$DIR/usage.out" 2> "$DIR/usage.err"; rc=$?
set -e
[ "$rc" -eq 2 ] && [ ! -s "$DIR/usage.out" ] || fail "assess without FILE should exit 2 with nothing on stdout, got $rc"
grep -q 'FILE' "$DIR/usage.err" || fail "usage error message: $(cat "$DIR/usage.err")"
echo "assess_cli: ok"
