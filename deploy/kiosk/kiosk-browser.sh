#!/bin/sh
# Store Edge kiosk browser: Debian's chromium in kiosk mode on the kiosk-ui pages, started inside a cage
# (Wayland kiosk compositor) session by store-edge-kiosk-browser.service. Waits until kiosk-ui answers so the
# screen never shows a "connection refused" page, then runs chromium; systemd restarts the session if it exits.
set -eu
URL="${KIOSK_URL:-http://127.0.0.1:5090/}"
PROFILE="${XDG_RUNTIME_DIR:-/tmp}/store-edge-kiosk-profile"

until curl -fsS -o /dev/null --max-time 2 "${URL%/}/healthz"; do sleep 1; done

# A fresh profile every start: nothing one shopper typed survives a restart of the browser.
rm -rf "$PROFILE"
mkdir -p "$PROFILE"

exec /usr/bin/chromium \
  --kiosk "$URL" \
  --user-data-dir="$PROFILE" \
  --ozone-platform=wayland \
  --no-first-run --noerrdialogs --disable-infobars --disable-session-crashed-bubble \
  --disable-translate --disable-features=Translate,OverscrollHistoryNavigation,TouchpadOverscrollHistoryNavigation,MediaRouter \
  --overscroll-history-navigation=0 --disable-pinch \
  --disable-background-networking --disable-component-update --disable-sync --disable-default-apps \
  --disable-extensions --disable-dev-tools --password-store=basic \
  --check-for-update-interval=31536000 \
  --autoplay-policy=no-user-gesture-required \
  --touch-events=enabled
