// kiosk-ui's only script of its own: lock-down, the on-screen keypad, the idle countdown, live push (SignalR),
// and performance marks for the tap-to-personalised measurement. htmx does everything else.
(function () {
  'use strict';

  // Locked down: no context menu, no dragging things out, no navigation to another origin, no new windows.
  document.addEventListener('contextmenu', function (e) { e.preventDefault(); });
  document.addEventListener('dragstart', function (e) { e.preventDefault(); });
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[href]');
    if (a && new URL(a.href, location.href).origin !== location.origin) { e.preventDefault(); }
  }, true);
  window.open = function () { return null; };

  // On-screen keypad: types into the input named by data-for.
  document.addEventListener('click', function (e) {
    var key = e.target.closest && e.target.closest('.keypad .key');
    if (!key) { return; }
    var input = document.getElementById(key.closest('.keypad').dataset.for);
    if (!input) { return; }
    var k = key.dataset.key;
    if (k === '\u232B') { input.value = input.value.slice(0, -1); }
    else if (input.maxLength < 0 || input.value.length < input.maxLength) { input.value += k; }
  });

  // Performance marks: every tap, and the moment a personalised page has settled.
  document.addEventListener('pointerdown', function () { performance.mark('kiosk:tap'); }, true);
  function markPersonalised() {
    if (!document.getElementById('personalised')) { return; }
    performance.mark('kiosk:personalised');
    if (performance.getEntriesByName('kiosk:tap').length) {
      performance.measure('kiosk:tap-to-personalised', 'kiosk:tap', 'kiosk:personalised');
    }
  }

  // Idle countdown. The server's clock decides the logout (and pushes it); this shows the seconds left and tells the
  // server about taps that load nothing, at most every 5 s.
  var idleDeadline = 0;
  var lastTouchPost = 0;
  function resetIdle() {
    var el = document.getElementById('idle');
    if (el) { idleDeadline = Date.now() + Number(el.dataset.idleSeconds) * 1000; }
  }
  function activity() {
    resetIdle();
    var now = Date.now();
    if (document.getElementById('idle') && now - lastTouchPost > 5000) {
      lastTouchPost = now;
      fetch('/session/touch', { method: 'POST', credentials: 'same-origin' }).catch(function () { });
    }
  }
  ['pointerdown', 'keydown'].forEach(function (t) { document.addEventListener(t, activity, true); });
  setInterval(function () {
    var el = document.getElementById('idle');
    if (!el) { return; }
    if (!idleDeadline) { resetIdle(); }
    var left = Math.max(0, Math.ceil((idleDeadline - Date.now()) / 1000));
    document.getElementById('idle-text').textContent = el.dataset.template.replace('{0}', String(left));
    el.classList.toggle('urgent', left <= 10);
    el.setAttribute('role', left <= 10 ? 'alert' : 'status');
  }, 250);

  // Live push. After a lost connection the page waits until the server answers again, then reloads (a reload
  // while the server is down would leave Chromium on an error page with nobody to press F5).
  function reloadWhenBack() {
    fetch('/healthz', { cache: 'no-store' }).then(function (r) {
      if (r.ok) { location.reload(); } else { setTimeout(reloadWhenBack, 2000); }
    }).catch(function () { setTimeout(reloadWhenBack, 2000); });
  }
  function startLive() {
    // Staff pages (data-no-live) are served on the admin binding, which has no hub: trying it there would fail and
    // reload the page every two seconds, under the fingers of whoever is typing the staff PIN.
    if (!window.signalR || document.querySelector('[data-no-live]')) { return; }
    var conn = new signalR.HubConnectionBuilder().withUrl('/live').withAutomaticReconnect([0, 1000, 2000, 5000]).build();
    // The hub is on loopback: a crashed or restarted server closes the socket at once (onclose below). The silence
    // timeout only catches a hung server, which the systemd watchdog restarts anyway, so it can be long; this also
    // keeps screens connected while tests hold the server's clock still (keep-alive pings follow that clock).
    conn.serverTimeoutInMilliseconds = 120000;
    conn.on('greeting', function () {
      performance.mark('kiosk:greeting-pushed');
      if (window.htmx) { htmx.trigger(document.body, 'kiosk:greeting'); }
    });
    conn.on('logout', function () { location.assign('/'); });
    conn.on('navigate', function (p) { if (p.charAt(0) === '/' && p.charAt(1) !== '/') { location.assign(p); } });
    conn.on('reload', function () { location.reload(); });
    conn.onreconnected(function () { location.reload(); });
    conn.onclose(function () { setTimeout(reloadWhenBack, 1000); });
    conn.start().then(function () { document.documentElement.dataset.live = 'connected'; })
      .catch(function () { setTimeout(reloadWhenBack, 2000); });
    window.kioskLive = conn;
  }

  // Anti-forgery: htmx posts carry the token the layout rendered (#af) as a header; GETs carry nothing.
  document.addEventListener('htmx:configRequest', function (e) {
    if (e.detail.verb === 'get') { return; }
    var token = document.querySelector('#af input[name="__RequestVerificationToken"]');
    if (token) { e.detail.headers['RequestVerificationToken'] = token.value; }
  });

  document.addEventListener('htmx:afterSettle', function (e) {
    resetIdle();
    markPersonalised();
    if (e.target && e.target.id === 'greeting' && document.querySelector('[data-member-greeting]')) {
      performance.mark('kiosk:greeting-shown');
    }
  });
  document.addEventListener('DOMContentLoaded', function () { resetIdle(); markPersonalised(); startLive(); });
})();
