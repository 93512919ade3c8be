/* coopmap report: sortable tables, and the map's search, card and filters.
 * Data come from the JSON element #cm-data; every value goes into the page
 * through textContent or a property, never as HTML. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("cm-data").textContent);
  var T = D.text;

  /* Sortable tables: click (or Enter on) a header; numbers by value (data-v). */
  function cellKey(cell, num) {
    if (!cell) return num ? -Infinity : "";
    if (num) {
      var v = cell.getAttribute("data-v");
      return v === null || v === "" ? -Infinity : parseFloat(v);
    }
    return cell.textContent.toLocaleLowerCase();
  }
  function sortBy(th) {
    var table = th.closest("table"), tbody = table.tBodies[0];
    var idx = Array.prototype.indexOf.call(th.parentNode.children, th);
    var num = th.classList.contains("num");
    var asc = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(th.parentNode.children, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(tbody.rows).map(function (r, i) {
      return { r: r, k: cellKey(r.cells[idx], num), i: i };
    });
    rows.sort(function (a, b) {
      var c = num ? a.k - b.k : a.k.localeCompare(b.k, D.lang);
      if (c !== c) c = 0;
      return (asc ? c : -c) || a.i - b.i;
    });
    rows.forEach(function (x) { tbody.appendChild(x.r); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable th"), function (th) {
    th.tabIndex = 0;
    th.addEventListener("click", function () { sortBy(th); });
    th.addEventListener("keydown", function (e) { if (e.key === "Enter") sortBy(th); });
  });

  /* The map. */
  var box = document.getElementById("map");
  var svg = box && box.querySelector("svg");
  if (!svg) return;
  var actors = D.actors, n = actors.length;
  var nodeEl = new Array(n), labelEl = new Array(n), nbrs = [], edgeEls = [];
  var i;
  for (i = 0; i < n; i++) nbrs.push([]);
  Array.prototype.forEach.call(svg.querySelectorAll("g.node"), function (g) {
    /* nN is actor N's node, lN its label where coopmap placed it (class "node label"); the legend (class
       "node legend") and outlines are no actor's */
    var t = g.querySelector("title"), m = t && /^([nl])(\d+)$/.exec(t.textContent);
    if (m && +m[2] < n) { (m[1] === "n" ? nodeEl : labelEl)[+m[2]] = g; g.setAttribute("data-i", m[2]); }
  });
  var edgeByPair = {};
  Array.prototype.forEach.call(svg.querySelectorAll("g.edge"), function (g) {
    var t = g.querySelector("title"), m = t && /^n(\d+)(?:--|->)n(\d+)$/.exec(t.textContent);
    if (!m) return;
    var a = +m[1], b = +m[2];
    edgeEls.push({ g: g, a: a, b: b });
    edgeByPair[Math.min(a, b) + "-" + Math.max(a, b)] = g;
  });
  D.ties.forEach(function (t) {
    if (t[0] < n && t[1] < n) { nbrs[t[0]].push(t[1]); nbrs[t[1]].push(t[0]); }
  });

  var pz = null;
  if (window.svgPanZoom) {
    pz = window.svgPanZoom(svg, { controlIconsEnabled: true, fit: true, center: true,
                                  minZoom: 0.5, maxZoom: 60, zoomScaleSensitivity: 0.3 });
  }

  var card = document.getElementById("card");
  function field(dl, name, value) {
    var dt = document.createElement("dt"), dd = document.createElement("dd");
    dt.textContent = name;
    dd.textContent = value === null || value === undefined || value === "" ? "\u2014" : String(value);
    dl.appendChild(dt);
    dl.appendChild(dd);
  }
  function fmt(x) {
    return typeof x === "number" ? (Math.round(x * 1000) / 1000).toLocaleString(D.lang) : x;
  }
  var selected = -1;
  function clearSelection() {
    box.classList.remove("cm-focus");
    Array.prototype.forEach.call(svg.querySelectorAll(".cm-sel,.cm-nb"), function (e) {
      e.classList.remove("cm-sel");
      e.classList.remove("cm-nb");
    });
    selected = -1;
  }
  function select(v) {
    clearSelection();
    if (v < 0 || v >= n) return;
    selected = v;
    box.classList.add("cm-focus");
    if (nodeEl[v]) nodeEl[v].classList.add("cm-sel");
    if (labelEl[v]) labelEl[v].classList.add("cm-nb");
    nbrs[v].forEach(function (w) {
      if (nodeEl[w]) nodeEl[w].classList.add("cm-nb");
      if (labelEl[w]) labelEl[w].classList.add("cm-nb");
      var e = edgeByPair[Math.min(v, w) + "-" + Math.max(v, w)];
      if (e) e.classList.add("cm-nb");
    });
    var a = actors[v];
    card.textContent = "";
    var h = document.createElement("h3");
    h.textContent = a.label;
    card.appendChild(h);
    var dl = document.createElement("dl");
    field(dl, T.id, a.id);
    field(dl, T.type, a.type);
    field(dl, T.region, a.region);
    field(dl, T.partners, a.degree);
    field(dl, T.betweenness, fmt(a.betweenness));
    field(dl, T.pagerank, fmt(a.pagerank));
    if (a.level >= 0) {
      field(dl, T.level, a.level + " \u2013 " + T.levels[a.level]);
      field(dl, T.reasons, a.reasons);
    }
    var names = nbrs[v].map(function (w) { return actors[w].label; }).sort(function (x, y) {
      return x.localeCompare(y, D.lang);
    });
    field(dl, T.partner_list, names.join(", "));
    card.appendChild(dl);
    card.setAttribute("data-actor", a.id);
  }
  Array.prototype.forEach.call(svg.querySelectorAll("g.node[data-i]"), function (g) {
    g.addEventListener("click", function (e) {
      e.stopPropagation();
      select(+g.getAttribute("data-i"));
    });
  });

  /* Search: by label or id, whole then part, case and accents folded. */
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }
  function find(q) {
    q = fold(q);
    if (!q) return -1;
    var part = -1;
    for (var k = 0; k < n; k++) {
      var l = fold(actors[k].label), id = fold(actors[k].id);
      if (l === q || id === q) return k;
      if (part < 0 && (l.indexOf(q) >= 0 || id.indexOf(q) >= 0)) part = k;
    }
    return part;
  }
  var search = document.getElementById("search"), status = document.getElementById("search-status");
  var list = document.getElementById("actor-list");
  actors.map(function (a) { return a.label; }).sort().forEach(function (l) {
    var o = document.createElement("option");
    o.value = l;
    list.appendChild(o);
  });
  /* Bring an actor to the middle of the map (search and table rows: it may be off screen). */
  function centre(v) {
    if (!pz || !nodeEl[v]) return;
    var m = svg.getBoundingClientRect(), r = nodeEl[v].getBoundingClientRect();
    pz.panBy({ x: m.left + m.width / 2 - (r.left + r.width / 2), y: m.top + m.height / 2 - (r.top + r.height / 2) });
  }
  function doSearch() {
    var v = find(search.value);
    status.textContent = v < 0 && search.value ? T.not_found : "";
    if (v >= 0) {
      select(v);
      centre(v);
    }
  }
  search.addEventListener("change", doSearch);
  search.addEventListener("keydown", function (e) { if (e.key === "Enter") doSearch(); });
  document.getElementById("reset").addEventListener("click", function () {
    clearSelection();
    card.textContent = T.card_hint;
    search.value = "";
    status.textContent = "";
    ["f-type", "f-region", "f-year"].forEach(function (id) {
      var s = document.getElementById(id);
      if (s) s.value = "";
    });
    applyFilters();
    if (pz) { pz.resetZoom(); pz.center(); }
  });

  /*
   * Filters: type, region, and the network as it stood at the end of a year.
   * They redraw the map in place: the actors left out, their labels and
   * their ties are hidden (the layout stays, so the eye keeps its bearings)
   * and the legend's counts become those of the actors shown.  Everything a
   * filter needs is looked up once here, so that one change costs a pass
   * over the actors and one over the ties (2,000 and 6,000 in a large
   * network), with no string built.
   */
  var edgeSpan = {};
  D.ties.forEach(function (t) {
    if (t[0] < n && t[1] < n) edgeSpan[Math.min(t[0], t[1]) + "-" + Math.max(t[0], t[1])] = t;
  });
  edgeEls.forEach(function (e) {
    var t = edgeSpan[Math.min(e.a, e.b) + "-" + Math.max(e.a, e.b)];
    e.year = t && t[2] !== null ? t[2] : null;
    e.end = t && t[3] !== null ? t[3] : null;
  });
  var typeIndex = {};
  D.types.forEach(function (ty, k) { typeIndex[ty] = k; });
  var actorType = actors.map(function (a) { return typeIndex.hasOwnProperty(a.type) ? typeIndex[a.type] : -1; });
  /*
   * The legend's counts: the map's own texts "TYPE (N)", and its entry of
   * isolated actors "... (N)" (N the actors at isolation level 2 or 3); the
   * text around the count is kept as the map wrote it, in its language.
   */
  var legend = [], isolatedAll = 0;
  actors.forEach(function (a) { if (a.level >= 2) isolatedAll++; });
  Array.prototype.forEach.call(svg.querySelectorAll("text"), function (el) {
    if (el.closest("g.node:not(.legend)") || el.closest("g.edge")) return;
    var m = /^(.*) \((\d+)\)$/.exec(el.textContent);
    if (!m) return;
    if (typeIndex.hasOwnProperty(m[1])) legend.push({ el: el, head: m[1], type: typeIndex[m[1]], all: +m[2] });
    else if (+m[2] === isolatedAll && isolatedAll > 0) legend.push({ el: el, head: m[1], type: -2, all: +m[2] });
  });
  /* the caption "N actors, M ties · ...": its two counts follow the filters too */
  var caption = null;
  Array.prototype.some.call(svg.querySelectorAll("text"), function (el) {
    var m = /^(\d+)(\D+?)(\d+)(\D[\s\S]*)$/.exec(el.textContent);
    if (m && +m[1] === n && +m[3] === edgeEls.length) caption = { el: el, mid: m[2], tail: m[4] };
    return caption !== null;
  });
  function fill(id, values) {
    var s = document.getElementById(id);
    if (!s) return null;
    values.forEach(function (v) {
      var o = document.createElement("option");
      o.value = v;
      o.textContent = v === "" ? T.unknown : v;
      s.appendChild(o);
    });
    s.addEventListener("change", applyFilters);
    return s;
  }
  var fType = fill("f-type", D.types), fRegion = fill("f-region", D.regions);
  var fYear = fill("f-year", D.years.map(String));
  var on = new Uint8Array(n), tied = new Uint8Array(n);
  function applyFilters() {
    var ty = fType ? fType.value : "", re = fRegion ? fRegion.value : "";
    var y = fYear && fYear.value !== "" ? +fYear.value : null;
    var k, shown = 0, byType = new Array(D.types.length), isolated = 0;
    for (k = 0; k < byType.length; k++) byType[k] = 0;
    tied.fill(0);
    if (y !== null) {
      edgeEls.forEach(function (e) {
        e.live = e.year !== null && e.year <= y && (e.end === null || e.end >= y);
        if (e.live) tied[e.a] = tied[e.b] = 1;
      });
    }
    for (k = 0; k < n; k++) {
      var a = actors[k];
      var keep = (ty === "" || a.type === ty) && (re === "" || a.region === re) &&
                 (y === null || tied[k] === 1 || a.degree === 0);
      on[k] = keep ? 1 : 0;
      if (keep) {
        shown++;
        if (actorType[k] >= 0) byType[actorType[k]]++;
        if (a.level >= 2) isolated++;
      }
      if (nodeEl[k]) nodeEl[k].classList.toggle("cm-hidden", !keep);
      if (labelEl[k]) labelEl[k].classList.toggle("cm-hidden", !keep);
    }
    var tiesShown = 0;
    edgeEls.forEach(function (e) {
      var keep = on[e.a] && on[e.b] && (y === null || e.live);
      if (keep) tiesShown++;
      e.g.classList.toggle("cm-hidden", !keep);
    });
    if (caption) caption.el.textContent = shown + caption.mid + tiesShown + caption.tail;
    legend.forEach(function (l) {
      var c = l.type === -2 ? isolated : byType[l.type];
      l.el.textContent = l.head + " (" + c + ")";
      l.el.classList.toggle("cm-none", c === 0);
    });
    document.getElementById("filter-status").textContent = T.shown.replace("{shown}", shown).replace("{total}", n);
  }

  /* A row naming an actor (by id) selects it on the map. */
  var byId = {};
  actors.forEach(function (a, k) { byId[a.id] = k; });
  Array.prototype.forEach.call(document.querySelectorAll("tr[data-actor]"), function (tr) {
    tr.addEventListener("click", function () {
      var v = byId.hasOwnProperty(tr.getAttribute("data-actor")) ? byId[tr.getAttribute("data-actor")] : -1;
      if (v < 0) return;
      select(v);
      document.getElementById("s-map").scrollIntoView();
      centre(v);
    });
  });
})();
