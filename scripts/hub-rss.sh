#!/usr/bin/env bash
# Prints the resident memory (VmRSS from /proc/<pid>/status) of the four hub services of a running demo, one line
# per service and their sum, from the pid files scripts/demo.sh keeps in <run dir>/pids. Exit 1 if a service is not
# running. Usage: scripts/hub-rss.sh <demo run dir>   (the demo prints its run dir as "logs: <run dir>/logs")
set -euo pipefail
RUN_DIR="${1:?usage: hub-rss.sh <demo run dir>}"
total=0; rc=0
for service in beacon-gateway edge-agent kiosk-ui cloud-sync; do
  pid="$(cat "$RUN_DIR/pids/$service.pid" 2>/dev/null || true)"
  kb="$(awk '/^VmRSS:/ { print $2 }' "/proc/${pid:-0}/status" 2>/dev/null || true)"
  if [ -z "$kb" ]; then echo "rss $service not running" >&2; rc=1; continue; fi
  total=$((total + kb))
  printf 'rss %-15s %6d KiB (%d MiB)\n' "$service" "$kb" $((kb / 1024))
done
printf 'rss %-15s %6d KiB (%d MiB)\n' "total" "$total" $((total / 1024))
exit $rc
