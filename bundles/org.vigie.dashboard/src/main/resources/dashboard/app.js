// Vigie's dashboard: tabs, shared state (settings, stations), live refresh from /api/events with polling as a
// fallback. Each view lives in its own module.

import { getJson } from './api.js';
import { createAlerts } from './alerts.js';
import { createPanel } from './chart.js';
import { createDiagnostics } from './diagnostics.js';
import { clock, el, levelBadge, levelName, measure } from './format.js';
import { createMap } from './map.js';
import { createPlatform } from './platform.js';

const VIEWS = ['carte', 'alertes', 'diagnostics', 'plateforme'];
/** What a refresh round can read again. */
const ALL = ['stations', 'situation', 'panel', 'alerts', 'platform', 'diagnostics'];
const DEBOUNCE_MILLIS = 400;
/** The OGC situation layers are recomputed at most every 5 s on the server: look again after that. */
const SITUATION_SETTLE_MILLIS = 6000;
const RECONNECT_JITTER_MILLIS = 3000;
const MAX_RETRY_SECONDS = 30;

const banner = document.getElementById('page-error');

const app = {
  config: null,
  stations: [],
  warn(message) {
    banner.textContent = message;
    banner.hidden = false;
  },
  fail(error) {
    app.warn(`Erreur : ${error.message}`);
  },
  visible(view) {
    return !document.getElementById(`view-${view}`).hidden;
  },
};

function stationList(panel) {
  const list = document.getElementById('station-list');
  list.replaceChildren(...app.stations.map(s => {
    const h = s.latest.H;
    return el('li', {}, el('button', {
      type: 'button', className: 'station-item', 'data-code': s.station.code,
      'aria-current': panel.code === s.station.code ? 'true' : 'false',
      'aria-label': `${s.station.name}, vigilance ${levelName(s.vigilance)}`,
    }, el('span', { className: `swatch level-${s.vigilance}` }), el('span', { className: 'name' }, s.station.name),
    el('span', { className: 'value' }, h ? measure(h.value, 'H') : '—', ' ', levelBadge(s.vigilance))));
  }));
}

// --- tabs -------------------------------------------------------------------------------------------------------

function selectView(name, views) {
  for (const view of VIEWS) {
    const tab = document.getElementById(`tab-${view}`);
    const selected = view === name;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    document.getElementById(`view-${view}`).hidden = !selected;
  }
  if (location.hash !== `#${name}`) history.replaceState(null, '', `#${name}`);
  const refresh = { carte: () => { views.map.resize(); views.panel.resize(); }, alertes: views.alerts.refresh,
    diagnostics: views.diagnostics.refresh, plateforme: views.platform.refresh }[name];
  Promise.resolve(refresh()).catch(app.fail);
}

function setUpTabs(views) {
  const tabs = document.querySelector('[role=tablist]');
  tabs.addEventListener('click', event => {
    const tab = event.target.closest('[role=tab]');
    if (tab) selectView(tab.id.slice(4), views);
  });
  tabs.addEventListener('keydown', event => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    const current = VIEWS.findIndex(v => document.getElementById(`tab-${v}`).getAttribute('aria-selected') === 'true');
    const next = VIEWS[(current + step + VIEWS.length) % VIEWS.length];
    selectView(next, views);
    document.getElementById(`tab-${next}`).focus();
  });
  window.addEventListener('hashchange', () => {
    const name = location.hash.slice(1);
    if (VIEWS.includes(name)) selectView(name, views);
  });
}

// --- refresh ----------------------------------------------------------------------------------------------------

function createRefresher(views, panel) {
  const due = new Set();
  let stationsChanged = new Set();
  let timer = null;
  let running = false;

  /** One round of requests at a time, so an older answer never overwrites a newer one. */
  function schedule() {
    if (!timer && !running) timer = setTimeout(() => run().catch(app.fail), DEBOUNCE_MILLIS);
  }

  async function run() {
    timer = null;
    running = true;
    try {
      await round();
    } finally {
      running = false;
      if (due.size) schedule(); // asked for while this round ran
    }
  }

  async function round() {
    const what = new Set(due);
    const changed = stationsChanged;
    due.clear();
    stationsChanged = new Set();
    const tasks = [];
    if (what.has('stations')) {
      tasks.push(getJson('/api/stations').then(stations => {
        app.stations = stations;
        views.map.showStations();
        stationList(panel);
        panel.summary();
        views.diagnostics.stationsChanged();
      }));
    }
    if (what.has('situation')) tasks.push(views.map.refreshSituation());
    if (what.has('panel')) {
      tasks.push(changed.has('*') ? panel.refresh() : Promise.all([...changed].map(code => panel.refresh(code))));
    }
    if (what.has('alerts')) tasks.push(views.alerts.refresh());
    if (what.has('platform') && app.visible('plateforme')) tasks.push(views.platform.refresh());
    if (what.has('diagnostics') && app.visible('diagnostics')
      && (changed.has('*') || changed.has(views.diagnostics.station))) tasks.push(views.diagnostics.refresh());
    const results = await Promise.allSettled(tasks);
    const failed = results.find(r => r.status === 'rejected');
    if (failed) {
      app.fail(failed.reason);
      return; // "Mise à jour" tells when everything was last read
    }
    banner.hidden = true;
    document.getElementById('last-update').textContent = clock(Date.now());
  }

  /** Asks for a refresh of some parts; calls close together are served by one round of requests. */
  function request(parts, station = '*', settle = true) {
    parts.forEach(p => due.add(p));
    stationsChanged.add(station);
    if (settle && parts.includes('situation')) {
      setTimeout(() => request(['situation'], station, false), SITUATION_SETTLE_MILLIS);
    }
    schedule();
  }
  return request;
}

/** Live events from the server; polling every refreshSeconds while the stream is not open. */
function goLive(request) {
  const indicator = document.getElementById('live');
  let polling = null;
  const mode = live => {
    document.body.dataset.live = live ? 'sse' : 'polling';
    indicator.textContent = live ? '● en direct' : `○ actualisation toutes les ${app.config.refreshSeconds} s`;
    indicator.className = `live ${live ? 'on' : 'off'}`;
  };
  const all = () => request(ALL);
  let opened = false;
  const startPolling = () => {
    mode(false);
    if (!polling) polling = setInterval(all, app.config.refreshSeconds * 1000);
  };
  const connect = () => {
    if (!window.EventSource) {
      startPolling();
      return;
    }
    const events = new EventSource('/api/events');
    events.onopen = () => {
      clearInterval(polling);
      polling = null;
      mode(true);
      // the page has just read everything; on a reconnection, read again whatever happened while the stream was
      // down, not all pages at once after a restart of Vigie
      if (opened) setTimeout(all, Math.random() * RECONNECT_JITTER_MILLIS);
      opened = true;
    };
    events.onerror = () => {
      startPolling();
      if (events.readyState === EventSource.CLOSED) setTimeout(connect, 60_000); // else the browser retries
    };
    const parse = e => {
      try {
        return JSON.parse(e.data);
      } catch (ignored) {
        return {};
      }
    };
    events.addEventListener('observations', e => {
      const d = parse(e);
      request(['stations', 'situation', 'panel', 'diagnostics'], d.station || '*');
    });
    events.addEventListener('forecasts', () => request(['stations', 'situation', 'panel', 'platform']));
    events.addEventListener('alerts', () => request(['alerts', 'stations', 'situation']));
  };
  mode(false);
  connect();
}

/** Config and stations, without which the page shows nothing: asked for until Vigie answers (it may be restarting). */
async function essentials() {
  for (let wait = 2; ; wait = Math.min(2 * wait, MAX_RETRY_SECONDS)) {
    try {
      app.config = await getJson('config.json');
      app.stations = await getJson('/api/stations');
      banner.hidden = true;
      return;
    } catch (e) {
      app.warn(`Vigie ne répond pas (${e.message}) : nouvel essai dans ${wait} s.`);
      await new Promise(resolve => setTimeout(resolve, wait * 1000));
    }
  }
}

async function start() {
  await essentials();
  const panel = createPanel(app, () => { stationList(panel); views.map.resize(); });
  const openStation = code => {
    const loading = panel.open(code);
    stationList(panel);
    views.map.resize(); // the panel now takes its share of the width
    return loading;
  };
  const views = {
    map: createMap(app, openStation),
    alerts: createAlerts(app),
    diagnostics: createDiagnostics(app),
    platform: createPlatform(app),
    panel,
  };
  document.getElementById('station-list').addEventListener('click', event => {
    const button = event.target.closest('.station-item');
    if (button) openStation(button.dataset.code);
  });
  setUpTabs(views);
  window.vigie = { app, panel, map: views.map.map }; // for the browser tests and the curious
  views.map.showStations();
  stationList(panel);
  views.diagnostics.stationsChanged();
  const loaded = await Promise.all([views.map.refreshSituation(), views.map.load(), views.alerts.refresh()])
    .then(() => true, e => { app.fail(e); return false; });
  if (loaded) document.getElementById('last-update').textContent = clock(Date.now());
  const request = createRefresher(views, panel);
  if (!loaded) request(ALL); // one more try, in the first round
  goLive(request);
  const first = location.hash.slice(1);
  selectView(VIEWS.includes(first) ? first : 'carte', views);
  window.vigie.readyAt = performance.now();
  document.body.dataset.ready = 'true';
}

start().catch(app.fail);
