// The "Diagnostics" view: the data-quality report of one station and quantity, as HTML and as a plot.

import { el } from './format.js';

export function createDiagnostics(app) {
  const station = document.getElementById('diag-station');
  const quantity = document.getElementById('diag-quantity');
  const period = document.getElementById('diag-period');
  const plot = document.getElementById('diag-plot');
  const report = document.getElementById('diag-report');
  const error = document.getElementById('diag-error');

  function fillStations() {
    const chosen = station.value;
    station.replaceChildren(...app.stations.map(s => el('option', { value: s.station.code },
      `${s.station.name} (${s.station.code})`)));
    if (chosen) station.value = chosen;
    fillQuantities();
  }

  /** Only the quantities the station has data for. */
  function fillQuantities() {
    const s = app.stations.find(i => i.station.code === station.value);
    for (const option of quantity.options) option.disabled = !s || !s.latest[option.value];
    if (quantity.selectedOptions[0] && quantity.selectedOptions[0].disabled) {
      const first = [...quantity.options].find(o => !o.disabled);
      if (first) quantity.value = first.value;
    }
  }

  function refresh() {
    if (!station.value) fillStations();
    if (!station.value) return;
    const from = new Date(Date.now() - Number(period.value) * 3600e3).toISOString();
    const base = `/api/stations/${encodeURIComponent(station.value)}/diagnostics`
      + `?quantity=${quantity.value}&from=${from}`;
    error.hidden = true;
    plot.src = `${base}&format=png`;
    plot.alt = `Série ${quantity.value} de ${station.value} et points signalés`;
    report.src = `${base}&format=html`;
  }

  // the image cannot say why it failed: ask the server again for its explanation
  plot.addEventListener('error', async () => {
    const url = plot.getAttribute('src');
    if (!url) return;
    let reason = 'image illisible';
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(15000) });
      if (!response.ok) reason = (await response.json()).error || `${response.status}`;
    } catch (e) {
      reason = e.message;
    }
    error.textContent = `Diagnostic indisponible : ${reason}`;
    error.hidden = false;
  });

  station.addEventListener('change', () => { fillQuantities(); refresh(); });
  quantity.addEventListener('change', refresh);
  period.addEventListener('change', refresh);
  return {
    stationsChanged: fillStations,
    refresh,
    get station() { return station.value; },
  };
}
