// The page put together: the data read once, the map drawn, the panels wired to it; the keys
// (← → the story, Esc clears, + − 0 zoom).

const data = JSON.parse(document.getElementById('data').textContent);
const S = data.strings;
const mapBox = document.getElementById('map');
const storyBar = document.getElementById('story');

document.getElementById('title').textContent = data.title || document.title;
document.getElementById('help').textContent = S.help;
document.getElementById('zoom-in').title = S.zoomIn;
document.getElementById('zoom-out').title = S.zoomOut;
document.getElementById('zoom-fit').title = S.fit;
storyBar.setAttribute('aria-label', S.story);

const hover = createCard(data, document.getElementById('card'), mapBox);
let onButton = null;
/// The side-panel button whose highlight is on show, if any.
function mark(button) {
  if (onButton) onButton.classList.remove('on');
  onButton = button;
  if (button) button.classList.add('on');
}
function focusNode(i) {
  if (i === null) {
    map.show(null);
    mark(null);
    return;
  }
  map.show(map.neighbourhood(i));
}
const map = createMap(data, document.getElementById('chart'), {
  insets: () => ({ top: 40, bottom: storyBar.offsetHeight + 24 }),
  pick(i) {
    mark(null);
    focusNode(i);
  },
  hover,
});

const story = createStory(data, (step) => {
  mark(null);
  if (step.lane === null || step.lane === undefined) {
    map.show(null);
    map.fitAll();
  } else {
    map.show(map.stageState(step.lane));
    map.fitLanes(0, Math.max(step.lane, 3), true);
  }
});

createSearch(data, document.getElementById('search'), document.getElementById('results'), (i) => {
  mark(null);
  focusNode(i);
  map.centerOn(i);
});

fillSide(data, {
  layer: (kind, on) => map.setKindVisible(kind, on),
  leader(i, button) {
    mark(button);
    focusNode(i);
    map.centerOn(i);
  },
  gap(gap, button) {
    if (onButton === button) {
      focusNode(null);
      return;
    }
    mark(button);
    map.show(map.gapState(gap));
    if (gap.lane !== null && gap.lane !== undefined) map.fitLanes(gap.lane, gap.lane, false);
  },
});

document.getElementById('zoom-in').addEventListener('click', () => map.zoomBy(1.25));
document.getElementById('zoom-out').addEventListener('click', () => map.zoomBy(0.8));
document.getElementById('zoom-fit').addEventListener('click', () => map.fitAll());

document.addEventListener('keydown', (e) => {
  const typing = e.target instanceof HTMLInputElement && e.target.type !== 'checkbox';
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
  const keys = {
    ArrowRight: () => story.next(),
    ArrowLeft: () => story.prev(),
    Escape: () => focusNode(null),
    '+': () => map.zoomBy(1.25),
    '=': () => map.zoomBy(1.25),
    '-': () => map.zoomBy(0.8),
    '0': () => map.fitAll(),
  };
  if (keys[e.key]) {
    e.preventDefault();
    keys[e.key]();
  }
});

map.fitAll();
