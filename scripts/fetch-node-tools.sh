#!/usr/bin/env bash
# Installs the pinned npm tool sets under scripts/node-tools/<set>/package.json into
# $EDGE_CACHE/node-tools/<set>/ (outside the repository). A set is reinstalled only when its package.json
# changes. Tests find them there (Edge.TestKit NodeTools) and skip with a message when absent.
set -euo pipefail
source "$(dirname "$0")/common.sh"
command -v npm >/dev/null || die "npm is needed for the browser and interoperability tools (run ./edge setup)"
for pj in "$REPO_ROOT"/scripts/node-tools/*/package.json; do
  [ -f "$pj" ] || continue
  set_name="$(basename "$(dirname "$pj")")"
  dest="$EDGE_CACHE/node-tools/$set_name"
  stamp="$dest/.package.sha256"
  npmrc="$(dirname "$pj")/.npmrc"
  want="$({ cat "$pj"; if [ -f "$npmrc" ]; then cat "$npmrc"; fi; } | sha256sum | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -d "$dest/node_modules" ]; then continue; fi
  log "npm install tool set '$set_name'"
  mkdir -p "$dest"
  cp "$pj" "$dest/package.json"
  # A set may carry an .npmrc (e.g. ignore-scripts=true when a package's install script would download).
  if [ -f "$npmrc" ]; then cp "$npmrc" "$dest/.npmrc"; fi
  (cd "$dest" && npm install --no-audit --no-fund --silent --cache "$EDGE_CACHE/npm-cache" >/dev/null)
  echo "$want" > "$stamp"
done
