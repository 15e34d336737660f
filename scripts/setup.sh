#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine with only the .NET SDK lacks: Debian packages from
# scripts/apt-packages.txt, ONNX Runtime's native library, and the pinned npm tool sets. Idempotent.
set -euo pipefail
source "$(dirname "$0")/common.sh"

# Each line: a package, optionally "cmd:NAME" when any NAME on PATH will do (npm from NodeSource's nodejs
# conflicts with Debian's npm package, so an existing npm is kept).
missing=()
while read -r p extra; do
  [ -n "$p" ] || continue
  if [[ "${extra:-}" == cmd:* ]] && command -v "${extra#cmd:}" >/dev/null 2>&1; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done < <(sed -e 's/#.*//' -e '/^\s*$/d' "$REPO_ROOT/scripts/apt-packages.txt")
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || die "apt-get not found: install ${missing[*]} with your package manager"
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The Debian mosquitto package starts a system broker on port 1883; the project starts its own brokers.
bash "$REPO_ROOT/scripts/fetch-native.sh"
bash "$REPO_ROOT/scripts/fetch-node-tools.sh"
