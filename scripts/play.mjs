#!/usr/bin/env node
// A minimal terminal client: logs in (registering the name the first time), opens the game socket and
// turns typed lines into actions.   node scripts/play.mjs <name> <password> [http://localhost:8080]
// Like the web client it never loses an answer: a dropped socket reconnects with &resume=<last seq seen>,
// frames seen already are dropped, and an action without an answer (or refused with busy / unavailable /
// overloaded / rate_limited) is resent with the same id, which the server never applies twice.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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

const RETRYABLE = new Set(['busy', 'unavailable', 'overloaded', 'rate_limited']);
const MAX_ATTEMPTS = 6; // sends of one action id, the first included
const CLOSE_UNAUTHORIZED = 4401;
const CLOSE_KICKED = 4409;
const backoff = (attempt, baseMs, maxMs) => Math.round(Math.min(maxMs, baseMs * 2 ** attempt) * (0.8 + Math.random() * 0.4));

async function auth(path) {
  const res = await fetch(`${base}/api/auth/${path}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, password }),
  });
  return { status: res.status, body: await res.json().catch(() => ({})) };
}

let session = await auth('login');
if (session.status === 401) session = await auth('register');
if (session.status !== 200 && session.status !== 201) {
  console.error(`login failed (${session.status}): ${session.body.message ?? ''}`); // 403 "banned" says until when
  process.exit(1);
}

const { playerId, token } = session.body;
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

// Action ids are the server's idempotency keys, never to be reused for this player: unique per run.
const runTag = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
let n = 0;
let lastSeq = null; // the last sequence number seen; sent back as resume
const pending = new Map(); // id -> {text, attempts}: sent (or typed while offline) and not answered yet
const answered = new Set(); // ids with their answer: a repeat's second answer is ignored
const resendTimers = new Map();
let ws = null;
let welcomed = false; // the current socket had its welcome (actions sent before it would race the resume)
let reconnects = 0;
let streamed = ''; // narration deltas of the action being answered
let inputDone = false;

const quit = (code = 0) => { ws?.close(1000, 'bye'); process.exit(code); };
const maybeQuit = () => { if (inputDone && pending.size === 0) quit(); };
const ready = () => ws && ws.readyState === WebSocket.OPEN && welcomed;

function send(id) {
  const action = pending.get(id);
  if (!action || !ready()) return; // the next welcome sends it
  action.attempts += 1;
  ws.send(JSON.stringify({ type: 'action', id, text: action.text }));
}

function answer(id) {
  pending.delete(id);
  answered.add(id);
  clearTimeout(resendTimers.get(id));
  resendTimers.delete(id);
}

/** After a welcome: everything still unanswered goes out again with its id, unless its attempts ran out. */
function resendUnanswered() {
  resendTimers.forEach(clearTimeout);
  resendTimers.clear();
  for (const [id, action] of [...pending]) {
    if (action.attempts >= MAX_ATTEMPTS) {
      pending.delete(id);
      console.log(`! no answer to "${action.text}" after ${action.attempts} tries; look around to see whether it happened`);
    } else {
      send(id);
    }
  }
}

function onFrame(f) {
  if (f.type === 'welcome') {
    // resumed: keep our seq, the missed frames follow; fresh (first, expired): count from what the snapshot covers
    if (f.resume !== 'ok' || lastSeq === null) lastSeq = typeof f.seq === 'number' ? f.seq : null;
    welcomed = true;
    if (f.resume === 'ok') console.log('(reconnected: catching up on what you missed)');
    else {
      if (f.resume === 'expired') console.log('(you were away too long: older messages were lost)');
      console.log(`Welcome, ${f.player.name} (HP ${f.player.hp}/${f.player.maxHp}).${describe(f.location)}`);
    }
    resendUnanswered();
    return true;
  }
  if (typeof f.seq === 'number') {
    if (lastSeq !== null && f.seq <= lastSeq) return false; // seen already
    lastSeq = f.seq;
  }
  if (f.type === 'narration') {
    if (answered.has(f.actionId)) return false;
    streamed += f.delta;
    process.stdout.write(f.delta);
    return false;
  }
  if (f.type === 'result') {
    if (answered.has(f.actionId)) return false;
    answer(f.actionId);
    // The result's text is the whole narration; it differs from what streamed only when the LLM failed midway.
    if (!streamed) console.log(f.text);
    else console.log(streamed === f.text ? '' : `\n(the narrator faltered) ${f.text}`);
    if (f.player && f.location) {
      console.log(`[HP ${f.player.hp}/${f.player.maxHp} · ${f.location.name} · exits: ${f.location.exits.map((e) => e.direction).join(', ')}]`);
    }
    streamed = '';
    return true;
  }
  if (f.type === 'event') { console.log(`* ${f.text}`); return true; }
  if (f.type === 'error') {
    const id = f.actionId;
    if (id && answered.has(id)) return false;
    const action = id ? pending.get(id) : undefined;
    if (action && RETRYABLE.has(f.code) && action.attempts < MAX_ATTEMPTS) {
      console.log(f.code === 'rate_limited' ? '(too fast: resending)' : `(${f.code}: resending)`);
      clearTimeout(resendTimers.get(id));
      resendTimers.set(id, setTimeout(() => { resendTimers.delete(id); send(id); }, backoff(action.attempts - 1, 500, 8000)));
      return false;
    }
    console.log(`! ${f.code}: ${f.message}`);
    if (id) {
      // out of attempts: a late result still counts (a timed-out action may complete); a final error answers it
      if (RETRYABLE.has(f.code)) pending.delete(id); else answer(id);
    }
    streamed = '';
    return true;
  }
  return false; // pong
}

/** A single-use socket ticket (POST /api/auth/ticket): the token never goes in the socket's URL. */
async function ticket() {
  const r = await fetch(`${base}/api/auth/ticket`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  if (r.status === 401) {
    console.log('\n(disconnected: your token was refused; log in again)');
    process.exit(1);
  }
  if (!r.ok) throw new Error(`ticket: HTTP ${r.status}`);
  return (await r.json()).ticket;
}

async function connect() {
  let socketTicket;
  try {
    socketTicket = await ticket();
  } catch (e) {
    const delay = backoff(reconnects++, 1000, 30_000);
    console.log(`\n(cannot connect: ${e.message}; retrying in ${Math.ceil(delay / 1000)} s)`);
    setTimeout(connect, delay);
    return;
  }
  const resume = lastSeq === null ? '' : `&resume=${lastSeq}`;
  const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/ws/game/${playerId}?ticket=${encodeURIComponent(socketTicket)}${resume}`);
  ws = socket;
  welcomed = false;
  socket.onopen = () => { reconnects = 0; };
  socket.onmessage = ({ data }) => {
    let f;
    try { f = JSON.parse(data); } catch { return; }
    if (onFrame(f)) rl.prompt();
    maybeQuit();
  };
  socket.onclose = (e) => {
    if (ws !== socket) return;
    welcomed = false;
    if (e.code === CLOSE_KICKED || (e.code === CLOSE_UNAUTHORIZED && e.reason !== 'invalid_ticket')) {
      console.log(`\n(disconnected: ${e.code} ${e.reason || (e.code === CLOSE_KICKED ? 'kicked' : 'unauthorized')})`);
      process.exit(e.code === CLOSE_KICKED ? 0 : 1);
    }
    const delay = backoff(reconnects++, 1000, 30_000);
    console.log(`\n(disconnected: ${e.code} ${e.reason}; reconnecting in ${Math.ceil(delay / 1000)} s)`);
    setTimeout(connect, delay);
  };
}

connect();
rl.on('line', (line) => {
  const text = line.trim();
  if (!text) return rl.prompt();
  const id = `${runTag}-${++n}`;
  pending.set(id, { text, attempts: 0 });
  send(id);
});
// Piped input ends before the answers arrive: leave once every action has its answer.
rl.on('close', () => { inputDone = true; maybeQuit(); });
