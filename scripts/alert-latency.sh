#!/usr/bin/env bash
# Measures staff-alert latency on the whole demo store with 1,000 phones (50 members, 950 strangers): from
# beacon-gateway's dwell decision (MemberDwelled.occurredAt, the presence tick that found the member past the dwell
# time; the dwell itself is excluded) to the StaffAlert arriving at a subscriber on the hub broker (mosquitto_sub's
# receive time), i.e. gateway -> broker -> edge-agent's rules, clerk routing and SQLite -> broker -> wearable.
# Not included: up to one presence tick (BeaconGateway:Presence:TickInterval, 1 s) between a phone's last advert and
# the tick that decides the dwell.
# So that enough alerts happen in a few minutes, edge-agent runs with no member cooldown, a high per-clerk cap and
# silver members counted as high value.
# Usage: scripts/alert-latency.sh [Debug|Release] [seconds to listen, default 240]
set -euo pipefail
source "$(dirname "$0")/common.sh"
CONFIG="${1:-Debug}"; LISTEN="${2:-240}"
RUN_DIR="$(mktemp -d -t store-edge-latency-XXXX)"
PORT="${EDGE_DEMO_BROKER_PORT:-18830}"
command -v mosquitto_sub >/dev/null || die "mosquitto_sub is not installed (Debian package mosquitto-clients)"
command -v jq >/dev/null || die "jq is not installed"

export EDGE_DEMO_DIR="$RUN_DIR" EDGE_DEMO_STRANGERS=950 EDGE_DEMO_DWELL="${EDGE_DEMO_DWELL:-00:00:15}"
# Silver members count as high value too, so every member dwelling in electronics or appliances raises an alert.
export EdgeAgent__Alerts__MemberCooldown=00:00:00 EdgeAgent__Alerts__MaxAlertsPerClerkPerHour=1000 EdgeAgent__Alerts__HighValueTiers__1=silver
bash "$REPO_ROOT/scripts/demo.sh" "$CONFIG" > "$RUN_DIR/demo.out" 2>&1 & demo=$!
trap 'kill -TERM $demo 2>/dev/null || true; wait $demo 2>/dev/null || true' EXIT
until [ -f "$RUN_DIR/pids/hub-broker.pid" ] && mosquitto_sub -p "$PORT" -t '$SYS/broker/version' -C 1 -W 2 >/dev/null 2>&1; do sleep 0.5; done
# Listening from before the members are enrolled; %U is the receive time (unix seconds with nanoseconds).
mosquitto_sub -p "$PORT" -q 1 -F '%U %t %p' -t 'store/presence/members/dwelled' -t 'store/staff/alerts/+' -W "$LISTEN" > "$RUN_DIR/messages.txt" 2>/dev/null || true
kill -TERM $demo; wait $demo || true; trap - EXIT

# First names as the demo enrols them (m-N: names[(N-1) % 10]): an alert names the member's first name and zone only,
# so it is paired with the latest earlier dwell of a member with that first name in that zone.
jq -R -s -r '
  def names: ["Jane","Ola","Kari","Piotr","Anna","Lukas","Emma","Jonas","Zofia","Nora"];
  def epoch: sub("(\\.[0-9]+)?(Z|\\+00:00)$"; "Z") | fromdateiso8601;
  def frac: (capture("\\.(?<f>[0-9]+)") // {f: "0"}).f | ("0." + .) | tonumber;
  def t: epoch + frac;
  [ split("\n")[] | select(length > 0) | capture("^(?<at>[0-9.]+) (?<topic>[^ ]+) (?<p>.*)$") | .p |= fromjson ] as $m
  | [ $m[] | select(.topic | endswith("/dwelled")) | {zone: .p.zone, name: names[((.p.memberId | ltrimstr("m-") | tonumber) - 1) % 10], t: (.p.occurredAt | t)} ] as $d
  | [ $m[] | select((.topic | startswith("store/staff/alerts/")) and .p.escalation == 0)
      | . as $a | [ $d[] | select(.zone == $a.p.zone and .name == $a.p.firstName and .t <= ($a.at | tonumber)) ] | max_by(.t)
      | select(. != null) | (($a.at | tonumber) - .t) * 1000 ] | sort as $l
  | if ($l | length) == 0 then "no staff alerts were paired with a dwell" else
    "alerts \($l | length), dwells \($d | length); latency ms p50 \($l[(($l|length) * 0.5 | floor)] | floor), p95 \($l[(($l|length) * 0.95 | floor)] | floor), max \($l[-1] | floor)" end
' "$RUN_DIR/messages.txt"
log "messages and logs in $RUN_DIR"
