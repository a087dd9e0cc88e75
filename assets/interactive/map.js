// The chain map: stage lanes, links and nodes drawn as SVG from the page's data, where the
// project's layout placed them; panned and zoomed by wheel, drag and pinch. Names are written
// with textContent only: the data comes from whoever made the project.

const SVG_NS = 'http://www.w3.org/2000/svg';
/// Room kept round the drawing when it is fitted, in pixels.
const FIT_PAD = 24;
const MIN_ZOOM = 0.02;
const MAX_ZOOM = 8;

function svgEl(name, attrs, parent) {
  const e = document.createElementNS(SVG_NS, name);
  for (const key of Object.keys(attrs)) e.setAttribute(key, attrs[key]);
  if (parent) parent.appendChild(e);
  return e;
}

/// Roughly how wide a character is, in ems (as the exported picture estimates it).
function charWidth(c) {
  if (c.charCodeAt(0) < 128) return c >= 'A' && c <= 'Z' ? 0.62 : 0.52;
  if ((c >= '\u2000' && c <= '\u206f') || c === '·') return 0.55;
  return 1;
}

/// `text` cut with an ellipsis to fit `width` at `size` (an estimate that errs short).
function fitText(text, width, size) {
  const chars = Array.from(text);
  const budget = width / size;
  if (chars.reduce((sum, c) => sum + charWidth(c), 0) <= budget) return text;
  let used = 1;
  let out = '';
  for (const c of chars) {
    used += charWidth(c);
    if (used > budget) break;
    out += c;
  }
  return out + '…';
}

/// A node's shape by its kind, centred on the group's origin (as the canvas draws them).
function drawShape(g, kind, r) {
  const fill = kind.colour;
  const attrs = { class: 'shape', fill, stroke: '#33333355', 'stroke-width': 1.2 };
  const polygon = (pts) => svgEl('polygon', Object.assign({ points: pts.map((p) => p.join(',')).join(' ') }, attrs), g);
  switch (kind.code) {
    case 'enterprise':
      return svgEl('rect', Object.assign({ x: -r, y: -0.75 * r, width: 2 * r, height: 1.5 * r, rx: 0.3 * r }, attrs), g);
    case 'external_enterprise':
      return svgEl('rect', { class: 'shape', x: -r, y: -0.75 * r, width: 2 * r, height: 1.5 * r, rx: 0.3 * r,
        fill: '#ececec', stroke: fill, 'stroke-width': 1.5, 'stroke-dasharray': '4 3' }, g);
    case 'institute':
    case 'public_institution':
      return polygon([[0, -r], [r, 0], [0, r], [-r, 0]]);
    case 'financial':
      return polygon([0, 1, 2, 3, 4, 5].map((i) => [Math.cos(i * Math.PI / 3) * r, Math.sin(i * Math.PI / 3) * r]));
    case 'park': {
      const outer = svgEl('rect', Object.assign({ x: -1.2 * r, y: -0.8 * r, width: 2.4 * r, height: 1.6 * r, rx: 4 }, attrs), g);
      svgEl('rect', { x: -1.2 * r + 3, y: -0.8 * r + 3, width: 2.4 * r - 6, height: 1.6 * r - 6, rx: 3, fill: 'none', stroke: '#fff' }, g);
      return outer;
    }
    case 'region':
      return polygon([[0, -r], [r * 0.95, r * 0.75], [-r * 0.95, r * 0.75]]);
    default:
      return svgEl('circle', Object.assign({ r }, attrs), g);
  }
}

/// Draws the map into `svg`. `hooks`: insets() → {top, bottom} pixels the map's overlays cover,
/// pick(node index or null) on a click, hover(node index or null, clientX, clientY).
function createMap(data, svg, hooks) {
  const nodes = data.nodes;
  const links = data.links;
  const half = data.lane_width / 2;
  const top = data.lane_top;
  const bottom = data.lane_bottom;

  const defs = svgEl('defs', {}, svg);
  data.link_kinds.forEach((kind, i) => {
    const marker = svgEl('marker', { id: 'arrow-' + i, viewBox: '0 0 10 10', refX: 9, refY: 5,
      markerUnits: 'userSpaceOnUse', markerWidth: 11, markerHeight: 11, orient: 'auto-start-reverse' }, defs);
    svgEl('path', { d: 'M0,0 L10,5 L0,10 z', fill: kind.colour }, marker);
  });
  const view = svgEl('g', { id: 'view' }, svg);
  const lanesLayer = svgEl('g', { class: 'lanes' }, view);
  const linksLayer = svgEl('g', { class: 'links', fill: 'none' }, view);
  const nodesLayer = svgEl('g', { class: 'nodes' }, view);

  const laneEls = data.lanes.map((lane, i) => {
    const g = svgEl('g', { class: 'lane', 'data-lane': i }, lanesLayer);
    const left = lane.x - half + 6;
    const width = data.lane_width - 12;
    svgEl('rect', { class: 'lane-body', x: left, y: top - 34, width, height: bottom - top + 34, rx: 6, fill: lane.fill }, g);
    svgEl('rect', { x: left, y: top - 34, width, height: 34, rx: 6, fill: lane.strong }, g);
    svgEl('text', { x: lane.x, y: top - 12 }, g).textContent = fitText(lane.name, width - 12, 13);
    svgEl('title', {}, g).textContent = lane.segment + ' · ' + lane.name;
    return g;
  });

  const linkEls = links.map((link, i) => {
    const a = nodes[link.a];
    const b = nodes[link.b];
    const kind = data.link_kinds[link.kind];
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const [ux, uy] = [dx / len, dy / len];
    const attrs = { class: 'link', 'data-link': i, stroke: kind.colour, 'stroke-width': link.width,
      'stroke-opacity': 0.85, x1: a.x + ux * a.r, y1: a.y + uy * a.r, x2: b.x - ux * (b.r + 2), y2: b.y - uy * (b.r + 2) };
    if (kind.dash) attrs['stroke-dasharray'] = kind.dash.join(' ');
    if (kind.arrow) attrs['marker-end'] = 'url(#arrow-' + link.kind + ')';
    const line = svgEl('line', attrs, linksLayer);
    svgEl('title', {}, line).textContent = link.product ? kind.label + ' · ' + link.product : kind.label;
    return line;
  });

  const nodeEls = nodes.map((node, i) => {
    const g = svgEl('g', { class: 'node', 'data-node': i, transform: 'translate(' + node.x + ' ' + node.y + ')' }, nodesLayer);
    drawShape(g, data.node_kinds[node.kind], node.r);
    if (node.leader) svgEl('circle', { r: node.r + 4, fill: 'none', stroke: '#d42828', 'stroke-width': 2 }, g);
    svgEl('text', { y: node.r + 15 }, g).textContent = fitText(node.name, data.lane_width - 16, 12.5);
    return g;
  });

  // Who is linked to whom: supply both ways (for upstream and downstream), any kind as near.
  const upstream = nodes.map(() => []);
  const downstream = nodes.map(() => []);
  const near = nodes.map(() => []);
  const isSupply = (link) => data.link_kinds[link.kind].code === 'supply';
  for (const link of links) {
    near[link.a].push(link.b);
    near[link.b].push(link.a);
    if (isSupply(link)) {
      downstream[link.a].push(link.b);
      upstream[link.b].push(link.a);
    }
  }
  function reach(start, edges) {
    const seen = new Set([start]);
    const stack = [start];
    while (stack.length) {
      for (const next of edges[stack.pop()]) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return seen;
  }

  // The view: screen = translate + scale × canvas.
  let k = 1;
  let tx = 0;
  let ty = 0;
  // The last fit, done again when the window changes size; none once the reader moved the view.
  let refit = null;
  function apply() {
    view.setAttribute('transform', 'translate(' + tx.toFixed(1) + ' ' + ty.toFixed(1) + ') scale(' + k.toFixed(4) + ')');
  }
  function zoomAt(px, py, factor) {
    const next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k * factor));
    tx = px - (px - tx) * next / k;
    ty = py - (py - ty) * next / k;
    k = next;
    apply();
  }
  function fitBox(box, fromLeft) {
    refit = () => fitBox(box, fromLeft);
    const rect = svg.getBoundingClientRect();
    const insets = hooks.insets();
    const w = Math.max(rect.width - 2 * FIT_PAD, 50);
    const h = Math.max(rect.height - insets.top - insets.bottom - FIT_PAD, 50);
    k = Math.min(2, Math.max(MIN_ZOOM, Math.min(w / (box.x1 - box.x0), h / (box.y1 - box.y0))));
    tx = fromLeft ? FIT_PAD - box.x0 * k : rect.width / 2 - (box.x0 + box.x1) / 2 * k;
    ty = insets.top + (h - (box.y1 - box.y0) * k) / 2 - box.y0 * k;
    apply();
  }
  // The whole drawing's height: lanes, and parks and regions above or below them.
  let y0 = top - 34;
  let y1 = bottom;
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const lane of data.lanes) {
    x0 = Math.min(x0, lane.x - half);
    x1 = Math.max(x1, lane.x + half);
  }
  for (const node of nodes) {
    x0 = Math.min(x0, node.x - node.r - 60);
    x1 = Math.max(x1, node.x + node.r + 60);
    y0 = Math.min(y0, node.y - node.r);
    y1 = Math.max(y1, node.y + node.r + 24);
  }
  if (!isFinite(x0)) [x0, x1] = [0, 400];
  const whole = { x0, y0, x1, y1 };

  // Drag (one pointer), pinch (two), click (a press that hardly moved).
  const pointers = new Map();
  let press = null;
  const local = (x, y) => {
    const rect = svg.getBoundingClientRect();
    return [x - rect.left, y - rect.top];
  };
  svg.addEventListener('pointerdown', (e) => {
    svg.setPointerCapture(e.pointerId);
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.size === 1) press = { x: e.clientX, y: e.clientY, target: e.target, moved: false };
    else if (press) press.moved = true;
    hooks.hover(null);
  });
  svg.addEventListener('pointermove', (e) => {
    const p = pointers.get(e.pointerId);
    if (!p) {
      const g = e.target.closest ? e.target.closest('.node') : null;
      hooks.hover(g ? Number(g.dataset.node) : null, e.clientX, e.clientY);
      return;
    }
    if (pointers.size === 1 && press) {
      if (!press.moved && Math.hypot(e.clientX - press.x, e.clientY - press.y) > 4) {
        press.moved = true;
        svg.classList.add('dragging');
      }
      if (press.moved) {
        tx += e.clientX - p.x;
        ty += e.clientY - p.y;
        refit = null;
        apply();
      }
    } else if (pointers.size === 2) {
      const [a, b] = Array.from(pointers.values());
      const before = { d: Math.hypot(a.x - b.x, a.y - b.y), x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      p.x = e.clientX;
      p.y = e.clientY;
      const after = { d: Math.hypot(a.x - b.x, a.y - b.y), x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      tx += after.x - before.x;
      ty += after.y - before.y;
      const [px, py] = local(after.x, after.y);
      if (before.d > 0) zoomAt(px, py, after.d / before.d);
      refit = null;
    }
    p.x = e.clientX;
    p.y = e.clientY;
  });
  const release = (e) => {
    if (!pointers.delete(e.pointerId)) return;
    if (pointers.size > 0) return;
    svg.classList.remove('dragging');
    if (press && !press.moved && e.type === 'pointerup') {
      const g = press.target.closest ? press.target.closest('.node') : null;
      hooks.pick(g ? Number(g.dataset.node) : null);
    }
    press = null;
  };
  svg.addEventListener('pointerup', release);
  svg.addEventListener('pointercancel', release);
  svg.addEventListener('pointerleave', () => hooks.hover(null));
  svg.addEventListener('wheel', (e) => {
    e.preventDefault();
    const rect = svg.getBoundingClientRect();
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? rect.height : 1;
    const [px, py] = local(e.clientX, e.clientY);
    refit = null;
    zoomAt(px, py, Math.exp(-e.deltaY * unit * 0.0015));
  }, { passive: false });
  window.addEventListener('resize', () => {
    if (refit) refit();
  });

  /// Fades all but `state.nodes` (and the links between them, or `state.links`); `strong`
  /// links, `dimLanes` and `hlLanes` as they say; `focus` the firm clicked. Null: all clear.
  function show(state) {
    const on = (set, i) => Boolean(state && set && set.has(i));
    nodeEls.forEach((g, i) => {
      g.classList.toggle('faded', Boolean(state) && !state.nodes.has(i));
      g.classList.toggle('focus', Boolean(state) && state.focus === i);
    });
    linkEls.forEach((line, i) => {
      const link = links[i];
      const lit = !state || (state.links ? state.links.has(i) : state.nodes.has(link.a) && state.nodes.has(link.b));
      line.classList.toggle('faded', !lit);
      line.classList.toggle('strong', on(state && state.strong, i));
    });
    laneEls.forEach((g, i) => {
      g.classList.toggle('dim', on(state && state.dimLanes, i));
      g.classList.toggle('hl', on(state && state.hlLanes, i));
    });
  }

  return {
    show,
    /// A firm with everything upstream and downstream of it by supply, and its neighbours.
    neighbourhood(i) {
      const lit = new Set([...reach(i, upstream), ...reach(i, downstream), ...near[i]]);
      return { nodes: lit, focus: i };
    },
    /// The story's step for lane `i`: its firms and the earlier lanes' lit (a firm without a
    /// stage with a lit neighbour), the supply into it strong, the later lanes dimmed.
    stageState(i) {
      const staged = (j) => nodes[j].stages.some((s) => s <= i);
      const lit = new Set();
      nodes.forEach((node, j) => {
        const on = node.stages.length ? staged(j) : near[j].some((m) => nodes[m].stages.length > 0 && staged(m));
        if (on) lit.add(j);
      });
      const strong = new Set();
      links.forEach((link, j) => {
        if (isSupply(link) && nodes[link.b].stages.includes(i) && lit.has(link.a)) strong.add(j);
      });
      const dimLanes = new Set();
      for (let l = i + 1; l < data.lanes.length; l++) dimLanes.add(l);
      return { nodes: lit, strong, dimLanes, hlLanes: new Set([i]) };
    },
    /// A gap: its stage's firms and the firms it names lit, its lane outlined.
    gapState(gap) {
      const lit = new Set(gap.nodes);
      if (gap.lane !== null && gap.lane !== undefined) {
        nodes.forEach((node, j) => {
          if (node.stages.includes(gap.lane)) lit.add(j);
        });
      }
      const hlLanes = new Set(gap.lane === null || gap.lane === undefined ? [] : [gap.lane]);
      return { nodes: lit, hlLanes };
    },
    setKindVisible(kind, visible) {
      linkEls.forEach((line, i) => {
        if (links[i].kind === kind) line.classList.toggle('off', !visible);
      });
    },
    fitAll() {
      fitBox(whole, false);
    },
    /// Lanes `from` to `to` whole; `fromLeft` puts them at the left edge (so the lanes still to
    /// come show on the right), else in the middle.
    fitLanes(from, to, fromLeft) {
      const last = Math.min(to, data.lanes.length - 1);
      if (last < from) return fitBox(whole, false);
      return fitBox({ x0: data.lanes[from].x - half, x1: data.lanes[last].x + half, y0: whole.y0, y1: whole.y1 }, fromLeft);
    },
    /// Brings firm `i` to the middle, at a readable zoom.
    centerOn(i) {
      const rect = svg.getBoundingClientRect();
      const insets = hooks.insets();
      refit = null;
      k = Math.max(k, 1);
      tx = rect.width / 2 - nodes[i].x * k;
      ty = insets.top + (rect.height - insets.top - insets.bottom) / 2 - nodes[i].y * k;
      apply();
    },
    zoomBy(factor) {
      refit = null;
      const rect = svg.getBoundingClientRect();
      zoomAt(rect.width / 2, rect.height / 2, factor);
    },
  };
}
