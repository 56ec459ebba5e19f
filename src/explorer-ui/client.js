// The explorer page's script (inlined by page.ts): keeps the current path of step
// positions in the URL hash (#path=1.0.3&tour=agreement), asks the server for the state
// it leads to, and draws the steps, the actors with their statecharts and the messages.
(() => {
  'use strict';
  let info = null;
  let path = [];
  let tourName = null;
  let current = null;

  const $ = (id) => document.getElementById(id);
  const el = (tag, props = {}, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'class') e.className = v;
      else if (k.startsWith('data-')) e.setAttribute(k, v);
      else e[k] = v;
    }
    for (const c of children) e.append(c);
    return e;
  };
  const show = (v) => (typeof v === 'string' ? v : JSON.stringify(v));
  // A step's text starts with who acts (src/explore/step.ts); that part is set in bold.
  const stepText = (s) => (s.action.startsWith(`${s.actor} `)
    ? [el('span', { class: 'actor-name' }, s.actor), s.action.slice(s.actor.length)]
    : [s.action]);
  const tour = () => (info && tourName ? (info.properties.find((p) => p.name === tourName) || {}).tour || null : null);

  function readHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    const raw = params.get('path') || '';
    path = raw === '' ? [] : raw.split('.').map(Number).filter((n) => Number.isInteger(n) && n >= 0);
    tourName = params.get('tour');
  }

  function writeHash() {
    const params = new URLSearchParams();
    params.set('path', path.join('.'));
    if (tourName) params.set('tour', tourName);
    const hash = `#${params.toString()}`;
    if (location.hash !== hash) history.pushState(null, '', hash);
  }

  async function go(newPath, newTour = tourName) {
    path = newPath;
    tourName = newTour;
    writeHash();
    await render();
  }

  let renders = 0;

  async function render() {
    // data-depth says the page shows the state at that depth: gone while a render is in
    // flight, and only the latest render draws (an older response arriving last is stale).
    const mine = ++renders;
    document.body.removeAttribute('data-depth');
    const response = await fetch(`/api/state?path=${path.join('.')}`);
    const body = await response.json();
    if (mine !== renders) return;
    if (!response.ok) {
      $('verdicts').replaceChildren(el('div', { class: 'violation' }, body.error || 'unknown path'));
      return;
    }
    current = body;
    drawVerdicts();
    drawHistory();
    drawSteps();
    drawActors();
    drawMessages();
    document.body.setAttribute('data-depth', String(path.length));
  }

  function drawVerdicts() {
    const items = current.violated.map((v) => el('div', { class: 'violation', 'data-property': v.name }, `${v.name} violated: ${v.message}`));
    for (const r of current.reached) items.push(el('div', { class: 'reached', 'data-property': r }, `${r} reached`));
    $('verdicts').replaceChildren(...items);
  }

  function drawHistory() {
    $('depth').textContent = `(${path.length} step${path.length === 1 ? '' : 's'})`;
    const items = [el('li', { class: 'initial', onclick: () => go([]) }, 'initial state')];
    current.taken.forEach((s, k) => {
      items.push(el('li', { 'data-step': String(k + 1), onclick: () => go(path.slice(0, k + 1)) },
        ...stepText(s), ' ', el('span', { class: 'after' }, `→ ${s.after}`)));
    });
    $('history').replaceChildren(...items);
    $('history').setAttribute('start', '0');
  }

  function drawSteps() {
    const t = tour();
    const onTour = t && path.length < t.length && path.every((p, k) => p === t[k]);
    const nextOnTour = onTour ? t[path.length] : -1;
    $('step-count').textContent = `(${current.steps.length})`;
    if (t) {
      const where = onTour ? `step ${path.length + 1} of ${t.length}: the marked step continues it` : path.length === t.length && path.every((p, k) => p === t[k]) ? `end: ${t.length} steps` : 'left the path';
      $('tour').replaceChildren(`Following the ${tourName} ${info.properties.find((p) => p.name === tourName).kind === 'reachable' ? 'witness' : 'counterexample'}: ${where}`);
    } else {
      $('tour').replaceChildren();
    }
    const items = current.steps.map((s) => el('li', {},
      el('button', {
        type: 'button', class: `step${s.index === nextOnTour ? ' tour-next' : ''}`, 'data-index': String(s.index),
        onclick: () => go([...path, s.index]),
      }, ...stepText(s), ' ', el('span', { class: 'after' }, `→ ${s.after}`))));
    if (items.length === 0) items.push(el('li', { class: 'deadlock' }, 'no step is enabled'));
    $('steps').replaceChildren(...items);
  }

  function drawActors() {
    const host = $('actors');
    if (host.children.length !== info.actors.length) {
      host.replaceChildren(...info.actors.map((a) => {
        const card = el('div', { class: 'actor', 'data-actor': a.id },
          el('div', {}, el('span', { class: 'actor-name' }, a.id), ` (${a.role}) `, el('span', { class: 'value' }), el('span', { class: 'flags' })),
          el('div', { class: 'context' }),
          el('div', { class: 'chart' }));
        card.querySelector('.chart').innerHTML = a.svg; // our own Graphviz output
        return card;
      }));
    }
    current.actors.forEach((a, i) => {
      const card = host.children[i];
      card.classList.toggle('crashed', a.crashed);
      card.querySelector('.value').textContent = show(a.value);
      card.querySelector('.flags').textContent = a.crashed ? ' crashed' : '';
      card.querySelector('.context').textContent = Object.entries(a.context).map(([k, v]) => `${k}=${show(v)}`).join('  ');
      const ids = info.actors[i].ids;
      const active = new Set(a.active.map((id) => ids[id]).filter(Boolean));
      for (const g of card.querySelectorAll('g.node, g.cluster')) g.classList.toggle('active', active.has(g.id));
      card.setAttribute('data-active', [...active].join(' '));
    });
  }

  function drawMessages() {
    $('message-count').textContent = `(${current.messages.length})`;
    const rows = current.messages.map((m) => {
      // The server describes each message (src/explore/step.ts), as it describes steps.
      return el('tr', {}, el('td', {}, m.from), el('td', {}, m.to.join(', ')), el('td', {}, m.text), el('td', {}, String(m.count)));
    });
    $('messages').querySelector('tbody').replaceChildren(...rows);
  }

  function drawProperties() {
    $('properties').replaceChildren(...info.properties.map((p) => {
      const li = el('li', { 'data-property': p.name }, el('span', { class: `status-${p.status}` }, `${p.name}: ${p.status}`), ` — ${p.description} `);
      if (p.tour) {
        const what = p.kind === 'reachable' ? 'witness' : 'counterexample';
        li.append(el('button', { type: 'button', class: 'tour', 'data-tour': p.name, onclick: () => go([], p.name) }, `Follow the ${what} (${p.tour.length} steps)`));
      }
      return li;
    }));
    const s = info.search;
    $('search').textContent = `${s.states.toLocaleString('en-US')} states searched${s.complete ? '' : ` (stopped: ${s.stopReason})`}`;
  }

  $('back').onclick = () => { if (path.length > 0) go(path.slice(0, -1)); };
  $('restart').onclick = () => go([]);
  $('share').onclick = () => navigator.clipboard && navigator.clipboard.writeText(location.href);
  window.addEventListener('popstate', () => { readHash(); render(); });

  (async () => {
    info = await (await fetch('/api/system')).json();
    drawProperties();
    readHash();
    await render();
    document.body.setAttribute('data-ready', 'true');
  })();
})();
