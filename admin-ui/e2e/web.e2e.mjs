// End-to-end test of the web client against a running platform, in Debian's Chromium through playwright-core.
// Run by e2e-tests' WebClientIT (which starts the platform), or by hand against `make run`:
//   BASE_URL=http://localhost:8080 ADMIN_PASSWORD=$(cat .data/run/admin-password) node admin-ui/e2e/web.e2e.mjs
// Every wait has a deadline; a step that misses it fails the run with the page's state and a screenshot.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BASE = (process.env.BASE_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
const ADMIN_NAME = process.env.ADMIN_NAME ?? 'admin';
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD;
const SHOTS = resolve(process.env.SCREENSHOT_DIR ?? 'e2e-screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const STEP_MS = Number(process.env.STEP_TIMEOUT_MS ?? 20000);
const MEMORY_MS = Number(process.env.MEMORY_TIMEOUT_MS ?? 45000);

if (!ADMIN_PASSWORD) {
  console.error('ADMIN_PASSWORD is required (the platform was started with LANGOMNI_ADMIN_PASSWORD)');
  process.exit(2);
}
mkdirSync(SHOTS, { recursive: true });

const suffix = Date.now().toString(36).slice(-5);
const ada = `Ada_${suffix}`;
const bram = `Bram_${suffix}`;

const profile = mkdtempSync(join(tmpdir(), 'langomni-e2e-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  viewport: { width: 1280, height: 860 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

const pages = [];
let step = 'start';

/** Waits until fn() is truthy; fn may throw while the page is not there yet. */
async function until(what, fn, timeout = STEP_MS) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 100)); // polling interval of a deadline wait, not a fixed sleep
  }
}

const text = (page, testId) => page.getByTestId(testId).first().innerText({ timeout: 1000 });
const shot = (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

async function newPage(name) {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${name}] page error: ${e.message}`));
  pages.push([name, page]);
  return page;
}

async function register(page, name) {
  await page.goto(`${BASE}/play`);
  // /play without a session shows (or redirects to) the login form
  await page.getByTestId('login-name').waitFor({ timeout: STEP_MS });
  await page.getByTestId('login-name').fill(name);
  await page.getByTestId('login-password').fill('correct-horse-battery');
  await page.getByTestId('register-submit').click();
  await until(`${name} connected`, async () => (await text(page, 'connection-status')).includes('connected')
    && !(await text(page, 'connection-status')).includes('disconnected'));
  await until(`${name} sees a room`, async () => (await text(page, 'room-name')).trim().length > 0);
}

async function roomName(page) {
  return (await text(page, 'room-name')).trim();
}

async function log(page) {
  return text(page, 'narration-log');
}

function onlineFigure(value) {
  const m = /\d+/.exec(value);
  return m ? Number(m[0]) : NaN;
}

try {
  step = 'admin logs in';
  const admin = await newPage('admin');
  await admin.goto(`${BASE}/login`);
  await admin.getByTestId('login-name').waitFor({ timeout: STEP_MS });
  await shot(admin, '01-login');
  await admin.getByTestId('login-name').fill(ADMIN_NAME);
  await admin.getByTestId('login-password').fill(ADMIN_PASSWORD);
  await admin.getByTestId('login-submit').click();
  await until('the dashboard', async () => new URL(admin.url()).pathname === '/admin');
  await until('the live stream', async () => (await text(admin, 'live-indicator')).toLowerCase().includes('live'));
  const before = await until('a players-online figure', async () => {
    const n = onlineFigure(await text(admin, 'stat-players-online'));
    return Number.isNaN(n) ? null : { n };
  });

  step = 'a player registers on the Play page';
  const adaPage = await newPage('ada');
  await register(adaPage, ada);
  const start = await roomName(adaPage);
  await shot(adaPage, '02-play');

  step = 'the dashboard counts the new player from the live stream';
  await admin.bringToFront();
  await until('players online to go up', async () => onlineFigure(await text(admin, 'stat-players-online')) > before.n);
  await shot(admin, '03-dashboard');

  step = 'the new player appears in Players, online';
  await admin.getByTestId('nav-players').click();
  await admin.getByTestId('players-search').fill(ada);
  await until(`${ada} online in Players`, async () => {
    const row = (await text(admin, `player-row-${ada}`)).toLowerCase();
    return row.includes('online') && !row.includes('offline');
  });
  await shot(admin, '04-players');

  step = 'the player moves through an exit button and reads the narration';
  await adaPage.bringToFront();
  const west = adaPage.getByTestId('exit-west');
  await west.waitFor({ timeout: STEP_MS });
  const results = adaPage.getByTestId('narration-log').locator('[data-kind="result"]');
  const resultsBefore = await results.count();
  await west.click();
  await until('a new room after going west', async () => (await roomName(adaPage)) !== start);
  const forge = await roomName(adaPage);
  await until('the narration of the move', async () => (await results.count()) > resultsBefore
    && (await results.last().innerText()).includes(forge));

  step = "the player sees another player's arrival";
  const bramPage = await newPage('bram');
  await register(bramPage, bram);
  await bramPage.getByTestId('exit-west').click();
  await until(`${bram} in ${forge}`, async () => (await roomName(bramPage)) === forge);
  await adaPage.bringToFront();
  await until(`${ada} sees ${bram} arrive`, async () => (await log(adaPage)).includes(bram));
  await until(`${bram} among the players here`, async () => (await text(adaPage, 'room-players')).includes(bram));
  await shot(adaPage, '05-play-arrival');

  step = 'the player tells the smith something worth remembering';
  await adaPage.getByTestId('command-input').fill('tell brannoc my sister is Mira');
  await adaPage.getByTestId('command-send').click();
  await until('the smith answers', async () => (await log(adaPage)).includes('Brannoc'));

  step = 'a player takes a quest and does its first step, and the quest log follows';
  // telling the smith something accepted his quest: the log lists it at its first step
  await until(`${ada}'s quest log lists the smith's quest`, async () =>
    (await adaPage.locator('[data-testid="quest-entry"][data-quest="iron-for-the-forge"]').getAttribute('data-step', { timeout: 1000 })) === '1');
  await bramPage.bringToFront();
  const command = async (page, words) => {
    await page.getByTestId('command-input').fill(words);
    await page.getByTestId('command-send').click();
  };
  const walk = async (page, words, what, arrived) => {
    await command(page, words);
    await until(what, async () => arrived(await roomName(page)));
  };
  const rats = bramPage.locator('[data-testid="quest-entry"][data-quest="rats-in-the-cellar"]');
  await until(`${bram}'s quest log is empty`, async () => (await bramPage.getByTestId('quest-empty').count()) > 0);
  await walk(bramPage, 'east', `${bram} back in ${start}`, (room) => room === start);
  await walk(bramPage, 'east', `${bram} in the inn`, (room) => room !== start);
  const inn = await roomName(bramPage);
  await command(bramPage, 'talk to marta');
  await until('the quest accepted and in the log at step 1', async () =>
    (await log(bramPage)).includes('New quest: Rats in the Cellar')
    && (await rats.getAttribute('data-step', { timeout: 1000 })) === '1');
  await walk(bramPage, 'down', `${bram} in the cellar`, (room) => room !== inn);
  await until('step 1 done: the log says so and the panel moves on', async () =>
    (await log(bramPage)).includes('Quest Rats in the Cellar: step 1 done')
    && (await rats.getAttribute('data-step', { timeout: 1000 })) === '2'
    && (await text(bramPage, 'quest-log')).includes('Kill the giant rat in the cellar.'));
  await shot(bramPage, '05b-play-quest-step');
  await walk(bramPage, 'up', `${bram} back in the inn`, (room) => room === inn);
  await walk(bramPage, 'west', `${bram} in ${start}`, (room) => room === start);
  await walk(bramPage, 'west', `${bram} back in ${forge}`, (room) => room === forge);
  await adaPage.bringToFront();
  await until(`${bram} among the players here again`, async () => (await text(adaPage, 'room-players')).includes(bram));
  step = 'a trade between the two players (issue #17)';
  await command(adaPage, 'take hammer');
  await until(`${ada} carries the hammer`, async () => (await text(adaPage, 'player-inventory')).toLowerCase().includes('hammer'));
  await command(adaPage, `offer hammer to ${bram}`);
  await bramPage.bringToFront();
  await until(`${bram} hears the offer`, async () => (await log(bramPage)).includes(`${ada} offers you the`));
  await command(bramPage, 'accept');
  await until(`${bram} holds the hammer`, async () => (await text(bramPage, 'player-inventory')).toLowerCase().includes('hammer'));
  await adaPage.bringToFront();
  await until(`${ada} told of the trade`, async () => (await log(adaPage)).includes(`${bram} accepts your gift`));
  await until(`${ada}'s pack without it`, async () => !(await text(adaPage, 'player-inventory')).toLowerCase().includes('hammer'));

  step = 'a party, its panel and its chat (issue #17)';
  await command(adaPage, `invite ${bram}`);
  await bramPage.bringToFront();
  await until(`${bram} invited`, async () => (await log(bramPage)).includes(`${ada} invites you`));
  await command(bramPage, 'join');
  await until(`${bram}'s party panel lists both`, async () => (await bramPage.getByTestId('party-member').count()) === 2
    && (await text(bramPage, 'party-panel')).includes(ada));
  await command(adaPage, 'psay meet me at the well');
  await until(`${bram} reads the party chat`, async () => (await log(bramPage)).includes(`[party] ${ada}: meet me at the well`));
  await shot(bramPage, '13-play-party');

  step = 'the player detail shows recent events';
  await admin.bringToFront();
  await admin.getByTestId(`player-row-${ada}`).click();
  await until('recent events in the player detail', async () => (await text(admin, 'player-detail')).includes(forge));
  // the budget panel reads GET /api/admin/players/{id}/budget: "0 of 150,000 tokens" or "0 tokens · no budget"
  await until('the LLM budget panel in the player detail', async () => /\d tokens/.test(await text(admin, 'player-budget-hour')));
  await shot(admin, '06-player-detail');

  step = 'the dashboard shows the LLM cost per player-hour';
  await admin.getByTestId('nav-dashboard').click();
  // the currency the orchestrator meters in, read with the admin's own token
  const metering = await admin.evaluate(async () => {
    const { token } = JSON.parse(sessionStorage.getItem('langomni.session') ?? '{}');
    const r = await fetch('/api/admin/metering', { headers: { Authorization: `Bearer ${token}` } });
    return { status: r.status, body: await r.text() };
  });
  if (metering.status !== 200) throw new Error(`GET /api/admin/metering answered ${metering.status}: ${metering.body.slice(0, 200)}`);
  const { currency } = JSON.parse(metering.body);
  if (typeof currency !== 'string' || !currency) throw new Error(`GET /api/admin/metering has no currency: ${metering.body.slice(0, 200)}`);
  // a figure (0 with the rules narrator is fine) labelled with its currency, not the dash of an unknown figure
  await until(`cost per player-hour in ${currency}`, async () =>
    (await text(admin, 'cost-per-player-hour')).includes(`${currency} per player-hour`)
    && (await admin.getByTestId('cost-per-player-hour').first().getAttribute('data-currency', { timeout: 1000 })) === currency
    && /\d/.test(await text(admin, 'cost-per-player-hour-value')));
  await until('world tokens this hour', async () => /\d[\d,]* tokens/.test(await text(admin, 'cost-world')));
  await shot(admin, '12-dashboard-cost');

  step = "an admin opens the smith and sees the memory of the player's words";
  await admin.getByTestId('nav-npcs').click();
  await admin.getByTestId('npc-row-brannoc').waitFor({ timeout: STEP_MS });
  await shot(admin, '07-npcs');
  await admin.getByTestId('npc-row-brannoc').click();
  await admin.getByTestId('npc-detail').waitFor({ timeout: STEP_MS });
  // the memory goes through the write queue to memory-service: reload until it is there
  await until('the smith remembers Mira', async () => {
    if ((await text(admin, 'npc-detail')).includes('Mira')) return true;
    await admin.reload();
    await admin.getByTestId('npc-detail').waitFor({ timeout: STEP_MS });
    return (await text(admin, 'npc-detail')).includes('Mira');
  }, MEMORY_MS);
  await admin.getByTestId('npc-memory-search').fill('sister');
  await until('a memory found by search', async () => (await text(admin, 'npc-detail')).includes('Mira'));
  await shot(admin, '08-npc-detail');

  step = 'an admin moves a player, who sees it on the Play page';
  await admin.getByTestId('nav-players').click();
  await admin.getByTestId('players-search').fill(bram);
  await admin.getByTestId(`player-row-${bram}`).click();
  await admin.getByTestId('player-detail').waitFor({ timeout: STEP_MS });
  await until('the square among the move targets', async () =>
    (await admin.getByTestId('player-move-select').locator('option[value="square"]').count()) > 0);
  await admin.getByTestId('player-move-select').selectOption('square');
  await admin.getByTestId('player-move-submit').click();
  await admin.getByTestId('confirm-ok').click();
  await until(`${bram} carried back to ${start}`, async () => (await roomName(bramPage)) === start);
  await until(`${ada} sees ${bram} vanish`, async () =>
    !(await text(adaPage, 'room-players')).includes(bram));

  step = 'an admin kicks a player, whose page says so';
  await admin.getByTestId('player-kick').click();
  await admin.getByTestId('confirm-ok').click();
  await until(`${bram} told of the kick`, async () => (await bramPage.getByTestId('kicked-notice').count()) > 0);
  await admin.getByTestId('nav-players').click();
  await admin.getByTestId('players-search').fill(bram);
  await until(`${bram} offline in Players`, async () =>
    (await text(admin, `player-row-${bram}`)).toLowerCase().includes('offline'));
  await shot(bramPage, '11-play-kicked');

  step = 'an admin bans a player, whose login is refused until the ban is lifted';
  await admin.getByTestId(`player-row-${bram}`).click();
  await admin.getByTestId('player-ban').click();
  await admin.getByTestId('ban-duration').selectOption('15');
  await admin.getByTestId('ban-reason').fill('e2e: checking bans');
  await admin.getByTestId('ban-submit').click();
  await until('the ban in the player detail', async () => !(await text(admin, 'player-banned-until')).includes('not banned'));
  await bramPage.goto(`${BASE}/login`);
  await bramPage.getByTestId('login-name').fill(bram);
  await bramPage.getByTestId('login-password').fill('correct-horse-battery');
  await bramPage.getByTestId('login-submit').click();
  const refusal = await until(`${bram}'s login refused`, async () => {
    if ((await bramPage.getByTestId('login-error').count()) === 0) return null;
    return { message: await text(bramPage, 'login-error') };
  });
  if (/wrong password/i.test(refusal.message)) throw new Error(`the banned login got "${refusal.message}", not the ban's message`);
  await shot(bramPage, '12-login-banned');
  await admin.getByTestId('player-unban').click();
  await admin.getByTestId('confirm-ok').click();
  await until('the ban lifted', async () => (await text(admin, 'player-banned-until')).includes('not banned'));
  await bramPage.getByTestId('login-submit').click();
  await until(`${bram} back in the game`, async () => new URL(bramPage.url()).pathname === '/play'
    && (await text(bramPage, 'connection-status')).trim() === 'connected');

  step = 'the architecture diagram shows the running services';
  await admin.getByTestId('nav-architecture').click();
  for (const id of ['gateway', 'orchestrator', 'postgresql', 'redis', 'memory']) {
    await until(`${id} UP in the diagram`, async () =>
      (await admin.getByTestId(`arch-node-${id}`).first().getAttribute('data-status', { timeout: 1000 })) === 'UP');
  }
  await admin.getByTestId('arch-node-orchestrator').first().click();
  await admin.getByTestId('arch-detail').waitFor({ timeout: STEP_MS });
  await shot(admin, '09-architecture');

  step = 'the metrics page draws charts';
  await admin.getByTestId('nav-metrics').click();
  await until('a chart with a line drawn', async () => (await admin.locator('svg.recharts-surface path.recharts-curve').count()) > 0);
  await shot(admin, '10-metrics');

  console.log(`web e2e passed: ${ada} and ${bram} played, the admin saw them; screenshots in ${SHOTS}`);
} catch (e) {
  console.error(`web e2e FAILED at "${step}": ${e.message}`);
  for (const [name, page] of pages) {
    await shot(page, `failure-${name}`).catch(() => {});
    console.error(`[${name}] ${page.url()}`);
  }
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
