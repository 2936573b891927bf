// The stack explorer: a time slider over the run's steps, a goroutine picker,
// and the selected goroutine's stack to scale at the selected step, drawn from
// the JSON inlined above (gostack/report/pagedata.py says what it holds).
"use strict";
(function () {
  const D = JSON.parse(document.getElementById("gostack-data").textContent);
  const NS = document.getElementById("axis").namespaceURI;     // SVG's, from an inline svg
  // A moment: [g, step, lo, hi, sp, stackguard0, kind, label, frames, pointers, old, delta, adjusted]
  const M = D.moments.map(function (m) {
    return {g: m[0], step: m[1], lo: m[2], hi: m[3], sp: m[4], guard0: m[5], kind: m[6],
            label: m[7], frames: m[8], pointers: m[9], old: m[10], delta: m[11], adjusted: m[12]};
  });
  const G = {};
  D.gs.forEach(function (g) { G[g.g] = g; });
  const state = {step: D.selected.step || 0, g: D.selected.g};
  const $ = function (id) { return document.getElementById(id); };
  const slider = $("slider"), gsel = $("gsel");

  function hex(n) { return "0x" + n.toString(16); }
  function num(n) { return n.toLocaleString("en-US"); }
  function size(n) {
    const units = [["TB", 2 ** 40], ["GB", 2 ** 30], ["MB", 2 ** 20], ["KB", 1024]];
    for (const [u, s] of units) {
      if (n >= s) { const v = n / s; return (v === Math.round(v) ? v : v.toFixed(1)) + " " + u; }
    }
    return n + " B";
  }
  function el(tag, attrs, text) {
    const e = document.createElementNS(NS, tag);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function html(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  // ------------------------------------------------------------ selection

  function momentOf(g, step) {
    const life = G[g];
    if (!life) return null;
    let found = null;
    for (const i of life.moments) { if (M[i].step <= step) found = M[i]; else break; }
    return found;
  }

  function readHash() {
    const h = location.hash.replace(/^#/, "");
    h.split("&").forEach(function (part) {
      const kv = part.split("=");
      const v = parseInt(kv[1], 10);
      if (isNaN(v)) return;
      if (kv[0] === "step") state.step = Math.max(0, Math.min(v, D.steps));
      if (kv[0] === "g" && G[v]) state.g = v;
    });
  }

  function select(step, g, fromHash) {
    state.step = step; state.g = g;
    const link = "#step=" + step + "&g=" + g;
    if (!fromHash && location.hash !== link) history.replaceState(null, "", link);
    $("permalink").setAttribute("href", link);
    $("permalink").textContent = link;
    slider.value = step; gsel.value = g;
    draw();
  }

  // ------------------------------------------------------------ the time axis

  function drawAxis() {
    const svg = $("axis"), w = 760, end = Math.max(D.steps, 1);
    svg.setAttribute("width", w + 90);
    const rows = [["copies", D.copies, 4], ["gc", D.gc, 14], ["preempts", D.preempts, 24]];
    const colors = {grow: "#2a9d8f", shrink: "#e76f51", forcemove: "#999", gc: "#6d597a",
                    preempt: "#f4a261"};
    for (const [name, bins, y] of rows) {
      for (const [step, count, kind] of bins) {
        const x = 8 + step / end * w;
        const t = el("rect", {x: x.toFixed(1), y: y, width: 2, height: 8, fill: colors[kind],
                              "class": "tick " + kind});
        t.appendChild(el("title", {}, count + " " + kind + (count > 1 ? "s" : "") +
                                      " from step " + num(step)));
        svg.appendChild(t);
      }
      if (bins.length) svg.appendChild(el("text", {x: w + 14, y: y + 8, fill: "#666"}, name));
    }
    svg.appendChild(el("line", {id: "axis-cursor", x1: 8, x2: 8, y1: 0, y2: 34, stroke: "#c00"}));
  }

  function moveCursors() {
    const end = Math.max(D.steps, 1);
    const c = $("axis-cursor");
    if (c) { const x = 8 + state.step / end * 760; c.setAttribute("x1", x); c.setAttribute("x2", x); }
    for (const [svgId, lineId] of [["timeline", "lanes-cursor"], ["stackinuse", "inuse-cursor"]]) {
      const svg = $(svgId), line = $(lineId);
      if (!svg || !line) continue;
      const left = parseFloat(svg.dataset.left || 230), width = parseFloat(svg.dataset.width || 700);
      const x = left + state.step / end * width;
      line.setAttribute("x1", x); line.setAttribute("x2", x);
    }
    document.querySelectorAll(".lane").forEach(function (lane) {
      const members = (lane.dataset.members || "").split(",");
      lane.classList.toggle("selected", members.indexOf(String(state.g)) >= 0);
    });
  }

  // ------------------------------------------------------------ the stack to scale

  // Frames from SP upwards: each made frame is its frame_size bytes plus the
  // return address its caller pushed; the innermost, at its entry, only the
  // return address.  Runs of one function are one block.
  function frameBlocks(m, sp) {
    const out = [];
    let at = sp;
    (m.frames || []).forEach(function (run) {
      const [func, fsize, count] = run;
      const bytes = (fsize + 8) * count;
      out.push({func: func, fsize: fsize, count: count, lo: at, hi: at + bytes});
      at += bytes;
    });
    return out;
  }

  function bar(svg, m, lo, hi, sp, guard0, x, top, h, caption, blocks) {
    const w = 64;
    const y = function (addr) { return top + (hi - addr) / (hi - lo) * h; };
    svg.appendChild(el("text", {x: x, y: top - 22, fill: "#222"}, caption));
    svg.appendChild(el("text", {x: x, y: top - 8, fill: "#888"},
                       "to scale: " + num(Math.round((hi - lo) / h * 10) / 10) + " bytes per pixel"));
    svg.appendChild(el("rect", {x: x, y: top, width: w, height: h, fill: "#f7f7f7", stroke: "#333"}));
    const small = D.stackSmall, thread = D.model === "thread";
    const preempt = guard0 > m.hi;
    const guard = preempt || !guard0 ? m.lo + D.stackGuard : guard0;
    if (!thread) {
      if (guard > lo && guard - small < hi) {
        svg.appendChild(el("rect", {x: x, y: y(Math.min(hi, guard)), width: w, fill: "#f4d35e",
                                    height: Math.max(0, y(Math.max(lo, guard - small)) - y(Math.min(hi, guard))),
                                    "class": "band stacksmall"}));
      }
      if (guard - small > lo) {
        svg.appendChild(el("rect", {x: x, y: y(Math.min(hi, guard - small)), width: w, fill: "#bbb",
                                    height: Math.max(0, y(lo) - y(Math.min(hi, guard - small))),
                                    "class": "band stackguard"}));
      }
    }
    if (sp < hi) {
      svg.appendChild(el("rect", {x: x, y: y(hi), width: w, height: Math.max(0, y(Math.max(lo, sp)) - y(hi)),
                                  fill: "#e07a5f", opacity: 0.35}));
    }
    blocks.forEach(function (b, k) {
      if (b.hi <= lo || b.lo >= hi) return;
      const y1 = y(Math.min(hi, b.hi)), y2 = y(Math.max(lo, b.lo));
      const r = el("rect", {x: x + 1, y: y1, width: w - 2, height: Math.max(y2 - y1, 0.5),
                            fill: k % 2 ? "#c8553d" : "#e07a5f", stroke: "#fff", "stroke-width": 0.3,
                            "class": "frame"});
      r.appendChild(el("title", {}, b.func + (b.count > 1 ? " x " + num(b.count) : "") + ": " +
                                    b.fsize + "-byte frame" + " [" + hex(b.lo) + ", " + hex(b.hi) + ")"));
      svg.appendChild(r);
    });
    const marks = [[hi === m.hi ? m.hi : null, "stack.hi " + hex(m.hi)],
                   [sp, "SP, " + num(m.hi - sp) + " B used"]];
    if (!thread) {
      marks.push([guard, preempt ? "stackguard0 = StackPreempt (lo+" + D.stackGuard + " once served)"
                                 : "stackguard0 = lo+" + (guard - m.lo)]);
      marks.push([guard - small, "StackSmall: guard-" + small]);
    }
    marks.push([m.lo, "stack.lo " + hex(m.lo)]);
    labels(svg, marks.filter(function (mk) { return mk[0] !== null && mk[0] >= lo && mk[0] <= hi; }),
           y, top, h, x, w);
  }

  // Labels at their true heights, pushed apart only as much as needed to stay readable.
  function labels(svg, marks, y, top, h, x, w) {
    const right = x + w;
    const lower = marks.filter(function (m) { return y(m[0]) >= top + h / 2; }).sort(function (a, b) { return a[0] - b[0]; });
    const upper = marks.filter(function (m) { return y(m[0]) < top + h / 2; }).sort(function (a, b) { return b[0] - a[0]; });
    for (const [group, step] of [[lower, -13], [upper, 13]]) {
      let last = null;
      for (const [addr, label] of group) {
        const want = y(addr);
        const at = last === null ? want : (step < 0 ? Math.min(want, last + step) : Math.max(want, last + step));
        last = at;
        svg.appendChild(el("line", {x1: x - 3, y1: want, x2: right + 3, y2: want, stroke: "#000"}));
        svg.appendChild(el("polyline", {points: (right + 3) + "," + want + " " + (right + 10) + "," + at +
                                                " " + (right + 13) + "," + at, fill: "none", stroke: "#666"}));
        svg.appendChild(el("text", {x: right + 15, y: at + 4, fill: "#222"}, label));
      }
    }
  }

  function drawStack(m) {
    const panel = $("stack-panel");
    panel.textContent = "";
    const fig = html("figure");
    const caption = html("figcaption");
    caption.id = "stack-caption";
    if (!m) {
      const life = G[state.g];
      const started = life && life.sizes.length && life.sizes[0][0] <= state.step;
      caption.textContent = started
        ? "goroutine " + state.g + " runs at step " + num(state.step) + " on a " +
          size(life.sizes.filter(function (sz) { return sz[0] <= state.step; }).pop()[1]) +
          " stack; no snapshot of it is kept up to this step (see how this page was made)."
        : "goroutine " + state.g + " has not started at step " + num(state.step) + ".";
      fig.appendChild(caption); panel.appendChild(fig);
      return;
    }
    const copy = m.old && m.kind !== "start";
    const H = 300, barW = 64, col = 330;
    const thread = D.model === "thread";
    const zoomNeeded = !thread && (D.stackGuard / (m.hi - m.lo) * H) < 30;
    const width = col * (copy ? 2 : 1) + 20;
    const height = H + 70 + (zoomNeeded ? 230 : 0);
    const svg = el("svg", {id: "stack-picture", "class": "stack", width: width, height: height,
                           viewBox: "0 0 " + width + " " + height});
    const newBlocks = frameBlocks(m, m.sp);
    let x = 12;
    if (copy) {
      // Old and new to one scale, hi aligned: the used bytes sit at the same distance below hi.
      const oldLo = m.old[0], oldHi = m.old[1], used = m.hi - m.sp;
      const oldM = {lo: oldLo, hi: oldHi};
      const scaleH = (oldHi - oldLo) / (m.hi - m.lo) * H;
      bar(svg, oldM, oldLo, oldHi, oldHi - used, oldLo + D.stackGuard, x, 44, Math.max(scaleH, 20),
          "before: " + size(oldHi - oldLo) + " old stack", frameBlocks(m, oldHi - used));
      x += col;
    }
    const title = copy ? "after: " + size(m.hi - m.lo) + " new stack" :
      size(m.hi - m.lo) + (thread ? " thread stack" : " stack");
    bar(svg, m, m.lo, m.hi, m.sp, m.guard0, x, 44, H, title, newBlocks);
    if (zoomNeeded) {
      const win = Math.min(m.hi - m.lo, Math.max(4 * D.stackGuard, 2048));
      bar(svg, m, m.lo, m.lo + win, m.sp, m.guard0, x, H + 110, 160,
          "its bottom " + size(win) + ", magnified", newBlocks);
    }
    fig.appendChild(svg);
    caption.textContent = "goroutine " + m.g + " at step " + num(m.step) + ": " + m.label;
    fig.appendChild(caption);
    panel.appendChild(fig);
  }

  // ------------------------------------------------------------ the frames

  function drawFrames(m) {
    const panel = $("frames-panel");
    panel.textContent = "";
    const life = G[state.g];
    if (!m) { panel.appendChild(html("p", "No moment of goroutine " + state.g + " yet.")); return; }
    const head = html("p");
    head.id = "moment";
    let status = "";
    if (life && life.exit !== null && life.exit <= state.step) status = " (it exited at step " + num(life.exit) + ")";
    head.textContent = "Shown: goroutine " + m.g + " as of step " + num(m.step) + " (" + m.kind + ")" + status + ".";
    panel.appendChild(head);
    const facts = html("p");
    facts.textContent = "stack [" + hex(m.lo) + ", " + hex(m.hi) + "), " + size(m.hi - m.lo) +
      "; SP " + hex(m.sp) + ", " + num(m.hi - m.sp) + " bytes used" +
      (D.model === "thread" ? "" : "; stackguard0 " + (m.guard0 > m.hi ? "StackPreempt" : "lo+" + (m.guard0 - m.lo)) +
       ", StackGuard " + D.stackGuard + ", StackSmall " + D.stackSmall);
    panel.appendChild(facts);
    if (m.frames && m.frames.length) {
      const t = html("table");
      t.id = "frames";
      t.innerHTML = "<tr><th>frame (innermost first)</th><th>frame size</th><th>count</th><th>bytes</th><th>SP</th></tr>";
      frameBlocks(m, m.sp).forEach(function (b) {
        const tr = html("tr");
        tr.className = "frame-row";
        [b.func, b.fsize + " B", num(b.count), num(b.hi - b.lo), hex(b.lo)].forEach(function (v, k) {
          tr.appendChild(html("td", String(v), k ? "n" : ""));
        });
        t.appendChild(tr);
      });
      panel.appendChild(t);
      const made = frameBlocks(m, m.sp).filter(function (b) { return b.fsize > 0; })[0];
      if (made) {
        const s = made.fsize;
        const slots = html("p");
        slots.className = "slots";
        slots.textContent = "The slots of one " + made.func + " frame (SP = its lowest byte): " +
          "SP+0..+" + (s - 8) + " outgoing arguments, locals and temporaries; SP+" + (s - 8) +
          " saved BP; SP+" + s + " return address; SP+" + (s + 8) + " its parameters and results (argp).";
        panel.appendChild(slots);
      }
      panel.appendChild(html("p", "Frame size excludes the 8-byte return address; each frame's bytes include it. " +
                                  "The innermost frame is at its entry, before its prologue made it.", "hint"));
    } else {
      panel.appendChild(html("p", m.kind === "start" ? "A new goroutine: nothing on its stack yet."
        : "The frames are recorded at a copy; this moment has none.", "hint"));
    }
    if (m.old && m.kind !== "start") {
      const p = html("p");
      p.textContent = m.kind + ": old [" + hex(m.old[0]) + ", " + hex(m.old[1]) + ") -> new [" + hex(m.lo) +
        ", " + hex(m.hi) + "), every address moved by " + num(m.delta) + " bytes; " + num(m.adjusted) +
        " pointers into the old stack adjusted.";
      panel.appendChild(p);
      if (m.pointers && m.pointers.length) {
        const t = html("table");
        t.id = "pointers";
        t.innerHTML = "<tr><th>slot old -> new</th><th>in</th><th>value old -> new</th></tr>";
        m.pointers.forEach(function (pt) {
          const tr = html("tr");
          [hex(pt[0] - m.delta) + " -> " + hex(pt[0]), pt[2], hex(pt[1]) + " -> " + hex(pt[1] + m.delta)]
            .forEach(function (v) { tr.appendChild(html("td", v)); });
          t.appendChild(tr);
        });
        panel.appendChild(t);
        if (m.adjusted > m.pointers.length) {
          panel.appendChild(html("p", "(the first " + m.pointers.length + " of " + num(m.adjusted) +
                                      " adjusted pointers, innermost frames first)", "hint"));
        }
      }
    }
  }

  function draw() {
    const m = momentOf(state.g, state.step);
    $("now").textContent = "step " + num(state.step) + " of " + num(D.steps) + ", goroutine " + state.g;
    drawStack(m);
    drawFrames(m);
    moveCursors();
  }

  // ------------------------------------------------------------ wiring

  function neighbour(dir) {
    const life = G[state.g];
    if (!life) return;
    const steps = life.moments.map(function (i) { return M[i].step; });
    let target = null;
    if (dir > 0) target = steps.find(function (s) { return s > state.step; });
    else for (const s of steps) if (s < state.step) target = s;
    if (target !== undefined && target !== null) select(target, state.g);
  }

  D.gs.forEach(function (g) {
    const o = document.createElement("option");
    o.value = g.g; o.textContent = "g" + g.g;
    gsel.appendChild(o);
  });
  slider.max = D.steps;
  slider.addEventListener("input", function () { select(parseInt(slider.value, 10), state.g); });
  gsel.addEventListener("change", function () { select(state.step, parseInt(gsel.value, 10)); });
  $("prev").addEventListener("click", function () { neighbour(-1); });
  $("next").addEventListener("click", function () { neighbour(1); });
  document.addEventListener("keydown", function (ev) {
    if (ev.target === gsel) return;
    if (ev.key === "ArrowLeft") { neighbour(-1); ev.preventDefault(); }
    if (ev.key === "ArrowRight") { neighbour(1); ev.preventDefault(); }
  });
  document.querySelectorAll(".lane").forEach(function (lane) {
    lane.addEventListener("click", function () { select(state.step, parseInt(lane.dataset.g, 10)); });
  });
  window.addEventListener("hashchange", function () { readHash(); select(state.step, state.g, true); });
  drawAxis();
  readHash();
  if (state.g === null && D.gs.length) state.g = D.gs[0].g;
  if (state.g !== null) select(state.step, state.g, true);
  document.body.dataset.ready = "1";
})();
