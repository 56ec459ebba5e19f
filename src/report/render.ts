/**
 * renderReport: Report -> one self-contained HTML page. Everything is inline (CSS,
 * SVG); the page loads nothing and runs no script, so it renders offline and the
 * same in any browser.
 */
import { buildSequence, sequenceToMermaid } from '../diagram/sequence.ts';
import { CSS } from './style.ts';
import { esc } from './html.ts';
import { sequenceToSvg } from './sequence-svg.ts';
import { stepsFromTrace } from './timeline.ts';
import type { Counterexample, Diagram, ExplorationFigures, ModelReport, PropertyResult, Report, TraceReport } from './types.ts';
import type { Figure, Verdict } from '../../conformance/checkers/types.ts';

const BAD_VERDICTS = new Set(['fail']);

export function renderReport(report: Report): string {
  const anchors = uniqueAnchors(report.models.map((m) => m.name));
  const body = [
    renderHeader(report),
    renderToc(report, anchors),
    '<main>',
    '<h2 class="section">Models</h2>',
    report.models.length > 0 ? report.models.map((m, i) => renderModel(m, anchors[i])).join('\n') : '<p class="empty">No models were explored.</p>',
    '<h2 class="section" id="traces">Verified traces</h2>',
    renderTraces(report.traces),
    '</main>',
    `<footer>coordkit · ${esc(report.generatedAt)}</footer>`,
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(report.title)}</title>
<style>${CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

// ------------------------------------------------------------------ header

function renderHeader(report: Report): string {
  const props = report.models.flatMap((m) => m.properties);
  const failed = props.filter((p) => BAD_VERDICTS.has(p.verdict)).length;
  const traceVerdicts = report.traces.flatMap((t) => t.verdicts);
  const traceFailed = traceVerdicts.filter((v) => v.status === 'fail').length;
  const states = report.models.reduce((n, m) => n + m.figures.distinctStates, 0);
  const env = Object.entries(report.environment ?? {}).map(([k, v]) => `<span>${esc(k)}: ${esc(v)}</span>`).join('');
  const tile = (value: string, label: string, bad = false) => `<div class="tile${bad ? ' bad' : ''}"><b>${value}</b><small>${label}</small></div>`;
  const { outcome } = report;
  // With an outcome, failures that were expected (mutants, failing traces) are not alarms.
  const alarm = (failures: number) => (outcome ? false : failures > 0);
  const outcomeTile = outcome
    ? tile(`${outcome.checked - outcome.unexpected.length}/${outcome.checked}`, outcome.unexpected.length === 0 ? 'as expected' : `as expected: ${outcome.unexpected.length} not`, outcome.unexpected.length > 0)
    : '';
  return `<header class="top">
<h1>${esc(report.title)}</h1>
<div class="meta"><span>generated ${esc(report.generatedAt)}</span>${env}</div>
<div class="summary">
${outcomeTile}
${tile(String(report.models.length), 'models explored')}
${tile(`${props.length - failed}/${props.length}`, outcome ? 'properties hold (mutants included)' : 'properties hold', alarm(failed))}
${tile(formatCount(states), 'distinct states')}
${tile(`${traceVerdicts.length - traceFailed}/${traceVerdicts.length}`, outcome ? 'trace checks pass (failing traces included)' : 'trace checks pass', alarm(traceFailed))}
</div>
</header>`;
}

function renderToc(report: Report, anchors: string[]): string {
  const links = report.models.map((m, i) => {
    const failed = m.properties.some((p) => BAD_VERDICTS.has(p.verdict));
    return `<a href="#${anchors[i]}"${failed ? ' class="failed"' : ''}>${esc(m.name)}</a>`;
  });
  return `<nav class="toc">${[...links, '<a href="#traces">verified traces</a>'].join('')}</nav>`;
}

// ------------------------------------------------------------------ models

function renderModel(m: ModelReport, anchor: string): string {
  const family = m.family ? `<span class="family">${esc(m.family)}</span>` : '';
  const desc = [m.description, m.config ? `Configuration: ${m.config}` : undefined].filter(Boolean).map((d) => esc(d!)).join(' — ');
  return `<section class="card model" id="${anchor}">
<h3>${esc(m.name)} ${family}</h3>
${desc ? `<p class="desc">${desc}</p>` : ''}
<div class="grid2">
${renderFigures(m.figures)}
${renderProperties(m.properties)}
</div>
${m.diagrams.length > 0 ? `<div class="diagrams">${m.diagrams.map(renderDiagram).join('\n')}</div>` : ''}
${m.counterexamples.map(renderCounterexample).join('\n')}
</section>`;
}

function renderFigures(f: ExplorationFigures): string {
  const perSecond = f.statesPerSecond ?? (f.timeMs > 0 ? (f.distinctStates / f.timeMs) * 1000 : undefined);
  const rows: [string, string][] = [
    ['distinct states', formatCount(f.distinctStates)],
    ['transitions', formatCount(f.transitions)],
    ['depth', formatCount(f.depth)],
    ['time', formatMs(f.timeMs)],
    ['states / s', perSecond === undefined ? '—' : formatCount(Math.round(perSecond))],
  ];
  return `<table class="figures"><tbody>${rows.map(([k, v]) => `<tr><th>${k}</th><td class="num">${v}</td></tr>`).join('')}</tbody></table>`;
}

function renderProperties(props: PropertyResult[]): string {
  if (props.length === 0) return '<p class="empty">No properties checked.</p>';
  const rows = props.map((p) => `<tr><td>${esc(p.name)}${p.note ? `<br><span class="kind">${esc(p.note)}</span>` : ''}</td>`
    + `<td class="kind">${esc(p.kind ?? '')}</td><td>${pill(p.verdict)}</td></tr>`);
  return `<table class="properties"><thead><tr><th>property</th><th>kind</th><th>verdict</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function pill(verdict: string): string {
  return `<span class="pill ${esc(verdict)}">${esc(verdict)}</span>`;
}

function renderDiagram(d: Diagram): string {
  const svg = stripProlog(d.svg);
  const caption = d.caption ? `<small>${esc(d.caption)}</small>` : '';
  const source = d.source ? `<details><summary>${esc(d.source.format)} source</summary><pre>${esc(d.source.text)}</pre></details>` : '';
  return `<figure class="diagram${isWide(svg) ? ' wide' : ''}"><figcaption>${esc(d.title)}${caption}</figcaption>${svg}${source}</figure>`;
}

/** Wide, flat drawings get the whole row instead of being shrunk into one column. */
function isWide(svg: string): boolean {
  const tag = svg.slice(0, svg.indexOf('>') + 1);
  const width = Number(/\swidth="([\d.]+)/.exec(tag)?.[1]);
  const height = Number(/\sheight="([\d.]+)/.exec(tag)?.[1]);
  return width > 0 && height > 0 && (width / height > 2.6 || width > 620);
}

function stripProlog(svg: string): string {
  const at = svg.indexOf('<svg');
  if (at < 0) throw new Error('renderReport: a diagram\'s svg has no <svg> element');
  return svg.slice(at);
}

function renderCounterexample(c: Counterexample): string {
  const steps = c.steps ?? stepsFromTrace(c.events);
  const rows = steps.map((s, i) => `<tr${s.tone ? ` class="${s.tone}"` : ''}><td class="num">${i + 1}</td><td class="num">${s.seq}</td>`
    + `<td class="actor">${esc(s.actor)}</td><td>${esc(s.action)}</td><td class="state">${esc(s.state ?? '')}</td></tr>`);
  const seq = buildSequence(c.header, c.events);
  const lasso = seq.loop ? `; a lasso: ${seq.loop.cycleSteps === 0 ? `after seq ${seq.loop.startSeq} the last state repeats forever` : `seq ${seq.loop.startSeq + 1}..${seq.loop.endSeq} repeat forever`}` : '';
  return `<div class="cex">
<h4>Counterexample: ${esc(c.property)} (${steps.length} steps${esc(lasso)})</h4>
${c.explore ? `<p class="explore">Step through it in the explorer: <code>${esc(c.explore)}</code></p>\n` : ''}<div class="steps"><table class="timeline"><thead><tr><th>#</th><th>seq</th><th>actor</th><th>action / event</th><th>resulting state</th></tr></thead>
<tbody>${rows.join('')}</tbody></table></div>
<div class="seq">${sequenceToSvg(seq)}</div>
<details><summary>Mermaid source of the sequence diagram</summary><pre>${esc(sequenceToMermaid(seq))}</pre></details>
</div>`;
}

// ------------------------------------------------------------------ traces

function renderTraces(traces: TraceReport[]): string {
  if (traces.length === 0) return '<p class="empty">No traces were verified.</p>';
  return traces.map((t) => {
    const who = t.producer ? ` — produced by ${esc(t.producer)}` : '';
    const figures = Object.entries(t.figures ?? {});
    return `<section class="card trace">
<h3>${esc(t.file)} <span class="family">${esc(t.protocol)}</span></h3>
<p class="desc">${formatCount(t.events)} events${who}</p>
<table class="verdicts"><thead><tr><th>property</th><th>verdict</th><th>figures</th><th>first violation</th></tr></thead>
<tbody>${t.verdicts.map(renderVerdict).join('')}</tbody></table>
${figures.length > 0 ? `<table class="figures" style="margin-top:12px"><tbody>${figures.map(([k, v]) => `<tr><th>${esc(k)}</th><td class="num">${esc(formatFigure(v))}</td></tr>`).join('')}</tbody></table>` : ''}
</section>`;
  }).join('\n');
}

function renderVerdict(v: Verdict): string {
  const figures = Object.entries(v.figures).map(([k, x]) => `${esc(k)}=${esc(formatFigure(x))}`).join(', ');
  const first = v.violations[0];
  const violation = first ? `line ${first.line}: ${esc(first.message)}${v.violations.length > 1 ? ` (+${v.violations.length - 1} more)` : ''}` : '';
  const note = v.note ? `<br><span class="kind">${esc(v.note)}</span>` : '';
  return `<tr><td>${esc(v.property)}${note}</td><td>${pill(v.status)}</td><td class="kind">${figures}</td><td>${violation}</td></tr>`;
}

// ------------------------------------------------------------------ formatting

function formatCount(n: number): string {
  return Number.isFinite(n) ? n.toLocaleString('en-US') : String(n);
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(ms < 10 ? 1 : 0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function formatFigure(x: Figure): string {
  if (typeof x === 'number') return Number.isInteger(x) ? formatCount(x) : x.toPrecision(4);
  return String(x);
}

/** HTML ids from model names: readable, unique, and safe in a URL fragment. */
function uniqueAnchors(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const base = `model-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x'}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}-${n + 1}`;
  });
}
