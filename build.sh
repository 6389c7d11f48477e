#!/usr/bin/env bash
# Bootstrap: find (or install) the .NET SDK that global.json asks for, build the build project
# when its sources changed, then run it with the given arguments.
set -eo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TEMP_DIR="$ROOT/.nuke/temp"
PROJECT="$ROOT/build/Build.csproj"
OUTPUT="$ROOT/build/bin/Debug/net10.0/Build.dll"
STAMP="$TEMP_DIR/build.stamp"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_UI_LANGUAGE=en

required_sdk() {
  sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$ROOT/global.json" | head -n 1
}

# rollForward latestFeature: same major.minor, feature band at least the one asked for.
sdk_matches() {
  local want="$1" have
  local want_major="${want%%.*}" rest="${want#*.}"
  local want_minor="${rest%%.*}" want_patch="${rest#*.}"
  while read -r have _; do
    local major="${have%%.*}" r="${have#*.}"
    local minor="${r%%.*}" patch="${r#*.}"
    patch="${patch%%-*}"
    if [[ "$major" == "$want_major" && "$minor" == "$want_minor" ]] \
       && (( ${patch:0:1} >= ${want_patch:0:1} )); then
      return 0
    fi
  done < <("$2" --list-sdks 2>/dev/null)
  return 1
}

SDK_VERSION="$(required_sdk)"
DOTNET=""
if command -v dotnet >/dev/null 2>&1 && sdk_matches "$SDK_VERSION" "$(command -v dotnet)"; then
  DOTNET="$(command -v dotnet)"
elif [[ -x "$TEMP_DIR/dotnet/dotnet" ]] && sdk_matches "$SDK_VERSION" "$TEMP_DIR/dotnet/dotnet"; then
  DOTNET="$TEMP_DIR/dotnet/dotnet"
else
  mkdir -p "$TEMP_DIR"
  INSTALLER="$TEMP_DIR/dotnet-install.sh"
  if ! curl -fsSL --retry 2 --connect-timeout 15 https://dot.net/v1/dotnet-install.sh -o "$INSTALLER" 2>/dev/null; then
    echo "build.sh: no .NET SDK ${SDK_VERSION%.*}.x (global.json) on PATH, and the dotnet-install script could not be downloaded; install the .NET ${SDK_VERSION%%.*} SDK from https://dotnet.microsoft.com/download and run again." >&2
    exit 1
  fi
  chmod +x "$INSTALLER"
  if ! "$INSTALLER" --install-dir "$TEMP_DIR/dotnet" --channel "${SDK_VERSION%.*}" --no-path >/dev/null; then
    echo "build.sh: installing the .NET SDK ${SDK_VERSION%.*} into .nuke/temp/dotnet failed; install it from https://dotnet.microsoft.com/download and run again." >&2
    exit 1
  fi
  DOTNET="$TEMP_DIR/dotnet/dotnet"
fi
export DOTNET_ROOT="$(dirname "$(readlink -f "$DOTNET")")"

needs_build() {
  [[ -f "$OUTPUT" && -f "$STAMP" ]] || return 0
  [[ -n "$(find "$ROOT/build" "$ROOT/global.json" "$ROOT/Directory.Build.props" "$ROOT/Directory.Packages.props" \
        \( -path "$ROOT/build/bin" -o -path "$ROOT/build/obj" \) -prune -o \
        -newer "$STAMP" -type f -print -quit)" ]]
}

if needs_build; then
  mkdir -p "$TEMP_DIR"
  if ! "$DOTNET" build "$PROJECT" -nologo -v quiet -clp:NoSummary -p:UseSharedCompilation=false /nodeReuse:false >"$TEMP_DIR/build.log" 2>&1; then
    grep -E 'error|Error' "$TEMP_DIR/build.log" | sort -u >&2 || cat "$TEMP_DIR/build.log" >&2
    echo "build.sh: the build project did not compile (full log: .nuke/temp/build.log)." >&2
    exit 1
  fi
  touch "$STAMP"
fi

export BUILD_ROOT_DIRECTORY="$ROOT"
exec "$DOTNET" "$OUTPUT" "$@"
