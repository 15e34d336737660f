// The dashboard's only script of its own: marks the live connection on <html data-live> (tests wait on it) and
// draws the selected metric of a store with chart.js, redrawing on the store's server-sent event.
(() => {
  const html = document.documentElement;
  const status = document.getElementById('live-status');
  const mark = (state, text) => { html.dataset.live = state; if (status) status.textContent = text; };
  document.body.addEventListener('htmx:sseOpen', () => mark('connected', 'live updates on'));
  document.body.addEventListener('htmx:sseError', () => mark('lost', 'live updates lost; retrying'));

  const canvas = document.getElementById('metric-chart');
  const select = document.getElementById('metric-select');
  if (!canvas || !select || !window.Chart) return;
  let chart;
  async function draw() {
    const response = await fetch(canvas.dataset.historyUrl + '?metric=' + encodeURIComponent(select.value));
    if (!response.ok) return;
    const history = await response.json();
    const labels = history.points.map(p => new Date(p.t).toISOString().slice(11, 19));
    const values = history.points.map(p => p.v);
    if (!chart) {
      chart = new Chart(canvas, {
        type: 'line',
        data: { labels, datasets: [{ label: select.value, data: values, borderColor: '#1a56b8', backgroundColor: '#1a56b8', pointRadius: 2, tension: 0 }] },
        options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { x: { title: { display: true, text: 'time (UTC)' } } } },
      });
    } else {
      chart.data.labels = labels;
      chart.data.datasets[0].data = values;
      chart.data.datasets[0].label = select.value;
      chart.update();
    }
    canvas.dataset.points = String(values.length);
  }
  select.addEventListener('change', draw);
  document.body.addEventListener('htmx:sseMessage', e => { if (e.detail && e.detail.type === canvas.dataset.event) draw(); });
  draw();
})();
