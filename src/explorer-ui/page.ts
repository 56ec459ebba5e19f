/**
 * The explorer's one page: HTML with its stylesheet and script inline (client.js,
 * read once), so it needs nothing but the server it came from. The statecharts arrive
 * through /api/system; the page never loads anything from elsewhere.
 */
import { readFileSync } from 'node:fs';
import type { SystemInfo } from './system-info.ts';

const client = readFileSync(new URL('./client.js', import.meta.url), 'utf8');
const style = readFileSync(new URL('./style.css', import.meta.url), 'utf8');

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function explorerPage(info: SystemInfo): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>coordkit explore: ${escape(info.name)}</title>
<style>${style}</style>
</head>
<body>
<header>
  <h1>${escape(info.name)}</h1>
  <code id="command">${escape(info.command)}</code>
  <span id="search"></span>
</header>
<main>
  <section id="left">
    <div id="verdicts"></div>
    <h2>Path <span id="depth"></span></h2>
    <div class="buttons"><button id="back" type="button">◀ Back</button> <button id="restart" type="button">Initial state</button> <button id="share" type="button">Copy link</button></div>
    <ol id="history"></ol>
    <h2>Enabled steps <span id="step-count"></span></h2>
    <div id="tour"></div>
    <ol id="steps" start="0"></ol>
    <h2>Properties</h2>
    <ul id="properties"></ul>
  </section>
  <section id="right">
    <h2>Actors</h2>
    <div id="actors"></div>
    <h2>Messages in flight <span id="message-count"></span></h2>
    <table id="messages"><thead><tr><th>from</th><th>to</th><th>message</th><th>copies</th></tr></thead><tbody></tbody></table>
  </section>
</main>
<script>${client}</script>
</body>
</html>
`;
}
