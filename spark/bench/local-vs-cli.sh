#!/usr/bin/env bash
# Spark's overhead on one machine: the same work through environment/gcl and environment/gcl-spark
# (--master local[N]), wall time of each command (JVM and Spark start included) and the work's own
# time as each command reports it. Prints CSV rows: what,how,wall_s,reported.
#
#   spark/bench/local-vs-cli.sh [VIDEOS] [SLOTS]     (default: 16 rendered clips, local[2])
#
# Everything goes to a temporary folder (removed at the end); the shared cache is not touched.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
videos=${1:-16}
slots=${2:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GCL_CACHE="$work/cache"
"$root/environment/setup" --spark >/dev/null
gcl="$root/environment/gcl"
spark="$root/environment/gcl-spark"
timed() { # label how command...
  local label=$1 how=$2; shift 2
  local t0 t1 out
  t0=$(date +%s.%N)
  out=$("$@" 2>&1 | grep -E "^extracted|^wrote" | tail -n 1 || true)
  t1=$(date +%s.%N)
  printf '%s,%s,%.1f,"%s"\n' "$label" "$how" "$(echo "$t1 - $t0" | bc)" "$out"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$gcl" synth videos --out "$work/videos" --seed 1 --count "$videos" >/dev/null
"$gcl" synth features --out "$work/data" --seed 0 --profile quick >/dev/null
echo "what,how,wall_s,reported"
timed "extract $videos clips" "gcl extract --threads $slots" "$gcl" extract --videos "$work/videos" --out "$work/ds-cli" --threads "$slots"
timed "extract $videos clips" "gcl-spark extract local[$slots]" "$spark" extract --videos "$work/videos" --out "$work/ds-spark" --master "local[$slots]"
cmp -s <(cd "$work/ds-cli" && find . -type f -exec sha256sum {} + | sort -k2) <(cd "$work/ds-spark" && find . -type f -exec sha256sum {} + | sort -k2) \
  && echo "extract: identical files" >&2 || echo "extract: FILES DIFFER" >&2
grid=(--data "$work/data" --profile quick --methods ae-alldata,gcl-b --seeds 1,2 --quiet)
timed "ablate 2 methods x 2 seeds" "gcl ablate (ND4J threads: all cores)" "$gcl" ablate "${grid[@]}" --cache "$work/runs-cli" --out "$work/cli.csv"
timed "ablate 2 methods x 2 seeds" "gcl ablate (OMP_NUM_THREADS=1)" env OMP_NUM_THREADS=1 "$gcl" ablate "${grid[@]}" --cache "$work/runs-cli1" --out "$work/cli1.csv"
timed "ablate 2 methods x 2 seeds" "gcl-spark ablate local[$slots]" "$spark" ablate "${grid[@]}" --cache "$work/runs-spark" --out "$work/spark.csv" --master "local[$slots]"
for f in cli cli1 spark; do echo "--- $f.csv" >&2; cat "$work/$f.csv" >&2; done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
