// The station panel: hydrograph of the observed H or Q, the latest forecast with its 10–90 % band, the station's
// thresholds, the forecast's issue time and lead times; exports as PNG and CSV.

import { getJson } from './api.js';
import {
  LEVELS, QUANTITIES, ZONE, day, el, hour, levelBadge, levelName, measure, number, parisIso, when,
} from './format.js';

const COLOURS = {
  observed: '#1f3b73',
  forecast: '#7b2cbf',
  band: 'rgba(123, 44, 191, 0.18)',
  bandEdge: 'rgba(123, 44, 191, 0.45)',
  issue: '#374151',
};
const THRESHOLD_COLOURS = { YELLOW: '#c9a800', ORANGE: LEVELS.ORANGE.colour, RED: LEVELS.RED.colour };
const HEIGHT = 330;
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
  'novembre', 'décembre'];

const hasBand = run => run.values.some(v => v.q10 != null && v.q90 != null);

/** The forecast to draw: the latest issued; of forecasts issued together, one with a band. */
function pick(runs) {
  return [...runs].sort((a, b) => (Date.parse(b.issueTime) - Date.parse(a.issueTime))
    || (hasBand(b) - hasBand(a)))[0] || null;
}

/** Paris clock times, with the day under midnight (or alone when the ticks are a day or more apart). */
function timeLabels(u, splits, axisIndex, space, increment) {
  return splits.map(s => {
    const t = s * 1000;
    if (increment >= 86400) return day(t);
    const h = hour(t);
    return h === '00:00' ? `${h}\n${day(t)}` : h;
  });
}

/** Everything drawn for one station and quantity: uPlot's columns, series and what the exports need. */
function build(code, quantity, from, observations, runs, stationThresholds) {
  const run = pick(runs);
  // the station's level thresholds of this quantity (a rate-of-rise threshold is no line on a hydrograph)
  const thresholds = (stationThresholds || [])
    .filter(t => t.quantity === quantity && (t.kind == null || t.kind === 'LEVEL'));
  const band = run != null && hasBand(run);
  const forecast = run ? run.values.map(v => ({
    t: Date.parse(v.time) / 1000, median: v.q50 ?? v.value, q10: v.q10, q90: v.q90,
  })) : [];
  const observed = observations.map(o => [Date.parse(o.time) / 1000, o.value]);
  const times = [...new Set([...observed.map(o => o[0]), ...forecast.map(f => f.t)])].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  const column = () => new Array(times.length).fill(null);
  const digits = (QUANTITIES[quantity] || { digits: 2 }).digits;
  const value = (u, v) => (v == null ? '—' : number(v, digits));

  const series = [{ label: 'Heure (Paris)', value: (u, ts) => (ts == null ? '—' : when(ts * 1000)) }];
  const data = [times];
  const colours = [];
  const add = (definition, values, colour) => {
    series.push({ value, spanGaps: true, ...definition });
    data.push(values);
    colours.push(colour);
    return series.length - 1;
  };
  const obs = column();
  observed.forEach(([t, v]) => { obs[index.get(t)] = v; });
  add({ label: 'Observé', stroke: COLOURS.observed, width: 2 }, obs, COLOURS.observed);
  const bands = [];
  const columns = { observed: obs };
  if (run) {
    const median = column();
    forecast.forEach(f => { median[index.get(f.t)] = f.median; });
    add({ label: band ? 'Prévision (médiane)' : 'Prévision', stroke: COLOURS.forecast, width: 2, dash: [6, 4] },
      median, COLOURS.forecast);
    columns.median = median;
    if (band) {
      const q90 = column();
      const q10 = column();
      forecast.forEach(f => { q90[index.get(f.t)] = f.q90; q10[index.get(f.t)] = f.q10; });
      const edge = { stroke: COLOURS.bandEdge, width: 1, points: { show: false } };
      const upper = add({ label: 'Bande 10–90 % (90 %)', ...edge }, q90, COLOURS.band);
      const lower = add({ label: 'Bande 10–90 % (10 %)', ...edge }, q10, COLOURS.band);
      bands.push({ series: [upper, lower], fill: COLOURS.band });
      columns.q10 = q10;
      columns.q90 = q90;
    }
  }
  const drawnThresholds = thresholds.map(t => ({
    ...t,
    text: `Seuil ${levelName(t.level)} ${measure(t.value, quantity)}`,
    colour: THRESHOLD_COLOURS[t.level] || '#555',
  }));
  drawnThresholds.forEach(t => {
    t.series = add({ label: t.text, stroke: t.colour, width: 1.5, dash: [10, 5], points: { show: false } },
      new Array(times.length).fill(t.value), t.colour);
  });
  return {
    code, quantity, from, run, band, times, series, data, bands, colours, columns, thresholds: drawnThresholds,
    issue: run ? Date.parse(run.issueTime) / 1000 : null,
  };
}

function options(view, width) {
  const q = QUANTITIES[view.quantity] || { name: view.quantity, unit: '' };
  const axes = [
    { values: timeLabels, space: 70, size: 48 },
    {
      label: `${q.name[0].toUpperCase()}${q.name.slice(1)} (${q.unit})`,
      values: (u, values) => values.map(v => number(v, q.digits)),
      size: 60,
    },
  ];
  if (view.issue != null) {
    axes.push({
      scale: 'x', side: 0, label: 'Échéance depuis l\'émission', labelSize: 16, size: 26, grid: { show: false },
      // whole hours from the issue time, at least 40 px apart
      splits: (u, axisIndex, min, max) => {
        const pixelsPerHour = (u.bbox.width / (window.devicePixelRatio || 1)) / ((max - min) / 3600);
        const hours = [1, 2, 3, 6, 12, 24, 48, 96, 168].find(h => h * pixelsPerHour >= 40) || 336;
        const out = [];
        for (let s = view.issue; s <= max; s += hours * 3600) if (s >= min) out.push(s);
        return out;
      },
      values: (u, splits) => splits.map(s => `+${Math.round((s - view.issue) / 3600)} h`),
    });
  }
  return {
    width,
    height: HEIGHT,
    tzDate: ts => uPlot.tzDate(new Date(ts * 1000), ZONE),
    fmtDate: template => uPlot.fmtDate(template, { MMMM: MONTHS, MMM: MONTHS.map(m => m.slice(0, 4)),
      WWWW: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
      WWW: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'] }),
    // the chosen period even where data are missing, then the forecast
    scales: { x: { time: true, range: (u, min, max) => [Math.min(view.from, min ?? view.from), max ?? view.from] } },
    series: view.series,
    bands: view.bands,
    axes,
    legend: { live: true },
    hooks: { draw: [u => annotate(u, view)] },
  };
}

/** Writes the thresholds' names on their lines and marks the forecast's issue time. */
function annotate(u, view) {
  const { ctx } = u;
  const { left, top, width, height } = u.bbox;
  const ratio = window.devicePixelRatio || 1;
  ctx.save();
  ctx.font = `${12 * ratio}px system-ui, sans-serif`;
  // names on the left, over the observations: the right is the forecast's
  ctx.textAlign = 'left';
  for (const t of view.thresholds) {
    const y = u.valToPos(t.value, 'y', true);
    if (!u.series[t.series].show || y < top || y > top + height) continue;
    ctx.fillStyle = t.colour === THRESHOLD_COLOURS.YELLOW ? '#8a7300' : t.colour;
    ctx.fillText(t.text, left + 6 * ratio, y - 4 * ratio);
  }
  if (view.issue != null) {
    const x = u.valToPos(view.issue, 'x', true);
    if (x >= left && x <= left + width) {
      ctx.strokeStyle = COLOURS.issue;
      ctx.fillStyle = COLOURS.issue;
      ctx.lineWidth = ratio;
      ctx.setLineDash([3 * ratio, 3 * ratio]);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
      const text = `Émission ${hour(view.issue * 1000)}`;
      const roomOnTheRight = left + width - x > ctx.measureText(text).width + 8 * ratio;
      ctx.textAlign = roomOnTheRight ? 'left' : 'right';
      ctx.fillText(text, x + (roomOnTheRight ? 4 : -4) * ratio, top + 14 * ratio);
    }
  }
  ctx.restore();
}

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

/** Splits a text into lines no wider than `width` in the context's current font. */
function wrap(ctx, text, width) {
  const lines = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && ctx.measureText(candidate).width > width) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  return current ? [...lines, current] : lines;
}

function stamp() {
  return parisIso(Date.now()).slice(0, 16).replace(/[-:]/g, '');
}

export function createPanel(app, onClose) {
  const panel = document.getElementById('station-panel');
  const box = document.getElementById('chart');
  const note = document.getElementById('chart-note');
  const exceedance = document.getElementById('exceedance');
  const exports = [document.getElementById('export-png'), document.getElementById('export-csv')];
  let code = null;
  let quantity = 'H';
  let hours = 72;
  let chart = null;
  let view = null;
  let sequence = 0;

  const item = (station = code) => app.stations.find(s => s.station.code === station);
  // a panel drawn while its view is hidden has no width: assume the usual one, resize() corrects it
  const width = () => (box.clientWidth > 0 ? box.clientWidth : 580);

  function summary() {
    const s = item();
    if (!s) return;
    document.getElementById('panel-title').textContent = s.station.name;
    const latest = Object.entries(s.latest).filter(([q]) => q === 'H' || q === 'Q')
      .map(([q, o]) => `${q} ${measure(o.value, q)} (${when(o.time)})`).join(' · ');
    document.getElementById('panel-summary').replaceChildren(
      `${s.station.river} · ${s.station.code} · vigilance `, levelBadge(s.vigilance), latest ? ` · ${latest}` : '');
    for (const input of panel.querySelectorAll('input[name=quantity]')) {
      input.disabled = input.value !== 'H' && !s.latest[input.value];
      input.checked = input.value === quantity;
    }
  }

  function showExceedance() {
    const rows = view.run ? view.run.exceedance.filter(t => t.probabilities && t.probabilities.length) : [];
    exceedance.hidden = rows.length === 0;
    exceedance.tBodies[0].replaceChildren(...rows.map(t => {
      const max = Math.max(...t.probabilities);
      const at = t.probabilities.indexOf(max);
      const time = Date.parse(view.run.values[at].time);
      const lead = Math.round((time - Date.parse(view.run.issueTime)) / 3600e3);
      return el('tr', {}, el('td', {}, levelBadge(t.level)), el('td', {}, measure(t.value, view.quantity)),
        el('td', {}, `${Math.round(max * 100)} %`), el('td', {}, `+${lead} h (${when(time)})`));
    }));
  }

  /**
   * Takes down what is drawn, with a message in its place: nothing of another station, quantity or period stays on
   * show or can be exported while the next one loads.
   */
  function clear(message) {
    if (chart) chart.destroy();
    chart = null;
    view = null;
    box.replaceChildren(...(message ? [message] : []));
    note.textContent = '';
    exceedance.hidden = true;
    exceedance.tBodies[0].replaceChildren();
    exports.forEach(button => { button.disabled = true; });
    delete panel.dataset.loaded;
  }

  function draw(drawn) {
    clear(drawn.times.length ? null : el('p', { className: 'empty' }, 'Aucune donnée sur la période choisie.'));
    view = drawn;
    if (view.times.length) chart = new uPlot(options(view, width()), view.data, box);
    const q = QUANTITIES[view.quantity];
    note.textContent = view.run
      ? `Prévision ${view.run.forecastPoint} (modèle ${view.run.model}) émise le ${when(view.run.issueTime)}`
        + `${view.band ? ', médiane et bande 10–90 %' : ''}. Heures de Paris.`
      : `Pas de prévision de ${q ? q.name : view.quantity} pour cette station. Heures de Paris.`;
    if (!view.thresholds.length) note.textContent += ' Aucun seuil connu pour cette grandeur.';
    showExceedance();
    exports.forEach(button => { button.disabled = false; });
    panel.dataset.loaded = `${view.code}/${view.quantity}/${view.hours}`;
  }

  /** Loads and draws the current station, quantity and period; rejects when that fails. */
  async function load() {
    if (!code) return;
    const mine = ++sequence;
    const [station, q, h] = [code, quantity, hours];
    const from = new Date(Date.now() - h * 3600e3).toISOString();
    const path = `/api/stations/${encodeURIComponent(station)}`;
    try {
      const [series, forecasts] = await Promise.all([
        getJson(`${path}/series?quantity=${q}&from=${from}`),
        getJson(`${path}/forecast`).catch(e => {
          if (e.status === 404) return { forecasts: [] };
          throw e;
        }),
      ]);
      if (mine !== sequence) return; // another station, quantity or period was asked for meanwhile, or closed
      const runs = forecasts.forecasts.filter(f => f.quantity === q);
      summary();
      draw({ ...build(station, q, Date.parse(from) / 1000, series.observations, runs,
        item(station) ? item(station).thresholds : []), hours: h });
    } catch (e) {
      if (mine !== sequence) return;
      // a live refresh that fails leaves the drawing in place (the page's banner says why); else say it here
      if (!view) box.replaceChildren(el('p', { className: 'error' }, `Hydrogramme indisponible : ${e.message}`));
      throw e;
    }
  }

  /** Shows the current choice from scratch: a new station, quantity or period. */
  function reload() {
    clear(el('p', { className: 'empty' }, 'Chargement…'));
    return load().catch(() => {}); // the failure is shown in the panel
  }

  // the exports name what is drawn (view), never the current choice, which may be loading
  function exportPng() {
    if (!chart || !view) return;
    const { code, quantity } = view;
    const ratio = window.devicePixelRatio || 1;
    const source = chart.ctx.canvas;
    const shown = chart.series.map((s, i) => [s, i]).slice(1).filter(([s]) => s.show);
    const perRow = 3;
    const line = 17 * ratio;
    const canvas = el('canvas', { width: source.width });
    const ctx = canvas.getContext('2d');
    const font = (size, bold) => `${bold ? 'bold ' : ''}${size * ratio}px system-ui, sans-serif`;
    ctx.font = font(12);
    const notes = wrap(ctx, `${note.textContent} Exporté le ${when(Date.now())}.`, canvas.width - 20 * ratio);
    const head = 28 * ratio + notes.length * line;
    const legendRows = Math.ceil(shown.length / perRow);
    canvas.height = head + source.height + legendRows * 20 * ratio + 10 * ratio; // resets the context
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = '#111';
    ctx.font = font(15, true);
    ctx.fillText(`${item(code) ? item(code).station.name : code} (${code}) — ${quantity}`, 10 * ratio, 20 * ratio);
    ctx.font = font(12);
    notes.forEach((text, n) => ctx.fillText(text, 10 * ratio, 20 * ratio + (n + 1) * line));
    ctx.drawImage(source, 0, head);
    const columnWidth = canvas.width / perRow;
    shown.forEach(([s, i], n) => {
      const x = 10 * ratio + (n % perRow) * columnWidth;
      const y = head + source.height + Math.floor(n / perRow) * 20 * ratio + 14 * ratio;
      ctx.fillStyle = view.colours[i - 1];
      ctx.fillRect(x, y - 8 * ratio, 18 * ratio, 6 * ratio);
      ctx.fillStyle = '#111';
      ctx.fillText(s.label, x + 24 * ratio, y);
    });
    canvas.toBlob(blob => download(blob, `vigie-${code}-${quantity}-${stamp()}.png`), 'image/png');
  }

  function exportCsv() {
    if (!view) return;
    const { code, quantity, columns: c } = view;
    const header = ['time', 'heure_paris', 'observe', 'prevision_mediane', 'q10', 'q90'];
    const cell = v => (v == null ? '' : String(v));
    // no comment line: spreadsheets would read it as data; the file name says station, quantity and time
    const lines = [
      header.join(','),
      ...view.times.map((t, i) => [new Date(t * 1000).toISOString(), parisIso(t * 1000), cell(c.observed[i]),
        cell(c.median && c.median[i]), cell(c.q10 && c.q10[i]), cell(c.q90 && c.q90[i])].join(',')),
    ];
    download(new Blob([lines.join('\n') + '\n'], { type: 'text/csv;charset=utf-8' }),
      `vigie-${code}-${quantity}-${stamp()}.csv`);
  }

  panel.addEventListener('change', event => {
    if (event.target.name === 'quantity') quantity = event.target.value;
    else if (event.target.name === 'period') hours = Number(event.target.value);
    else return;
    reload();
  });
  document.getElementById('panel-close').addEventListener('click', () => {
    code = null;
    sequence += 1; // an answer still on its way is for nobody
    clear(null);
    panel.hidden = true;
    onClose();
  });
  document.getElementById('export-png').addEventListener('click', exportPng);
  document.getElementById('export-csv').addEventListener('click', exportCsv);
  /** Fits the chart to the panel again (after the window or the view changed). */
  function resize() {
    if (chart && box.clientWidth > 0) chart.setSize({ width: width(), height: HEIGHT });
  }
  window.addEventListener('resize', resize);

  return {
    get code() { return code; },
    get chart() { return chart; },
    open(stationCode) {
      if (code !== stationCode) quantity = 'H';
      code = stationCode;
      panel.hidden = false;
      summary();
      return reload();
    },
    refresh(stationCode) {
      if (code && (!stationCode || stationCode === code)) return load();
      return Promise.resolve();
    },
    summary,
    resize,
  };
}
