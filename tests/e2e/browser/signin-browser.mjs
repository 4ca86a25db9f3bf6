#!/usr/bin/env node
// Test "system browser" for Clipshelf's sign-in: opens the authorization URL in headless Chromium,
// signs in on the local test provider's login page (tests/stack/provider) and waits until the
// browser has loaded the app's loopback callback (http://127.0.0.1:PORT/callback).
//
//   node signin-browser.mjs [--user alice] [--password P] [--cancel]
//                           [--screenshot-dir DIR] [--expect-text TEXT] URL
//
// The URL is always the last argument (the app runs `<browser command> <url>`).
// One status line goes to stderr; exit 0 on success, 1 on failure, 2 on bad usage.
// The whole run ends by itself after 60 s. URLs are only ever printed as origin + path
// (the query carries state / code_challenge / code).
//
// playwright-core comes from tests/stack/provider/node_modules (`npm ci` there).

import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const TOTAL_TIMEOUT_MS = 60_000;
const CHROMIUM = process.env.CLIPSHELF_TEST_CHROMIUM || '/usr/bin/chromium';
const started = Date.now();
const deadline = started + TOTAL_TIMEOUT_MS - 5_000; // leave time to close the browser

function safeUrl(raw) {
  try {
    const u = new URL(raw);
    if (u.protocol === 'http:' || u.protocol === 'https:') return `${u.origin}${u.pathname}`;
    return `${u.protocol}…`;
  } catch {
    return '<unparsable URL>';
  }
}

// Strip queries/fragments from every URL that appears in a message (Playwright errors quote URLs).
function sanitize(message) {
  return String(message ?? '')
    .split('\n')[0]
    .replace(/\b(https?:\/\/[^\s"'<>]+)/g, (m) => safeUrl(m))
    .replace(/\u001b\[[0-9;]*m/g, '')
    .slice(0, 400);
}

function elapsed() {
  return `${((Date.now() - started) / 1000).toFixed(1)}s`;
}

function status(line) {
  process.stderr.write(`signin-browser: ${line}\n`);
}

let browser;
let finished = false;

async function finish(code, line) {
  if (finished) return;
  finished = true;
  status(line);
  if (browser) {
    await Promise.race([
      browser.close().catch(() => {}),
      new Promise((r) => { setTimeout(r, 4_000).unref(); }),
    ]);
  }
  process.exit(code);
}

function fail(reason) {
  return finish(1, `FAILED after ${elapsed()}: ${sanitize(reason)}`);
}

// Never let an unhandled error print a raw Playwright message (it quotes the full URL).
process.on('unhandledRejection', (err) => { fail(`unexpected: ${err?.message ?? err}`); });
process.on('uncaughtException', (err) => { fail(`unexpected: ${err?.message ?? err}`); });

const hardTimer = setTimeout(() => {
  fail(`timed out after ${TOTAL_TIMEOUT_MS / 1000} s`);
}, TOTAL_TIMEOUT_MS - 3_000);
hardTimer.unref();
// Last resort if closing the browser hangs.
setTimeout(() => {
  process.stderr.write('signin-browser: FAILED: hard timeout\n');
  process.exit(1);
}, TOTAL_TIMEOUT_MS).unref();

// ---------------------------------------------------------------- arguments

function usage(message) {
  if (message) process.stderr.write(`signin-browser: ${message}\n`);
  process.stderr.write('usage: node signin-browser.mjs [--user alice] [--password P] [--cancel] '
    + '[--screenshot-dir DIR] [--expect-text TEXT] URL\n');
  process.exit(2);
}

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) usage();
if (argv.length < 1) usage('missing URL');
const url = argv[argv.length - 1];
const opts = {
  user: 'alice', password: undefined, cancel: false, screenshotDir: undefined, expectText: undefined,
};
for (let i = 0; i < argv.length - 1; i += 1) {
  let a = argv[i];
  let inline;
  const eq = a.indexOf('=');
  if (a.startsWith('--') && eq > 0) {
    inline = a.slice(eq + 1);
    a = a.slice(0, eq);
  }
  const value = () => {
    if (inline !== undefined) return inline;
    if (i + 1 >= argv.length - 1) usage(`${a} needs a value`);
    i += 1;
    return argv[i];
  };
  switch (a) {
    case '--user': opts.user = value(); break;
    case '--password': opts.password = value(); break;
    case '--cancel': opts.cancel = true; break;
    case '--screenshot-dir': opts.screenshotDir = value(); break;
    case '--expect-text': opts.expectText = value(); break;
    default: usage(`unknown argument ${a}`);
  }
}
if (opts.password === undefined) opts.password = `${opts.user}-password`;
{
  let u;
  try { u = new URL(url); } catch { usage('the last argument must be the authorization URL'); }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') usage('the URL must be http(s)');
}
const providerOrigin = new URL(url).origin;
if (opts.screenshotDir) fs.mkdirSync(opts.screenshotDir, { recursive: true });

// ---------------------------------------------------------------- browser

const require = createRequire(new URL('../../stack/provider/package.json', import.meta.url));
let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch (err) {
  await fail(`cannot load playwright-core (run \`npm ci\` in tests/stack/provider): ${err.message}`);
}

function isCallback(u) {
  try {
    const p = new URL(typeof u === 'string' ? u : u.href);
    return p.protocol === 'http:' && p.hostname === '127.0.0.1' && p.pathname === '/callback';
  } catch {
    return false;
  }
}

function remaining() {
  return Math.max(1_000, deadline - Date.now());
}

async function screenshot(page, name) {
  if (!opts.screenshotDir) return;
  try {
    await page.screenshot({ path: path.join(opts.screenshotDir, name), fullPage: true, timeout: 5_000 });
  } catch (err) {
    status(`warning: screenshot ${name} failed: ${sanitize(err.message)}`);
  }
}

// Resolves to 'callback' once the page is on the loopback callback and loaded; otherwise, for pages
// on the provider's origin: 'login' (login form shown, when wantLoginForm), 'login-error' (form
// re-shown with an error message) or 'provider-error' (the provider's error page).
async function settle(page, wantLoginForm) {
  const callbackP = page.waitForURL(isCallback, { waitUntil: 'load', timeout: remaining() })
    .then(() => 'callback');
  const providerP = page.waitForFunction(({ origin, wantLogin }) => {
    if (window.location.origin !== origin || document.readyState === 'loading') return false;
    const form = document.querySelector('#login');
    if (form && wantLogin) return 'login';
    if (form && document.querySelector('#error')) return 'login-error';
    if (!form && /error/i.test(document.title)) return 'provider-error';
    return false;
  }, { origin: providerOrigin, wantLogin: wantLoginForm }, { timeout: remaining(), polling: 100 })
    .then((handle) => handle.jsonValue());
  const waiters = [callbackP, providerP];
  try {
    return await Promise.race(waiters);
  } finally {
    for (const p of waiters) p.catch(() => {});
  }
}

async function describePage(page) {
  try {
    const title = await page.title();
    const h1 = await page.locator('h1').first().innerText({ timeout: 1_000 }).catch(() => '');
    // only error / error_description: the provider's error page also echoes state
    const pre = (await page.locator('pre').allInnerTexts().catch(() => []))
      .filter((t) => /^error(_description)?:/.test(t.trim()));
    return `${safeUrl(page.url())} title="${title}"${h1 ? ` h1="${h1}"` : ''}${pre.length ? ` ${pre.join('; ')}` : ''}`;
  } catch {
    return safeUrl(page.url());
  }
}

let callbackStatus;
let callbackFailure;

async function main() {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 20_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // A fresh, non-persistent context: no cookies or sessions from any earlier run.
  const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
  const page = await context.newPage();
  // Outcome of the main-frame navigation to the loopback callback (a refused connection also
  // "loads" Chromium's error page at the callback URL, so this must be checked separately).
  page.on('response', (r) => {
    if (r.request().isNavigationRequest() && r.frame() === page.mainFrame() && isCallback(r.url())) {
      callbackStatus = r.status();
    }
  });
  page.on('requestfailed', (r) => {
    if (r.isNavigationRequest() && r.frame() === page.mainFrame() && isCallback(r.url())) {
      callbackFailure = `${safeUrl(r.url())}: ${r.failure()?.errorText || 'failed'}`;
    }
  });

  let first;
  try {
    let gotoError;
    const gotoP = page.goto(url, { waitUntil: 'load', timeout: remaining() })
      .catch((err) => { gotoError = err; });
    first = await Promise.race([
      settle(page, true),
      // a failed navigation before anything settled (e.g. the provider is not reachable)
      gotoP.then(() => (gotoError && !isCallback(page.url()) ? Promise.reject(gotoError) : new Promise(() => {}))),
    ]);
  } catch (err) {
    await new Promise((r) => { setTimeout(r, 300); }); // let a pending 'requestfailed' event arrive
    if (callbackFailure) return fail(`the callback could not be loaded: ${callbackFailure}`);
    return fail(`opening the authorization URL: ${err.message}`);
  }

  if (first === 'provider-error') return fail(`provider error page: ${await describePage(page)}`);

  if (first === 'login') {
    await page.fill('#login', opts.user);
    await page.fill('#password', opts.password);
    await screenshot(page, 'login.png');
    let outcome;
    try {
      const settled = settle(page, false);
      await page.click(opts.cancel ? '#cancel' : '#submit', { timeout: 10_000, noWaitAfter: true });
      outcome = await settled;
    } catch (err) {
      await new Promise((r) => { setTimeout(r, 300); });
      if (callbackFailure) return fail(`the callback could not be loaded: ${callbackFailure}`);
      return fail(`after ${opts.cancel ? 'cancel' : 'sign-in'}: ${err.message} (page: ${await describePage(page)})`);
    }
    if (outcome === 'login-error') {
      const msg = await page.locator('#error').innerText().catch(() => '');
      await screenshot(page, 'callback.png');
      return fail(`sign-in rejected for user "${opts.user}": ${msg}`);
    }
    if (outcome === 'provider-error') return fail(`provider error page: ${await describePage(page)}`);
  }

  // On the callback, loaded.
  const final = new URL(page.url());
  if (callbackFailure || callbackStatus === undefined) {
    return fail(`the callback could not be loaded: ${callbackFailure || `${safeUrl(final.href)}: no response`}`);
  }
  const error = final.searchParams.get('error');
  const result = error ? `error=${error}` : (final.searchParams.has('code') ? 'code' : 'no code');
  let body = '';
  try {
    body = await page.evaluate(() => (document.body ? document.body.innerText : ''));
  } catch (err) {
    return fail(`reading the callback page: ${err.message}`);
  }
  await screenshot(page, 'callback.png');
  if (opts.expectText !== undefined && !body.includes(opts.expectText)) {
    const shown = body.replace(/\s+/g, ' ').trim().slice(0, 160);
    return fail(`callback page ${safeUrl(final.href)} (${result}) lacks the expected text; it shows: "${shown}"`);
  }
  return finish(0, `ok after ${elapsed()}: ${first === 'login' ? `${opts.cancel ? 'cancelled as' : 'signed in as'} ${opts.user}, ` : 'no login form, '}`
    + `callback ${safeUrl(final.href)} loaded (HTTP ${callbackStatus}, ${result})${opts.expectText !== undefined ? ', expected text found' : ''}`);
}

try {
  await main();
} catch (err) {
  await fail(err.message);
}
