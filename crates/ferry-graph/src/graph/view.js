// ferry graph view: layered layout, pan/zoom, search, kind filters, details. No dependencies.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("ferry-graph-data").textContent);
  var COLORS = {
    program: "#8ec5ff", copybook: "#c9b8ff", paragraph: "#e3e7ee", file: "#ffe08a", dataset: "#9be3b0",
    jcl_job: "#ffb38a", jcl_step: "#ffd3b8", table: "#7fd8d2", transaction: "#f7a8d0", utility: "#d9d9d9",
    missing: "#ff9b9b"
  };
  var EDGE_COLORS = {
    calls: "#1f5fbf", cancel: "#888", copies: "#7d5fd6", performs: "#999", goes_to: "#c77", reads: "#2e9e55",
    writes: "#d9822b", declares: "#bbb", bound_to: "#6b8e23", executes: "#e0602b", step_of: "#bbb",
    data_flow: "#0057ff", contains: "#aaa", starts: "#c0398a"
  };
  var COL_W = 230, ROW_H = 26, NODE_W = 190, NODE_H = 20;

  var nodes = data.nodes, edges = data.edges;
  var byId = {};
  nodes.forEach(function (n, i) { n.index = i; n.out = []; n.inc = []; byId[n.id] = n; });
  edges.forEach(function (e) {
    var a = byId[e.from], b = byId[e.to];
    if (a && b) { a.out.push(e); b.inc.push(e); }
  });

  var hidden = {};
  if (nodes.length > 3000) { hidden.paragraph = true; hidden.file = true; }

  function visible(n) { return !hidden[n.kind]; }

  // Layered layout: layer = longest path from a root over visible edges, back edges (cycles) ignored.
  function layout() {
    var vis = nodes.filter(visible);
    var state = {}, layer = {}, order = [];
    vis.forEach(function (n) { layer[n.id] = 0; });
    // Iterative DFS for a topological order that ignores back edges.
    vis.forEach(function (root) {
      if (state[root.id]) return;
      var stack = [[root, 0]];
      state[root.id] = 1;
      while (stack.length) {
        var top = stack[stack.length - 1], n = top[0];
        if (top[1] < n.out.length) {
          var e = n.out[top[1]++], m = byId[e.to];
          if (m && visible(m) && !state[m.id]) { state[m.id] = 1; stack.push([m, 0]); }
        } else {
          state[n.id] = 2; order.push(n); stack.pop();
        }
      }
    });
    var pos = {};
    order.forEach(function (n, i) { pos[n.id] = i; });
    for (var i = order.length - 1; i >= 0; i--) {
      var n = order[i];
      n.out.forEach(function (e) {
        var m = byId[e.to];
        // Forward edges only (m finishes before n in DFS order).
        if (m && visible(m) && pos[m.id] < i && layer[m.id] < layer[n.id] + 1) layer[m.id] = layer[n.id] + 1;
      });
    }
    var columns = [];
    vis.forEach(function (n) { (columns[layer[n.id]] = columns[layer[n.id]] || []).push(n); });
    // Order each column by the mean row of predecessors (one sweep), then by name.
    var row = {};
    columns.forEach(function (col, c) {
      col.forEach(function (n) {
        var s = 0, k = 0;
        n.inc.forEach(function (e) { if (row[e.from] !== undefined) { s += row[e.from]; k++; } });
        n.bary = k ? s / k : Infinity;
      });
      col.sort(function (a, b) {
        if (a.bary !== b.bary) return a.bary === Infinity ? 1 : b.bary === Infinity ? -1 : a.bary - b.bary;
        return a.name < b.name ? -1 : a.name > b.name ? 1 : (a.id < b.id ? -1 : 1);
      });
      col.forEach(function (n, r) { row[n.id] = r; n.x = c * COL_W; n.y = r * ROW_H; });
    });
    return vis;
  }

  var svg = document.getElementById("canvas"), viewport = document.getElementById("viewport");
  var view = { x: 20, y: 20, k: 1 };
  function applyView() { viewport.setAttribute("transform", "translate(" + view.x + "," + view.y + ") scale(" + view.k + ")"); }

  function el(name, attrs, parent) {
    var e = document.createElementNS(SVG, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }

  function edgePath(a, b) {
    var x1 = a.x + NODE_W, y1 = a.y + NODE_H / 2, x2 = b.x, y2 = b.y + NODE_H / 2;
    if (x2 <= x1) { x1 = a.x + NODE_W / 2; x2 = b.x + NODE_W / 2; y1 = a.y + NODE_H; y2 = b.y; }
    var dx = Math.max(40, Math.abs(x2 - x1) / 2);
    return "M" + x1 + "," + y1 + "C" + (x1 + dx) + "," + y1 + " " + (x2 - dx) + "," + y2 + " " + x2 + "," + y2;
  }

  var edgeLayer, nodeLayer, highlightLayer, visibleNodes = [], selected = null, matches = [], matchAt = -1;

  function render() {
    while (viewport.firstChild) viewport.removeChild(viewport.firstChild);
    visibleNodes = layout();
    edgeLayer = el("g", { "class": "edges" }, viewport);
    highlightLayer = el("g", { "class": "highlight" }, viewport);
    nodeLayer = el("g", {}, viewport);
    // One path per edge kind keeps large graphs fast.
    var paths = {};
    edges.forEach(function (e) {
      var a = byId[e.from], b = byId[e.to];
      if (!a || !b || !visible(a) || !visible(b)) return;
      (paths[e.kind] = paths[e.kind] || []).push(edgePath(a, b));
    });
    Object.keys(paths).sort().forEach(function (k) {
      el("path", { d: paths[k].join(""), stroke: EDGE_COLORS[k] || "#999" }, edgeLayer);
    });
    visibleNodes.forEach(function (n) {
      // Copybooks no program COPYs are drawn dashed.
      var unused = n.attrs && n.attrs.unused === "true" ? " unused" : "";
      var g = el("g", { "class": "node" + unused, transform: "translate(" + n.x + "," + n.y + ")" }, nodeLayer);
      el("rect", { width: NODE_W, height: NODE_H, fill: COLORS[n.kind] || "#eee" }, g);
      var t = el("text", { x: 6, y: 14 }, g);
      var label = n.name.length > 28 ? n.name.slice(0, 27) + "\u2026" : n.name;
      t.textContent = label;
      var title = el("title", {}, g);
      title.textContent = n.id;
      g.addEventListener("click", function (ev) { ev.stopPropagation(); select(n, false); });
      n.g = g;
    });
    document.getElementById("stats").textContent =
      visibleNodes.length + " of " + nodes.length + " nodes, " + edges.length + " edges";
    if (selected && visible(selected)) select(selected, false); else selected = null;
    markMatches();
  }

  function clearHighlight() {
    while (highlightLayer.firstChild) highlightLayer.removeChild(highlightLayer.firstChild);
    visibleNodes.forEach(function (n) { n.g.classList.remove("selected", "faded"); });
    edgeLayer.classList.remove("faded");
  }

  function select(n, center) {
    clearHighlight();
    selected = n;
    if (!visible(n)) { hidden[n.kind] = false; syncFilters(); render(); return; }
    var near = {};
    near[n.id] = true;
    n.out.concat(n.inc).forEach(function (e) {
      var a = byId[e.from], b = byId[e.to];
      if (!visible(a) || !visible(b)) return;
      near[e.from] = near[e.to] = true;
      el("path", { d: edgePath(a, b), stroke: EDGE_COLORS[e.kind] || "#999" }, highlightLayer);
    });
    visibleNodes.forEach(function (m) { if (!near[m.id]) m.g.classList.add("faded"); });
    edgeLayer.classList.add("faded");
    n.g.classList.add("selected");
    showDetails(n);
    if (history.replaceState) history.replaceState(null, "", "#" + encodeURIComponent(n.id));
    if (center) centerOn(n);
  }

  function centerOn(n) {
    var r = svg.getBoundingClientRect();
    view.k = Math.max(view.k, 0.8);
    view.x = r.width / 2 - (n.x + NODE_W / 2) * view.k;
    view.y = r.height / 2 - (n.y + NODE_H / 2) * view.k;
    applyView();
  }

  function text(parent, tag, s, cls) {
    var e = document.createElement(tag);
    e.textContent = s;
    if (cls) e.className = cls;
    parent.appendChild(e);
    return e;
  }

  function row(table, k, v) {
    var tr = document.createElement("tr");
    text(tr, "td", k);
    text(tr, "td", typeof v === "object" ? JSON.stringify(v) : String(v));
    table.appendChild(tr);
  }

  function edgeExtra(e) {
    var parts = [];
    Object.keys(e).sort().forEach(function (k) {
      if (k !== "from" && k !== "to" && k !== "kind") parts.push(k + "=" + (Array.isArray(e[k]) ? e[k].join(",") : e[k]));
    });
    return parts.length ? " (" + parts.join(", ") + ")" : "";
  }

  function edgeList(box, title, list, other) {
    if (!list.length) return;
    text(box, "h3", title + " (" + list.length + ")");
    var ul = document.createElement("ul");
    list.slice().sort(function (a, b) { return a[other] < b[other] ? -1 : a[other] > b[other] ? 1 : 0; }).forEach(function (e) {
      var li = document.createElement("li");
      text(li, "span", e.kind.replace(/_/g, " ") + " ", "ek");
      var a = text(li, "a", e[other]);
      a.addEventListener("click", function () { var m = byId[e[other]]; if (m) select(m, true); });
      text(li, "span", edgeExtra(e), "ek");
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }

  function showDetails(n) {
    var box = document.getElementById("details");
    box.textContent = "";
    text(box, "h2", n.name);
    var t = document.createElement("table");
    row(t, "id", n.id);
    row(t, "kind", n.kind);
    if (n.path) row(t, "path", n.path);
    if (n.missing) row(t, "missing", n.missing);
    box.appendChild(t);
    if (n.metrics) {
      text(box, "h3", "Metrics");
      var mt = document.createElement("table");
      Object.keys(n.metrics).forEach(function (k) {
        var v = n.metrics[k];
        row(mt, k.replace(/_/g, " "), Array.isArray(v) ? (v.length ? v.join(", ") : "none") : v);
      });
      box.appendChild(mt);
    }
    if (n.attrs) {
      text(box, "h3", "Details");
      var at = document.createElement("table");
      Object.keys(n.attrs).sort().forEach(function (k) { row(at, k, n.attrs[k]); });
      box.appendChild(at);
    }
    edgeList(box, "Outgoing", n.out, "to");
    edgeList(box, "Incoming", n.inc, "from");
  }

  // Search: substring of name or id; Enter steps through matches.
  var search = document.getElementById("search");
  function markMatches() {
    visibleNodes.forEach(function (n) { n.g.classList.toggle("match", matches.indexOf(n) >= 0); });
  }
  search.addEventListener("input", function () {
    var q = search.value.trim().toLowerCase();
    matches = q ? nodes.filter(function (n) { return n.name.toLowerCase().indexOf(q) >= 0 || n.id.toLowerCase().indexOf(q) >= 0; }) : [];
    matchAt = -1;
    markMatches();
    document.getElementById("stats").textContent = q ? matches.length + " match" + (matches.length === 1 ? "" : "es") + " (Enter to step)" : visibleNodes.length + " of " + nodes.length + " nodes, " + edges.length + " edges";
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && matches.length) {
      matchAt = (matchAt + 1) % matches.length;
      select(matches[matchAt], true);
      markMatches();
    } else if (ev.key === "Escape") {
      search.value = ""; search.dispatchEvent(new Event("input")); search.blur();
    }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && document.activeElement !== search) { ev.preventDefault(); search.focus(); }
  });

  // Kind filters.
  var filters = document.getElementById("filters");
  var kinds = {};
  nodes.forEach(function (n) { kinds[n.kind] = (kinds[n.kind] || 0) + 1; });
  var boxes = {};
  Object.keys(kinds).sort().forEach(function (k) {
    var label = document.createElement("label");
    var cb = document.createElement("input");
    cb.type = "checkbox";
    cb.checked = !hidden[k];
    cb.addEventListener("change", function () { hidden[k] = !cb.checked; render(); });
    boxes[k] = cb;
    label.appendChild(cb);
    var sw = document.createElement("span");
    sw.className = "swatch";
    sw.style.background = COLORS[k] || "#eee";
    label.appendChild(sw);
    label.appendChild(document.createTextNode(k.replace(/_/g, " ") + " " + kinds[k]));
    filters.appendChild(label);
  });
  function syncFilters() { Object.keys(boxes).forEach(function (k) { boxes[k].checked = !hidden[k]; }); }

  // Pan and zoom.
  var drag = null;
  svg.addEventListener("mousedown", function (ev) { drag = { x: ev.clientX - view.x, y: ev.clientY - view.y, moved: false }; svg.classList.add("dragging"); });
  window.addEventListener("mousemove", function (ev) {
    if (!drag) return;
    view.x = ev.clientX - drag.x; view.y = ev.clientY - drag.y; drag.moved = true; applyView();
  });
  window.addEventListener("mouseup", function () { svg.classList.remove("dragging"); setTimeout(function () { drag = null; }, 0); });
  svg.addEventListener("click", function () {
    if (drag && drag.moved) return;
    if (selected) { clearHighlight(); selected = null; }
  });
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var r = svg.getBoundingClientRect(), mx = ev.clientX - r.left, my = ev.clientY - r.top;
    var k = Math.min(4, Math.max(0.02, view.k * Math.exp(-ev.deltaY * 0.0015)));
    view.x = mx - (mx - view.x) * (k / view.k);
    view.y = my - (my - view.y) * (k / view.k);
    view.k = k;
    applyView();
  }, { passive: false });

  function fit() {
    var r = svg.getBoundingClientRect(), w = 0, h = 0;
    visibleNodes.forEach(function (n) { w = Math.max(w, n.x + NODE_W); h = Math.max(h, n.y + NODE_H); });
    if (!w || !h) return;
    view.k = Math.min(1.2, Math.max(0.02, Math.min((r.width - 40) / w, (r.height - 40) / h)));
    view.x = 20; view.y = 20;
    applyView();
  }

  render();
  fit();
  // Deep links: view.html#program:PAYROLL selects that node.
  function fromHash() {
    var id = decodeURIComponent((location.hash || "").slice(1));
    if (id && byId[id]) select(byId[id], true);
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
