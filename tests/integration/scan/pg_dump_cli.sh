#!/bin/sh
# `breachdesk scan` on real pg_dump archives of a real PostgreSQL server (started by the
# scan_pg fixture): a table of 600 customers and a large object, dumped as plain SQL
# (-Fp), custom format gzip-compressed (-Fc, pg_dump's default), uncompressed (-Z0) and
# with --inserts, as a tar (-Ft) and as a directory (-Fd, gzipped data files). Every
# dump must count what the plain dump counts and name its large object (a PDF) as not
# read (exit code 3). Usage: pg_dump_cli.sh BIN URL_FILE
set -eu
BIN=$1
URL=$(cat "$2")
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DIR=$(mktemp -d)
DB="scan_pg_dump_$$"
cleanup() {
  "$PGBIN/psql" -q "$URL" -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT
fail() { echo "pg_dump_cli: $*" >&2; exit 1; }

# 600 customers with valid BSNs (11-check) and e-mail addresses, one in ten twice.
/usr/bin/python3 - "$DIR/klant.csv" <<'PY'
import sys
rows, n = [], 100000000
while len(rows) < 600:
    n += 7
    d = f"{n:09d}"
    if sum(int(c) * w for c, w in zip(d, [9, 8, 7, 6, 5, 4, 3, 2, -1])) % 11 == 0:
        i = len(rows)
        rows.append(f"{i},Klant {i},{d},klant{i}@example.nl,Dorpsstraat {i}")
with open(sys.argv[1], "w") as f:
    f.write("\n".join(rows + rows[::10]) + "\n")
PY

"$PGBIN/psql" -q -v ON_ERROR_STOP=1 "$URL" -c "CREATE DATABASE $DB" >/dev/null
DBURL=$(echo "$URL" | sed "s#/postgres\$#/$DB#")
"$PGBIN/psql" -q -v ON_ERROR_STOP=1 "$DBURL" >/dev/null <<SQL
CREATE TABLE klant (id integer, naam text, bsn text, email text, adres text);
\copy klant FROM '$DIR/klant.csv' WITH (FORMAT csv)
CREATE TABLE bestelling (id integer, klant_email text, bedrag numeric);
INSERT INTO bestelling SELECT i, 'klant' || i || '@example.nl', i * 1.5 FROM generate_series(1, 200) i;
SELECT lo_from_bytea(0, '%PDF-1.4 scan van een paspoort'::bytea);
SQL

"$PGBIN/pg_dump" -Fp -f "$DIR/plain.sql" "$DBURL"
"$PGBIN/pg_dump" -Fc -f "$DIR/gzip.dump" "$DBURL"
"$PGBIN/pg_dump" -Fc -Z0 -f "$DIR/none.dump" "$DBURL"
"$PGBIN/pg_dump" -Fc --inserts -f "$DIR/inserts.dump" "$DBURL"
"$PGBIN/pg_dump" -Ft -f "$DIR/dump.tar" "$DBURL"
"$PGBIN/pg_dump" -Fd -f "$DIR/dumpdir" "$DBURL"

for f in plain.sql gzip.dump none.dump inserts.dump dump.tar dumpdir; do
  set +e
  "$BIN" --log-level warn scan --format json "$DIR/$f" > "$DIR/$f.json" 2>"$DIR/$f.err"
  rc=$?
  set -e
  case $f in
    plain.sql) want=0 ;;
    *) want=3 ;;  # the large object is not read, and said so
  esac
  [ "$rc" -eq "$want" ] || fail "$f: exit code $rc, expected $want: $(cat "$DIR/$f.err")"
done

/usr/bin/python3 - "$DIR" <<'PY' || exit 1
import json, sys
d = sys.argv[1]
def load(f):
    r = json.load(open(f"{d}/{f}.json"))
    cats = {k: (v["values"], v["distinct"]) for k, v in r["categories"].items()}
    return r, (r["records"], r["persons_distinct"], cats)
plain, want = load("plain.sql")
assert want[0] == 860, f"plain dump: {want[0]} records, expected 660 + 200"
assert want[2]["bsn"] == (660, 600), f"plain dump: bsn {want[2].get('bsn')}"
assert want[1] == 600, f"plain dump: {want[1]} persons"
columns = sorted((c["table"], c["column"], c["verdict"]) for c in plain["columns"])
for f in ("gzip.dump", "none.dump", "inserts.dump", "dump.tar", "dumpdir"):
    r, got = load(f)
    assert got == want, f"{f}: {got} != plain dump {want}"
    got_columns = sorted((c["table"], c["column"], c["verdict"]) for c in r["columns"])
    assert got_columns == columns, f"{f}: columns {got_columns} != {columns}"
    reasons = [s["reason"] for s in r["skipped"]]
    if f.endswith(".dump"):
        assert reasons == ["1 large object (binary): not read"], f"{f}: skipped {reasons}"
        assert all(x["format"] == "sql" for x in r["files"]), f"{f}: {r['files']}"
    else:  # a file of its own (blob_16400.dat), read as any file
        assert reasons == ["PDF: its text is not extracted"], f"{f}: skipped {reasons}"
PY
echo "pg_dump_cli: ok"
