#!/usr/bin/env bash
# Validates SARIF files with Microsoft's SARIF multitool (npm @microsoft/sarif-multitool), rule kinds
# Sarif and Gh (GitHub code scanning ingestion rules). The multitool exits 0 even when it reports
# errors, so this script reads its output: any "error" result fails the script.
# Usage: .ci/sarif-validate.sh FILE.sarif...
set -euo pipefail
if [ "$#" -eq 0 ]; then
  echo "usage: $0 FILE.sarif..." >&2
  exit 2
fi
version="${SARIF_MULTITOOL_VERSION:-5.7.0}"
status=0
for file in "$@"; do
  out="$(mktemp -d)"
  log="$out/validation.sarif"
  # The package's bin.js re-runs its arguments through a shell (spawnSync with shell: true), where ";"
  # would split the command: quote every argument twice (once for npx -c, once for bin.js).
  if ! npx --yes -p "@microsoft/sarif-multitool@${version}" -c \
      "sarif-multitool validate --max-file-size-in-kb 1000000 --rule-kind '\"Sarif;Gh\"' --output '\"$log\"' '\"$file\"'" \
      > "$out/stdout.txt" 2>&1; then
    cat "$out/stdout.txt" >&2
    echo "sarif-validate: the multitool could not run on $file" >&2
    status=1
    continue
  fi
  # Lines like "file.sarif(12,5): error SARIF1001: ..." on stdout; count results at level error in the log.
  errors="$(node -e '
    const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    let n = 0;
    for (const run of log.runs || []) {
      for (const r of run.results || []) { if ((r.level || "warning") === "error") n++; }
      for (const inv of run.invocations || []) {
        for (const note of inv.toolExecutionNotifications || []) { if (note.level === "error") n++; }
      }
    }
    console.log(n);' "$log")"
  grep -E ": (error|warning) " "$out/stdout.txt" || true
  if [ "$errors" != "0" ] || grep -qE ": error " "$out/stdout.txt"; then
    echo "sarif-validate: $file: $errors error(s)" >&2
    status=1
  else
    echo "sarif-validate: $file: no errors"
  fi
  rm -rf "$out"
done
exit "$status"
