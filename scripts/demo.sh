#!/usr/bin/env bash
# Runs the whole store on this machine, as it runs in the field:
#   - the hub's broker (loopback) and the four hub services, each with its configuration in a demo /etc folder;
#   - the cloud: a second mosquitto (mutual TLS for hubs on one port, a loopback port for the cloud itself and for
#     claim bootstrap) and the reference loyalty cloud (hq/Edge.ReferenceCloud);
#   - the hub is provisioned the real way: `edge-provision init`, the claim code entered at the cloud, then
#     `edge-provision claim`, which gives cloud-sync its certificate;
#   - opted-in members are enrolled at the cloud and reach the hub as signed member deltas;
#   - HQ's fleet dashboard (hq/Edge.FleetDashboard) watches the hub as a Sparkplug primary host on the cloud broker.
# Prints the URLs, waits for Ctrl-C, then stops everything with SIGTERM. `--check` starts, checks health and
# stops (how CI-like runs prove the demo works without a person at the keyboard).
set -euo pipefail
source "$(dirname "$0")/common.sh"
CONFIG="${1:-Debug}"; shift || true
CHECK=0; [ "${1:-}" = "--check" ] && CHECK=1

BROKER_PORT="${EDGE_DEMO_BROKER_PORT:-18830}"
CLOUD_TLS_PORT="${EDGE_DEMO_CLOUD_TLS_PORT:-18883}"
CLOUD_LOCAL_PORT="${EDGE_DEMO_CLOUD_LOCAL_PORT:-18884}"
AGENT_URL="http://127.0.0.1:${EDGE_DEMO_AGENT_PORT:-5080}"
KIOSK_URL="http://127.0.0.1:${EDGE_DEMO_KIOSK_PORT:-5090}"
KIOSK_ADMIN_URL="http://127.0.0.1:${EDGE_DEMO_KIOSK_ADMIN_PORT:-5091}"
CLOUD_URL="http://127.0.0.1:${EDGE_DEMO_CLOUD_PORT:-5300}"
DASHBOARD_URL="http://127.0.0.1:${EDGE_DEMO_DASHBOARD_PORT:-5310}"
WEARABLE_URL="http://127.0.0.1:${EDGE_DEMO_WEARABLE_PORT:-5095}"
# How long a member must stay in one zone to count as dwelling (edge-agent's staff alerts start from a dwell). 60 s is
# the product's default; `--check` and the end-to-end test pass a shorter one so an alert happens within their time.
DWELL="${EDGE_DEMO_DWELL:-$([ "$CHECK" = 1 ] && echo 00:00:15 || echo 00:01:00)}"
# How long --check lets the hub run with the members walking before it reads the services' RSS.
RSS_AFTER="${EDGE_DEMO_RSS_AFTER_SECONDS:-60}"
# The hub's clock rate (Edge:Clock:Rate): 20 runs a store hour in three minutes (the end-to-end test's simulated hour).
SPEED="${EDGE_DEMO_SPEED:-1}"
[[ "$SPEED" =~ ^[0-9]+$ ]] && [ "$SPEED" -ge 1 ] && [ "$SPEED" -le 3600 ] || die "EDGE_DEMO_SPEED must be a whole number from 1 to 3600, not '$SPEED'"
MEMBERS="${EDGE_DEMO_MEMBERS:-50}"
STRANGERS="${EDGE_DEMO_STRANGERS:-500}"
STORE=demo-store
HUB=demo-hub
RUN_DIR="${EDGE_DEMO_DIR:-$(mktemp -d -t store-edge-demo-XXXX)}"
mkdir -p "$RUN_DIR/etc" "$RUN_DIR/state/kiosk-ui" "$RUN_DIR/state/cloud-sync" "$RUN_DIR/mosquitto" "$RUN_DIR/cloud/ca" "$RUN_DIR/cloud/broker" "$RUN_DIR/logs"
command -v openssl >/dev/null || die "openssl is not installed: run ./edge setup"
command -v curl >/dev/null || die "curl is not installed: run ./edge setup"

pids=()
# Each process's pid in $RUN_DIR/pids/{name}.pid: the RSS measurement and the end-to-end test (which stops and restarts
# the cloud broker) find them there.
mkdir -p "$RUN_DIR/pids"
remember() { echo "$2" > "$RUN_DIR/pids/$1.pid"; }
stop_all() {
  trap - INT TERM EXIT
  log "stopping"
  # Last started first, each waited for, so the services leave while their brokers still run.
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill -TERM "${pids[$i]}" 2>/dev/null || true; wait "${pids[$i]}" 2>/dev/null || true; done
  log "stopped; logs kept in $RUN_DIR/logs"
}
# Ctrl-C or SIGTERM: a clean stop is a successful end.
trap 'stop_all; exit 0' INT TERM
trap stop_all EXIT

wait_for() { # name probe-command...
  local name=$1; shift
  for _ in $(seq 1 120); do
    if "$@" >/dev/null 2>&1; then log "$name is up"; return 0; fi
    sleep 0.5
  done
  log "$name did not come up; last log lines:"; tail -n 20 "$RUN_DIR/logs/$name.log" >&2 || true; return 1
}
health() { curl -fsS "$1/healthz"; }
started() { grep -q "Application started" "$RUN_DIR/logs/$1.log"; }
bin() { echo "$REPO_ROOT/$1/bin/$CONFIG/net10.0/$2"; }
# A Release run starts a service's Native AOT binary instead of its dll when one has been published
# (`dotnet publish <project> -c Release`, the services that set EdgeHubServicePublishAot; docs/memory.md).
native() { echo "$REPO_ROOT/$1/bin/Release/net10.0/linux-x64/publish/${2%.dll}"; }
start() { # name project dll [args...]
  local name=$1 dll exe; dll="$(bin "$2" "$3")"; exe="$(native "$2" "$3")"; shift 3
  if [ "$CONFIG" = Release ] && [ -x "$exe" ]; then
    log "$name: the Native AOT binary $exe"
    "$exe" "$@" > "$RUN_DIR/logs/$name.log" 2>&1 & pids+=($!)
  else
    [ -f "$dll" ] || die "$dll is not built: run ./edge build"
    dotnet "$dll" "$@" > "$RUN_DIR/logs/$name.log" 2>&1 & pids+=($!)
  fi
  remember "$name" $!
}
MOSQ="$(command -v mosquitto || echo /usr/sbin/mosquitto)"
[ -x "$MOSQ" ] || die "mosquitto is not installed: run ./edge setup"
export DOTNET_NOLOGO=1

# --- the cloud's PKI: the fleet CA (the reference cloud signs hub certificates with it) and the broker's certificate.
CA="$RUN_DIR/cloud/ca"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$CA/fleet-ca.key" 2>/dev/null
openssl req -x509 -new -key "$CA/fleet-ca.key" -subj "/CN=Store Edge Demo Fleet CA" -days 30 -out "$CA/fleet-ca.crt" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$RUN_DIR/cloud/broker/server.key" 2>/dev/null
openssl req -new -key "$RUN_DIR/cloud/broker/server.key" -subj "/CN=127.0.0.1" -out "$RUN_DIR/cloud/broker/server.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' > "$RUN_DIR/cloud/broker/server.ext"
openssl x509 -req -in "$RUN_DIR/cloud/broker/server.csr" -CA "$CA/fleet-ca.crt" -CAkey "$CA/fleet-ca.key" -CAcreateserial \
  -days 30 -extfile "$RUN_DIR/cloud/broker/server.ext" -out "$RUN_DIR/cloud/broker/server.crt" 2>/dev/null

# --- the two brokers. Demo only: the hub broker is anonymous on loopback (deploy/mosquitto has the real users and ACL).
cat > "$RUN_DIR/mosquitto/hub.conf" <<CONF
user root
listener $BROKER_PORT 127.0.0.1
allow_anonymous true
set_tcp_nodelay true
max_queued_messages 100000
persistence true
persistence_location $RUN_DIR/mosquitto/
log_dest file $RUN_DIR/logs/hub-broker.log
CONF
cat > "$RUN_DIR/cloud/broker/cloud.conf" <<CONF
user root
per_listener_settings true
# hubs: mutual TLS with the certificate they got at claim; the certificate's CN is their MQTT user name
listener $CLOUD_TLS_PORT 127.0.0.1
cafile $CA/fleet-ca.crt
certfile $RUN_DIR/cloud/broker/server.crt
keyfile $RUN_DIR/cloud/broker/server.key
require_certificate true
use_identity_as_username true
# the cloud's own services and claim bootstrap, loopback only
listener $CLOUD_LOCAL_PORT 127.0.0.1
allow_anonymous true
set_tcp_nodelay true
# the reference cloud's persistent session holds what hubs send while it is away; 1000 (the default) is one busy minute
max_queued_messages 100000
persistence true
persistence_location $RUN_DIR/cloud/broker/
log_dest file $RUN_DIR/logs/cloud-broker.log
log_type error
log_type warning
log_type notice
log_type information
log_type subscribe
CONF
"$MOSQ" -c "$RUN_DIR/mosquitto/hub.conf" & pids+=($!); remember hub-broker $!
"$MOSQ" -c "$RUN_DIR/cloud/broker/cloud.conf" & pids+=($!); remember cloud-broker $!

# --- the reference cloud
start reference-cloud hq/Edge.ReferenceCloud reference-cloud.dll \
  --ReferenceCloud:Url="$CLOUD_URL" --ReferenceCloud:Broker="mqtt://127.0.0.1:$CLOUD_LOCAL_PORT" \
  --ReferenceCloud:HubBroker="mqtts://127.0.0.1:$CLOUD_TLS_PORT" --ReferenceCloud:Region=demo \
  --ReferenceCloud:DatabasePath="$RUN_DIR/cloud/cloud.db" --ReferenceCloud:FleetCaDirectory="$CA" \
  --ReferenceCloud:SigningKeyFile="$RUN_DIR/cloud/down-signing.key"
ok=0
wait_for reference-cloud health "$CLOUD_URL" || die "the reference cloud did not start"

# --- HQ's fleet dashboard, before the hub so it hears cloud-sync's first NBIRTH (births are not retained; it would
# otherwise ask for a rebirth at the hub's first NDATA). Healthy = STATE online published on the cloud broker.
start fleet-dashboard hq/Edge.FleetDashboard fleet-dashboard.dll \
  --FleetDashboard:Url="$DASHBOARD_URL" --FleetDashboard:Broker="mqtt://127.0.0.1:$CLOUD_LOCAL_PORT" \
  --FleetDashboard:Group=demo --FleetDashboard:HostId=hq-demo --FleetDashboard:CloudUrl="$CLOUD_URL"
wait_for fleet-dashboard health "$DASHBOARD_URL" || ok=1

# --- provision the hub as store IT would: identity, claim code entered at HQ, claim.
PROVISION=(dotnet "$(bin provisioning/Edge.Provisioning edge-provision.dll)" --config-dir "$RUN_DIR/etc" --state-dir "$RUN_DIR/state")
code=$("${PROVISION[@]}" init --store "$STORE" --hub "$HUB" --service-user "$(id -un)" --json | sed -n 's/.*"claimCode": *"\([^"]*\)".*/\1/p')
[ -n "$code" ] || die "edge-provision init gave no claim code"
curl -fsS -X POST "$CLOUD_URL/api/claims" -H 'content-type: application/json' \
  -d "{\"storeId\":\"$STORE\",\"code\":\"$code\",\"validForMinutes\":60}" >/dev/null
EDGE_CLAIM_PASSWORD=demo "${PROVISION[@]}" claim --cloud-url "mqtt://127.0.0.1:$CLOUD_LOCAL_PORT" > "$RUN_DIR/logs/claim.log" 2>&1 \
  || { cat "$RUN_DIR/logs/claim.log" >&2; die "the claim failed"; }
log "hub claimed: cloud-sync's identity is in $RUN_DIR/etc/cloud.json"
curl -fsS "$CLOUD_URL/api/down-signing-key" > "$RUN_DIR/etc/cloud-down-signing.pem"

# --- the hub's four services
cat > "$RUN_DIR/etc/store.json" <<JSON
{ "Edge": { "Store": { "StoreId": "$STORE", "HubId": "$HUB" } } }
JSON
export EDGE_CONFIG_DIR="$RUN_DIR/etc" Edge__Broker__Port="$BROKER_PORT"
# A fast store clock: the four services and the clerks' watches share one origin, so they agree on the time; the cloud
# (started above) keeps real time, as a store whose clock runs fast would see it. The simulator's step and advertising
# intervals are simulated time: its step grows with the speed (ten steps per real second) and the phones advertise up
# to 3x less often per simulated second (still within the gateway's 10 s receiver staleness), so the radio load stays
# near what the hub handles at real speed.
sim_args=()
if [ "$SPEED" != 1 ]; then
  export Edge__Clock__Rate="$SPEED" Edge__Clock__Origin="$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)"
  echo "$Edge__Clock__Rate $Edge__Clock__Origin" > "$RUN_DIR/clock"
  span() { awk -v ms="$1" 'BEGIN { printf "%02d:%02d:%02d.%03d", ms / 3600000, (ms / 60000) % 60, (ms / 1000) % 60, ms % 1000 }'; }
  radio=$(( SPEED < 3 ? SPEED : 3 ))
  sim_args=(--BeaconGateway:Simulator:Step="$(span $((100 * SPEED)))"
    --BeaconGateway:Simulator:MinAdvertisingInterval="$(span $((100 * radio)))" --BeaconGateway:Simulator:MaxAdvertisingInterval="$(span $((1000 * radio)))")
  log "store clock runs ${SPEED}x from $Edge__Clock__Origin"
fi
AGENT_STATE="$RUN_DIR/state/edge-agent"; mkdir -p "$AGENT_STATE"
# Bearer tokens for edge-agent's API, one per caller, issued as store IT would (edge-provision writes them into
# edge-agent.json and kiosk-ui.json beside edge-agent's API address, so edge-provision reaches edge-agent here as on a
# hub, e.g. `edge-provision model promote`). The end-to-end test may give the kiosk's and the wearables' tokens on
# the command line instead; those then win over the files.
printf '{ "EdgeAgent": { "Api": { "Url": "%s" } } }\n' "$AGENT_URL" > "$RUN_DIR/etc/edge-agent.json"
"${PROVISION[@]}" tokens issue --no-restart > "$RUN_DIR/logs/tokens.log" 2>&1 || { cat "$RUN_DIR/logs/tokens.log" >&2; die "issuing API tokens failed"; }
KIOSK_TOKEN="${EDGE_DEMO_KIOSK_TOKEN:-$("${PROVISION[@]}" tokens show kiosk)}"
WEARABLE_TOKEN="${EDGE_DEMO_WEARABLE_TOKEN:-$("${PROVISION[@]}" tokens show wearable)}"
# The store's zones, in a row (beacon-gateway's simulator puts one receiver at each zone's centre and walks shoppers
# between them); the kiosk stands at the entrance, the two clerks in the high-consideration zones.
ZONES=(entrance electronics appliances grocery)
CATEGORIES=(services electronics appliances grocery)
receiver_args=(); alert_zone_args=()
for i in "${!ZONES[@]}"; do
  receiver_args+=(--BeaconGateway:Receivers:$i:Id="rx-${ZONES[$i]}" --BeaconGateway:Receivers:$i:Zone="${ZONES[$i]}")
  alert_zone_args+=(--EdgeAgent:Alerts:Zones:${ZONES[$i]}:Category="${CATEGORIES[$i]}")
done
# What HQ publishes to the store through the reference cloud once cloud-sync listens (below): a few products for the
# kiosk's search and reviews, and the offer catalog edge-agent decides offers from as members walk in.
mkdir -p "$RUN_DIR/cloud/content"
cat > "$RUN_DIR/cloud/content/products.json" <<JSON
{ "full": true, "products": [
  { "productId": "p-headphones", "name": "Noise-cancelling headphones", "category": "electronics", "price": 199.0, "brand": "Sonora", "aisle": "E2", "specs": { "battery": "30 h" }, "onHand": 12 },
  { "productId": "p-tv-55", "name": "55-inch OLED TV", "category": "electronics", "price": 1299.0, "brand": "Lumen", "aisle": "E1", "specs": { "panel": "OLED" }, "onHand": 3 },
  { "productId": "p-espresso", "name": "Espresso machine", "category": "appliances", "price": 349.0, "brand": "Crema", "aisle": "A3", "specs": { "pressure": "15 bar" }, "onHand": 7 },
  { "productId": "p-coffee", "name": "Coffee beans 1 kg", "category": "grocery", "price": 14.5, "aisle": "G4", "onHand": 80 } ] }
JSON
cat > "$RUN_DIR/cloud/content/offers.json" <<JSON
[ { "offerId": "o-coffee", "title": "20 % off coffee beans", "productId": "p-coffee", "category": "grocery", "discountKind": "Percent",
    "discountValue": 20, "value": 3, "validFrom": "2020-01-01T00:00:00Z", "validTo": "2100-01-01T00:00:00Z",
    "budget": 1000, "perDayCap": 500, "perMemberCap": 1, "interests": ["coffee"] },
  { "offerId": "o-headphones", "title": "50 off noise-cancelling headphones", "productId": "p-headphones", "category": "electronics",
    "discountKind": "AmountOff", "discountValue": 50, "value": 40, "validFrom": "2020-01-01T00:00:00Z", "validTo": "2100-01-01T00:00:00Z",
    "budget": 200, "perDayCap": 100, "perMemberCap": 1, "zones": ["electronics"] } ]
JSON
start edge-agent edge-agent/Edge.Agent edge-agent.dll --EdgeAgent:Api:Url="$AGENT_URL" \
  --EdgeAgent:Api:KioskToken="$KIOSK_TOKEN" --EdgeAgent:Api:WearableToken="$WEARABLE_TOKEN" \
  --EdgeAgent:Login:KioskZones:kiosk-1=entrance \
  "${alert_zone_args[@]}" --EdgeAgent:Alerts:HighValueTiers:0=gold \
  --EdgeAgent:Alerts:HighConsiderationCategories:0=electronics --EdgeAgent:Alerts:HighConsiderationCategories:1=appliances \
  --EdgeAgent:Storage:DatabasePath="$AGENT_STATE/agent.db" --EdgeAgent:Members:HubKeyFile="$AGENT_STATE/hub.key" \
  --EdgeAgent:Members:BeaconKeyFile="$AGENT_STATE/member-keys.emk" --EdgeAgent:Members:BeaconKeyEncryptionKeyFile="$AGENT_STATE/member-keys.kek"
start kiosk-ui kiosk-ui/Edge.Kiosk kiosk-ui.dll --Kiosk:Url="$KIOSK_URL" --Kiosk:AdminUrl="$KIOSK_ADMIN_URL" --Kiosk:AgentUrl="$AGENT_URL" --Kiosk:AgentToken="$KIOSK_TOKEN" \
  --Kiosk:DatabasePath="$RUN_DIR/state/kiosk-ui/kiosk.db" --KioskSignage:AssetDirectory="$RUN_DIR/state/kiosk-ui/assets"
start beacon-gateway beacon-gateway/Edge.BeaconGateway beacon-gateway.dll \
  --BeaconGateway:Source=simulator --BeaconGateway:Simulator:Strangers="$STRANGERS" \
  --BeaconGateway:Simulator:MemberKeysFromHub=true --BeaconGateway:Simulator:Members="$MEMBERS" \
  --BeaconGateway:ZonesFile="$RUN_DIR/etc/zones.json" "${receiver_args[@]}" --BeaconGateway:Presence:DwellTime="$DWELL" \
  --BeaconGateway:Members:KeyEncryptionKeyFile="$AGENT_STATE/member-keys.kek" "${sim_args[@]}"
start cloud-sync cloud-sync/Edge.CloudSync cloud-sync.dll \
  --CloudSync:Outbox:DatabasePath="$RUN_DIR/state/cloud-sync/outbox.db" --CloudSync:Downstream:InboxPath="$RUN_DIR/state/cloud-sync/inbox.db" \
  --CloudSync:Downstream:BundleDirectory="$RUN_DIR/state/cloud-sync/bundles" --CloudSync:Downstream:SigningPublicKeyFile="$RUN_DIR/etc/cloud-down-signing.pem"
wait_for edge-agent health "$AGENT_URL" || ok=1
wait_for kiosk-ui health "$KIOSK_URL" || ok=1
wait_for beacon-gateway started beacon-gateway || ok=1
wait_for cloud-sync started cloud-sync || ok=1

# --- the clerks' watches: on shift in the two high-consideration zones (each reports itself to edge-agent at start).
start wearable-simulator hq/Edge.WearableSimulator wearable-simulator.dll --WearableSimulator:Url="$WEARABLE_URL" \
  --WearableSimulator:AgentUrl="$AGENT_URL" --WearableSimulator:AgentToken="$WEARABLE_TOKEN" \
  --WearableSimulator:Clerks:0:Id=clerk-ana --WearableSimulator:Clerks:0:Name=Ana --WearableSimulator:Clerks:0:Zone=electronics \
  --WearableSimulator:Clerks:1:Id=clerk-bo --WearableSimulator:Clerks:1:Name=Bo --WearableSimulator:Clerks:1:Zone=appliances
wait_for wearable-simulator health "$WEARABLE_URL" || ok=1

# Down messages are not queued for a subscription that does not exist yet: enrol only once cloud-sync listens.
down_subscribed() { grep -q "retail/v1/$STORE/down/#" "$RUN_DIR/logs/cloud-broker.log"; }
wait_for cloud-sync-downstream down_subscribed || ok=1

# --- HQ's content for the store, through the reference cloud's API: signed down messages that cloud-sync hands to
# edge-agent (product catalog, offer catalog, this month's prize budget).
put_content() { curl -fsS -X PUT "$CLOUD_URL/api/stores/$STORE/$1" -H 'content-type: application/json' "${@:2}" >/dev/null || { log "publishing $1 at the cloud failed"; ok=1; }; }
put_content products --data-binary @"$RUN_DIR/cloud/content/products.json"
put_content offers --data-binary @"$RUN_DIR/cloud/content/offers.json"
put_content prize-budget -d '{"amount":500}'
log "products, offers and a prize budget published at the cloud"

# --- opted-in members, enrolled at the cloud: they reach the hub as signed member deltas through cloud-sync.
first_names=(Jane Ola Kari Piotr Anna Lukas Emma Jonas Zofia Nora)
for i in $(seq 1 "$MEMBERS"); do
  name=${first_names[$(( (i - 1) % ${#first_names[@]} ))]}
  curl -fsS -X POST "$CLOUD_URL/api/stores/$STORE/members" -H 'content-type: application/json' -d "{
    \"memberId\":\"m-$i\",\"firstName\":\"$name\",\"tier\":\"$([ $((i % 5)) = 0 ] && echo gold || echo silver)\",
    \"pin\":\"$(printf '%04d' "$i")\",\"phone\":\"+479000$(printf '%04d' "$i")\",\"consent\":{\"presence\":true,\"personalisedScreens\":true,\"staffAlerts\":true,\"offerProfiling\":true},
    \"interests\":[\"coffee\"]}" >/dev/null || { log "enrolling member m-$i failed"; ok=1; break; }
done
log "$MEMBERS members enrolled at the cloud (m-N: PIN N and phone +479000N, N zero-padded to 4 digits; every 5th is gold)"
enrolled_at=$SECONDS

# The whole fleet path: cloud-sync's NBIRTH over mutual TLS, the cloud broker, the dashboard's primary host.
store_online() { curl -fsS "$DASHBOARD_URL/fragments/stores" | grep -q "data-store=\"$STORE\" data-online=\"true\""; }
wait_for fleet-dashboard-sees-store store_online || ok=1

cat <<MSG

  Store Edge demo is running (logs: $RUN_DIR/logs)
    kiosk              $KIOSK_URL   (staff pages: $KIOSK_ADMIN_URL/admin)
    edge-agent API     $AGENT_URL   (health: $AGENT_URL/healthz)
    reference cloud    $CLOUD_URL   (events a store sent: $CLOUD_URL/api/stores/$STORE/events)
    fleet dashboard    $DASHBOARD_URL   (this store: $DASHBOARD_URL/stores/$STORE)
    wearable page      $WEARABLE_URL   (clerks Ana in electronics, Bo in appliances)
    hub broker         mqtt://127.0.0.1:$BROKER_PORT
    cloud broker       mqtts://127.0.0.1:$CLOUD_TLS_PORT (hubs, mutual TLS), mqtt://127.0.0.1:$CLOUD_LOCAL_PORT (cloud side)

MSG
if [ "$CHECK" = 1 ]; then
  # A staff alert reached a clerk: a gold member dwelling in electronics or appliances shows up on a watch.
  alert_on_watch() { curl -fsS "$WEARABLE_URL/" | grep -q 'data-alert='; }
  wait_for staff-alert-on-a-watch alert_on_watch || ok=1
  # The hub's memory after it has run RSS_AFTER seconds with every member walking (and the strangers).
  while [ $((SECONDS - enrolled_at)) -lt "$RSS_AFTER" ]; do sleep 1; done
  bash "$REPO_ROOT/scripts/hub-rss.sh" "$RUN_DIR" || ok=1
  exit $ok
fi
[ "$ok" = 0 ] || die "a part did not start; see the logs above"
log "press Ctrl-C to stop"
wait
