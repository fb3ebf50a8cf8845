#!/usr/bin/env bash
# The imports into SQLite before and after a change, side by side in one run (issue 18's target:
# the labour and register imports on SQLite at least twice as fast). Each round imports, with each
# binary in turn into a fresh database: the three labour files (forecast, vacancies, work permits)
# and the register's crossings file. Rounds alternate the binaries so that a noisy stretch of the
# machine falls on both.
#
#   BEFORE     an ashyq binary from before the change (e.g. built in a git worktree at that commit)
#   AFTER      an ashyq binary with it [target/release/ashyq]
#   ROUNDS [3] VACANCIES [1000000] PERMITS [100000] PEOPLE [300000] CROSSINGS [1000000] SEED [2026]
#   DB_DIR     where the databases are written [a fresh temporary directory]; the disk matters:
#              see bench/register/README.md
#
# Prints each run, then a table of the median seconds (GNU time) and peak memory of each import.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BEFORE="${BEFORE:?the ashyq binary from before the change}"
AFTER="${AFTER:-$ROOT/target/release/ashyq}"
ROUNDS="${ROUNDS:-3}"
VACANCIES="${VACANCIES:-1000000}"
PERMITS="${PERMITS:-100000}"
PEOPLE="${PEOPLE:-300000}"
CROSSINGS="${CROSSINGS:-1000000}"
SEED="${SEED:-2026}"
WORK="$(mktemp -d)"
DB_DIR="${DB_DIR:-$WORK/db}"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$DB_DIR"
[[ -x /usr/bin/time ]] || { echo "GNU time is needed: apt-get install time" >&2; exit 1; }

"$AFTER" generate labour --out "$WORK/labour" --vacancies "$VACANCIES" --work-permits "$PERMITS" \
    --seed "$SEED" --first-year 2022 --last-year 2025 >/dev/null
"$AFTER" generate register --out "$WORK/register" --people "$PEOPLE" --crossings "$CROSSINGS" \
    --year 2025 --seed "$SEED" >/dev/null

# timed NAME BIN ARGS…: runs one import, appends "side name seconds peak_kib" to the results.
timed() {
    local side=$1 name=$2 bin=$3
    shift 3
    /usr/bin/time -f '%e %M' -o "$WORK/time" "$bin" --database-url "sqlite://$DB_DIR/$side.db" "$@" >/dev/null 2>"$WORK/err" \
        || { cat "$WORK/err" >&2; exit 1; }
    read -r secs peak <"$WORK/time"
    echo "$side $name $secs $peak" | tee -a "$WORK/results" >&2
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for round in $(seq 1 "$ROUNDS"); do
    for side in before after; do
        bin=$BEFORE
        [[ $side == after ]] && bin=$AFTER
        rm -f "$DB_DIR/$side.db" "$DB_DIR/$side.db-wal" "$DB_DIR/$side.db-shm"
        for f in forecast vacancies work-permits; do
            timed "$side" "$f" "$bin" import "$f" "$WORK/labour/$f.csv"
        done
        rm -f "$DB_DIR/$side.db" "$DB_DIR/$side.db-wal" "$DB_DIR/$side.db-shm"
        timed "$side" crossings "$bin" register import crossings "$WORK/register/crossings.csv"
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

python3 - "$WORK/results" "$ROUNDS" <<'EOF'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    side, name, secs, peak = line.split()
    runs.setdefault((name, side), []).append((float(secs), int(peak)))
def med(name, side):
    r = runs[(name, side)]
    return statistics.median(s for s, _ in r), max(p for _, p in r) // 1024
print(f"| import into SQLite ({sys.argv[2]} rounds, median) | before: s | after: s | after / before | peak MiB before / after |")
print("|---|---:|---:|---:|---:|")
labour = {"before": 0.0, "after": 0.0}
for name in ["forecast", "vacancies", "work-permits", "crossings"]:
    (b, pb), (a, pa) = med(name, "before"), med(name, "after")
    if name != "crossings":
        labour["before"] += b
        labour["after"] += a
    print(f"| {name} | {b:.2f} | {a:.2f} | {a / b:.2f} | {pb} / {pa} |")
b, a = labour["before"], labour["after"]
print(f"| the three labour files | {b:.2f} | {a:.2f} | {a / b:.2f} | |")
EOF
