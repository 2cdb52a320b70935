// Calls to Vigie's REST and OGC APIs, and the duty officer's credentials for the calls that need them.

/** An HTTP error with the server's own explanation when it gave one. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function failure(response) {
  let detail = '';
  try {
    const body = await response.json();
    detail = body.error || body.message || '';
  } catch (e) {
    // not JSON: the status says it all
  }
  return new ApiError(response.status, detail || `${response.status} ${response.statusText}`);
}

/** How long a request may take: a server that hangs must not hold up the page's refreshes for ever. */
const TIMEOUT_MILLIS = 15000;

export async function getJson(path, options = {}) {
  const response = await fetch(path, { headers: { Accept: 'application/json', ...(options.headers || {}) },
    method: options.method || 'GET', cache: 'no-store', signal: AbortSignal.timeout(TIMEOUT_MILLIS) });
  if (!response.ok) throw await failure(response);
  return response.json();
}

/**
 * Wraps an async function so that its runs never overlap: a call made during a run is served by one more run after
 * it (shared by every call made meanwhile), so an older answer never overwrites a newer one.
 */
export function serial(task) {
  let running = null;
  let queued = null;
  const run = () => {
    running = task().finally(() => { running = null; });
    return running;
  };
  return () => {
    if (queued) return queued;
    if (!running) return run();
    queued = running.catch(() => {}).then(() => {
      queued = null;
      return run();
    });
    return queued;
  };
}

// Credentials live in this tab only (sessionStorage), never in a cookie or on disk.
const KEY = 'vigie.credentials';
let credentials = JSON.parse(sessionStorage.getItem(KEY) || 'null');

export function user() {
  return credentials ? credentials.user : null;
}

function authHeaders(c) {
  const bytes = new TextEncoder().encode(`${c.user}:${c.password}`);
  return {
    Authorization: 'Basic ' + btoa(String.fromCharCode(...bytes)),
    // asks the server for a plain 401, without WWW-Authenticate: the browser then never opens its own dialog
    'X-Vigie-Client': 'dashboard',
  };
}

/** Checks user and password with GET /api/whoami and keeps them for this tab. */
export async function login(name, password) {
  const candidate = { user: name, password };
  const who = await getJson('/api/whoami', { headers: authHeaders(candidate) });
  credentials = { user: who.user || name, password };
  sessionStorage.setItem(KEY, JSON.stringify(credentials));
  return credentials.user;
}

export function logout() {
  credentials = null;
  sessionStorage.removeItem(KEY);
}

/** POST /api/alerts/{id}/acknowledge as the logged-in user (the server records who from the credentials). */
export async function acknowledge(alertId, note) {
  if (!credentials) throw new ApiError(401, 'non connecté');
  const query = note ? `?note=${encodeURIComponent(note)}` : '';
  return getJson(`/api/alerts/${encodeURIComponent(alertId)}/acknowledge${query}`,
    { method: 'POST', headers: authHeaders(credentials) });
}
