#!/usr/bin/env bash
# The labour import into PostgreSQL before and after vacancies were partitioned by year
# (migration 0024), side by side in one run: 1M generated vacancies imported into a fresh schema,
# the same file again (every row unchanged), then the file with every tenth posting date a year
# earlier (each such row moves to another partition; a 29 February is left as it is).
#
#   BEFORE   an ashyq binary built before the partitions (e.g. git worktree at the parent commit)
#   AFTER    an ashyq binary with them [target/release/ashyq]
#   PG_URL   [postgres://postgres@127.0.0.1:5432/test]   VACANCIES [1000000]   SEED [2026]
#
# Prints one line per import: which binary, which file, seconds (GNU time), peak memory, counts.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BEFORE="${BEFORE:?the ashyq binary from before the partitions}"
AFTER="${AFTER:-$ROOT/target/release/ashyq}"
PG_URL="${PG_URL:-postgres://postgres@127.0.0.1:5432/test}"
VACANCIES="${VACANCIES:-1000000}"
SEED="${SEED:-2026}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

"$AFTER" generate labour --out "$WORK" --vacancies "$VACANCIES" --work-permits 1000 --seed "$SEED" >/dev/null
awk -F, 'BEGIN{OFS=","} NR>1 && NR%10==0 && substr($2,6,5)!="02-29" {y=substr($2,1,4)-1; $2=y substr($2,5)} {print}' \
    "$WORK/vacancies.csv" > "$WORK/vacancies-moved.csv"

for side in before after; do
    bin=$BEFORE; [[ $side == after ]] && bin=$AFTER
    schema="bench_partitions_$side"
    psql -q "$PG_URL" -c "DROP SCHEMA IF EXISTS $schema CASCADE" -c "CREATE SCHEMA $schema" 2>/dev/null
    url="$PG_URL?options=-c%20search_path%3D$schema"
    for f in vacancies.csv vacancies.csv vacancies-moved.csv; do
        out=$( { /usr/bin/time -f "%e s, %M KB" "$bin" --database-url "$url" import vacancies "$WORK/$f"; } 2>&1 )
        echo "$side $f: $(grep -E ' s, [0-9]+ KB' <<<"$out") — $(grep -E 'rows read' <<<"$out" | sed 's/.*rows read — //')"
    done
    psql -q "$PG_URL" -c "DROP SCHEMA $schema CASCADE" 2>/dev/null
done
