#!/usr/bin/env node
// A "browser" for the sign-in benchmark: does what the person does in the
// browser — opens the authorization URL, signs in on the local test
// provider's form, follows the redirects to the app's loopback callback —
// over plain HTTP with a cookie jar. Chromium would do the same but starts and
// closes nine processes around the very moment the app finishes the sign-in,
// which on a 2-core machine measures chromium rather than Clipshelf.
//
//   node http-browser.mjs [--user alice] URL        (the app appends URL)
// Exit 0 once the callback page loaded; 1 on failure. Prints no URL query
// (codes and state stay private), only origin + path.

const TIMEOUT_MS = 30_000;
const argv = process.argv.slice(2);
const url = argv[argv.length - 1];
let user = 'alice';
for (let i = 0; i < argv.length - 1; i += 1) if (argv[i] === '--user') user = argv[i + 1];

function safe(u) {
  try { const p = new URL(u); return `${p.origin}${p.pathname}`; } catch { return '<url>'; }
}
function fail(message) {
  process.stderr.write(`http-browser: FAILED: ${message}\n`);
  process.exit(1);
}
setTimeout(() => fail('timed out'), TIMEOUT_MS).unref();

const jar = new Map();
function remember(res) {
  for (const cookie of res.headers.getSetCookie?.() ?? []) {
    const [pair] = cookie.split(';');
    const eq = pair.indexOf('=');
    jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}
function cookieHeader() {
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** Requests \a target and follows redirects; returns the final response and its URL. */
async function go(target, init = {}) {
  let current = target;
  let options = init;
  for (let hops = 0; hops < 20; hops += 1) {
    const request = () => fetch(current, {
      ...options, redirect: 'manual', headers: { ...(options.headers || {}), Cookie: cookieHeader() },
    });
    let res;
    try {
      res = await request();
    } catch (e) {
      // A kept-alive connection the server closed meanwhile: browsers retry too.
      process.stderr.write(`http-browser: retry ${safe(current)}: ${e.cause?.code} ${e.cause?.message}\n`);
      if (e.cause?.code !== 'UND_ERR_SOCKET') throw e;
      res = await request();
    }
    remember(res);
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      await res.arrayBuffer();
      current = new URL(location, current).href;
      options = {};
      continue;
    }
    return { res, url: current };
  }
  throw new Error('too many redirects');
}

try {
  const login = await go(url);
  const page = await login.res.text();
  const action = page.match(/<form method="post" action="([^"]+)"/);
  if (!action) fail(`no login form at ${safe(login.url)} (HTTP ${login.res.status})`);
  const body = new URLSearchParams({ login: user, password: `${user}-password`, action: 'login' });
  const done = await go(new URL(action[1].replace(/&amp;/g, '&'), login.url).href, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  await done.res.text();
  const final = new URL(done.url);
  if (final.hostname !== '127.0.0.1' || final.pathname !== '/callback') fail(`ended at ${safe(done.url)}`);
  process.stderr.write(`http-browser: ok, callback ${safe(done.url)} answered HTTP ${done.res.status}\n`);
  process.exit(done.res.status === 200 ? 0 : 1);
} catch (e) {
  fail(`${e.message}${e.cause ? ` (${e.cause.code || e.cause.message})` : ""}`.replace(/https?:\/\/\S+/g, (m) => safe(m)));
}
