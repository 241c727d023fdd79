#!/usr/bin/env bash
# Measures the performance targets of edgetpu-lint in one run and prints each as a ratio or a
# number next to its target (docs/performance.md explains each, and what each optimisation bought).
#
#   bench/run.sh            # everything (about 3-4 minutes on 2 cores)
#   bench/run.sh cold warm  # only some parts: cold warm batch lsp rss
#
# Needs: java 17, mvn (offline is fine once ~/.m2 has the deps), /usr/bin/time; hyperfine is used
# when installed (apt-get install hyperfine), else a plain loop. The corpus is read from
# $EDGETPULINT_CORPUS or ../shared/corpus; parts that need it are skipped when it is absent.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$root/target}"
bench_build="$root/bench/target"
corpus="${EDGETPULINT_CORPUS:-$root/../shared/corpus}"
parts=("$@")
[[ ${#parts[@]} -eq 0 ]] && parts=(cold warm batch lsp rss)
want() { local p; for p in "${parts[@]}"; do [[ "$p" == "$1" ]] && return 0; done; return 1; }
export EDGETPU_LINT_JAR="$build/edgetpu-lint.jar"
lint="$root/bin/edgetpu-lint"
results=()
record() {
  results+=("$(printf '%-44s %-34s %s' "$1" "$2" "$3")")
  printf '  %s: %s (%s)\n' "$1" "$2" "$3" >&2
}
timing="$bench_build/time.txt"
# Runs a command with its output discarded; prints /usr/bin/time's fields (format $1).
timed() {
  local format="$1"
  shift
  /usr/bin/time -o "$timing" -f "$format" "$@" >/dev/null 2>&1 || true
  tail -1 "$timing"
}

echo "== build" >&2
(cd "$root" && mvn -B -q -ntp package -DskipTests -Dbuild.dir="$build" >/dev/null)
(cd "$root/bench" && mvn -B -q -ntp package -Dmain.build.dir="$build" -Dbuild.dir="$bench_build" >/dev/null \
  && mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile="$bench_build/classpath.txt" \
     -Dmain.build.dir="$build" -Dbuild.dir="$bench_build" >/dev/null)
bench_cp="$bench_build/classes:$(cat "$bench_build/classpath.txt")"
models="$bench_build/models"
java -cp "$bench_cp" dev.edgetpulint.bench.BenchModels "$models" >&2

# Best (minimum) wall time in ms of 5 runs after 1 warm-up, and mean user+sys CPU ms.
best_of_5() {
  local json="$bench_build/hyperfine.json"
  if command -v hyperfine >/dev/null; then
    hyperfine -N -i -w 1 -r 5 --export-json "$json" "$1" >/dev/null 2>&1
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.0f %.0f" % (min(r["times"])*1000, (r["user"]+r["system"])*1000))' "$json"
  else
    local best=999999 t
    for _ in 1 2 3 4 5 6; do
      t=$(timed '%e' bash -c "$1")
      t=$(python3 -c "print(int(float('$t')*1000))")
      (( t < best )) && best=$t
    done
    echo "$best ?"
  fi
}

if want cold; then
  echo "== cold start" >&2
  mobilenet="$corpus/models/coral-edgetpu__mobilenet_v2_1.0_224_quant.tflite"
  [[ -f "$mobilenet" ]] || mobilenet="$models/ops300.tflite"
  hello_dir="$bench_build/hello"
  mkdir -p "$hello_dir"
  javac -d "$hello_dir" "$root/bench/Hello.java"
  read -r hello hello_cpu < <(best_of_5 "java -cp $hello_dir Hello")
  read -r plain plain_cpu < <(best_of_5 "java -jar $EDGETPU_LINT_JAR check $mobilenet")
  read -r tuned tuned_cpu < <(best_of_5 "env EDGETPU_LINT_CDS=off $lint check $mobilenet")
  read -r cds cds_cpu < <(best_of_5 "$lint check $mobilenet")
  record "cold: java -cp . Hello" "${hello} ms (cpu ${hello_cpu} ms)" "baseline"
  record "cold: java -jar, no tuning" "${plain} ms (cpu ${plain_cpu} ms)" "$(python3 -c "print('%.1fx Hello' % ($plain/$hello))")"
  record "cold: launcher, C1, no AppCDS" "${tuned} ms (cpu ${tuned_cpu} ms)" "$(python3 -c "print('%.1fx Hello' % ($tuned/$hello))")"
  record "cold: launcher with AppCDS (shipped)" "${cds} ms (cpu ${cds_cpu} ms)" "$(python3 -c "print('%.2fx Hello; target < 3x' % ($cds/$hello))")"
fi

if want warm; then
  echo "== warm (JMH)" >&2
  java -cp "$bench_cp" org.openjdk.jmh.Main JudgeBenchmark -rf json -rff "$bench_build/jmh-judge.json" >"$bench_build/jmh-judge.txt" 2>&1
  python3 - "$bench_build/jmh-judge.json" > "$bench_build/jmh-judge.summary" <<'PY'
import json, sys
rows = {}
for r in json.load(open(sys.argv[1])):
    name = r["benchmark"].rsplit(".", 1)[1]
    rows[(name, r["params"]["weights"])] = (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"])
for name in ("judge", "read"):
    s, e = rows[(name, "small")]
    l, le = rows[(name, "weights10x")]
    print(f"{name} {s:.1f} {e:.1f} {l:.1f} {le:.1f} {l/s:.2f}")
PY
  while read -r name s e l le ratio; do
    record "warm: $name 300 ops (JMH avg)" "${s} ± ${e} us" "$( [[ $name == judge ]] && echo 'target well under 1000 us' || echo '')"
    record "warm: $name 300 ops, 10x weights" "${l} ± ${le} us" "${ratio}x the small model; target < 1.2x"
  done < "$bench_build/jmh-judge.summary"
  # Thread CPU of the measuring thread: steadier than JMH's wall time when the machine is shared.
  echo "== warm (thread CPU, JudgeCpu)" >&2
  java -cp "$bench_cp" dev.edgetpulint.bench.JudgeCpu > "$bench_build/judgecpu.txt"
  while IFS= read -r line; do
    case "$line" in
      *"thread CPU per run"*)
        part="${line%%:*}"
        value="$(sed -E 's/.*: ([0-9.]+) ms thread CPU.*/\1/' <<<"$line")"
        ratio="$(sed -nE 's/.*= ([0-9.]+x) the small model/\1 the small model; target < 1.2x/p' <<<"$line")"
        [[ $part == judge ]] && ratio="target well under 1 ms"
        record "warm: $part (thread CPU)" "${value} ms (best batch of 20)" "$ratio"
        ;;
    esac
  done < "$bench_build/judgecpu.txt"
fi

if want batch; then
  echo "== batch" >&2
  if [[ -d "$corpus/models" ]]; then
    count=$(find "$corpus/models" -maxdepth 1 -type f | wc -l)
    "$lint" check "$corpus/models" >/dev/null 2>&1 || true   # first run may write the CDS archive
    best=999999; cpu=0; cpu_s=0
    for _ in 1 2 3; do
      read -r wall user sys pct < <(timed '%e %U %S %P' "$lint" check "$corpus/models")
      ms=$(python3 -c "print(int(float('$wall')*1000))")
      if (( ms < best )); then best=$ms; cpu="$pct"; cpu_s=$(python3 -c "print('%.2f' % ($user + $sys))"); fi
    done
    record "batch: check corpus/models ($count files)" "${best} ms wall, ${cpu} CPU, ${cpu_s} s cpu" "target < 2000 ms, both cores (>100%)"
  else
    record "batch" "skipped" "no corpus at $corpus"
  fi
fi

if want lsp; then
  echo "== language server" >&2
  if java -cp "$bench_cp" dev.edgetpulint.bench.LspBench "$models/ops500.tflite.yaml" >"$bench_build/lsp.txt" 2>"$bench_build/lsp.err"; then
    while IFS='|' read -r what value target; do record "$what" "$value" "$target"; done < "$bench_build/lsp.txt"
  else
    record "lsp" "failed" "see $bench_build/lsp.err"
  fi
fi

if want rss; then
  echo "== peak RSS" >&2
  size=$(stat -c %s "$models/weights-100mb.tflite")
  "$lint" check "$models/weights-100mb.tflite" >/dev/null 2>&1 || true
  kb=$(timed '%M' "$lint" check "$models/weights-100mb.tflite")
  record "rss: check of a $((size / 1000000)) MB model" "$((kb / 1024)) MB peak RSS" "target < 150 MB"
fi

echo
echo "edgetpu-lint performance, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
printf '%-44s %-28s %s\n' "measure" "value" "ratio / target"
printf '%s\n' "${results[@]}"
