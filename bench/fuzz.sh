#!/usr/bin/env bash
# Coverage-guided fuzzing of the hostile-input surfaces (TFLite reader, description parser, rule
# loader) with Jazzer, outside JUnit so that every target gets its own time budget.
#
#   bench/fuzz.sh            # short run for CI: 15 s per target
#   bench/fuzz.sh 600        # long run on demand: 10 min per target
#   bench/fuzz.sh 60 TfliteReaderFuzzTest   # one target
#   FUZZ_SEED=7 bench/fuzz.sh 15             # the same input sequence every time
#
# With FUZZ_SEED set (CI sets it) libFuzzer's mutations are reproducible: a slower machine walks a
# prefix of the same inputs, so a green run here stays green there, and a finding can be replayed.
# Without it every run explores new inputs (what a long run on demand is for).
#
# Targets are the classes under src/test/java/dev/edgetpulint/fuzz with a static
# fuzzerTestOneInput(byte[]); the same methods run as @FuzzTest regression tests in `mvn test`
# over the committed seeds (src/test/resources/dev/edgetpulint/fuzz/<Class>Inputs/...).
# New corpus entries go to target/fuzz/corpus/<Class> (not committed); findings (crash, hang over
# the per-input timeout, out-of-memory) to target/fuzz/findings/<Class>, and the script exits 1.
set -euo pipefail

seconds="${1:-15}"
only="${2:-}"
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$root/target}"
cd "$root"

mkdir -p "$build"
mvn -B -q -ntp test-compile -Dbuild.dir="$build" >"$build/fuzz-build.log" 2>&1 || { cat "$build/fuzz-build.log" >&2; exit 2; }
cp_file="$build/fuzz/test.cp"
mkdir -p "$build/fuzz"
mvn -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" \
  -Dbuild.dir="$build" >"$build/fuzz-build.log" 2>&1 || { cat "$build/fuzz-build.log" >&2; exit 2; }
classpath="$build/test-classes:$build/classes:$(cat "$cp_file")"

targets=()
for f in src/test/java/dev/edgetpulint/fuzz/*FuzzTest.java; do
  grep -q 'static void fuzzerTestOneInput' "$f" || continue
  name="$(basename "$f" .java)"
  [[ -z "$only" || "$name" == "$only" ]] && targets+=("$name")
done
if [[ ${#targets[@]} -eq 0 ]]; then
  echo "fuzz: no targets found" >&2
  exit 2
fi

status=0
total_runs=0
printf '%-28s %12s %8s %s\n' target executions seconds result
for name in "${targets[@]}"; do
  corpus="$build/fuzz/corpus/$name"
  findings="$build/fuzz/findings/$name"
  rm -rf "$findings"
  mkdir -p "$corpus" "$findings"
  seeds=()
  for d in "$root"/src/test/resources/dev/edgetpulint/fuzz/"${name}"Inputs/*/; do
    [[ -d "$d" ]] && seeds+=("$d")
  done
  log="$build/fuzz/$name.log"
  set +e
  # -Xmx bounds memory: an input that makes the reader allocate without limit is a finding (OOM).
  # -timeout: an input that takes longer than this is a hang finding (the goal is 1 s a file; the
  # instrumented build on a busy 2-core machine needs slack; the cold first input is excluded by
  # each target's fuzzerInitialize).
  seed_flag=()
  [[ -n "${FUZZ_SEED:-}" ]] && seed_flag=(-seed="$FUZZ_SEED")
  (cd "$build/fuzz" && java -Xmx1g -cp "$classpath" com.code_intelligence.jazzer.Jazzer \
      --target_class="dev.edgetpulint.fuzz.$name" \
      --instrumentation_includes='dev.edgetpulint.**' \
      --keep_going=0 \
      "${seed_flag[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 -max_len=65536 \
      -artifact_prefix="$findings/" \
      "$corpus" "${seeds[@]}") >"$log" 2>&1
  rc=$?
  set -e
  runs="$(grep -Eo 'Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' | tail -1 || true)"
  runs="${runs:-0}"
  total_runs=$((total_runs + runs))
  if [[ $rc -eq 0 ]]; then
    result=ok
  else
    result="FINDING (exit $rc; see $log and $findings)"
    status=1
  fi
  printf '%-28s %12s %8s %s\n' "$name" "$runs" "$seconds" "$result"
  if [[ $rc -ne 0 ]]; then
    # What was found, where a CI log shows it: the exception and its stack, or libFuzzer's verdict.
    grep -E -A25 '^== Java Exception|ERROR: libFuzzer|==ERROR|Out of memory|timeout' "$log" | head -40 | sed 's/^/    /'
  fi
done
echo "fuzz: $total_runs executions over ${#targets[@]} targets, $( [[ $status -eq 0 ]] && echo 'no findings' || echo 'FINDINGS')"
exit $status
