#!/usr/bin/env node
// Checks Adaptive Cards against the official renderer library (adaptivecards 3.x, schema 1.5).
//
//   node tools/cardcheck/check.js [--screenshots OUTDIR] FILE_OR_DIR...
//
// For each card JSON (a *.json file, or every *.json in a directory) it:
//   - parses with new AC.SerializationContext(AC.Versions.v1_5) and collects every parse event
//     (unknown element/action type, invalid property value, unsupported version...): errors;
//   - runs card.validateProperties() and collects its failures: errors;
//   - flags properties the 1.5 schema does not know (typos such as "wrapp"): errors;
//   - reports the UTF-8 size (Teams rejects messages over ~40 KB): error when >= 40960 bytes.
// Prints one JSON report on stdout: { ok, cards: [{ file, bytes, errors: [], warnings: [] }] } and exits 0 when
// there is no error, 1 otherwise, 2 on bad usage. node_modules is found via $TEAMSPLANS_TOOLS or by walking up to
// tools/node_modules.
// With --screenshots, each card is also rendered to HTML by the same library inside headless Chromium
// (/usr/bin/chromium or $CHROMIUM) and saved as OUTDIR/<name>.png.
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const { spawn } = require('child_process');

function findNodeModules() {
  const env = process.env.TEAMSPLANS_TOOLS;
  if (env && fs.existsSync(path.join(env, 'adaptivecards'))) return env;
  let dir = __dirname;
  for (;;) {
    for (const cand of [path.join(dir, 'node_modules'), path.join(dir, 'tools', 'node_modules')]) {
      if (fs.existsSync(path.join(cand, 'adaptivecards'))) return cand;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  console.error('cardcheck: adaptivecards not found (set TEAMSPLANS_TOOLS or run scripts/setup.sh)');
  process.exit(2);
}

const modules = findNodeModules();
const AC = require(path.join(modules, 'adaptivecards', 'dist', 'adaptivecards.js'));
const V = AC.Versions.v1_5;

// adaptivecards 3.0.x declares some property patterns with the /g flag (lang: /^[a-z]{2,3}$/gi) and runs them with
// RegExp.exec, whose lastIndex then carries over from one card to the next: every other valid "lang" is reported invalid.
// Reset the pattern before each use so a card is judged on its own.
if (AC.StringProperty && AC.StringProperty.prototype && AC.StringProperty.prototype.parse) {
  const parse = AC.StringProperty.prototype.parse;
  AC.StringProperty.prototype.parse = function (sender, source, context) {
    if (this.regEx) this.regEx.lastIndex = 0;
    return parse.call(this, sender, source, context);
  };
}
const MAX_BYTES = 40 * 1024;

const eventName = e => (AC.ValidationEvent && AC.ValidationEvent[e]) || String(e);
const WARNING_EVENTS = new Set(['Hint', 'Deprecated']);

// Keys the library parses by hand (collections, nested cards, fallback) rather than through its schema.
const EXTRA_KEYS = {
  AdaptiveCard: ['body', 'actions', 'msteams', 'type'],
  Container: ['items'], Column: ['items'], ColumnSet: ['columns'], FactSet: ['facts'], ActionSet: ['actions'],
  'Input.ChoiceSet': ['choices'], 'Action.ShowCard': ['card'], RichTextBlock: ['inlines'], ImageSet: ['images'],
};
const COMMON_KEYS = ['type', 'fallback'];

function schemaNames(obj) {
  const s = obj.getSchema();
  const names = new Set();
  for (let i = 0; i < s.getCount(); i++) names.add(s.getItemAt(i).name);
  return names;
}

function instanceFor(typeName, json, parentKey) {
  if (typeName === 'AdaptiveCard') return new AC.AdaptiveCard();
  if (typeName === 'Column') return new AC.Column();
  if (!typeName) {
    if (parentKey === 'facts') return new AC.Fact();
    if (parentKey === 'choices') return new AC.Choice();
    if (parentKey === 'refresh') return new AC.RefreshDefinition();
    return null;
  }
  return AC.GlobalRegistry.elements.createInstance(typeName, V) || AC.GlobalRegistry.actions.createInstance(typeName, V);
}

function checkKeys(json, where, parentKey, errors) {
  if (Array.isArray(json)) { json.forEach((x, i) => checkKeys(x, `${where}[${i}]`, parentKey, errors)); return; }
  if (!json || typeof json !== 'object') return;
  if (parentKey === 'data' || parentKey === 'msteams') return; // free-form
  const typeName = typeof json.type === 'string' ? json.type : undefined;
  const inst = instanceFor(typeName, json, parentKey);
  if (inst) {
    const known = schemaNames(inst);
    for (const k of [...COMMON_KEYS, ...(EXTRA_KEYS[typeName] || [])]) known.add(k);
    for (const k of Object.keys(json)) {
      if (!known.has(k)) errors.push(`${where}: property "${k}" is not in the Adaptive Card 1.5 schema of ${typeName || parentKey}`);
    }
  }
  for (const [k, v] of Object.entries(json)) {
    if (v && typeof v === 'object') checkKeys(v, `${where}.${k}`, k, errors);
  }
}

function describe(source) {
  try { return source && source.getJsonTypeName ? source.getJsonTypeName() + (source.id ? `#${source.id}` : '') : ''; } catch { return ''; }
}

function checkCard(file) {
  const text = fs.readFileSync(file, 'utf8');
  const bytes = Buffer.byteLength(text, 'utf8');
  const errors = [], warnings = [];
  let json;
  try { json = JSON.parse(text); } catch (e) { return { file, bytes, errors: [`invalid JSON: ${e.message}`], warnings }; }
  if (json.type !== 'AdaptiveCard') errors.push(`root type is "${json.type}", expected "AdaptiveCard"`);
  if (json.version !== '1.5') errors.push(`version is "${json.version}", expected "1.5"`);
  if (bytes >= MAX_BYTES) errors.push(`card is ${bytes} bytes, limit ${MAX_BYTES}`);

  const card = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext(V);
  try { card.parse(json, ctx); } catch (e) { errors.push(`parse threw: ${e.message}`); }
  for (let i = 0; i < ctx.eventCount; i++) {
    const ev = ctx.getEventAt(i);
    const msg = `${eventName(ev.event)} ${describe(ev.source)}: ${ev.message}`.trim();
    (WARNING_EVENTS.has(eventName(ev.event)) ? warnings : errors).push(msg);
  }
  const results = card.validateProperties();
  for (const ev of results.validationEvents || []) {
    const msg = `${eventName(ev.event)} ${describe(ev.source)}: ${ev.message}`.trim();
    (WARNING_EVENTS.has(eventName(ev.event)) ? warnings : errors).push(msg);
  }
  checkKeys(json, '$', undefined, errors);
  return { file, bytes, errors, warnings };
}

function listFiles(args) {
  const files = [];
  for (const a of args) {
    const st = fs.statSync(a);
    if (st.isDirectory()) for (const f of fs.readdirSync(a).sort()) { if (f.endsWith('.json')) files.push(path.join(a, f)); }
    else files.push(a);
  }
  return files;
}

function runChromium(chromium, args) {
  return new Promise((resolve, reject) => {
    const p = spawn(chromium, args, { stdio: 'ignore' });
    const timer = setTimeout(() => { p.kill('SIGKILL'); reject(new Error('chromium timed out')); }, 90000);
    p.on('error', e => { clearTimeout(timer); reject(e); });
    p.on('exit', code => { clearTimeout(timer); code === 0 ? resolve() : reject(new Error(`chromium exited with ${code}`)); });
  });
}

// Renders each card with the same library (to HTML) in headless Chromium and saves a PNG; Chromium runs in parallel
// (each start costs seconds of idle time).
async function screenshot(files, outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
  const lib = path.join(modules, 'adaptivecards', 'dist', 'adaptivecards.min.js');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cardshot-'));
  try {
    const jobs = files.map(file => {
      const name = path.basename(file, '.json');
      const html = path.join(tmp, name + '.html');
      const payload = fs.readFileSync(file, 'utf8').replace(/</g, '\\u003c');
      const height = Math.min(4000, 400 + Math.round(Buffer.byteLength(payload) / 6));
      fs.writeFileSync(html, `<!doctype html><html><head><meta charset="utf-8">
<style>body{margin:0;padding:16px;background:#f0f0f0;font-family:"Segoe UI","Noto Sans",sans-serif}
#host{width:560px;background:#fff;border-radius:6px;box-shadow:0 1px 4px rgba(0,0,0,.2)}
.ac-pushButton{border:1px solid #6264a7;color:#6264a7;background:#fff;border-radius:4px;padding:6px 10px;margin:2px;font-family:inherit}
.ac-pushButton.style-positive{background:#6264a7;color:#fff}</style>
<script src="file://${lib}"></script></head><body><div id="host"></div><script>
const card = new AdaptiveCards.AdaptiveCard();
card.hostConfig = new AdaptiveCards.HostConfig({ fontFamily: '"Segoe UI","Noto Sans",sans-serif' });
card.parse(${payload});
document.getElementById('host').appendChild(card.render());
</script></body></html>`);
      const png = path.join(outDir, name + '.png');
      return runChromium(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
        '--disable-dev-shm-usage', '--disable-extensions', '--disable-component-update', '--disable-sync', '--hide-scrollbars',
        '--allow-file-access-from-files', `--user-data-dir=${path.join(tmp, 'profile-' + name)}`, `--window-size=600,${height}`,
        `--screenshot=${png}`, 'file://' + html]).then(() => png);
    });
    return await Promise.all(jobs);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function main() {
  const argv = process.argv.slice(2);
  let shotsDir = null;
  const inputs = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--screenshots') shotsDir = argv[++i];
    else inputs.push(argv[i]);
  }
  if (inputs.length === 0) { console.error('usage: check.js [--screenshots DIR] FILE_OR_DIR...'); process.exit(2); }
  const files = listFiles(inputs);
  if (files.length === 0) { console.error('cardcheck: no .json cards given'); process.exit(2); }
  const cards = files.map(checkCard);
  const report = { ok: cards.every(c => c.errors.length === 0), count: cards.length, cards };
  if (shotsDir) {
    try { report.screenshots = await screenshot(files, shotsDir); }
    catch (e) { report.ok = false; report.screenshotError = String(e && e.message || e); }
  }
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  process.exit(report.ok ? 0 : 1);
}

main().catch(e => { console.error(e); process.exit(2); });
