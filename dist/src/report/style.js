/** The report's stylesheet, inlined into the page (no external resources). */
export const CSS = `
:root { --ink:#1d2433; --muted:#5f6b7d; --line:#e2e6ee; --bg:#f5f7fb; --card:#fff; --accent:#3b5b92;
  --pass:#1b7f3b; --pass-bg:#e3f4e8; --fail:#c62828; --fail-bg:#fde3e3; --reach:#1f5fa8; --reach-bg:#e2edfa; --unreach:#9a6700; --unreach-bg:#fff3d6; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color:var(--ink); background:var(--bg); }
header.top { background:linear-gradient(120deg,#1f3357,#3b5b92); color:#fff; padding:28px 40px 22px; }
header.top h1 { margin:0 0 4px; font-size:26px; letter-spacing:.2px; }
header.top .meta { color:#d6e0f2; font-size:12.5px; }
header.top .meta span + span::before { content:"·"; margin:0 8px; color:#9fb3d6; }
.summary { display:flex; gap:12px; flex-wrap:wrap; margin-top:16px; }
.summary .tile { background:rgba(255,255,255,.12); border:1px solid rgba(255,255,255,.22); border-radius:10px; padding:8px 14px; min-width:120px; }
.summary .tile b { display:block; font-size:22px; line-height:1.2; }
.summary .tile small { color:#d6e0f2; }
.summary .tile.bad { background:rgba(198,40,40,.35); border-color:rgba(255,180,180,.6); }
nav.toc { padding:10px 40px; background:#fff; border-bottom:1px solid var(--line); position:sticky; top:0; z-index:2; font-size:13px; }
nav.toc a { color:var(--accent); text-decoration:none; margin-right:16px; white-space:nowrap; }
nav.toc a.failed::after { content:" ✗"; color:var(--fail); }
main { max-width:1280px; margin:0 auto; padding:24px 40px 60px; }
h2.section { font-size:13px; text-transform:uppercase; letter-spacing:1.2px; color:var(--muted); margin:28px 0 12px; }
section.card { background:var(--card); border:1px solid var(--line); border-radius:12px; box-shadow:0 1px 3px rgba(20,30,60,.06); padding:20px 24px; margin-bottom:22px; }
section.card > h3 { margin:0; font-size:19px; display:flex; align-items:center; gap:10px; flex-wrap:wrap; }
.family { font-size:11px; font-weight:600; text-transform:uppercase; letter-spacing:.8px; color:var(--accent); background:#eef3fb; border-radius:999px; padding:2px 9px; }
.desc { color:var(--muted); margin:4px 0 14px; }
.grid2 { display:grid; grid-template-columns: minmax(260px, 1fr) minmax(320px, 1.6fr); gap:18px; align-items:start; }
@media (max-width: 900px) { .grid2 { grid-template-columns:1fr; } }
table { border-collapse:collapse; width:100%; font-size:13px; }
th, td { text-align:left; padding:6px 10px; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-weight:600; color:var(--muted); font-size:12px; background:#fafbfd; }
td.num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
table.figures th { width:45%; }
.pill { display:inline-block; font-size:11.5px; font-weight:700; border-radius:999px; padding:1px 10px; letter-spacing:.3px; }
.pill.pass { color:var(--pass); background:var(--pass-bg); }
.pill.fail { color:var(--fail); background:var(--fail-bg); }
.pill.reachable { color:var(--reach); background:var(--reach-bg); }
.pill.unreachable, .pill.skip { color:var(--unreach); background:var(--unreach-bg); }
.kind { color:var(--muted); font-size:12px; }
.diagrams { display:grid; grid-template-columns:repeat(auto-fit, minmax(380px, 1fr)); gap:16px; margin-top:18px; }
figure.diagram { margin:0; border:1px solid var(--line); border-radius:10px; padding:12px; background:#fcfdff; overflow:auto; }
figure.diagram.wide { grid-column:1 / -1; }
figure.diagram figcaption { font-weight:600; margin-bottom:8px; font-size:13px; }
figure.diagram figcaption small { display:block; font-weight:400; color:var(--muted); }
figure.diagram svg { max-width:100%; height:auto; display:block; margin:0 auto; }
details { margin-top:8px; font-size:12px; }
details summary { cursor:pointer; color:var(--accent); }
pre { background:#f3f5f9; border-radius:6px; padding:10px; overflow:auto; max-height:260px; font-size:11.5px; }
.cex { margin-top:18px; border:1px solid #f1c2c2; border-left:4px solid var(--fail); border-radius:10px; padding:14px 18px; background:#fffafa; }
.cex h4 { margin:0 0 10px; color:var(--fail); font-size:15px; }
.cex .steps { max-height:420px; overflow:auto; }
.cex td.actor { font-weight:600; white-space:nowrap; }
.cex td.state { color:var(--muted); font-family:ui-monospace, "DejaVu Sans Mono", monospace; font-size:12px; }
.cex tr.fault td { background:#fdecec; }
.cex tr.recovery td { background:#ecf7ef; }
.seq { overflow:auto; margin-top:14px; background:#fff; border:1px solid var(--line); border-radius:8px; padding:8px; }
.seq svg { display:block; }
.empty { color:var(--muted); font-style:italic; }
footer { color:var(--muted); font-size:12px; text-align:center; padding:20px; }
`;
