#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine with only the .NET SDK lacks: Debian packages from
# scripts/apt-packages.txt, ONNX Runtime's native library, and the pinned npm tool sets. Idempotent.
set -euo pipefail
source "$(dirname "$0")/common.sh"

mapfile -t wanted < <(sed -e 's/#.*//' -e '/^\s*$/d' "$REPO_ROOT/scripts/apt-packages.txt" | awk '{print $1}')
missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || die "apt-get not found: install ${missing[*]} with your package manager"
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The Debian mosquitto package starts a system broker on port 1883; the project starts its own brokers.
bash "$REPO_ROOT/scripts/fetch-native.sh"
bash "$REPO_ROOT/scripts/fetch-node-tools.sh"
