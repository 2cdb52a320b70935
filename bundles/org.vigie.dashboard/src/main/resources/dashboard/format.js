// Formatting shared by the views: times in Europe/Paris, French numbers, vigilance names and colours.

export const ZONE = 'Europe/Paris';

/** The four vigilance levels, their French names and the colours of the map, the legend and the chart. */
export const LEVELS = {
  GREEN: { name: 'vert', colour: '#2e9d4a' },
  YELLOW: { name: 'jaune', colour: '#f2d024' },
  ORANGE: { name: 'orange', colour: '#f28a1c' },
  RED: { name: 'rouge', colour: '#d7191c' },
};

/** The GIS layers' `colour` property (green…red) as a level. */
export const LEVEL_OF_COLOUR = { green: 'GREEN', yellow: 'YELLOW', orange: 'ORANGE', red: 'RED' };

export const QUANTITIES = {
  H: { name: 'hauteur', unit: 'm', digits: 2 },
  Q: { name: 'débit', unit: 'm³/s', digits: 1 },
  P: { name: 'pluie', unit: 'mm', digits: 1 },
  E: { name: 'évapotranspiration', unit: 'mm', digits: 2 },
  T: { name: 'température', unit: '°C', digits: 1 },
};

const dateTime = new Intl.DateTimeFormat('fr-FR', { timeZone: ZONE, dateStyle: 'short', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat('fr-FR', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' });
const dayMonth = new Intl.DateTimeFormat('fr-FR',
  { timeZone: ZONE, weekday: 'short', day: '2-digit', month: '2-digit' });
const withSeconds = new Intl.DateTimeFormat('fr-FR', { timeZone: ZONE, timeStyle: 'medium' });

/** @returns e.g. "01/12/2026 03:05", or "—" */
export function when(time) {
  if (time == null) return '—';
  return dateTime.format(new Date(time));
}

export function hour(time) {
  return timeOnly.format(new Date(time));
}

export function clock(time) {
  return withSeconds.format(new Date(time));
}

export function day(time) {
  return dayMonth.format(new Date(time));
}

/** An ISO-8601 time with Paris' offset, e.g. 2026-12-01T03:05:00+01:00 (for CSV files). */
export function parisIso(time) {
  const d = new Date(time);
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    second: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset',
  }).formatToParts(d).map(p => [p.type, p.value]));
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName.replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

export function number(value, digits = 2) {
  if (value == null || Number.isNaN(value)) return '—';
  return value.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** @returns e.g. "2,49 m" */
export function measure(value, quantity) {
  const q = QUANTITIES[quantity] || { unit: '', digits: 2 };
  return `${number(value, q.digits)} ${q.unit}`.trim();
}

export function levelName(level) {
  return (LEVELS[level] || { name: level }).name;
}

/** A coloured badge naming a level; built as DOM so that no text is read as HTML. */
export function levelBadge(level) {
  return el('span', { className: `badge level-${level}` }, levelName(level));
}

export const TRANSITIONS = {
  RAISED: 'déclenchement',
  ESCALATED: 'aggravation',
  DE_ESCALATED: 'atténuation',
  ENDED: 'fin de vigilance',
};

export const DELIVERY = { PENDING: 'en attente', DELIVERED: 'délivré', REJECTED: 'rejeté' };

/** Creates an element: el('td', {className: 'x'}, 'text', otherNode…). */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith('data-') || key.startsWith('aria-')) node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children.flat()) {
    if (child != null) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}
