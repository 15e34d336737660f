#!/usr/bin/env bash
# Builds what a hub installs, as a tree laid out from / (usage: scripts/publish-hub.sh [root], default
# artifacts/hub-root):
#   opt/store-edge/{beacon-gateway,cloud-sync,edge-agent}/   Native AOT binaries (ADR 0011), what the units run
#   opt/store-edge/{kiosk-ui,edge-provision}/                 framework-dependent (need the ASP.NET Core runtime)
#   usr/local/bin/edge-provision                              the provisioning CLI on store IT's PATH
#   etc/systemd/system, usr/lib/sysusers.d, etc/mosquitto, etc/udev/rules.d, etc/chromium   from deploy/
# Copy it onto the hub (`sudo cp -a <root>/. /`), then README "Running on a hub". The tree is for one architecture:
# this machine's (a linux-arm64 hub needs `EDGE_PUBLISH_RID=linux-arm64` and a cross-compiling toolchain).
# When systemd-analyze is present, the units are verified against the tree's own binaries before it finishes.
set -euo pipefail
source "$(dirname "$0")/common.sh"
ROOT="$(realpath -m "${1:-$REPO_ROOT/artifacts/hub-root}")"
RID="${EDGE_PUBLISH_RID:-linux-x64}"
OPT="$ROOT/opt/store-edge"

command -v clang >/dev/null || die "clang is not installed (Native AOT links with it): run ./edge setup"
bash "$REPO_ROOT/scripts/setup.sh" >/dev/null # ONNX Runtime and the kiosk's browser scripts come from the cache

rm -rf "$ROOT"
mkdir -p "$OPT" "$ROOT/usr/local/bin" "$ROOT/etc/systemd/system" "$ROOT/usr/lib/sysusers.d" \
  "$ROOT/etc/mosquitto/conf.d" "$ROOT/etc/mosquitto/store-edge" "$ROOT/etc/udev/rules.d" \
  "$ROOT/etc/chromium/policies/managed" "$OPT/deploy/kiosk"

publish() { # <project> <service> [extra dotnet publish arguments]
  log "publish $2"
  dotnet publish "$REPO_ROOT/$1" -c Release -r "$RID" -o "$OPT/$2" -nologo -clp:ErrorsOnly "${@:3}"
}
# The three services whose projects set EdgeHubServicePublishAot: a native binary, no dotnet host.
publish beacon-gateway/Edge.BeaconGateway beacon-gateway
publish cloud-sync/Edge.CloudSync cloud-sync
publish edge-agent/Edge.Agent edge-agent
# Razor components and the CLI stay framework-dependent: the hub has the ASP.NET Core runtime for kiosk-ui anyway.
publish kiosk-ui/Edge.Kiosk kiosk-ui --self-contained false
publish provisioning/Edge.Provisioning edge-provision --self-contained false
ln -sf /opt/store-edge/edge-provision/edge-provision "$ROOT/usr/local/bin/edge-provision"
# The native binaries carry their debug symbols (.dbg) and the managed ones (.pdb) beside them: no use on the hub.
for s in beacon-gateway cloud-sync edge-agent; do find "$OPT/$s" -maxdepth 1 \( -name '*.dbg' -o -name '*.pdb' \) -delete; done
# Native libraries for other architectures (ONNX Runtime ships linux-arm64 too): the tree is for $RID only.
find "$OPT" -mindepth 3 -maxdepth 3 -path '*/runtimes/*' -type d ! -name "$RID" -exec rm -rf {} +

cp "$REPO_ROOT"/deploy/systemd/*.service "$REPO_ROOT"/deploy/systemd/edge.target "$REPO_ROOT"/deploy/kiosk/*.service "$ROOT/etc/systemd/system/"
cp "$REPO_ROOT/deploy/sysusers.d/store-edge.conf" "$ROOT/usr/lib/sysusers.d/"
cp "$REPO_ROOT/deploy/mosquitto/store-edge.conf" "$ROOT/etc/mosquitto/conf.d/"
cp "$REPO_ROOT/deploy/mosquitto/acl" "$ROOT/etc/mosquitto/store-edge/"
cp "$REPO_ROOT"/deploy/udev/*.rules "$ROOT/etc/udev/rules.d/"
cp "$REPO_ROOT/deploy/kiosk/chromium-policy.json" "$ROOT/etc/chromium/policies/managed/store-edge-kiosk.json"
install -m 0755 "$REPO_ROOT/deploy/kiosk/kiosk-browser.sh" "$OPT/deploy/kiosk/"
cp "$REPO_ROOT/README.md" "$OPT/README.md"

# The units' ExecStart must name files that exist in the tree; systemd-analyze checks them under --root, with the
# machine's own system units (sysinit.target, mosquitto.service, ...) copied in because --root looks only there.
if command -v systemd-analyze >/dev/null && [ -d /usr/lib/systemd/system ]; then
  check="$(mktemp -d)"; trap 'rm -rf "$check"' EXIT
  cp -a "$ROOT/." "$check/"
  mkdir -p "$check/usr/lib/systemd" "$check/usr/bin"
  cp -r /usr/lib/systemd/system/. "$check/usr/lib/systemd/system/"
  printf '#!/bin/sh\n' >"$check/usr/bin/dotnet"; chmod +x "$check/usr/bin/dotnet" # kiosk-ui's host, on the hub
  printf '#!/bin/sh\n' >"$check/usr/bin/cage"; chmod +x "$check/usr/bin/cage"     # the kiosk browser's compositor
  units=(); for f in "$ROOT"/etc/systemd/system/*; do units+=("/etc/systemd/system/$(basename "$f")"); done
  out="$(systemd-analyze verify --man=no --root="$check" "${units[@]}" 2>&1)" || die "systemd-analyze verify: $out"
  [ -z "$out" ] || die "systemd-analyze verify: $out"
  log "systemd-analyze verify: the units and the tree agree"
fi
log "hub tree in $ROOT ($(du -sh "$ROOT" | cut -f1)); install with: sudo cp -a $ROOT/. /"
