#!/usr/bin/env node
// A minimal terminal client: logs in (registering the name the first time), opens the game socket and
// turns typed lines into actions.   node scripts/play.mjs <name> <password> [http://localhost:8080]
import { spawnSync } from 'node:child_process';
import readline from 'node:readline';

if (typeof WebSocket === 'undefined') { // Node 20 has WebSocket behind a flag
  const r = spawnSync(process.execPath, ['--experimental-websocket', ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const [name, password, base = 'http://localhost:8080'] = process.argv.slice(2);
if (!name || !password) {
  console.error('usage: node scripts/play.mjs <name> <password> [gateway url]');
  process.exit(2);
}

async function auth(path) {
  const res = await fetch(`${base}/api/auth/${path}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, password }),
  });
  return { status: res.status, body: await res.json().catch(() => ({})) };
}

let session = await auth('login');
if (session.status === 401) session = await auth('register');
if (session.status !== 200 && session.status !== 201) {
  console.error(`login failed (${session.status}): ${session.body.message ?? ''}`);
  process.exit(1);
}

const { playerId, token } = session.body;
const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/ws/game/${playerId}?token=${encodeURIComponent(token)}`);
const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: '> ' });
const describe = (loc) => {
  const list = (xs) => xs.map((x) => x.name).join(', ');
  const parts = [`\n== ${loc.name} ==`, loc.description, `Exits: ${loc.exits.map((e) => e.direction).join(', ')}`];
  if (loc.items.length) parts.push(`Items: ${list(loc.items)}`);
  if (loc.npcs.length) parts.push(`People: ${list(loc.npcs)}`);
  if (loc.creatures.length) parts.push(`Creatures: ${list(loc.creatures)}`);
  if (loc.players.length) parts.push(`Players: ${list(loc.players)}`);
  return parts.join('\n');
};
let streamed = ''; // narration deltas of the action being answered
let n = 0;
const pending = new Set();
let inputDone = false;
const maybeQuit = () => { if (inputDone && pending.size === 0) ws.close(); };

ws.onmessage = ({ data }) => {
  const f = JSON.parse(data);
  if (f.type === 'welcome') console.log(`Welcome, ${f.player.name} (HP ${f.player.hp}/${f.player.maxHp}).${describe(f.location)}`);
  else if (f.type === 'narration') { streamed += f.delta; process.stdout.write(f.delta); return; }
  else if (f.type === 'result') {
    // The result's text is the whole narration; it differs from what streamed only when the LLM failed midway.
    if (!streamed) console.log(f.text);
    else console.log(streamed === f.text ? '' : `\n(the narrator faltered) ${f.text}`);
    console.log(`[HP ${f.player.hp}/${f.player.maxHp} · ${f.location.name} · exits: ${f.location.exits.map((e) => e.direction).join(', ')}]`);
    streamed = '';
  } else if (f.type === 'event') console.log(`* ${f.text}`);
  else if (f.type === 'error') console.log(`! ${f.code}: ${f.message}`);
  if (f.type === 'result' || f.type === 'error') pending.delete(f.actionId);
  rl.prompt();
  maybeQuit();
};
ws.onopen = () => rl.prompt();
ws.onclose = (e) => { console.log(`\n(disconnected: ${e.code} ${e.reason})`); process.exit(0); };
rl.on('line', (line) => {
  if (!line.trim()) return rl.prompt();
  const id = `a${++n}`;
  pending.add(id);
  const send = () => ws.send(JSON.stringify({ type: 'action', id, text: line }));
  if (ws.readyState === WebSocket.OPEN) send(); else ws.addEventListener('open', send, { once: true });
});
// Piped input ends before the answers arrive: leave once every action has its answer.
rl.on('close', () => { inputDone = true; maybeQuit(); });
