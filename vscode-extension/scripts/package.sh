#!/usr/bin/env bash
# Packages the extension into vscode-extension/edgetpu-lint-<version>.vsix, offline.
# The server jar is target/edgetpu-lint.jar of the Maven build (built here when missing),
# or the jar given with --jar PATH. Usage: scripts/package.sh [--jar PATH] [--rebuild-jar]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "$here/.." && pwd)"
jar="$repo/target/edgetpu-lint.jar"
rebuild=false
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar="$2"; shift 2 ;;
    --rebuild-jar) rebuild=true; shift ;;
    *) echo "package.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

if $rebuild || [ ! -f "$jar" ]; then
  echo "[package] building the server jar: mvn -B -q -DskipTests package"
  (cd "$repo" && mvn -B -q -DskipTests package)
fi
[ -f "$jar" ] || { echo "[package] no server jar at $jar" >&2; exit 1; }

cd "$here"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[package] npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "[package] type-checking and bundling TypeScript"
rm -rf out
npx --no-install tsc -p . --noEmit
npm run --silent bundle
mkdir -p server
cp "$jar" server/edgetpu-lint.jar
version="$(node -p "require('./package.json').version")"
echo "[package] vsce package -> edgetpu-lint-$version.vsix"
npx --no-install vsce package --no-dependencies --skip-license --allow-missing-repository \
  --out "edgetpu-lint-$version.vsix" >/dev/null
ls -l "edgetpu-lint-$version.vsix"
