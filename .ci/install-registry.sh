#!/usr/bin/env bash
# Installs the CNCF distribution registry (Debian package docker-registry, /usr/bin/docker-registry)
# that the Registries tests start on loopback. Does nothing when it is already there.
#   usage: .ci/install-registry.sh        (as root, or with sudo available)
set -euo pipefail

BINARY=/usr/bin/docker-registry
if [[ -x "$BINARY" ]]; then
  exit 0
fi

fail() {
  echo "install-registry: $*" >&2
  exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "apt-get not found; install the distribution registry v2.8 so that $BINARY exists (Debian/Ubuntu package docker-registry)"

SUDO=()
if [[ "$(id -u)" -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || fail "not root and no sudo; run as root: apt-get install -y docker-registry"
  SUDO=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
if ! "${SUDO[@]}" apt-get install -y -q docker-registry >"$LOG" 2>&1; then
  "${SUDO[@]}" apt-get update -q >>"$LOG" 2>&1 || true
  "${SUDO[@]}" apt-get install -y -q docker-registry >>"$LOG" 2>&1 || true
fi

# The package's postinst may fail to start its service in containers; only the binary matters.
[[ -x "$BINARY" ]] || { tail -n 20 "$LOG" >&2; fail "apt-get could not install docker-registry ($BINARY is still missing)"; }
