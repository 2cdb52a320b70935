// The "Carte" view: catchments coloured by vigilance, rivers, background layers, the forecast flood extent,
// the stakes it reaches and the stations, all read from the OGC API of this server.

import { getJson, serial } from './api.js';
import { LEVELS, LEVEL_OF_COLOUR, el, levelName, measure, when } from './format.js';

const ITEMS = '?limit=10000';

function colourOf(properties) {
  const level = properties.vigilance || LEVEL_OF_COLOUR[properties.colour] || 'GREEN';
  return (LEVELS[level] || LEVELS.GREEN).colour;
}

/** A text made safe for the places where Leaflet takes HTML. */
function text(value) {
  const span = document.createElement('span');
  span.textContent = value;
  return span.innerHTML;
}

/** A popup listing a feature's named properties, as DOM (never HTML from the data). */
function describe(title, rows) {
  return el('div', { className: 'popup' }, el('strong', {}, title),
    el('dl', {}, rows.filter(([, v]) => v != null && v !== '')
      .map(([k, v]) => [el('dt', {}, k), el('dd', {}, String(v))])));
}

export function createMap(app, onStation) {
  const map = L.map('map', { zoomSnap: 0.5, attributionControl: true });
  map.attributionControl.addAttribution('Données : Vigie');
  if (app.config.tileUrl) {
    L.tileLayer(app.config.tileUrl, { attribution: app.config.tileAttribution, maxZoom: 19 }).addTo(map);
  }
  // drawing order, bottom to top
  [['background', 310], ['catchments', 320], ['extent', 330], ['rivers', 340], ['stakes', 350], ['stations', 450]]
    .forEach(([name, z]) => { map.createPane(name).style.zIndex = z; });

  const catchments = L.geoJSON(null, {
    pane: 'catchments',
    style: f => ({ color: colourOf(f.properties), weight: 2, fillColor: colourOf(f.properties), fillOpacity: 0.12 }),
    onEachFeature: (f, layer) => layer.bindPopup(() => describe(f.properties.name || 'Bassin versant', [
      ['Station', f.properties.station], ['Vigilance', levelName(f.properties.vigilance)],
      ['Surface', f.properties.area_km2 != null ? `${f.properties.area_km2.toLocaleString('fr-FR')} km²` : null]])),
  }).addTo(map);
  const extent = L.geoJSON(null, {
    pane: 'extent',
    style: () => ({ color: '#1d4f91', weight: 1, fillColor: '#3c7dd9', fillOpacity: 0.35 }),
    onEachFeature: (f, layer) => layer.bindPopup(() => describe('Zone inondée prévue', [
      ['Station', f.properties.station], ['Scénario', f.properties.scenario],
      ['Cote du scénario', measure(f.properties.scenario_level_m, 'H')],
      ['Pic attendu', f.properties.expected_peak_m != null
        ? `${measure(f.properties.expected_peak_m, 'H')} le ${when(f.properties.expected_peak_time)}` : null],
      ['Choix', f.properties.selection], ['Enjeux atteints', f.properties.stakes_reached]])),
  }).addTo(map);
  const stakes = L.geoJSON(null, {
    pane: 'stakes',
    style: f => ({ color: colourOf(f.properties), weight: 4, fillColor: colourOf(f.properties), fillOpacity: 0.8 }),
    pointToLayer: (f, latlng) => L.circleMarker(latlng, { pane: 'stakes', radius: 5, color: '#333', weight: 1 }),
    onEachFeature: (f, layer) => layer.bindPopup(() => describe(f.properties.name || 'Enjeu', [
      ['Catégorie', f.properties.category], ['Commune', f.properties.commune], ['Station', f.properties.station],
      ['Scénario', f.properties.scenario],
      ['Longueur inondée', f.properties.flooded_length_m != null
        ? `${Math.round(f.properties.flooded_length_m).toLocaleString('fr-FR')} m` : null]])),
  }).addTo(map);
  const stations = L.layerGroup().addTo(map);
  const rivers = L.layerGroup().addTo(map);
  const overlays = {
    'Bassins versants': catchments, "Cours d'eau": rivers, 'Zone inondée prévue': extent,
    'Enjeux atteints': stakes, 'Stations': stations,
  };
  const layers = L.control.layers(null, overlays, { collapsed: true, position: 'topright' }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);
  const markers = new Map();
  let fitted = false;

  async function loadStored() {
    const catalogue = await getJson('/api/gis/layers');
    const wanted = app.config.backgroundLayers.length
      ? app.config.backgroundLayers
      : catalogue.layers.filter(l => l.kind === 'REFERENCE').map(l => l.name);
    const riverNames = catalogue.layers.filter(l => l.kind === 'RIVER' && !wanted.includes(l.name)).map(l => l.name);
    for (const name of wanted) {
      const info = catalogue.layers.find(l => l.name === name);
      if (!info) {
        app.warn(`Couche de fond « ${name} » introuvable (configuration backgroundLayers).`);
        continue;
      }
      const river = info.kind === 'RIVER';
      const layer = L.geoJSON(await getJson(`/ogc/collections/${encodeURIComponent(name)}/items${ITEMS}`), {
        pane: river ? 'rivers' : 'background',
        style: () => (river ? { color: '#2b7bba', weight: 3 }
          : { color: '#6b7280', weight: 1, fillColor: '#d1d5db', fillOpacity: 0.25 }),
        onEachFeature: (f, l) => l.bindTooltip(el('span', {}, f.properties.name || f.properties.nom || f.id || name)),
      });
      if (river) {
        rivers.addLayer(layer);
      } else {
        layer.addTo(map);
        layers.addOverlay(layer, `Fond : ${text(info.title || name)}`); // Leaflet reads layer names as HTML
        document.getElementById('legend-background').hidden = false;
      }
    }
    for (const name of riverNames) {
      rivers.addLayer(L.geoJSON(await getJson(`/ogc/collections/${encodeURIComponent(name)}/items${ITEMS}`), {
        pane: 'rivers',
        style: () => ({ color: '#2b7bba', weight: 3 }),
        onEachFeature: (f, l) => l.bindTooltip(el('span', {}, f.properties.name || f.properties.river || name)),
      }));
    }
  }

  // one request at a time: an older answer never replaces a newer one
  const refreshSituation = serial(async () => {
    const [c, e, s] = await Promise.all(['catchments', 'flood-extent', 'impacted-stakes']
      .map(name => getJson(`/ogc/collections/${name}/items${ITEMS}`)));
    catchments.clearLayers().addData(c);
    extent.clearLayers().addData(e);
    stakes.clearLayers().addData(s);
  });

  /** Places or updates one circle per station, coloured by its current vigilance level. */
  function showStations() {
    for (const item of app.stations) {
      const { code, position } = item.station;
      if (!position) continue;
      const level = LEVELS[item.vigilance] ? item.vigilance : 'GREEN';
      const className = `vigie-station station-${code} level-${level}`;
      let marker = markers.get(code);
      if (!marker) {
        marker = L.circleMarker([position.latitude, position.longitude], {
          pane: 'stations', radius: 10, color: '#1f2937', weight: 2, fillOpacity: 0.95, className,
          fillColor: LEVELS[level].colour,
        });
        marker.on('click', () => onStation(code));
        stations.addLayer(marker);
        markers.set(code, marker);
      } else {
        marker.options.className = className; // used again if the layer is hidden then shown
        marker.setStyle({ fillColor: LEVELS[level].colour });
        const path = marker.getElement();
        if (path) path.setAttribute('class', `${className} leaflet-interactive`);
      }
      const h = item.latest.H;
      marker.unbindTooltip().bindTooltip(el('span', {}, `${item.station.river}${h ? ` ${measure(h.value, 'H')}` : ''}`),
        { permanent: true, direction: 'right', offset: [10, 0], className: 'station-label' });
    }
    if (!fitted && markers.size) {
      fitted = true;
      const bounds = L.latLngBounds([...markers.values()].map(m => m.getLatLng()));
      map.fitBounds(bounds.pad(0.35), { maxZoom: 13 });
    }
  }

  return {
    map,
    load: () => loadStored().catch(e => app.warn(`Couches de fond : ${e.message}`)),
    refreshSituation,
    showStations,
    resize: () => map.invalidateSize(),
  };
}
