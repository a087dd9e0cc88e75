// The panels round the map: the hover card, search, the chain story, and the side panel
// (summary, link layers, leaders, gaps). Every name goes in as text, never as markup.

function addEl(parent, tag, text, className) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  parent.appendChild(e);
  return e;
}

/// Lower case without spaces: what search compares.
function squash(text) {
  return text.toLowerCase().replace(/\s+/g, '');
}

/// The card shown while the pointer is over a firm: kind, stages, output, tags.
function createCard(data, card, box) {
  const S = data.strings;
  const sep = data.lang === 'zh' ? '、' : ', ';
  let shown = -1;
  return function hover(i, x, y) {
    if (i === null || i === undefined) {
      card.hidden = true;
      shown = -1;
      return;
    }
    const node = data.nodes[i];
    if (i !== shown) {
      shown = i;
      card.textContent = '';
      addEl(card, 'div', node.name, 'name');
      const dl = addEl(card, 'dl');
      const row = (label, value) => {
        if (!value) return;
        addEl(dl, 'dt', label);
        addEl(dl, 'dd', value);
      };
      row(S.kind, data.node_kinds[node.kind].label);
      row(S.stage, node.stages.map((s) => data.lanes[s].name).join(sep));
      row(S.output, node.output);
      row(S.tags, (node.tags || []).join(sep));
    }
    card.hidden = false;
    const area = box.getBoundingClientRect();
    let left = x - area.left + 14;
    let top = y - area.top + 14;
    if (left + card.offsetWidth > area.width - 8) left = x - area.left - card.offsetWidth - 14;
    if (top + card.offsetHeight > area.height - 8) top = y - area.top - card.offsetHeight - 14;
    card.style.left = Math.max(4, left) + 'px';
    card.style.top = Math.max(4, top) + 'px';
  };
}

/// The search box: names, full pinyin or initials; ↑ ↓ choose, Enter or a click picks.
function createSearch(data, input, list, pick) {
  const keys = data.nodes.map((n) => ({ name: squash(n.name), py: n.py || '', pi: n.pi || '' }));
  let hits = [];
  let active = 0;
  function find(query) {
    const q = squash(query);
    if (!q) return [];
    const scored = [];
    keys.forEach((key, i) => {
      const at = key.name.indexOf(q);
      let score = -1;
      if (at >= 0) score = 1000 - Math.min(at, 999);
      else if (key.py.startsWith(q) || key.pi.startsWith(q)) score = 500;
      else if (key.py.includes(q) || key.pi.includes(q)) score = 100;
      if (score >= 0) scored.push([score, i]);
    });
    scored.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    return scored.slice(0, 12).map((s) => s[1]);
  }
  function render() {
    list.textContent = '';
    list.hidden = !input.value.trim();
    if (list.hidden) return;
    if (!hits.length) {
      addEl(list, 'li', data.strings.noMatch, 'empty');
      return;
    }
    hits.forEach((i, n) => {
      const node = data.nodes[i];
      const li = addEl(list, 'li', node.name, n === active ? 'active' : '');
      const where = node.stages.map((s) => data.lanes[s].name).join(' · ');
      addEl(li, 'small', where || data.node_kinds[node.kind].label);
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        choose(i);
      });
    });
  }
  function choose(i) {
    list.hidden = true;
    input.blur();
    pick(i);
  }
  input.placeholder = data.strings.search;
  input.addEventListener('input', () => {
    hits = find(input.value);
    active = 0;
    render();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (hits.length) active = (active + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      render();
    } else if (e.key === 'Enter' && hits.length) {
      choose(hits[active]);
    } else if (e.key === 'Escape') {
      input.value = '';
      hits = [];
      render();
      input.blur();
    }
  });
  input.addEventListener('blur', () => {
    list.hidden = true;
  });
  input.addEventListener('focus', render);
  return { find };
}

/// The chain story: the overview, then each stage; ← → and the buttons step through it.
function createStory(data, onStep) {
  const steps = data.story;
  const prev = document.getElementById('story-prev');
  const next = document.getElementById('story-next');
  let at = 0;
  function render() {
    const step = steps[at];
    document.getElementById('story-count').textContent = (at + 1) + '/' + steps.length;
    document.getElementById('story-title').textContent = step.title;
    document.getElementById('story-caption').textContent = step.caption;
    prev.disabled = at === 0;
    next.disabled = at === steps.length - 1;
  }
  function go(n) {
    at = Math.max(0, Math.min(steps.length - 1, n));
    render();
    onStep(steps[at]);
  }
  prev.title = data.strings.prev;
  next.title = data.strings.next;
  prev.addEventListener('click', () => go(at - 1));
  next.addEventListener('click', () => go(at + 1));
  render();
  return { next: () => go(at + 1), prev: () => go(at - 1) };
}

/// The side panel. `act.leader(node index)`, `act.gap(gap, button)`, `act.layer(kind, on)`.
function fillSide(data, act) {
  const S = data.strings;
  document.getElementById('h-summary').textContent = S.summary;
  document.getElementById('h-layers').textContent = S.layers;
  document.getElementById('h-leaders').textContent = S.leaders;
  document.getElementById('h-gaps').textContent = S.gaps + ' (' + data.gaps.length + ')';
  const summary = document.getElementById('summary');
  for (const [label, value] of data.summary) {
    addEl(summary, 'dt', label);
    addEl(summary, 'dd', value);
  }
  const layers = document.getElementById('layers');
  const used = new Set(data.links.map((l) => l.kind));
  data.link_kinds.forEach((kind, i) => {
    if (!used.has(i)) return;
    const label = addEl(layers, 'label');
    const box = addEl(label, 'input');
    box.type = 'checkbox';
    box.checked = true;
    box.dataset.kind = kind.code;
    box.addEventListener('change', () => act.layer(i, box.checked));
    const swatch = addEl(label, 'span', undefined, 'swatch');
    swatch.style.borderTopColor = kind.colour;
    if (kind.dash) swatch.style.borderTopStyle = 'dashed';
    addEl(label, 'span', kind.label);
  });
  const leaders = document.getElementById('leaders');
  if (!data.leaders.length) addEl(leaders, 'li', S.none, 'empty');
  data.leaders.forEach((leader) => {
    const button = addEl(addEl(leaders, 'li'), 'button');
    button.type = 'button';
    addEl(button, 'span', S.score + ' ' + leader.score, 'score');
    addEl(button, 'span', leader.name);
    if (leader.node === null) button.disabled = true;
    else button.addEventListener('click', () => act.leader(leader.node, button));
  });
  const gaps = document.getElementById('gaps');
  if (!data.gaps.length) addEl(gaps, 'li', S.none, 'empty');
  data.gaps.forEach((gap) => {
    const button = addEl(addEl(gaps, 'li'), 'button');
    button.type = 'button';
    button.className = 'gap';
    addEl(button, 'span', S.score + ' ' + gap.score, 'score');
    const head = addEl(button, 'div', undefined, 'head');
    addEl(head, 'span', gap.rank + '.', 'rank');
    addEl(head, 'span', gap.action, 'action');
    addEl(head, 'span', gap.product ? gap.stage + ' · ' + gap.product : gap.stage);
    addEl(button, 'div', gap.message, 'msg');
    addEl(button, 'div', gap.advice, 'advice');
    button.addEventListener('click', () => act.gap(gap, button));
  });
}
