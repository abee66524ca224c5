// papergraph site: search over the index script, pan and zoom on maps. No network, no
// innerHTML: every piece of text reaches the page through textContent.
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";

  // ---- Search ----------------------------------------------------------------------
  var box = document.getElementById("search");
  var panel = document.getElementById("results");
  var index = null, loading = false, pending = null, timer = null;

  function load(then) {
    if (index) { then(); return; }
    pending = then;
    if (loading) return;
    loading = true;
    var s = document.createElement("script");
    s.src = root + "assets/search-index.js";
    s.onload = function () {
      var raw = window.PAPERGRAPH_INDEX || { papers: [], entities: [] };
      index = {
        papers: raw.papers.map(function (p) {
          return { p: p, head: (p.t + " " + (p.n || "") + " " + (p.c || "")).toLowerCase(), body: p.s.toLowerCase() };
        }),
        entities: raw.entities.map(function (e) {
          return { e: e, names: [e.n].concat(e.a).map(function (x) { return x.toLowerCase(); }) };
        })
      };
      if (pending) pending();
    };
    document.head.appendChild(s);
  }

  function el(tag, cls, text) {
    var x = document.createElement(tag);
    if (cls) x.className = cls;
    if (text !== undefined) x.textContent = text;
    return x;
  }

  // Text with each term marked.
  function marked(text, terms) {
    var span = el("span"), lower = text.toLowerCase(), i = 0;
    while (i < text.length) {
      var best = -1, len = 0;
      terms.forEach(function (t) {
        var j = lower.indexOf(t, i);
        if (j >= 0 && (best < 0 || j < best)) { best = j; len = t.length; }
      });
      if (best < 0) { span.appendChild(document.createTextNode(text.slice(i))); break; }
      span.appendChild(document.createTextNode(text.slice(i, best)));
      span.appendChild(el("mark", null, text.slice(best, best + len)));
      i = best + len;
    }
    return span;
  }

  function snippet(text, terms) {
    var lower = text.toLowerCase(), at = -1;
    terms.forEach(function (t) { var j = lower.indexOf(t); if (j >= 0 && (at < 0 || j < at)) at = j; });
    if (at < 0) return text.slice(0, 120) + (text.length > 120 ? "…" : "");
    var from = Math.max(0, at - 50), to = Math.min(text.length, at + 90);
    return (from > 0 ? "…" : "") + text.slice(from, to) + (to < text.length ? "…" : "");
  }

  function search(query) {
    var terms = query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
    panel.textContent = "";
    panel.setAttribute("data-query", query);
    if (!terms.length) { panel.hidden = true; return; }
    var entities = index.entities.filter(function (x) {
      return terms.every(function (t) { return x.names.some(function (n) { return n.indexOf(t) >= 0; }); });
    }).map(function (x) {
      var q = terms.join(" "), exact = x.names.indexOf(q) >= 0 ? 0 : x.names.some(function (n) { return n.indexOf(q) === 0; }) ? 1 : 2;
      return { x: x, rank: exact };
    }).sort(function (a, b) { return a.rank - b.rank || b.x.e.p - a.x.e.p || (a.x.e.n < b.x.e.n ? -1 : 1); });
    var papers = index.papers.filter(function (x) {
      return terms.every(function (t) { return x.head.indexOf(t) >= 0 || x.body.indexOf(t) >= 0; });
    }).map(function (x) {
      return { x: x, rank: terms.filter(function (t) { return x.head.indexOf(t) >= 0; }).length };
    }).sort(function (a, b) { return b.rank - a.rank || (a.x.p.t < b.x.p.t ? -1 : 1); });
    panel.hidden = false;
    if (!entities.length && !papers.length) { panel.appendChild(el("p", "n", "Nothing matches “" + query + "”.")); return; }
    if (entities.length) {
      panel.appendChild(el("h3", null, "Methods, datasets and metrics (" + entities.length + ")"));
      var ol = el("ol", "hits-entities");
      entities.slice(0, 12).forEach(function (r) {
        var e = r.x.e, li = el("li"), a = el("a");
        a.href = root + e.u;
        a.appendChild(marked(e.n, terms));
        li.appendChild(a);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(el("span", "n", e.k + " · " + e.p + (e.p === 1 ? " paper" : " papers") + (e.a.length ? " · also " + e.a.slice(0, 4).join(", ") : "")));
        ol.appendChild(li);
      });
      panel.appendChild(ol);
    }
    if (papers.length) {
      panel.appendChild(el("h3", null, "Papers (" + papers.length + (papers.length > 30 ? ", first 30" : "") + ")"));
      var pl = el("ol", "hits-papers");
      papers.slice(0, 30).forEach(function (r) {
        var p = r.x.p, li = el("li"), a = el("a");
        a.href = root + p.u;
        a.appendChild(marked((p.n ? p.n + ": " : "") + p.t, terms));
        li.appendChild(a);
        var s = el("span", "snippet");
        s.appendChild(marked(snippet(p.s, terms), terms));
        li.appendChild(s);
        pl.appendChild(li);
      });
      panel.appendChild(pl);
    }
  }

  if (box && panel) {
    box.addEventListener("focus", function () { load(function () {}); });
    box.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { load(function () { search(box.value); }); }, 120);
    });
    box.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { box.value = ""; panel.hidden = true; }
    });
  }

  // ---- Maps: wheel to zoom, drag to pan, reset --------------------------------------
  Array.prototype.forEach.call(document.querySelectorAll("figure.map"), function (figure) {
    var view = figure.querySelector(".map-view"), svg = view && view.querySelector("svg");
    if (!svg || !svg.viewBox || !svg.viewBox.baseVal) return;
    var original = svg.getAttribute("viewBox");
    var b = svg.viewBox.baseVal, home = { x: b.x, y: b.y, w: b.width, h: b.height }, vb = Object.assign({}, home);
    function apply() { svg.setAttribute("viewBox", vb.x + " " + vb.y + " " + vb.w + " " + vb.h); }
    // SVG units per CSS pixel (the view keeps the aspect ratio: the larger ratio wins).
    function unit() { var r = view.getBoundingClientRect(); return Math.max(vb.w / r.width, vb.h / r.height); }
    view.addEventListener("wheel", function (e) {
      e.preventDefault();
      var r = view.getBoundingClientRect(), u = unit();
      var k = e.deltaY < 0 ? 0.8 : 1.25;
      if (vb.w * k > home.w * 4 || vb.w * k < home.w / 40) return;
      // Keep the point under the cursor where it is.
      var cx = vb.x + (vb.w - r.width * u) / 2 + (e.clientX - r.left) * u;
      var cy = vb.y + (vb.h - r.height * u) / 2 + (e.clientY - r.top) * u;
      vb.x = cx - (cx - vb.x) * k; vb.y = cy - (cy - vb.y) * k; vb.w *= k; vb.h *= k;
      apply();
    }, { passive: false });
    var drag = null, moved = false;
    view.addEventListener("pointerdown", function (e) {
      if (e.button !== 0) return;
      drag = { x: e.clientX, y: e.clientY, vx: vb.x, vy: vb.y, u: unit() };
      moved = false;
    });
    window.addEventListener("pointermove", function (e) {
      if (!drag) return;
      var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      if (!moved) { moved = true; view.classList.add("dragging"); }
      vb.x = drag.vx - dx * drag.u; vb.y = drag.vy - dy * drag.u;
      apply();
    });
    window.addEventListener("pointerup", function () { drag = null; view.classList.remove("dragging"); });
    // A drag that ends on a node is not a click on its link.
    view.addEventListener("click", function (e) { if (moved) { e.preventDefault(); e.stopPropagation(); moved = false; } }, true);
    // Buttons for screens without a wheel: zoom about the centre.
    Array.prototype.forEach.call(figure.querySelectorAll(".map-zoom"), function (button) {
      button.addEventListener("click", function () {
        var k = parseFloat(button.getAttribute("data-zoom"));
        if (vb.w * k > home.w * 4 || vb.w * k < home.w / 40) return;
        vb.x += vb.w * (1 - k) / 2; vb.y += vb.h * (1 - k) / 2; vb.w *= k; vb.h *= k;
        apply();
      });
    });
    var reset = figure.querySelector(".map-reset");
    if (reset) reset.addEventListener("click", function () { vb = Object.assign({}, home); svg.setAttribute("viewBox", original); });
  });
})();
