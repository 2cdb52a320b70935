// The "Plateforme" view: the plug-ins with their bundle versions and health, the catchments, the last forecast
// cycle, and the long-running jobs (calibrations, hindcasts) with their progress.

import { getJson, serial } from './api.js';
import { el, when } from './format.js';

const KINDS = { CONNECTOR: 'connecteur', MODEL: 'modèle', CHANNEL: 'canal' };
const HEALTH = { UP: 'en service', DEGRADED: 'dégradé', DOWN: 'hors service' };
const STATUS = { RUNNING: 'en cours', DONE: 'terminé', FAILED: 'échec' };

/** A list of jobs, or the reason there is none (e.g. 503: the bundle is not installed). */
async function jobs(path) {
  try {
    return { list: await getJson(path) };
  } catch (e) {
    return { list: [], problem: e.message };
  }
}

export function createPlatform(app) {
  const plugins = document.querySelector('#plugins tbody');
  const summary = document.getElementById('platform-summary');
  const jobRows = document.querySelector('#jobs tbody');
  const note = document.getElementById('jobs-note');
  let timer = null;

  function renderRegistry(registry) {
    plugins.replaceChildren(...registry.plugins.map(p => el('tr', { 'data-plugin': p.id },
      el('th', { scope: 'row' }, p.id),
      el('td', {}, KINDS[p.kind] || p.kind),
      el('td', {}, p.bundle),
      el('td', {}, p.bundleVersion),
      el('td', {}, el('span', { className: `health ${p.health.status}` }, HEALTH[p.health.status] || p.health.status),
        p.health.message ? el('div', { className: 'small' }, p.health.message) : null),
      el('td', {}, when(p.health.lastActivity)))));
    const cycle = registry.lastCycle;
    summary.replaceChildren(
      ...registry.catchments.map(c => el('li', {}, `Bassin ${c.name} (${c.id}) : ${c.stations} station(s), `
        + `${c.forecastPoints} point(s) de prévision`)),
      el('li', {}, cycle
        ? `Dernier cycle de prévision n° ${cycle.number}, émis le ${when(cycle.issueTime)} : `
          + `${cycle.produced.length} prévision(s), ${cycle.failures.length} échec(s)`
          + `${cycle.failures.length ? ` : ${cycle.failures.join(' ; ')}` : ''}`
        : 'Aucun cycle de prévision encore.'));
  }

  function jobRow(kind, job) {
    const percent = job.percentDone ?? (job.status === 'DONE' ? 100 : null); // a failed job is not done
    const progress = percent == null
      ? el('span', {}, `${job.runs} exécution(s)`)
      : el('span', { className: 'progress' }, el('progress', { max: 100, value: percent,
        'aria-label': `Avancement ${Math.round(percent)} %` }), ` ${Math.round(percent)} %`);
    return el('tr', { 'data-job': job.id },
      el('th', { scope: 'row' }, kind, el('div', { className: 'small' }, job.id.slice(0, 8))),
      el('td', {}, job.forecastPointId, job.modelId ? el('div', { className: 'small' }, job.modelId) : null),
      el('td', {}, el('span', { className: `job ${job.status}` }, STATUS[job.status] || job.status)),
      el('td', {}, progress),
      el('td', {}, when(job.startedAt)),
      el('td', {}, when(job.finishedAt)),
      el('td', { className: 'small' }, job.message));
  }

  // from the tab, the live refresh and the timer below: one request at a time
  const refresh = serial(async () => {
    clearTimeout(timer);
    let running = false;
    try {
      const [registry, calibrations, hindcasts] = await Promise.all([
        getJson('/api/registry'), jobs('/api/jobs'), jobs('/api/hindcasts')]);
      renderRegistry(registry);
      const rows = [
        ...calibrations.list.map(j => jobRow('calage', j)),
        ...hindcasts.list.map(j => jobRow('rejeu (hindcast)', j)),
      ];
      jobRows.replaceChildren(...(rows.length ? rows
        : [el('tr', {}, el('td', { colSpan: 7, className: 'empty' }, 'Aucune tâche longue.'))]));
      note.textContent = [calibrations.problem && `Calages : ${calibrations.problem}`,
        hindcasts.problem && `Rejeux : ${hindcasts.problem}`].filter(Boolean).join(' ');
      running = [...calibrations.list, ...hindcasts.list].some(j => j.status === 'RUNNING');
    } finally {
      // no event tells of jobs or plug-in health: poll while the view is shown, more often while a job runs
      timer = setTimeout(() => {
        if (app.visible('plateforme')) refresh().catch(app.fail);
      }, running ? 3000 : app.config.refreshSeconds * 1000);
    }
  });

  return { refresh };
}
