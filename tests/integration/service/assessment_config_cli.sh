#!/bin/sh
# The assessment configuration in force, through the real binary on a temp SQLite file.
# With `--config`/`--assessment-config omnibus-2025` (or its shipped file) a breach with
# a risk but no high risk is not proposed for AP notification and its deadline is 96 h:
# in `breachdesk assess`, in a stored breach's assessment and deadline under
# `serve --assessment-config omnibus-2025`, and in POST /api/v1/assess (?config= picks
# another version; an unknown one is 400 naming config). A malformed or misnamed
# configuration stops the command with exit 2 naming the field. Usage: SCRIPT BIN
set -eu
BIN=$1
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
DIR=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$DIR"
}
trap cleanup EXIT
fail() { echo "assessment_config_cli: $*" >&2; exit 1; }
bd() { "$BIN" --log-level warn --db "sqlite:$DIR/bd.db" "$@"; }
# field FILE PATH…: one value of a JSON document, e.g. `field out.json deadline hours`.
field() { python3 -c "import json,sys
v=json.load(open(sys.argv[1]))
for k in sys.argv[2:]: v=v[int(k)] if isinstance(v, list) else v[k]
print(json.dumps(v))" "$@"; }

# Golden case 033: a letter with names and addresses to the wrong, untrusted recipient.
# A risk, no high risk; discovered an hour ago.
NOW_MINUS_1H=$(python3 -c "import datetime as d; print((d.datetime.now(d.timezone.utc) - d.timedelta(hours=1)).isoformat(timespec='seconds'))")
cat > "$DIR/breach.json" <<JSON
{"title": "Brief naar verkeerd adres", "answers": {
  "breach.nature": ["confidentiality"], "breach.incident_type": "email_wrong_recipient",
  "data.general": ["name", "address"], "assess.recipients": "known_untrusted",
  "assess.malicious": false, "assess.exfiltrated": false, "time.discovered": "$NOW_MINUS_1H"}}
JSON

# breachdesk assess: the compiled-in default, the named version and its shipped file.
bd assess "$DIR/breach.json" > "$DIR/gdpr.json"
[ "$(field "$DIR/gdpr.json" config_version)" = '"2026.1"' ] || fail "default config version"
[ "$(field "$DIR/gdpr.json" risk)" = '"risk"' ] || fail "case 033 is no longer a plain risk"
[ "$(field "$DIR/gdpr.json" notify_ap)" = true ] || fail "2026.1 notifies a risk"
[ "$(field "$DIR/gdpr.json" deadline hours)" = 72 ] || fail "2026.1 deadline"
for config in omnibus-2025 "$ROOT/config/assessment/omnibus-2025.json"; do
  bd assess --config "$config" "$DIR/breach.json" > "$DIR/omnibus.json"
  [ "$(field "$DIR/omnibus.json" config_version)" = '"omnibus-2025"' ] || fail "$config: config version"
  [ "$(field "$DIR/omnibus.json" notify_ap)" = false ] || fail "$config: a plain risk is not notified"
  [ "$(field "$DIR/omnibus.json" deadline_hours)" = 96 ] || fail "$config: deadline_hours"
  [ "$(field "$DIR/omnibus.json" deadline hours)" = 96 ] || fail "$config: deadline.hours"
done

# A malformed file, an unknown version and a compiled-in version with other values: exit 2.
sed 's/"deadline_hours": 96/"deadline_hours": 0/; s/omnibus-2025/acme-1/' \
  "$ROOT/config/assessment/omnibus-2025.json" > "$DIR/bad.json"
sed 's/"deadline_hours": 96/"deadline_hours": 48/' "$ROOT/config/assessment/omnibus-2025.json" > "$DIR/misnamed.json"
for case in "$DIR/bad.json:deadline_hours" "nope:--config" "$DIR/misnamed.json:version"; do
  set +e
  bd assess --config "${case%:*}" "$DIR/breach.json" > /dev/null 2> "$DIR/err"; rc=$?
  set -e
  [ "$rc" -eq 2 ] || fail "assess --config ${case%:*} should exit 2, got $rc"
  grep -q -- "${case##*:}" "$DIR/err" || fail "assess --config ${case%:*}: error names no ${case##*:}: $(cat "$DIR/err")"
done

# serve refuses a bad configuration before it opens anything.
set +e
"$BIN" --db "sqlite:$DIR/never.db" serve --listen 127.0.0.1:0 --assessment-config "$DIR/bad.json" \
  > /dev/null 2> "$DIR/err"; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "serve with a bad configuration should exit 2, got $rc"
grep -q deadline_hours "$DIR/err" || fail "serve: error names no field: $(cat "$DIR/err")"
[ ! -e "$DIR/never.db" ] || fail "serve with a bad configuration created its database"

# serve --assessment-config omnibus-2025: a stored breach's proposal and clock follow it.
bd org add "Zorg BV" > /dev/null
bd user add --org "Zorg BV" --email fg@zorg.example --role privacy_officer < /dev/null > /dev/null
TOKEN=$(bd token create --email fg@zorg.example --name script 2> /dev/null)
"$BIN" --log-level info --db "sqlite:$DIR/bd.db" serve --listen 127.0.0.1:0 \
  --assessment-config omnibus-2025 > "$DIR/serve.out" 2>&1 &
SERVER_PID=$!
i=0
until grep -q 'luistert op' "$DIR/serve.out"; do
  i=$((i + 1)); [ $i -lt 300 ] || fail "serve did not start: $(cat "$DIR/serve.out")"
  kill -0 "$SERVER_PID" 2> /dev/null || fail "serve exited: $(cat "$DIR/serve.out")"
  sleep 0.1
done
grep -q 'assessment configuration omnibus-2025 (compiled in).*AP deadline 96 h' "$DIR/serve.out" \
  || fail "the configuration in force is not logged: $(cat "$DIR/serve.out")"
URL=$(sed -n 's/.*luistert op \(http[^ ]*\)/\1/p' "$DIR/serve.out")

# api METHOD PATH [BODY-FILE] > response; prints the status on fd 3.
api() {
  python3 - "$URL" "$TOKEN" "$@" <<'PY'
import sys, urllib.request, urllib.error
url, token, method, path = sys.argv[1:5]
body = open(sys.argv[5], 'rb').read() if len(sys.argv) > 5 else None
req = urllib.request.Request(url.rstrip('/') + path, data=body, method=method,
                             headers={'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json'})
try:
    with urllib.request.urlopen(req) as r: status, text = r.status, r.read()
except urllib.error.HTTPError as e: status, text = e.code, e.read()
sys.stdout.buffer.write(text)
sys.stderr.write(str(status))
PY
}
api POST /api/v1/breaches "$DIR/breach.json" > "$DIR/created.json" 2> "$DIR/status"
[ "$(cat "$DIR/status")" = 201 ] || fail "create breach: $(cat "$DIR/status") $(cat "$DIR/created.json")"
ID=$(field "$DIR/created.json" id | tr -d '"')
api GET "/api/v1/breaches/$ID/assessment" > "$DIR/assessment.json" 2> "$DIR/status"
[ "$(cat "$DIR/status")" = 200 ] || fail "assessment: $(cat "$DIR/status")"
[ "$(field "$DIR/assessment.json" assessment config_version)" = '"omnibus-2025"' ] || fail "stored: config version"
[ "$(field "$DIR/assessment.json" assessment notify_ap)" = false ] || fail "stored: a plain risk is proposed for the AP"
[ "$(field "$DIR/assessment.json" deadline hours)" = 96 ] || fail "stored: deadline hours"
api GET /api/v1/deadlines > "$DIR/deadlines.json" 2> "$DIR/status"
[ "$(field "$DIR/deadlines.json" items 0 deadline hours)" = 96 ] || fail "deadlines dashboard: hours"

# POST /api/v1/assess: the server's configuration, or the one ?config names.
api POST /api/v1/assess "$DIR/breach.json" > "$DIR/a.json" 2> "$DIR/status"
[ "$(cat "$DIR/status")" = 200 ] && [ "$(field "$DIR/a.json" config_version)" = '"omnibus-2025"' ] \
  && [ "$(field "$DIR/a.json" notify_ap)" = false ] || fail "assess API: the server's configuration"
api POST "/api/v1/assess?config=2026.1" "$DIR/breach.json" > "$DIR/a.json" 2> "$DIR/status"
[ "$(cat "$DIR/status")" = 200 ] && [ "$(field "$DIR/a.json" config_version)" = '"2026.1"' ] \
  && [ "$(field "$DIR/a.json" notify_ap)" = true ] && [ "$(field "$DIR/a.json" deadline hours)" = 72 ] \
  || fail "assess API: ?config=2026.1"
api POST "/api/v1/assess?config=nope" "$DIR/breach.json" > "$DIR/a.json" 2> "$DIR/status"
[ "$(cat "$DIR/status")" = 400 ] && grep -q '"config' "$DIR/a.json" || fail "assess API: unknown ?config"
echo "assessment_config_cli: ok"
