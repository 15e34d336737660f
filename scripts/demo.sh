#!/usr/bin/env bash
# Runs the whole store on this machine: a mosquitto broker on loopback and the four hub services, each
# started as systemd would (its own NOTIFY-less process, configuration from a demo /etc folder).
# Prints the URLs, waits for Ctrl-C, then stops everything with SIGTERM. `--check` starts, checks health
# and stops (used to prove the demo works without a person at the keyboard).
set -euo pipefail
source "$(dirname "$0")/common.sh"
CONFIG="${1:-Debug}"; shift || true
CHECK=0; [ "${1:-}" = "--check" ] && CHECK=1

BROKER_PORT="${EDGE_DEMO_BROKER_PORT:-18830}"
AGENT_URL="http://127.0.0.1:${EDGE_DEMO_AGENT_PORT:-5080}"
KIOSK_URL="http://127.0.0.1:${EDGE_DEMO_KIOSK_PORT:-5090}"
RUN_DIR="${EDGE_DEMO_DIR:-$(mktemp -d -t store-edge-demo-XXXX)}"
mkdir -p "$RUN_DIR/etc" "$RUN_DIR/mosquitto" "$RUN_DIR/logs"

cat > "$RUN_DIR/etc/store.json" <<JSON
{ "Edge": { "Store": { "StoreId": "demo-store", "HubId": "demo-hub" } } }
JSON
cat > "$RUN_DIR/mosquitto/mosquitto.conf" <<CONF
# demo broker: loopback only, anonymous (the hub's real config with per-service users is deploy/mosquitto)
user root
listener $BROKER_PORT 127.0.0.1
allow_anonymous true
persistence true
persistence_location $RUN_DIR/mosquitto/
log_dest file $RUN_DIR/logs/mosquitto.log
CONF

pids=()
stop_all() {
  trap - INT TERM EXIT
  log "stopping services"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  log "stopped; logs kept in $RUN_DIR/logs"
}
trap stop_all INT TERM EXIT

MOSQ="$(command -v mosquitto || echo /usr/sbin/mosquitto)"
[ -x "$MOSQ" ] || die "mosquitto is not installed: run ./edge setup"
"$MOSQ" -c "$RUN_DIR/mosquitto/mosquitto.conf" & pids+=($!)

export EDGE_CONFIG_DIR="$RUN_DIR/etc" Edge__Broker__Port="$BROKER_PORT" DOTNET_NOLOGO=1
bin() { echo "$REPO_ROOT/$1/bin/$CONFIG/net10.0/$2"; }
start() { # name project dll [args...]
  local name=$1 dll; dll="$(bin "$2" "$3")"; shift 3
  [ -f "$dll" ] || die "$dll is not built: run ./edge build"
  dotnet "$dll" "$@" > "$RUN_DIR/logs/$name.log" 2>&1 & pids+=($!)
}
start edge-agent edge-agent/Edge.Agent edge-agent.dll --EdgeAgent:Api:Url="$AGENT_URL"
start kiosk-ui kiosk-ui/Edge.Kiosk kiosk-ui.dll --Kiosk:Url="$KIOSK_URL" --Kiosk:AgentUrl="$AGENT_URL"
start beacon-gateway beacon-gateway/Edge.BeaconGateway beacon-gateway.dll
start cloud-sync cloud-sync/Edge.CloudSync cloud-sync.dll

# Wait for each service to report itself started (health endpoint, or the host's start line).
wait_for() { # name probe-command
  local name=$1; shift
  for _ in $(seq 1 120); do
    if "$@" >/dev/null 2>&1; then log "$name is up"; return 0; fi
    sleep 0.5
  done
  log "$name did not come up; last log lines:"; tail -n 20 "$RUN_DIR/logs/$name.log" >&2 || true; return 1
}
health() { curl -fsS "$1/healthz"; }
started() { grep -q "Application started" "$RUN_DIR/logs/$1.log"; }
ok=0
wait_for edge-agent health "$AGENT_URL" || ok=1
wait_for kiosk-ui health "$KIOSK_URL" || ok=1
wait_for beacon-gateway started beacon-gateway || ok=1
wait_for cloud-sync started cloud-sync || ok=1

cat <<MSG

  Store Edge demo is running (logs: $RUN_DIR/logs)
    local broker     mqtt://127.0.0.1:$BROKER_PORT
    kiosk            $KIOSK_URL
    edge-agent API   $AGENT_URL   (health: $AGENT_URL/healthz)

MSG
if [ "$CHECK" = 1 ]; then exit $ok; fi
[ "$ok" = 0 ] || die "a service did not start; see the logs above"
log "press Ctrl-C to stop"
wait
