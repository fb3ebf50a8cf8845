#!/usr/bin/env bash
# The server's peak memory while it imports a large upload: generates a vacancies CSV of about
# 200 MiB (2,000,000 rows), serves a fresh SQLite database, uploads the file to
# POST /api/v1/imports/vacancies with curl, and prints the server's VmHWM (peak resident memory)
# from /proc/PID/status before and after. See bench/upload-memory/README.md.
#
# Environment (defaults in brackets):
#   ASHYQ [target/debug/ashyq]   the binary measured (built with `cargo build` when it is the default)
#   ROWS [2000000]               vacancies in the file
#   PORT [18081]
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ASHYQ="${ASHYQ:-$ROOT/target/debug/ashyq}"
ROWS="${ROWS:-2000000}"
PORT="${PORT:-18081}"
WORK="$(mktemp -d)"
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

[[ "$ASHYQ" != "$ROOT/target/debug/ashyq" ]] || (cd "$ROOT" && cargo build -q)
DB="sqlite://$WORK/ashyq.db"
"$ASHYQ" generate labour --database-url "$DB" --out "$WORK/data" --vacancies "$ROWS" --work-permits 10 >/dev/null
ls -l "$WORK/data/vacancies.csv" >&2
"$ASHYQ" migrate --database-url "$DB" >/dev/null 2>&1
echo 'a password for the benchmark' | "$ASHYQ" user add --database-url "$DB" --role analyst --password-stdin bench.analyst >/dev/null 2>&1
TOKEN="$("$ASHYQ" token create --database-url "$DB" --user bench.analyst 2>/dev/null | grep -o 'ashyq_[A-Za-z0-9_-]*' | head -1)"
"$ASHYQ" serve --database-url "$DB" --addr "127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
echo "before the upload: $(grep VmHWM /proc/$SERVER/status)"
curl -s -o "$WORK/reply.json" -w "HTTP %{http_code} in %{time_total} s\n" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
  --data-binary @"$WORK/data/vacancies.csv" "http://127.0.0.1:$PORT/api/v1/imports/vacancies?file_name=vacancies.csv"
head -c 300 "$WORK/reply.json"; echo
echo "after the upload:  $(grep VmHWM /proc/$SERVER/status)"
