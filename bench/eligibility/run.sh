#!/usr/bin/env bash
# Benchmark: `ashyq eval-batch` deciding synthetic applications of all five programmes, and on
# the same permanent-residence and investor-visa applications an equivalent OpenFisca model
# (openfisca-core from PyPI), in the same run. See bench/eligibility/README.md.
#
# Environment (defaults in brackets):
#   COUNT [1000000]  SEED [2026]   applications to generate (all programmes) and the seed
#   RUNS [3]         timed runs of each engine (after one warm-up each); the median counts
#   THREADS []       ashyq's --threads (default: ashyq's own, every core)
#   ONE_THREAD [1]   1: also time ashyq on the PR + investor subset with --threads 1
#   PYTHON [python3] the Python (≥ 3.11) the venv is made from
#   BUILD [1]        0: use target/release/ashyq as it is (no cargo build)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
COUNT="${COUNT:-1000000}"
SEED="${SEED:-2026}"
RUNS="${RUNS:-3}"
THREADS="${THREADS:-}"
ONE_THREAD="${ONE_THREAD:-1}"
PYTHON="${PYTHON:-python3}"
BUILD="${BUILD:-1}"

ASHYQ="$ROOT/target/release/ashyq"
VENV="$HERE/.venv"
DATA="$HERE/data"
OUT="$HERE/out"
TIME=/usr/bin/time

say() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

[[ -x $TIME ]] || die "$TIME (GNU time) is needed for the peak memory; apt-get install time"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number"
[[ $COUNT =~ ^[1-9][0-9]*$ ]] || die "COUNT must be a positive number"

# ---- build ---------------------------------------------------------------------------------
if [[ $BUILD != 0 ]]; then
    say "building ashyq (release)"
    (cd "$ROOT" && cargo build --release -p ashyq)
fi
[[ -x $ASHYQ ]] || die "$ASHYQ is missing: build it (BUILD=1)"
"$ASHYQ" eval-batch --help >/dev/null 2>&1 || die "this ashyq has no \`eval-batch\` command yet"
"$ASHYQ" generate applications --help >/dev/null 2>&1 || die "this ashyq has no \`generate applications\` command yet"

# ---- OpenFisca in a venv -------------------------------------------------------------------
if [[ ! -x $VENV/bin/python ]]; then
    say "creating $VENV"
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || die "$PYTHON is older than 3.11 (tomllib is needed); set PYTHON"
    "$PYTHON" -m venv "$VENV"
fi
# A no-op (and no download) when the pinned versions are installed already.
"$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$HERE/requirements.txt"
OPENFISCA_VERSION="$("$VENV/bin/python" -c 'from importlib.metadata import version; print(version("openfisca-core"))')"
NUMPY_VERSION="$("$VENV/bin/python" -c 'import numpy; print(numpy.__version__)')"
PYTHON_VERSION="$("$VENV/bin/python" -c 'import platform; print(platform.python_version())')"

# ---- data ----------------------------------------------------------------------------------
# The applications, regenerated when the parameters or the generator's source change.
mkdir -p "$DATA" "$OUT"
STAMP="count=$COUNT seed=$SEED generator=$(cat "$ROOT/crates/cli/src/synth/applications.rs" | sha256sum | cut -c1-16)"
ALL="$DATA/applications-$COUNT-s$SEED.jsonl"
SUBSET="$DATA/applications-$COUNT-s$SEED-pr-inv.jsonl"
PREPARED="$DATA/applications-$COUNT-s$SEED-pr-inv.npz"
if [[ ! -f $ALL.stamp || "$(cat "$ALL.stamp")" != "$STAMP" ]]; then
    say "generating $COUNT applications into $ALL"
    rm -f "$ALL" "$ALL.stamp" "$SUBSET" "$PREPARED"
    "$ASHYQ" generate applications --count "$COUNT" --seed "$SEED" --out "$ALL" >&2
    # The like-for-like subset: the programmes the OpenFisca model knows (not timed).
    grep -E '"programme": ?"(permanent-residence|investor-visa)"' "$ALL" >"$SUBSET"
    # OpenFisca's input: the subset's facts as numpy columns (not timed).
    say "flattening the PR and investor applications for OpenFisca (not timed)"
    "$VENV/bin/python" "$HERE/prepare.py" "$SUBSET" "$PREPARED"
    echo "$STAMP" >"$ALL.stamp"
fi
LINES_ALL=$(wc -l <"$ALL")
LINES_SUBSET=$(wc -l <"$SUBSET")
BYTES_ALL=$(wc -c <"$ALL")

# ---- the database: migrations and the official rates ----------------------------------------
# The investor rule converts at the National Bank's rates, from the database. No list of
# professions in demand is published in it (so no one is exempt on that ground, on either side).
RATES="$DATA/rates.csv"
if "$ASHYQ" generate rates --help >/dev/null 2>&1; then
    RATES_SOURCE="\`ashyq generate rates\`"
    [[ -f $RATES ]] || "$ASHYQ" generate rates --out "$RATES" >&2
else
    RATES_SOURCE="run.sh (a random walk, USD and EUR, Monday to Friday 2023-01-01..2026-12-31)"
    [[ -f $RATES ]] || "$VENV/bin/python" - "$RATES" <<'EOF'
import csv, datetime, random, sys
rng = random.Random(2026)
usd, eur_usd = 460.0, 1.08
day = datetime.date(2023, 1, 1)
with open(sys.argv[1], "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["date", "currency", "rate"])
    while day <= datetime.date(2026, 12, 31):
        if day.weekday() < 5:
            usd = min(max(usd * (1 + rng.gauss(0, 0.004)), 420.0), 560.0)
            eur_usd = min(max(eur_usd * (1 + rng.gauss(0, 0.003)), 1.0), 1.2)
            w.writerow([day.isoformat(), "USD", f"{usd:.2f}"])
            w.writerow([day.isoformat(), "EUR", f"{usd * eur_usd:.2f}"])
        day += datetime.timedelta(days=1)
EOF
fi
DB="$DATA/bench.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
export ASHYQ_DATABASE_URL="sqlite://$DB"
say "a fresh database with the rates ($RATES)"
"$ASHYQ" migrate >&2
"$ASHYQ" import rates "$RATES" >&2

# ---- the engines ---------------------------------------------------------------------------
# run_engine NAME: one run; appends "wall=… rss_kb=… cpu=… <the engine's own timing fields>"
# to $OUT/NAME.times.
run_engine() {
    local name=$1 times=$2 timing err
    timing="$(mktemp)"
    err="$OUT/$name.err"
    case $name in
        ashyq-all)
            "$TIME" -f "%e %M %U %S" -o "$timing" "$ASHYQ" eval-batch "$ALL" --timing \
                ${THREADS:+--threads "$THREADS"} --out "$OUT/$name.jsonl" 2>"$err"
            ;;
        ashyq-subset)
            "$TIME" -f "%e %M %U %S" -o "$timing" "$ASHYQ" eval-batch "$SUBSET" --timing \
                ${THREADS:+--threads "$THREADS"} --out "$OUT/$name.jsonl" 2>"$err"
            ;;
        ashyq-subset-1t)
            "$TIME" -f "%e %M %U %S" -o "$timing" "$ASHYQ" eval-batch "$SUBSET" --timing \
                --threads 1 --out "$OUT/$name.jsonl" 2>"$err"
            ;;
        openfisca)
            "$TIME" -f "%e %M %U %S" -o "$timing" "$VENV/bin/python" "$HERE/openfisca_model.py" "$PREPARED" \
                --rates "$RATES" --out "$OUT/$name.csv" 2>"$err"
            ;;
    esac
    local fields
    fields="$(grep '^timing:' "$err" | tail -n1 | sed 's/^timing: *//')"
    [[ -n $fields ]] || die "$name printed no timing line (see $err)"
    tail -n1 "$timing" | awk -v f="$fields" '{printf "wall=%s rss_kb=%s cpu=%.2f %s\n", $1, $2, $3 + $4, f}' >>"$times"
    rm -f "$timing"
}

ENGINES=(ashyq-all ashyq-subset)
[[ $ONE_THREAD == 1 ]] && ENGINES+=(ashyq-subset-1t)
ENGINES+=(openfisca)

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
for e in "${ENGINES[@]}"; do
    say "warm-up of $e"
    run_engine "$e" /dev/null
    rm -f "$OUT/$e.times"
done
for ((i = 1; i <= RUNS; i++)); do
    for e in "${ENGINES[@]}"; do
        say "$e, run $i of $RUNS"
        run_engine "$e" "$OUT/$e.times"
    done
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

# Once, for context (not part of OpenFisca's timed figures): what OpenFisca's input costs when
# it starts from the same JSON Lines — prepare.py, plain json.loads per line, not optimised.
say "timing prepare.py once (JSON Lines → columns; context only)"
"$TIME" -f "%e %M" -o "$OUT/prepare.time" "$VENV/bin/python" "$HERE/prepare.py" "$SUBSET" "$OUT/prepare-check.npz" 2>/dev/null
rm -f "$OUT/prepare-check.npz"
PREPARE_S="$(awk '{print $1}' "$OUT/prepare.time")"

# field ENGINE KEY: the median of KEY over the runs (rss_kb: the largest).
field() {
    awk -v k="$2" '{for (i = 1; i <= NF; i++) {split($i, kv, "="); if (kv[1] == k) print kv[2]}}' "$OUT/$1.times" \
        | sort -g | awk -v k="$2" '{v[NR] = $1} END {if (NR == 0) print "?"; else if (k == "rss_kb") print v[NR]; else print v[int((NR + 1) / 2)]}'
}
all_values() { awk -v k="$2" '{for (i = 1; i <= NF; i++) {split($i, kv, "="); if (kv[1] == k) print kv[2]}}' "$OUT/$1.times" | paste -sd' ' | sed 's/ /, /g'; }
mib() { awk -v kb="$(field "$1" rss_kb)" 'BEGIN {printf "%.0f", kb / 1024}'; }
per_second() { awk -v n="$1" -v s="$2" 'BEGIN {if (s + 0 > 0) printf "%.0f", n / s; else print "?"}'; }
thousands() { awk -v n="$1" 'BEGIN {if (n !~ /^[0-9]+$/) {print n; exit} s = n; r = ""; while (length(s) > 3) {r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3)} print s r}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b + 0 > 0) printf "%.2f", a / b; else print "?"}'; }
# median_run ENGINE: the line of the run whose total_s is the median.
median_run() {
    local m
    m="$(field "$1" total_s)"
    grep -m1 -E "(^| )total_s=$m( |$)" "$OUT/$1.times"
}
verdict() { awk -v r="$1" 'BEGIN {print (r + 0 >= 10 ? "met" : "NOT met")}'; }

# ---- agreement -----------------------------------------------------------------------------
say "comparing the decisions of ashyq and OpenFisca"
if ! agree="$("$VENV/bin/python" "$HERE/compare.py" "$OUT/ashyq-subset.jsonl" "$OUT/openfisca.csv" --json "$OUT/agreement.json")"; then
    echo "$agree"
    die "ashyq and OpenFisca disagree: the timings mean nothing until the model or the rule is fixed"
fi
if ! agree_all="$("$VENV/bin/python" "$HERE/compare.py" "$OUT/ashyq-all.jsonl" "$OUT/openfisca.csv")"; then
    echo "$agree_all"
    die "ashyq on all the applications decides PR/investor differently from OpenFisca"
fi
echo "$agree" >&2
MIX="$("$VENV/bin/python" - "$OUT/ashyq-all.jsonl" <<'EOF'
import json, sys
from collections import Counter
c = Counter()
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    c[(d.get("programme", "?"), d.get("outcome") or "error")] += 1
programmes = sorted({p for p, _ in c})
for p in programmes:
    n = sum(v for (q, _), v in c.items() if q == p)
    parts = ", ".join(f"{o} {v} ({100 * v / n:.1f} %)" for (q, o), v in sorted(c.items()) if q == p)
    print(f"- {p}: {n} — {parts}")
EOF
)"

# ---- report --------------------------------------------------------------------------------
A_DEC="$(field ashyq-all decide_s)"
A_TOT="$(field ashyq-all total_s)"
A_WALL="$(field ashyq-all wall)"
S_DEC="$(field ashyq-subset decide_s)"
S_TOT="$(field ashyq-subset total_s)"
S_WALL="$(field ashyq-subset wall)"
O_CALC="$(field openfisca calculate_s)"
O_TOT="$(field openfisca total_s)"
O_WALL="$(field openfisca wall)"
R_DECIDE="$(ratio "$(per_second "$LINES_SUBSET" "$S_DEC")" "$(per_second "$LINES_SUBSET" "$O_CALC")")"
R_TOTAL="$(ratio "$(per_second "$LINES_SUBSET" "$S_TOT")" "$(per_second "$LINES_SUBSET" "$O_TOT")")"
R_WALL="$(ratio "$(per_second "$LINES_SUBSET" "$S_WALL")" "$(per_second "$LINES_SUBSET" "$O_WALL")")"
if [[ $ONE_THREAD == 1 ]]; then
    T_DEC="$(field ashyq-subset-1t decide_s)"
    T_TOT="$(field ashyq-subset-1t total_s)"
    T_WALL="$(field ashyq-subset-1t wall)"
    R1_DECIDE="$(ratio "$(per_second "$LINES_SUBSET" "$T_DEC")" "$(per_second "$LINES_SUBSET" "$O_CALC")")"
    R1_TOTAL="$(ratio "$(per_second "$LINES_SUBSET" "$T_TOT")" "$(per_second "$LINES_SUBSET" "$O_TOT")")"
fi

row() { # engine label lines read_key compute_key
    local e=$1 label=$2 n=$3 rk=$4 ck=$5 c t w
    c="$(field "$e" "$ck")"
    t="$(field "$e" total_s)"
    w="$(field "$e" wall)"
    echo "| $label | $(thousands "$n") | $(field "$e" "$rk") | $c | $(thousands "$(per_second "$n" "$c")") | $t | $(thousands "$(per_second "$n" "$t")") | $w | $(mib "$e") | $(field "$e" cpu) |"
}

report() {
    local cpu mem rev
    cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)"
    mem="$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
    rev="$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?')"
    if [[ -n "$(cd "$ROOT" && git status --porcelain -- crates 2>/dev/null)" ]]; then
        rev="$rev with uncommitted changes in crates/"
    fi
    echo "## \`ashyq eval-batch\` against OpenFisca — $(date -u +'%Y-%m-%d %H:%M UTC')"
    echo
    echo "- machine: $(nproc) CPUs ($cpu), $mem memory, $(uname -sr)"
    echo "- data: \`ashyq generate applications --count $COUNT --seed $SEED\` (application dates 2025-01-01..2026-11-20):" \
        "$LINES_ALL lines, $((BYTES_ALL / 1048576)) MiB of JSON Lines; the PR + investor subset: $LINES_SUBSET lines"
    echo "- rates: $RATES_SOURCE, imported with \`ashyq import rates\`; no list of professions in demand published"
    echo "- ashyq: \`target/release/ashyq eval-batch FILE --timing${THREADS:+ --threads $THREADS} --out …\`; revision $rev"
    echo "- OpenFisca: openfisca-core $OPENFISCA_VERSION, numpy $NUMPY_VERSION, Python $PYTHON_VERSION (one thread):" \
        "\`bench/eligibility/openfisca_model.py\` on the columns \`prepare.py\` made (not timed)"
    echo "- each engine: one warm-up run, then $RUNS runs taken in turn; medians; peak RSS is the largest (GNU time \`%M\`)"
    echo "- load average (1, 5, 15 min) before the runs: $LOAD_BEFORE; after: $LOAD_AFTER"
    echo
    echo "| engine | profiles | parse / build (s) | decide / calculate (s) | profiles/s | in-process total (s) | profiles/s | wall (s) | peak memory (MiB) | CPU (s) |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    row ashyq-all "ashyq, all five programmes" "$LINES_ALL" parse_s decide_s
    row ashyq-subset "ashyq, PR + investor" "$LINES_SUBSET" parse_s decide_s
    [[ $ONE_THREAD == 1 ]] && row ashyq-subset-1t "ashyq, PR + investor, 1 thread" "$LINES_SUBSET" parse_s decide_s
    row openfisca "OpenFisca, PR + investor" "$LINES_SUBSET" build_s calculate_s
    echo
    echo "Columns: *parse / build* — ashyq: \`parse_s\`, the JSON of every line read into the programme's"
    echo "facts and checked; OpenFisca: \`build_s\`, loading the prepared columns, building the tax-benefit"
    echo "system (policy, rates) and the simulations. *decide / calculate* — ashyq: \`decide_s\`, deciding"
    echo "every line with every check (rate lookups included; the JSON of the decisions is not in it);"
    echo "OpenFisca: \`calculate_s\`, calculating the outcomes and the failed rules. *in-process total* —"
    echo "\`total_s\`, the command's own measure of all its work (ashyq: with loading the lists and rates"
    echo "from the database, reading, serialising and writing). *wall* — GNU time, with process start"
    echo "(for OpenFisca, Python's imports)."
    echo
    echo "Runs (s): ashyq all decide $(all_values ashyq-all decide_s) / total $(all_values ashyq-all total_s);" \
        "ashyq PR + investor decide $(all_values ashyq-subset decide_s) / total $(all_values ashyq-subset total_s);" \
        "OpenFisca calculate $(all_values openfisca calculate_s) / total $(all_values openfisca total_s)."
    echo
    echo "The median runs (PR + investor), as measured: ashyq \`$(median_run ashyq-subset)\`;" \
        "OpenFisca \`$(median_run openfisca)\`."
    echo
    echo "**ashyq / OpenFisca on the same PR + investor profiles:** deciding $R_DECIDE× (target ≥ 10×: **$(verdict "$R_DECIDE")**)," \
        "in-process end to end $R_TOTAL× (**$(verdict "$R_TOTAL")**), wall clock with process start $R_WALL×."
    if [[ $ONE_THREAD == 1 ]]; then
        echo "With ashyq on one thread, as OpenFisca: deciding $R1_DECIDE×, end to end $R1_TOTAL×."
    fi
    echo
    echo "Not in OpenFisca's figures: its input was flattened from the same JSON Lines beforehand by" \
        "\`prepare.py\` (json.loads per line, not optimised), which took $PREPARE_S s (wall, one run)." \
        "Counting it, OpenFisca from the JSON Lines to the decisions takes about" \
        "$(awk -v a="$O_TOT" -v b="$PREPARE_S" 'BEGIN {printf "%.1f", a + b}') s against ashyq's $S_TOT s" \
        "($(awk -v a="$O_TOT" -v b="$PREPARE_S" -v c="$S_TOT" 'BEGIN {printf "%.1f", (a + b) / c}')×)."
    echo
    echo "Agreement: $agree"
    echo
    echo "ashyq's decisions of all $LINES_ALL applications:"
    echo
    echo "$MIX"
}

report >"$HERE/results.md"
echo
cat "$HERE/results.md"
