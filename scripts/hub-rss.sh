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
# The sum counts the .NET runtime and framework files every service maps once per service. Counted once instead (for
# each mapped file the largest resident size any of the four has; anonymous and memfd memory stay per process):
# a lower estimate of what the four need together, since two processes may keep different pages of one file resident.
for service in beacon-gateway edge-agent kiosk-ui cloud-sync; do
  pid="$(cat "$RUN_DIR/pids/$service.pid" 2>/dev/null || true)"
  [ -r "/proc/${pid:-0}/smaps" ] || continue
  awk -v pid="$pid" '/^[0-9a-f]+-[0-9a-f]+ / { path = (NF >= 6) ? $6 : "" } /^Rss:/ { print pid "\t" path "\t" $2 }' "/proc/$pid/smaps"
done | awk -F'\t' '
  $2 ~ /^\// && $2 !~ /^\/memfd:/ { file[$2 SUBSEP $1] += $3; paths[$2] = 1; next }
  { own += $3 }
  END {
    for (f in file) { split(f, k, SUBSEP); if (file[f] > most[k[1]]) most[k[1]] = file[f] }
    for (p in most) shared += most[p]
    printf "rss %-15s %6d KiB (%d MiB): %d KiB per-process memory, %d KiB mapped files counted once\n", "together", own + shared, (own + shared) / 1024, own, shared
  }'
exit $rc
