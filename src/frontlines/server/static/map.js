// The frontlines map page. Everything shown from a report (notes, actors, evidence,
// titles, article text) is untrusted: it only ever reaches the page through
// textContent or text nodes, never innerHTML, and Leaflet tooltips get DOM elements,
// never strings (Leaflet would parse a string as HTML).
"use strict";

(function () {
  const TYPE_COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9",
    "Riots": "#16a085",
    "Strategic developments": "#27ae60",
  };
  const OTHER_COLOUR = "#7f8c8d";
  const SYRIA = [[32.3, 35.6], [37.4, 42.4]];
  const PAGE = 500;
  const MAX_PAGES = 40;
  const DAY_MS = 86400000;

  const $ = (id) => document.getElementById(id);
  const el = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  };
  const colourOf = (type) => TYPE_COLOURS[type] || OTHER_COLOUR;
  const radiusOf = (fatalities) => 5 + 3 * Math.sqrt(Math.max(0, fatalities || 0));
  const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
  const dayMs = (iso) => Date.parse(iso + "T00:00:00Z");

  const state = { events: [], first: null, last: null, counts: new Map(), control: null };

  // -- map and offline outlines ------------------------------------------------------
  const map = L.map("map", { zoomSnap: 0.5, worldCopyJump: true });
  map.attributionControl.setPrefix("Leaflet");
  map.fitBounds(SYRIA);
  // Outlines get their own pane under the events, so they never cover a marker.
  map.createPane("outlines").style.zIndex = "350";
  const outlines = L.layerGroup().addTo(map);
  const eventsLayer = L.featureGroup().addTo(map);
  const controlLayer = L.layerGroup();

  fetch("/static/outlines.json")
    .then((r) => r.json())
    .then((collection) => {
      map.attributionControl.addAttribution(collection.attribution || "Natural Earth");
      L.geoJSON(collection, {
        pane: "outlines",
        style: (feature) =>
          feature.properties.kind === "admin1"
            ? { color: "#6b7f8e", weight: 1, dashArray: "4 3", fill: false }
            : { color: "#8896a0", weight: 1, fillColor: "#fbfaf5", fillOpacity: 1 },
        onEachFeature: (feature, layer) => {
          const label = el("span", feature.properties.name || "");
          if (feature.properties.approximate) label.append(" (approximate outline)");
          layer.bindTooltip(label, { sticky: true, className: "outline-label" });
        },
      }).addTo(outlines);
    })
    .catch(() => setStatus("Outlines could not be loaded."));

  // -- filters -----------------------------------------------------------------------
  function filterParams() {
    const params = new URLSearchParams();
    const form = new FormData($("filters"));
    for (const [key, value] of form.entries()) {
      const text = String(value).trim();
      if (text) params.set(key, text);
    }
    return params;
  }

  // With api_read_access = "token", open the page as /#token=... : the token is kept
  // for this tab only and sent as a bearer token; it never goes into a URL we request.
  const token = (() => {
    const given = new URLSearchParams(location.hash.slice(1)).get("token");
    if (given) {
      sessionStorage.setItem("frontlines-token", given);
      history.replaceState(null, "", location.pathname + location.search);
    }
    return sessionStorage.getItem("frontlines-token");
  })();

  async function getJSON(url) {
    const headers = { Accept: "application/json" };
    if (token) headers.Authorization = "Bearer " + token;
    const response = await fetch(url, { headers });
    const body = await response.json();
    if (!response.ok) {
      const message = body && body.error ? body.error.message : response.statusText;
      throw new Error(message);
    }
    return body;
  }

  function setStatus(text) {
    $("status").textContent = text;
  }

  async function loadEvents() {
    setStatus("Loading…");
    const params = filterParams();
    const events = [];
    let offset = 0;
    try {
      for (let page = 0; page < MAX_PAGES && offset !== null; page++) {
        params.set("limit", String(PAGE));
        params.set("offset", String(offset));
        const body = await getJSON("/api/events?" + params.toString());
        events.push(...body.items);
        offset = body.next_offset;
      }
      params.delete("limit");
      params.delete("offset");
      const timeline = await getJSON("/api/timeline?" + params.toString());
      state.events = events;
      buildTimeline(timeline.days);
    } catch (error) {
      setStatus("Could not load events: " + error.message);
      return;
    }
    render();
    const bounds = eventsLayer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds.pad(0.3), { maxZoom: 9 });
  }

  // -- timeline and date slider ------------------------------------------------------
  function buildTimeline(days) {
    state.counts = new Map(days.map((d) => [d.date, d.count]));
    const bar = $("timeline");
    bar.replaceChildren();
    const slider = $("day");
    if (!days.length) {
      state.first = state.last = null;
      slider.max = "0";
      slider.disabled = true;
      $("day-label").textContent = "–";
      return;
    }
    state.first = dayMs(days[0].date);
    state.last = dayMs(days[days.length - 1].date);
    const span = Math.round((state.last - state.first) / DAY_MS);
    const peak = Math.max(...days.map((d) => d.count));
    for (let i = 0; i <= span; i++) {
      const iso = isoDay(state.first + i * DAY_MS);
      const count = state.counts.get(iso) || 0;
      const node = el("div", null, count ? "bar" : "bar empty");
      node.style.height = count ? Math.max(8, (100 * count) / peak) + "%" : "4%";
      node.title = iso + ": " + count + " event(s)";
      node.dataset.day = String(i);
      node.addEventListener("click", () => {
        slider.value = String(i);
        render();
      });
      bar.append(node);
    }
    slider.disabled = false;
    slider.max = String(span);
    slider.value = String(span);
  }

  function chosenDay() {
    if (state.first === null) return null;
    return state.first + Number($("day").value) * DAY_MS;
  }

  function inWindow(event, day) {
    if (day === null) return true;
    if (!event.event_date) return $("window").value === "upto";
    const t = dayMs(event.event_date);
    const mode = $("window").value;
    if (mode === "day") return t === day;
    if (mode === "week") return t <= day && t > day - 7 * DAY_MS;
    return t <= day;
  }

  // -- rendering ---------------------------------------------------------------------
  function render() {
    const day = chosenDay();
    $("day-label").textContent = day === null ? "–" : isoDay(day);
    for (const node of $("timeline").children) {
      const t = state.first + Number(node.dataset.day) * DAY_MS;
      node.classList.toggle("chosen", t === day);
      node.classList.toggle("in-window", t !== day && inWindow({ event_date: isoDay(t) }, day));
    }
    const shown = state.events.filter((e) => inWindow(e, day));
    state.shown = shown;
    eventsLayer.clearLayers();
    // Events at the same point share a spot: a click there lists them all. Larger
    // circles are drawn first so the smaller ones on top stay clickable.
    const places = new Map();
    for (const event of shown) {
      if (event.latitude === null || event.longitude === null) continue;
      const key = event.latitude + "," + event.longitude;
      if (!places.has(key)) places.set(key, []);
      places.get(key).push(event);
    }
    const located = shown.filter((e) => e.latitude !== null && e.longitude !== null);
    located.sort((a, b) => (b.fatalities || 0) - (a.fatalities || 0));
    for (const event of located) {
      const together = places.get(event.latitude + "," + event.longitude);
      const marker = L.circleMarker([event.latitude, event.longitude], {
        radius: radiusOf(event.fatalities),
        color: "#222",
        weight: together.length > 1 ? 2 : 1,
        fillColor: colourOf(event.event_type),
        fillOpacity: 0.8,
        className: "event-marker",
      });
      const tip = el("span", summary(event));
      if (together.length > 1) tip.append(" (+" + (together.length - 1) + " more here)");
      marker.bindTooltip(tip);
      marker.on("click", () =>
        together.length > 1
          ? showList(together, together.length + " events at " + (event.location || "this point"))
          : openEvent(event.event_id),
      );
      marker.addTo(eventsLayer);
      marker.getElement().dataset.eventId = event.event_id;
      marker.getElement().dataset.members = membersOf(event).join(" ");
    }
    showList(shown, null, false);
    const total = state.events.length;
    setStatus(
      shown.length === total
        ? total + " event(s)"
        : shown.length + " of " + total + " event(s) on the chosen dates",
    );
    if ($("control-toggle").checked) loadControl();
  }

  // The side list: all shown events, or those at one point (``heading`` says which);
  // ``reveal`` brings the list back in place of an open event.
  function showList(events, heading, reveal = true) {
    const list = $("events");
    list.replaceChildren();
    for (const event of events) {
      const button = el("button");
      button.type = "button";
      button.dataset.eventId = event.event_id;
      button.dataset.members = membersOf(event).join(" ");
      const swatch = el("span", null, "swatch");
      swatch.style.background = colourOf(event.event_type);
      button.append(swatch, summary(event));
      button.addEventListener("click", () => openEvent(event.event_id));
      const item = el("li");
      item.append(button);
      list.append(item);
    }
    $("list-heading").textContent = heading || "Events";
    $("all-events").hidden = !heading;
    if (!reveal) return;
    $("event-detail").hidden = true;
    $("event-list").hidden = false;
  }

  // A merged event (one happening) lists the coded events of its reports; a coded
  // event stands for itself.
  function membersOf(event) {
    return event.member_ids || [event.event_id];
  }

  function summary(event) {
    const parts = [event.event_date || "undated", event.sub_event_type, event.location || "?"];
    if (event.fatalities) parts.push(event.fatalities + " killed");
    const reports = membersOf(event).length;
    if (reports > 1) parts.push(reports + " reports");
    return parts.join(" · ");
  }

  // "fatalities: 2 (Example Wire) / 3 (Other Wire)" for each field the reports of a
  // happening disagree on; their figures are kept side by side, not averaged.
  function conflictLines(conflicts) {
    const byField = new Map();
    for (const c of conflicts || []) {
      if (!byField.has(c.field)) byField.set(c.field, []);
      byField.get(c.field).push(c.value + " (" + (c.sources.join(", ") || "unnamed source") + ")");
    }
    return [...byField].map(([field, values]) => field + ": " + values.join(" / "));
  }

  // -- one event -----------------------------------------------------------------------
  async function openEvent(id) {
    let detail;
    try {
      detail = await getJSON("/api/events/" + encodeURIComponent(id));
    } catch (error) {
      setStatus("Could not load the event: " + error.message);
      return;
    }
    const event = detail.event;
    $("event-list").hidden = true;
    const panel = $("event-detail");
    panel.hidden = false;
    panel.dataset.eventId = event.event_id;
    $("detail-title").textContent = event.sub_event_type;

    const fields = $("detail-fields");
    fields.replaceChildren();
    const place = [event.location, event.admin2, event.admin1, event.country].filter(Boolean);
    const rows = [
      ["Date", event.event_date || "undated"],
      ["Type", event.event_type],
      ["Place", place.join(", ")],
      ["Actor 1", event.actor1],
      ["Actor 2", event.actor2],
      ["Fatalities", event.fatalities],
      ["Geo precision", event.geo_precision],
      ["Confidence", event.confidence],
      ["Hedged", event.hedged ? "yes" + (event.attributed_to ? ", per " + event.attributed_to : "") : null],
      ["Losses", (event.losses || []).join("; ") || null],
      ["Reports", event.member_ids && event.member_ids.length > 1 ? event.member_ids.length : null],
    ];
    for (const [name, value] of rows) {
      if (value === null || value === undefined || value === "") continue;
      fields.append(el("dt", name), el("dd", value));
    }
    for (const line of conflictLines(event.conflicts)) {
      fields.append(el("dt", "Reports differ"), el("dd", line, "conflict"));
    }
    $("detail-notes").textContent = event.notes;

    const evidence = $("detail-evidence");
    evidence.replaceChildren();
    const sourceLabel = new Map(
      detail.sources.map((s) => [s.article_id, s.title || s.publisher || s.article_id]),
    );
    for (const span of detail.evidence) {
      const quote = el("blockquote", null, "evidence");
      quote.dataset.articleId = span.article_id;
      quote.append(document.createTextNode(span.before), el("mark", span.text));
      quote.append(document.createTextNode(span.after));
      // With several reports, each quote says which one it is from.
      if (detail.sources.length > 1) evidence.append(el("p", sourceLabel.get(span.article_id), "quoted-from"));
      evidence.append(quote);
    }
    if (!detail.evidence.length) evidence.append(el("p", "No evidence span recorded."));

    const sources = $("detail-sources");
    sources.replaceChildren();
    for (const source of detail.sources) {
      const item = el("li");
      const label = [source.publisher, source.original_source].filter(Boolean).join(" / ");
      item.append(el("strong", label || "Unknown publisher"));
      if (source.title) item.append(" — ", el("cite", source.title));
      if (source.published) item.append(" (" + source.published + ")");
      if (source.url && /^https?:\/\//i.test(source.url)) {
        const link = el("a", source.url);
        link.href = source.url;
        link.rel = "noopener noreferrer nofollow";
        link.target = "_blank";
        item.append(el("br"), link);
      }
      sources.append(item);
    }
    const articleBox = $("detail-article");
    articleBox.hidden = true;
    articleBox.replaceChildren();
    const reports = detail.members.length ? detail.members : [event];
    $("show-article").textContent = reports.length > 1 ? "Show the full reports" : "Show the full report";
    $("show-article").onclick = () => showArticles(reports);
  }

  // Each report's text with its event's evidence spans marked, all as text nodes.
  async function showArticles(reports) {
    const box = $("detail-article");
    let articles;
    try {
      articles = await Promise.all(
        reports.map((r) => getJSON("/api/articles/" + encodeURIComponent(r.article_id))),
      );
    } catch (error) {
      box.textContent = "Could not load the report: " + error.message;
      box.hidden = false;
      return;
    }
    box.replaceChildren();
    reports.forEach((report, i) => {
      const article = articles[i];
      if (i > 0) box.append(el("hr"));
      const spans = [...report.evidence].sort((a, b) => a.start - b.start);
      const text = article.text;
      let at = 0;
      if (article.title) box.append(el("strong", article.title), document.createTextNode("\n\n"));
      for (const span of spans) {
        if (span.start < at || span.end > text.length) continue;
        box.append(document.createTextNode(text.slice(at, span.start)));
        box.append(el("mark", text.slice(span.start, span.end)));
        at = span.end;
      }
      box.append(document.createTextNode(text.slice(at)));
    });
    box.hidden = false;
  }

  // -- territorial control -------------------------------------------------------------
  const CONTROL_COLOURS = ["#1f3a93", "#c2185b", "#b7950b", "#00838f", "#5d4037", "#455a64", "#6a1b9a"];

  // Controllers keep the colour they were first given, so a side does not change
  // colour as the slider moves.
  const controllerColours = new Map();

  function controllerColour(name) {
    if (name === "unknown") return "#999";
    if (!controllerColours.has(name)) {
      controllerColours.set(name, CONTROL_COLOURS[controllerColours.size % CONTROL_COLOURS.length]);
    }
    return controllerColours.get(name);
  }

  async function loadControl() {
    const day = chosenDay();
    controlLayer.clearLayers();
    if (day === null) return;
    const params = new URLSearchParams({ date: isoDay(day) });
    const admin1 = filterParams().get("admin1");
    if (admin1) params.set("admin1", admin1);
    let body;
    try {
      body = await getJSON("/api/control?" + params.toString());
    } catch (error) {
      setStatus("Could not load control: " + error.message);
      return;
    }
    const seen = new Map();
    for (const place of body.places) {
      if (place.latitude === null || place.longitude === null) continue;
      const colour = controllerColour(place.controller);
      seen.set(place.controller, colour);
      const marker = L.circleMarker([place.latitude, place.longitude], {
        radius: 13,
        color: colour,
        weight: 4,
        dashArray: place.hedged ? "4 4" : null,
        fill: false,
        opacity: 0.35 + 0.65 * place.confidence,
        className: "control-marker",
      });
      const tip = el("span");
      tip.append(el("strong", place.location), " — " + place.controller);
      if (place.since) tip.append(" since " + place.since);
      tip.append(" (confidence " + place.confidence + ")");
      marker.bindTooltip(tip);
      marker.addTo(controlLayer);
    }
    drawLegend(seen);
  }

  function drawLegend(controllers) {
    const legend = $("legend");
    legend.replaceChildren();
    for (const [type, colour] of Object.entries(TYPE_COLOURS)) {
      const item = el("span");
      const swatch = el("span", null, "swatch");
      swatch.style.background = colour;
      item.append(swatch, type);
      legend.append(item);
    }
    for (const [name, colour] of controllers || []) {
      const item = el("span");
      const swatch = el("span", null, "swatch square");
      swatch.style.border = "3px solid " + colour;
      item.append(swatch, "held by " + name);
      legend.append(item);
    }
  }

  // -- wiring --------------------------------------------------------------------------
  $("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    loadEvents();
  });
  $("filters").addEventListener("reset", () => setTimeout(loadEvents, 0));
  $("day").addEventListener("input", render);
  $("window").addEventListener("change", render);
  $("control-toggle").addEventListener("change", (e) => {
    if (e.target.checked) {
      controlLayer.addTo(map);
      loadControl();
    } else {
      controlLayer.remove();
      drawLegend(null);
    }
  });
  $("back").addEventListener("click", () => {
    $("event-detail").hidden = true;
    $("event-list").hidden = false;
  });
  $("all-events").addEventListener("click", () => showList(state.shown || [], null));
  drawLegend(null);
  loadEvents();
})();
