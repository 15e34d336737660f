#!/usr/bin/env bash
# Fetches ONNX Runtime 1.30.0's native library from the npm package onnxruntime-node (the NuGet package is
# not served here), checks its sha256, and leaves it in $EDGE_CACHE/onnxruntime/1.30.0/<rid>/. The build
# copies it to runtimes/<rid>/native/ of every project that sets EdgeUsesOnnxRuntime (Directory.Build.targets).
set -euo pipefail
source "$(dirname "$0")/common.sh"

ORT_VERSION=1.30.0
TARBALL_SHA=6e3390d6b783e7be946fad629292799da28d0b42f84856e50d2c1b0383291e75
declare -A LIB_SHA=(
  [linux-x64]=ffb75a925ba05e47b235bb66e3e3911714a80b328a9c9425539feb204aa32a23
  [linux-arm64]=1f549d46250b005580b597f4164984aaf75b3bcb9f3aeb07c7f8a8fe60b23c76
)
declare -A NPM_ARCH=([linux-x64]=x64 [linux-arm64]=arm64)

dest="$EDGE_CACHE/onnxruntime/$ORT_VERSION"
ok=1
for rid in "${!LIB_SHA[@]}"; do
  f="$dest/$rid/libonnxruntime.so.1"
  if [ ! -f "$f" ] || [ "$(sha256sum "$f" | cut -d' ' -f1)" != "${LIB_SHA[$rid]}" ]; then ok=0; fi
done
if [ "$ok" = 1 ]; then log "ONNX Runtime $ORT_VERSION already in $dest"; exit 0; fi

command -v npm >/dev/null || die "npm is needed to fetch ONNX Runtime (apt-get install npm, or run ./edge setup)"
mkdir -p "$EDGE_CACHE/npm"
tgz="$EDGE_CACHE/npm/onnxruntime-node-$ORT_VERSION.tgz"
if [ ! -f "$tgz" ] || [ "$(sha256sum "$tgz" | cut -d' ' -f1)" != "$TARBALL_SHA" ]; then
  log "npm pack onnxruntime-node@$ORT_VERSION (113 MB, once)"
  (cd "$EDGE_CACHE/npm" && npm pack "onnxruntime-node@$ORT_VERSION" --silent >/dev/null)
fi
[ "$(sha256sum "$tgz" | cut -d' ' -f1)" = "$TARBALL_SHA" ] || die "onnxruntime-node-$ORT_VERSION.tgz has an unexpected sha256; delete $tgz and retry"

tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
tar -xzf "$tgz" -C "$tmp" package/bin/napi-v6/linux
for rid in "${!LIB_SHA[@]}"; do
  src="$tmp/package/bin/napi-v6/linux/${NPM_ARCH[$rid]}/libonnxruntime.so.1"
  [ "$(sha256sum "$src" | cut -d' ' -f1)" = "${LIB_SHA[$rid]}" ] || die "libonnxruntime.so.1 for $rid has an unexpected sha256"
  mkdir -p "$dest/$rid"
  cp "$src" "$dest/$rid/libonnxruntime.so.1"
done
log "ONNX Runtime $ORT_VERSION native libraries in $dest"
