// The "Alertes" view: each station's current level and alert, the alert history with deliveries, acknowledgements
// and audit trail, and acknowledgement by a logged-in duty officer.

import * as api from './api.js';
import { DELIVERY, TRANSITIONS, el, levelBadge, levelName, measure, when } from './format.js';

const BASIS = { OBSERVED: 'observée', FORECAST: 'prévue' };

/** What the user should read for a refused request. */
function explain(error) {
  if (error.status === 401) {
    return 'Identifiants refusés (401) : utilisateur ou mot de passe incorrect, reconnectez-vous.';
  }
  if (error.status === 403) return `Accès refusé (403) : ${error.message}`;
  if (error.status === 404) return `Introuvable (404) : ${error.message}`;
  if (error.status) return `Erreur ${error.status} : ${error.message}`;
  return `Serveur injoignable : ${error.message}`;
}

function show(element, text) {
  element.textContent = text || '';
  element.hidden = !text;
}

export function createAlerts(app) {
  const current = document.querySelector('#current-alerts tbody');
  const history = document.querySelector('#alert-history tbody');
  const loginForm = document.getElementById('login-form');
  const loginState = document.getElementById('login-state');
  const loginError = document.getElementById('login-error');
  const ackError = document.getElementById('ack-error');
  const dialog = document.getElementById('ack-dialog');
  const counter = document.getElementById('alert-count');
  let data = { levels: {}, events: [], outbox: {} };
  let pending = null; // the alert being acknowledged

  const stationName = code => {
    const s = app.stations.find(i => i.station.code === code);
    return s ? s.station.name : code;
  };

  function showLogin() {
    const name = api.user();
    loginForm.hidden = name != null;
    loginState.hidden = name == null;
    document.getElementById('login-name').textContent = name || '';
  }

  function acknowledgement(item) {
    const a = item.acknowledgement;
    return a ? `acquittée par ${a.by} le ${when(a.at)}${a.note ? ` — « ${a.note} »` : ''}` : null;
  }

  function cause(e) {
    const value = e.value == null ? ''
      : `${e.quantity} ${BASIS[e.basis] || ''} ${measure(e.value, e.quantity)} (${when(e.valueTime)})`;
    return e.threshold ? `${value}, seuil ${measure(e.threshold.value, e.quantity)}` : value;
  }

  function renderCurrent() {
    const latest = new Map();
    for (const item of data.events) {
      if (!latest.has(item.event.stationCode)) latest.set(item.event.stationCode, item);
    }
    const codes = [...new Set([...app.stations.map(s => s.station.code), ...Object.keys(data.levels)])];
    let unacknowledged = 0;
    current.replaceChildren(...codes.map(code => {
      const level = data.levels[code] || 'GREEN';
      const item = latest.get(code);
      const active = item && item.event.level !== 'GREEN' ? item : null;
      let ack = '—';
      if (active && active.acknowledgement) {
        ack = el('span', { className: 'acknowledged' }, acknowledgement(active));
      } else if (active) {
        unacknowledged += 1;
        ack = el('button', {
          type: 'button', className: 'ack', id: `ack-${active.event.id}`, 'data-alert': active.event.id,
          'aria-label': `Acquitter l'alerte ${levelName(active.event.level)} de ${stationName(code)}`,
        }, 'Acquitter');
      }
      return el('tr', { 'data-station': code, 'data-level': level },
        el('th', { scope: 'row' }, stationName(code), el('small', {}, ` ${code}`)),
        el('td', {}, levelBadge(level)),
        el('td', {}, active ? when(active.event.createdAt) : '—'),
        el('td', {}, active ? cause(active.event) : 'sous tous les seuils'),
        el('td', {}, ack));
    }));
    counter.textContent = unacknowledged;
    counter.hidden = unacknowledged === 0;
    counter.title = `${unacknowledged} alerte(s) non acquittée(s)`;
  }

  function renderHistory() {
    history.replaceChildren(...data.events.map(item => {
      const e = item.event;
      const deliveries = el('ul', { className: 'plain' }, item.deliveries.map(d => el('li', {
        title: d.lastDetail || '', className: `delivery ${d.status}`,
      }, `${d.channelId} : ${DELIVERY[d.status] || d.status} (${d.attempts} essai${d.attempts > 1 ? 's' : ''})`)));
      const audit = el('details', {}, el('summary', {}, `${item.audit.length} entrée(s)`),
        el('ul', { className: 'plain' }, item.audit.map(a => el('li', {},
          `${when(a.at)} — ${a.action} par ${a.by}${a.detail ? ` : ${a.detail}` : ''}`))));
      return el('tr', { 'data-alert': e.id },
        el('td', {}, when(e.createdAt)),
        el('td', {}, stationName(e.stationCode)),
        el('td', {}, TRANSITIONS[e.transition] || e.transition),
        el('td', {}, levelBadge(e.previousLevel), ' → ', levelBadge(e.level)),
        el('td', {}, cause(e)),
        el('td', {}, deliveries),
        el('td', { className: 'ack-state' }, acknowledgement(item) || (e.level === 'GREEN' ? '—' : 'non acquittée')),
        el('td', {}, audit));
    }));
    const o = data.outbox;
    document.getElementById('outbox').textContent = `File d'envoi : ${o.PENDING || 0} en attente, `
      + `${o.DELIVERED || 0} délivré(s), ${o.REJECTED || 0} rejeté(s).`;
  }

  // from the live refresh, the tab and an acknowledgement: one request at a time, the newest answer shown last
  const refresh = api.serial(async () => {
    data = await api.getJson('/api/alerts?limit=200');
    data.events.sort((a, b) => Date.parse(b.event.createdAt) - Date.parse(a.event.createdAt));
    renderCurrent();
    renderHistory();
  });

  loginForm.addEventListener('submit', async event => {
    event.preventDefault();
    show(loginError, '');
    const button = document.getElementById('login-submit');
    button.disabled = true;
    try {
      await api.login(document.getElementById('login-user').value.trim(),
        document.getElementById('login-password').value);
      document.getElementById('login-password').value = '';
      showLogin();
    } catch (e) {
      show(loginError, explain(e));
    } finally {
      button.disabled = false;
    }
  });
  document.getElementById('logout').addEventListener('click', () => {
    api.logout();
    showLogin();
  });

  current.addEventListener('click', event => {
    const button = event.target.closest('button.ack');
    if (!button) return;
    show(ackError, '');
    if (!api.user()) {
      show(loginError, 'Connectez-vous pour acquitter une alerte.');
      document.getElementById('login-user').focus();
      return;
    }
    pending = data.events.find(i => i.event.id === button.dataset.alert);
    document.getElementById('ack-what').textContent = pending.event.message;
    document.getElementById('ack-note').value = '';
    dialog.returnValue = ''; // Firefox and Safari would keep the last one, e.g. 'ok' after Esc
    dialog.showModal();
  });
  // only the confirm button acknowledges; Annuler and Esc just close the dialog
  document.getElementById('ack-form').addEventListener('submit', async event => {
    const alert = pending;
    pending = null;
    if (!alert || !event.submitter || event.submitter.id !== 'ack-confirm') return;
    try {
      await api.acknowledge(alert.event.id, document.getElementById('ack-note').value.trim());
    } catch (e) {
      if (e.status === 401) {
        api.logout();
        showLogin();
      }
      show(ackError, `Acquittement impossible — ${explain(e)}`);
      return;
    }
    await refresh().catch(app.fail);
  });
  dialog.addEventListener('close', () => { pending = null; });

  showLogin();
  return { refresh, render: renderCurrent };
}
