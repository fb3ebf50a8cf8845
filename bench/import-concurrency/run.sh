#!/usr/bin/env bash
# An analyst's import of 1,000,000 vacancies into the embedded database (SQLite) while the
# office goes on: two clients post border checks, two post crossings batches (50 events each),
# one logs in, one creates API tokens (load.py). Run against the version before the staged import
# (BEFORE_REF, built from git) and this one, side by side, on fresh databases. Prints, per
# version, the import's time and, per kind of request made during the import, how many
# succeeded and failed and their p50/p95/p99 in milliseconds. See README.md beside this file.
#
# Environment (defaults in brackets):
#   ROWS [1000000]        vacancies in the file
#   BEFORE_REF [2b79f26]  the git commit measured as "before"
#   PORT [18082]
#   VERSIONS ["before after"]   "after" alone skips building and measuring the old version
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ROWS="${ROWS:-1000000}"
BEFORE_REF="${BEFORE_REF:-2b79f26}"
PORT="${PORT:-18082}"
VERSIONS="${VERSIONS:-before after}"
WORK="$(mktemp -d)"
SERVER=""
cleanup() {
    [[ -z "$SERVER" ]] || kill "$SERVER" 2>/dev/null || true
    git -C "$ROOT" worktree remove --force "$WORK/before" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "building (release): $VERSIONS" >&2
(cd "$ROOT" && cargo build -q --release)
cp "$ROOT/target/release/ashyq" "$WORK/ashyq-after"
if [[ " $VERSIONS " == *" before "* ]]; then
    # The same target folder: the dependencies are built once; the binary is copied out before
    # and after, since both builds write target/release/ashyq.
    git -C "$ROOT" worktree add -q --detach "$WORK/before" "$BEFORE_REF"
    (cd "$WORK/before" && CARGO_TARGET_DIR="$ROOT/target" cargo build -q --release)
    cp "$ROOT/target/release/ashyq" "$WORK/ashyq-before"
    (cd "$ROOT" && cargo build -q --release) # this version's binary back in place
fi

"$WORK/ashyq-after" generate labour --database-url "sqlite://$WORK/gen.db" --out "$WORK/data" \
    --vacancies "$ROWS" --work-permits 10 >/dev/null
FILE="$WORK/data/vacancies.csv"
echo "file: $(wc -l <"$FILE") lines, $(du -h "$FILE" | cut -f1)" >&2

measure() {
    local name="$1" bin="$WORK/ashyq-$1" db="sqlite://$WORK/$1.db"
    "$bin" migrate --database-url "$db" >/dev/null 2>&1
    local pw='a password for the benchmark'
    echo "$pw" | "$bin" user add --database-url "$db" --role analyst --password-stdin bench.analyst >/dev/null 2>&1
    echo "$pw" | "$bin" user add --database-url "$db" --role border --password-stdin bench.border >/dev/null 2>&1
    local analyst border
    analyst="$("$bin" token create --database-url "$db" --user bench.analyst 2>/dev/null | grep -o 'ashyq_[A-Za-z0-9_-]*' | head -1)"
    border="$("$bin" token create --database-url "$db" --user bench.border 2>/dev/null | grep -o 'ashyq_[A-Za-z0-9_-]*' | head -1)"
    "$bin" serve --database-url "$db" --addr "127.0.0.1:$PORT" --trust-proxy >"$WORK/$name.server.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
    rm -f "$WORK/stop"
    python3 "$HERE/load.py" "$PORT" "$border" "$analyst" bench.border "$pw" "$WORK/$name.requests" "$WORK/stop" &
    local load=$!
    sleep 3 # the office's traffic before the import, for comparison
    local started ended
    started=$(date +%s.%N)
    curl -s -o "$WORK/$name.reply.json" -w "%{http_code}" -H "Authorization: Bearer $analyst" \
        -H 'Content-Type: text/csv' --data-binary @"$FILE" \
        "http://127.0.0.1:$PORT/api/v1/imports/vacancies?file_name=vacancies.csv" >"$WORK/$name.status"
    ended=$(date +%s.%N)
    touch "$WORK/stop"
    wait "$load"
    kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
    python3 - "$name" "$started" "$ended" "$WORK/$name.requests" "$(cat "$WORK/$name.status")" "$WORK/$name.reply.json" <<'PY'
import json, sys
name, started, ended, path, status, reply = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
try:
    inserted = json.load(open(reply)).get("inserted")
except Exception:
    inserted = open(reply).read()[:200]
print(f"\n{name}: import HTTP {status} in {ended - started:.1f} s, inserted {inserted}")
ok = {"border_check": 200, "crossings_batch": 200, "login": 303, "token": 201}
rows = {}
for line in open(path):
    kind, t, ms, st = line.split()
    if started <= float(t) <= ended:
        rows.setdefault(kind, []).append((float(ms), int(st)))
print("| version | request | during the import | failed | p50 ms | p95 ms | p99 ms | max ms |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for kind in ["border_check", "crossings_batch", "login", "token"]:
    r = rows.get(kind, [])
    ms = sorted(m for m, _ in r)
    failed = sum(1 for _, s in r if s != ok[kind])
    pct = lambda p: ms[min(len(ms) - 1, round((len(ms) - 1) * p))] if ms else 0
    print(f"| {name} | {kind.replace('_', ' ')} | {len(r)} | {failed} | {pct(0.5):.0f} | {pct(0.95):.0f} | {pct(0.99):.0f} | {ms[-1] if ms else 0:.0f} |")
PY
}

for v in $VERSIONS; do measure "$v"; done
