#!/usr/bin/env node
// Self-test of server.mjs: starts the provider on an ephemeral port and drives it over HTTP
// (login form with fetch + a small cookie jar). Prints "N passed, N failed"; exit 0 / 1.
//
//   node selftest.mjs [--verbose]
//
// When /usr/bin/chromium (or $CLIPSHELF_TEST_CHROMIUM) exists it also drives
// tests/e2e/browser/signin-browser.mjs against the provider (SELFTEST_NO_BROWSER=1 skips that).

import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SERVER = path.join(HERE, 'server.mjs');
const VERBOSE = process.argv.includes('--verbose');
const CLIENT_ID = 'clipshelf-desktop';
const RESOURCE = 'urn:clipshelf:api';
const SCOPE = 'openid profile email offline_access';
const REDIRECT = 'http://127.0.0.1:53682/callback'; // nothing listens there: the redirect is never followed

let passed = 0;
let failed = 0;
let skipped = 0;

function ok(cond, name, detail = '') {
  if (cond) {
    passed += 1;
    if (VERBOSE) console.log(`ok   ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL ${name}${detail ? ` -- ${detail}` : ''}`);
  }
  return cond;
}

async function section(name, fn) {
  try {
    await fn();
  } catch (err) {
    failed += 1;
    console.log(`FAIL ${name}: threw ${err.stack || err}`);
  }
}

// ---------------------------------------------------------------- server process

const children = new Set();
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

async function startServer(env = {}, args = []) {
  const child = spawn(process.execPath, [SERVER, '--port', '0', ...args], {
    env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
    if (VERBOSE) process.stderr.write(d);
  });
  const issuer = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready in 10 s; stderr:\n${stderr}`)), 10_000);
    child.stdout.on('data', (d) => {
      stdout += d;
      const nl = stdout.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        try {
          const msg = JSON.parse(stdout.slice(0, nl));
          resolve(msg.issuer);
        } catch (err) { reject(err); }
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited early (${code}); stderr:\n${stderr}`)));
  });
  const exited = new Promise((resolve) => { child.on('exit', (code, signal) => resolve({ code, signal })); });
  return {
    issuer,
    child,
    get stdout() { return stdout; },
    get stderr() { return stderr; },
    async stop() {
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      const r = await exited;
      clearTimeout(t);
      return r;
    },
  };
}

// ---------------------------------------------------------------- HTTP helpers

class Jar {
  constructor() { this.cookies = new Map(); }

  store(res) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let cpath = '/';
      let expired = false;
      for (const a of attrs) {
        const [k, v] = a.split('=');
        if (k.toLowerCase() === 'path') cpath = v;
        if (k.toLowerCase() === 'expires' && Date.parse(v) < Date.now()) expired = true;
        if (k.toLowerCase() === 'max-age' && Number(v) <= 0) expired = true;
      }
      const key = `${name}\u0000${cpath}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, { name, value, path: cpath });
    }
  }

  header(urlPath) {
    return [...this.cookies.values()]
      .filter((c) => urlPath === c.path || urlPath.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`) || c.path === '/')
      .map((c) => `${c.name}=${c.value}`).join('; ');
  }
}

async function req(jar, url, { method = 'GET', form } = {}) {
  const u = new URL(url);
  const headers = { accept: 'text/html' };
  const cookie = jar.header(u.pathname);
  if (cookie) headers.cookie = cookie;
  let body;
  if (form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(form).toString();
  }
  const res = await fetch(url, { method, headers, body, redirect: 'manual' });
  jar.store(res);
  return res;
}

function b64url(buf) { return Buffer.from(buf).toString('base64url'); }

function pkce() {
  const verifier = b64url(crypto.randomBytes(32));
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

function authUrl(issuer, { challenge, state, resource = RESOURCE, scope = SCOPE, redirect = REDIRECT, method = 'S256', extra = {} }) {
  const u = new URL('/auth', issuer);
  const p = {
    client_id: CLIENT_ID, response_type: 'code', redirect_uri: redirect, scope, state, ...extra,
  };
  if (challenge) { p.code_challenge = challenge; p.code_challenge_method = method; }
  if (resource) p.resource = resource;
  for (const [k, v] of Object.entries(p)) u.searchParams.set(k, v);
  return u.href;
}

// Follows redirects on the provider until the browser would leave it (the loopback redirect_uri).
// onLogin(html, url) returns the form to post for a login page.
async function drive(jar, issuer, startUrl, onLogin, maxSteps = 12) {
  let url = startUrl;
  let method = 'GET';
  let form;
  for (let i = 0; i < maxSteps; i += 1) {
    const res = await req(jar, url, { method, form });
    method = 'GET';
    form = undefined;
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location'), url).href;
      if (!next.startsWith(issuer)) return { final: new URL(next), pages: i };
      url = next;
      continue;
    }
    const html = await res.text();
    if (res.status === 200 && html.includes('id="login"')) {
      const answer = await onLogin(html, url);
      if (!answer) return { html, status: res.status, url };
      method = 'POST';
      form = answer;
      continue;
    }
    return { html, status: res.status, url };
  }
  throw new Error('too many redirects');
}

async function token(issuer, params) {
  const res = await fetch(new URL('/token', issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ client_id: CLIENT_ID, ...params }).toString(),
  });
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = { raw: text }; }
  return { status: res.status, json, headers: res.headers };
}

function decodeJwt(jwt) {
  const [h, p, s] = jwt.split('.');
  return {
    header: JSON.parse(Buffer.from(h, 'base64url')),
    payload: JSON.parse(Buffer.from(p, 'base64url')),
    signingInput: `${h}.${p}`,
    signature: Buffer.from(s, 'base64url'),
  };
}

async function verifyJwt(issuer, jwt) {
  const d = decodeJwt(jwt);
  const jwks = await (await fetch(new URL('/jwks', issuer))).json();
  const jwk = jwks.keys.find((k) => k.kid === d.header.kid);
  if (!jwk) return { ...d, valid: false };
  const key = crypto.createPublicKey({ key: jwk, format: 'jwk' });
  let valid;
  if (d.header.alg === 'RS256') {
    valid = crypto.verify('sha256', Buffer.from(d.signingInput), key, d.signature);
  } else if (d.header.alg === 'ES256') {
    valid = crypto.verify('sha256', Buffer.from(d.signingInput), { key, dsaEncoding: 'ieee-p1363' }, d.signature);
  } else valid = false;
  return { ...d, valid };
}

async function stats(issuer) { return (await fetch(new URL('/__test/stats', issuer))).json(); }
async function hook(issuer, p) { return fetch(new URL(p, issuer), { method: 'POST' }); }

// Full sign-in; returns { code, callback, verifier, jar }.
async function signIn(issuer, { user = 'alice', password, resource = RESOURCE, scope = SCOPE, redirect = REDIRECT } = {}) {
  const jar = new Jar();
  const { verifier, challenge } = pkce();
  const state = b64url(crypto.randomBytes(12));
  const r = await drive(jar, issuer, authUrl(issuer, { challenge, state, resource, scope, redirect }),
    () => ({ login: user, password: password ?? `${user}-password`, action: 'login' }));
  if (!r.final) throw new Error(`sign-in did not reach the callback (status ${r.status})`);
  return {
    callback: r.final, code: r.final.searchParams.get('code'), state, verifier, jar, redirect,
  };
}

// ---------------------------------------------------------------- tests

const srv = await startServer();
const { issuer } = srv;

await section('startup', async () => {
  ok(/^http:\/\/127\.0\.0\.1:\d+$/.test(issuer), 'issuer is http://127.0.0.1:PORT', issuer);
  const lines = srv.stdout.split('\n').filter(Boolean);
  ok(lines.length === 1, 'exactly one stdout line', JSON.stringify(lines));
  ok(JSON.stringify(JSON.parse(lines[0])) === JSON.stringify({ ready: true, issuer }), 'ready line format', lines[0]);
});

await section('discovery', async () => {
  const d = await (await fetch(new URL('/.well-known/openid-configuration', issuer))).json();
  ok(d.issuer === issuer, 'discovery issuer');
  ok(d.authorization_response_iss_parameter_supported === true, 'iss parameter supported');
  ok(JSON.stringify(d.code_challenge_methods_supported) === '["S256"]', 'S256 only');
  ok(d.revocation_endpoint === `${issuer}/token/revocation`, 'revocation_endpoint', d.revocation_endpoint);
  ok(d.userinfo_endpoint === `${issuer}/me`, 'userinfo_endpoint', d.userinfo_endpoint);
  ok(d.end_session_endpoint === `${issuer}/session/end`, 'end_session_endpoint', d.end_session_endpoint);
  ok(['openid', 'profile', 'email', 'offline_access'].every((s) => d.scopes_supported.includes(s)), 'scopes_supported');
  ok(!d.grant_types_supported.includes('implicit'), 'no implicit grant');
});

await section('wrong password', async () => {
  const jar = new Jar();
  const { challenge } = pkce();
  let attempts = 0;
  const r = await drive(jar, issuer, authUrl(issuer, { challenge, state: 's1' }), (html) => {
    attempts += 1;
    if (attempts === 1) {
      ok(html.includes('<title>Sign in to Clipshelf (test provider)</title>'), 'login page title');
      ok(/<input id="password" name="password" type="password"/.test(html), 'password field');
      ok(/<button id="submit"[^>]*>Sign in<\/button>/.test(html), 'submit button');
      ok(/<button id="cancel"[^>]*>Cancel<\/button>/.test(html), 'cancel button');
      return { login: 'alice', password: 'nope', action: 'login' };
    }
    ok(html.includes('Wrong username or password'), 'wrong password message shown');
    return null;
  });
  ok(attempts === 2 && r.status === 200, 'form re-shown after wrong password');
});

await section('cancel', async () => {
  const jar = new Jar();
  const { challenge } = pkce();
  const r = await drive(jar, issuer, authUrl(issuer, { challenge, state: 'cancel-state' }), () => ({ action: 'cancel' }));
  ok(r.final && r.final.pathname === '/callback', 'cancel redirects to callback');
  ok(r.final?.searchParams.get('error') === 'access_denied', 'error=access_denied');
  ok(r.final?.searchParams.get('error_description') === 'The user cancelled sign-in', 'error_description');
  ok(r.final?.searchParams.get('state') === 'cancel-state', 'state echoed on error');
  ok(r.final?.searchParams.get('iss') === issuer, 'iss on error');
});

await section('pkce and redirect rules', async () => {
  const jar = new Jar();
  // no code_challenge: rejected at the authorization endpoint (redirect back with error)
  let res = await req(jar, authUrl(issuer, { state: 'x' }));
  let loc = new URL(res.headers.get('location') || 'http://none/', issuer);
  ok(loc.searchParams.get('error') === 'invalid_request', 'missing code_challenge rejected', loc.href);
  res = await req(jar, authUrl(issuer, { state: 'x', challenge: 'abcabcabcabcabcabcabcabcabcabcabcabcabcabca', method: 'plain' }));
  loc = new URL(res.headers.get('location') || 'http://none/', issuer);
  ok(loc.searchParams.get('error') === 'invalid_request', 'plain method rejected', loc.href);
  // localhost is not 127.0.0.1
  res = await req(jar, authUrl(issuer, { state: 'x', challenge: pkce().challenge, redirect: 'http://localhost:5000/callback' }));
  ok(res.status === 400, 'localhost redirect_uri rejected', String(res.status));
  res = await req(jar, authUrl(issuer, { state: 'x', challenge: pkce().challenge, redirect: 'http://127.0.0.1:5000/other' }));
  ok(res.status === 400, 'other path rejected', String(res.status));
  res = await req(jar, authUrl(issuer, { state: 'x', challenge: pkce().challenge, resource: 'urn:unknown' }));
  loc = new URL(res.headers.get('location') || 'http://none/', issuer);
  ok(loc.searchParams.get('error') === 'invalid_target', 'unknown resource rejected', loc.href);
});

let aliceTokens;
await section('code flow with resource', async () => {
  await hook(issuer, '/__test/reset-stats');
  const s = await signIn(issuer, { redirect: 'http://127.0.0.1:41234/callback' });
  ok(s.callback.origin === 'http://127.0.0.1:41234' && s.callback.pathname === '/callback', 'redirect to the requested loopback port');
  ok(!!s.code, 'code returned');
  ok(s.callback.searchParams.get('state') === s.state, 'state returned');
  ok(s.callback.searchParams.get('iss') === issuer, 'iss returned (RFC 9207)');

  // wrong verifier
  let t = await token(issuer, {
    grant_type: 'authorization_code', code: s.code, redirect_uri: s.redirect, code_verifier: pkce().verifier,
  });
  ok(t.status === 400 && t.json.error === 'invalid_grant', 'wrong code_verifier rejected', JSON.stringify(t.json));

  // a second sign-in for the real exchange (the failed attempt does not consume the code, but keep it clean)
  t = await token(issuer, {
    grant_type: 'authorization_code', code: s.code, redirect_uri: s.redirect, code_verifier: s.verifier,
  });
  ok(t.status === 200, 'code exchange without resource in the token request', JSON.stringify(t.json));
  ok(t.json.token_type === 'Bearer', 'token_type Bearer');
  ok(typeof t.json.refresh_token === 'string', 'refresh token issued without prompt=consent');
  ok(t.json.expires_in === 300, 'expires_in 300', String(t.json.expires_in));
  ok(t.json.scope === SCOPE, 'scope granted', t.json.scope);
  const at = await verifyJwt(issuer, t.json.access_token);
  ok(at.valid && at.header.alg === 'RS256', 'access token is an RS256 JWT with a valid signature', JSON.stringify(at.header));
  ok(at.header.typ === 'at+jwt', 'typ at+jwt');
  ok(at.payload.aud === RESOURCE, 'aud = resource', JSON.stringify(at.payload.aud));
  ok(at.payload.iss === issuer, 'at iss');
  ok(at.payload.sub === 'user_alice', 'at sub');
  ok(at.payload.email === 'alice@example.com', 'at email');
  ok(at.payload.name === 'Alice Liddell', 'at name');
  ok(at.payload.client_id === CLIENT_ID, 'at client_id');
  ok(at.payload.exp - at.payload.iat === 300, 'at lifetime 300 s');
  const id = await verifyJwt(issuer, t.json.id_token);
  ok(id.valid && id.header.alg === 'RS256', 'id token RS256, valid');
  ok(id.payload.aud === CLIENT_ID && id.payload.sub === 'user_alice', 'id token aud/sub');
  ok(id.payload.email === 'alice@example.com' && id.payload.email_verified === true && id.payload.name === 'Alice Liddell', 'id token profile/email claims');
  ok(id.payload.exp - id.payload.iat === 3600, 'id token lifetime 3600 s');

  // code reuse
  const again = await token(issuer, {
    grant_type: 'authorization_code', code: s.code, redirect_uri: s.redirect, code_verifier: s.verifier,
  });
  ok(again.status === 400 && again.json.error === 'invalid_grant', 'code cannot be reused');
  const dead = await token(issuer, { grant_type: 'refresh_token', refresh_token: t.json.refresh_token });
  ok(dead.status === 400 && dead.json.error === 'invalid_grant', 'code reuse revokes the tokens issued for that code');
  aliceTokens = t.json;
});

await section('code exchange with resource in token request; redirect_uri port must match', async () => {
  const s = await signIn(issuer, { redirect: 'http://127.0.0.1:41235/callback' });
  let t = await token(issuer, {
    grant_type: 'authorization_code', code: s.code, redirect_uri: 'http://127.0.0.1:41236/callback', code_verifier: s.verifier, resource: RESOURCE,
  });
  ok(t.status === 400 && t.json.error === 'invalid_grant', 'token redirect_uri with another port rejected');
  const s2 = await signIn(issuer, { redirect: 'http://127.0.0.1:41235/callback' });
  t = await token(issuer, {
    grant_type: 'authorization_code', code: s2.code, redirect_uri: s2.redirect, code_verifier: s2.verifier, resource: RESOURCE,
  });
  ok(t.status === 200 && decodeJwt(t.json.access_token).payload.aud === RESOURCE, 'resource repeated in token request works');
});

await section('refresh with rotation', async () => {
  const s = await signIn(issuer);
  aliceTokens = (await token(issuer, {
    grant_type: 'authorization_code', code: s.code, redirect_uri: s.redirect, code_verifier: s.verifier,
  })).json;
  const r1 = await token(issuer, { grant_type: 'refresh_token', refresh_token: aliceTokens.refresh_token });
  ok(r1.status === 200, 'refresh ok without resource', JSON.stringify(r1.json));
  ok(r1.json.refresh_token && r1.json.refresh_token !== aliceTokens.refresh_token, 'refresh token rotated');
  const at = decodeJwt(r1.json.access_token).payload;
  ok(at.aud === RESOURCE && at.sub === 'user_alice' && at.email === 'alice@example.com' && at.name === 'Alice Liddell', 'refreshed JWT keeps aud and claims');
  ok(typeof r1.json.id_token === 'string', 'refresh returns an id token');
  const r2 = await token(issuer, { grant_type: 'refresh_token', refresh_token: r1.json.refresh_token, resource: RESOURCE });
  ok(r2.status === 200, 'refresh with explicit resource ok');
  // reuse of an old (consumed) refresh token kills the whole grant
  const reuse = await token(issuer, { grant_type: 'refresh_token', refresh_token: r1.json.refresh_token });
  ok(reuse.status === 400 && reuse.json.error === 'invalid_grant', 'reused refresh token -> invalid_grant');
  const after = await token(issuer, { grant_type: 'refresh_token', refresh_token: r2.json.refresh_token });
  ok(after.status === 400 && after.json.error === 'invalid_grant', 'after reuse the newest refresh token is dead too');
});

await section('revocation', async () => {
  const s = await signIn(issuer, { user: 'bob' });
  const t = await token(issuer, {
    grant_type: 'authorization_code', code: s.code, redirect_uri: s.redirect, code_verifier: s.verifier,
  });
  ok(decodeJwt(t.json.access_token).payload.sub === 'user_bob', 'bob signs in');
  const rev = await fetch(new URL('/token/revocation', issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: CLIENT_ID, token: t.json.refresh_token, token_type_hint: 'refresh_token' }),
  });
  ok(rev.status === 200, 'revocation 200');
  const revAt = await fetch(new URL('/token/revocation', issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: CLIENT_ID, token: t.json.access_token }),
  });
  const revAtBody = await revAt.json().catch(() => ({}));
  ok(revAt.status === 400 && revAtBody.error === 'unsupported_token_type', 'JWT access token revocation -> unsupported_token_type', `${revAt.status} ${JSON.stringify(revAtBody)}`);
  const r = await token(issuer, { grant_type: 'refresh_token', refresh_token: t.json.refresh_token });
  ok(r.status === 400 && r.json.error === 'invalid_grant', 'refresh after revocation -> invalid_grant');
});

await section('opaque token without resource + userinfo', async () => {
  const s = await signIn(issuer, { resource: null });
  const t = await token(issuer, {
    grant_type: 'authorization_code', code: s.code, redirect_uri: s.redirect, code_verifier: s.verifier,
  });
  ok(t.status === 200 && t.json.access_token.split('.').length === 1, 'no resource -> opaque access token');
  ok(typeof t.json.refresh_token === 'string', 'refresh token without resource');
  const ui = await fetch(new URL('/me', issuer), { headers: { authorization: `Bearer ${t.json.access_token}` } });
  const body = await ui.json();
  ok(ui.status === 200 && body.sub === 'user_alice' && body.email === 'alice@example.com' && body.name === 'Alice Liddell', 'userinfo with opaque token', JSON.stringify(body));
  const ui2 = await fetch(new URL('/me', issuer), { headers: { authorization: `Bearer ${aliceTokens.access_token}` } });
  ok(ui2.status === 401, 'userinfo refuses a JWT (API audience) access token', String(ui2.status));
  const id = decodeJwt(t.json.id_token).payload;
  ok(id.name === 'Alice Liddell' && id.email === 'alice@example.com', 'id token carries profile even with an opaque access token');
});

await section('test hooks: fail-next', async () => {
  const s = await signIn(issuer);
  const t = await token(issuer, {
    grant_type: 'authorization_code', code: s.code, redirect_uri: s.redirect, code_verifier: s.verifier,
  });
  const f = await hook(issuer, '/__test/fail-next?endpoint=token&status=503&count=2');
  ok(f.status === 200, 'fail-next accepted');
  const a = await token(issuer, { grant_type: 'refresh_token', refresh_token: t.json.refresh_token });
  const b = await token(issuer, { grant_type: 'refresh_token', refresh_token: t.json.refresh_token });
  ok(a.status === 503 && b.status === 503, 'two injected 503s');
  ok(a.headers.get('retry-after') === '1', 'Retry-After: 1');
  const c = await token(issuer, { grant_type: 'refresh_token', refresh_token: t.json.refresh_token });
  ok(c.status === 200, 'third request goes through (refresh token untouched by injected failures)', JSON.stringify(c.json));
  await hook(issuer, '/__test/fail-next?endpoint=token&status=429&count=1');
  const d = await token(issuer, { grant_type: 'refresh_token', refresh_token: c.json.refresh_token });
  ok(d.status === 429 && d.headers.get('retry-after') === '1', '429 with Retry-After');
  await hook(issuer, '/__test/fail-next?endpoint=token&status=500&count=1');
  const e = await token(issuer, { grant_type: 'refresh_token', refresh_token: c.json.refresh_token });
  ok(e.status === 500 && e.headers.get('retry-after') === null, '500 without Retry-After');
});

await section('test hooks: misbehave', async () => {
  const exchange = (s) => token(issuer, {
    grant_type: 'authorization_code', code: s.code, redirect_uri: s.redirect, code_verifier: s.verifier,
  });
  const bad = await hook(issuer, '/__test/misbehave?endpoint=token&mode=nonsense');
  ok(bad.status === 400, 'unknown mode refused');
  const badJson = await hook(issuer, '/__test/misbehave?endpoint=token&mode=expires-in%3Dsoon');
  ok(badJson.status === 400, 'expires-in needs a JSON value');

  let f = await hook(issuer, '/__test/misbehave?endpoint=token&mode=crlf-access-token');
  ok(f.status === 200, 'misbehave accepted');
  const s1 = await signIn(issuer);
  const t1 = await exchange(s1);
  ok(t1.status === 200 && t1.json.access_token.includes('\r\nX-Injected: 1'), 'CR LF in the access token');
  const t1b = await token(issuer, { grant_type: 'refresh_token', refresh_token: t1.json.refresh_token });
  ok(t1b.status === 200 && !t1b.json.access_token.includes('\r'), 'count=1: the next answer is normal');

  await hook(issuer, '/__test/misbehave?endpoint=token&mode=expires-in%3D%22soon%22');
  const t2 = await exchange(await signIn(issuer));
  ok(t2.json.expires_in === 'soon', 'expires_in replaced by a JSON value', JSON.stringify(t2.json.expires_in));

  await hook(issuer, '/__test/misbehave?endpoint=token&mode=huge-access-token%3D20000');
  const t3 = await exchange(await signIn(issuer));
  ok(t3.json.access_token.length === 20000, 'huge access token');

  await hook(issuer, '/__test/misbehave?endpoint=token&mode=drip%3D20');
  const started = Date.now();
  const t4 = await exchange(await signIn(issuer));
  ok(t4.status === 200 && typeof t4.json.access_token === 'string', 'dripped answer is still valid JSON');
  ok(Date.now() - started > 1000, 'dripped slowly', `${Date.now() - started} ms`);

  await hook(issuer, '/__test/misbehave?endpoint=authorization&mode=duplicate-code');
  const s5 = await signIn(issuer);
  ok(s5.callback.searchParams.getAll('code').length === 2, 'callback carries code twice');

  await hook(issuer, `/__test/misbehave?endpoint=authorization&mode=${encodeURIComponent('error-description=The user cancelled')}`);
  const s6 = await signIn(issuer);
  ok(s6.callback.search.includes('error_description=The+user+cancelled'), 'form-encoded error_description', s6.callback.search);
  ok(s6.callback.searchParams.get('state') === s6.state && !s6.callback.searchParams.has('code'), 'state kept, no code');

  await hook(issuer, '/__test/misbehave?endpoint=discovery&mode=plain-http-endpoint%3Dtoken_endpoint');
  const d1 = await (await fetch(new URL('/.well-known/openid-configuration', issuer))).json();
  ok(d1.token_endpoint === 'http://provider.example.com/token_endpoint', 'plain-http token endpoint');
  const d2 = await (await fetch(new URL('/.well-known/openid-configuration', issuer))).json();
  ok(d2.token_endpoint.startsWith(issuer), 'discovery normal again');

  await hook(issuer, '/__test/misbehave?endpoint=token&mode=crlf-access-token&count=5');
  f = await hook(issuer, '/__test/misbehave?endpoint=token&count=0');
  ok(f.status === 200, 'count=0 clears');
  const t7 = await exchange(await signIn(issuer));
  ok(!t7.json.access_token.includes('\r'), 'cleared misbehaviour does not apply');
  ok((await stats(issuer)).misbehaved >= 7, 'misbehaved counted');
});

await section('test hooks: stall-next', async () => {
  await hook(issuer, '/__test/stall-next?endpoint=token&count=1');
  const t0 = Date.now();
  let timedOut = false;
  try {
    await fetch(new URL('/token', issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=refresh_token&refresh_token=x&client_id=clipshelf-desktop',
      signal: AbortSignal.timeout(1500),
    });
  } catch (err) {
    timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
  }
  ok(timedOut && Date.now() - t0 >= 1400, 'stalled request gets no answer');
  const next = await token(issuer, { grant_type: 'refresh_token', refresh_token: 'x' });
  ok(next.status === 400, 'next request answered normally');
});

await section('test hooks: userinfo-mode', async () => {
  const s = await signIn(issuer, { resource: null });
  const t = await token(issuer, {
    grant_type: 'authorization_code', code: s.code, redirect_uri: s.redirect, code_verifier: s.verifier,
  });
  const me = () => fetch(new URL('/me', issuer), { headers: { authorization: `Bearer ${t.json.access_token}` } });
  const bad = await hook(issuer, '/__test/userinfo-mode?mode=sideways');
  ok(bad.status === 400, 'userinfo-mode refuses an unknown mode');
  await hook(issuer, '/__test/userinfo-mode?mode=other-sub&count=1');
  const other = await (await me()).json();
  ok(other.sub === 'user_mallory', 'other-sub answers for another account', JSON.stringify(other));
  const back = await (await me()).json();
  ok(back.sub === 'user_alice', 'count=1: the next answer is normal again', JSON.stringify(back));
  await hook(issuer, '/__test/userinfo-mode?mode=delay&delay_ms=700&count=1');
  const t0 = Date.now();
  const late = await (await me()).json();
  ok(Date.now() - t0 >= 650 && late.sub === 'user_alice', 'delay answers normally, late', `${Date.now() - t0} ms`);
  await hook(issuer, '/__test/userinfo-mode?mode=other-sub&delay_ms=300');
  await hook(issuer, '/__test/userinfo-mode?mode=normal');
  ok((await (await me()).json()).sub === 'user_alice', 'mode=normal ends the mode');
});

await section('test hooks: revoke user + stats', async () => {
  await hook(issuer, '/__test/reset-stats');
  const s = await signIn(issuer);
  const t = await token(issuer, {
    grant_type: 'authorization_code', code: s.code, redirect_uri: s.redirect, code_verifier: s.verifier,
  });
  const r1 = await token(issuer, { grant_type: 'refresh_token', refresh_token: t.json.refresh_token });
  ok(r1.status === 200, 'refresh before revoke');
  const rv = await hook(issuer, '/__test/revoke?sub=user_alice');
  const rvBody = await rv.json();
  ok(rv.status === 200 && rvBody.grants >= 1, 'revoke hook', JSON.stringify(rvBody));
  const r2 = await token(issuer, { grant_type: 'refresh_token', refresh_token: r1.json.refresh_token });
  ok(r2.status === 400 && r2.json.error === 'invalid_grant', 'refresh after revoke hook -> invalid_grant');
  await fetch(new URL('/me', issuer), { headers: { authorization: 'Bearer nope' } });
  await fetch(new URL('/token/revocation', issuer), {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `client_id=${CLIENT_ID}&token=nothing`,
  });
  const st = await stats(issuer);
  ok(st.token_requests === 3, 'stats.token_requests', JSON.stringify(st));
  ok(st.authorization_code_grants === 1, 'stats.authorization_code_grants');
  ok(st.refresh_grants === 1, 'stats.refresh_grants');
  ok(st.refresh_failures === 1, 'stats.refresh_failures');
  ok(st.revocations === 1, 'stats.revocations');
  ok(st.userinfo === 1, 'stats.userinfo');
  const reset = await hook(issuer, '/__test/reset-stats');
  ok(reset.status === 200 && (await stats(issuer)).token_requests === 0, 'reset-stats');
});

await section('test browser (tests/e2e/browser/signin-browser.mjs)', async () => {
  const browserScript = path.join(HERE, '..', '..', 'e2e', 'browser', 'signin-browser.mjs');
  const chromium = process.env.CLIPSHELF_TEST_CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(chromium) || !fs.existsSync(browserScript) || process.env.SELFTEST_NO_BROWSER) {
    skipped += 1;
    console.log(`skip test browser (${fs.existsSync(chromium) ? 'disabled' : `${chromium} missing`})`);
    return;
  }
  const http = await import('node:http');
  const callbacks = [];
  const listener = http.createServer((rq, rs) => {
    const u = new URL(rq.url, 'http://127.0.0.1');
    if (u.pathname !== '/callback') { rs.writeHead(404); rs.end(); return; }
    callbacks.push(u);
    rs.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    rs.end(u.searchParams.has('error')
      ? `<h1>Clipshelf sign-in failed</h1><p>${u.searchParams.get('error')}</p>`
      : '<h1>Signed in to Clipshelf</h1><p>You can close this window.</p>');
  });
  await new Promise((r) => { listener.listen(0, '127.0.0.1', r); });
  const redirect = `http://127.0.0.1:${listener.address().port}/callback`;
  const runBrowser = (args, authorizeUrl) => new Promise((resolve) => {
    const child = spawn(process.execPath, [browserScript, ...args, authorizeUrl], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => resolve({ code, out }));
  });
  try {
    const { verifier, challenge } = pkce();
    const state = b64url(crypto.randomBytes(12));
    const url1 = authUrl(issuer, { challenge, state, redirect });
    const r1 = await runBrowser(['--user', 'bob', '--expect-text', 'Signed in to Clipshelf'], url1);
    ok(r1.code === 0, 'browser signs in as bob', r1.out.trim());
    ok(!r1.out.includes(state) && !r1.out.includes(challenge), 'browser output has no query values');
    const cb = callbacks.at(-1);
    ok(cb?.searchParams.get('state') === state && cb?.searchParams.get('iss') === issuer, 'callback state/iss');
    const t = await token(issuer, {
      grant_type: 'authorization_code', code: cb?.searchParams.get('code'), redirect_uri: redirect, code_verifier: verifier,
    });
    ok(t.status === 200 && decodeJwt(t.json.access_token).payload.sub === 'user_bob', 'code from the browser exchanges for bob');

    const r2 = await runBrowser(['--cancel', '--expect-text', 'access_denied'], authUrl(issuer, { challenge: pkce().challenge, state: 'c2', redirect }));
    ok(r2.code === 0 && callbacks.at(-1)?.searchParams.get('error') === 'access_denied', 'browser --cancel', r2.out.trim());

    const r3 = await runBrowser(['--password', 'wrong'], authUrl(issuer, { challenge: pkce().challenge, state: 'c3', redirect }));
    ok(r3.code === 1 && /Wrong username or password/.test(r3.out), 'browser reports a rejected password', r3.out.trim());

    const r4 = await runBrowser(['--expect-text', 'not there'], authUrl(issuer, { challenge: pkce().challenge, state: 'c4', redirect }));
    ok(r4.code === 1 && /lacks the expected text/.test(r4.out), 'browser --expect-text mismatch fails', r4.out.trim());
  } finally {
    listener.close();
  }
});

await section('logs contain no secrets', async () => {
  const secrets = [aliceTokens.access_token, aliceTokens.refresh_token, aliceTokens.id_token, 'alice-password'];
  ok(!secrets.some((x) => srv.stderr.includes(x)), 'no tokens or passwords on stderr');
});

await section('SIGTERM', async () => {
  const r = await srv.stop();
  ok(r.code === 0, 'exit 0 on SIGTERM', JSON.stringify(r));
});

await section('state dir persistence + TTL env + port file', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clipshelf-provider-'));
  const stateDir = path.join(dir, 'state');
  const portFile = path.join(dir, 'issuer.txt');
  const env = {
    PROVIDER_STATE_DIR: stateDir, PROVIDER_ACCESS_TTL: '120', PROVIDER_ID_TTL: '600', PROVIDER_REFRESH_TTL: '7200',
    PROVIDER_RESOURCE: 'https://api.clipshelf.test', PROVIDER_EXTRA_RESOURCES: 'urn:clipshelf:other, urn:clipshelf:third',
  };
  const a = await startServer(env, ['--port-file', portFile]);
  try {
    ok(fs.readFileSync(portFile, 'utf8').trim() === a.issuer, 'port file holds the issuer');
    const keyFile = path.join(stateDir, 'keys.json');
    ok(fs.existsSync(keyFile) && (fs.statSync(keyFile).mode & 0o777) === 0o600, 'keys.json mode 0600');
    const s = await signIn(a.issuer, { resource: 'https://api.clipshelf.test' });
    const t = await token(a.issuer, {
      grant_type: 'authorization_code', code: s.code, redirect_uri: s.redirect, code_verifier: s.verifier,
    });
    const at = decodeJwt(t.json.access_token).payload;
    ok(at.aud === 'https://api.clipshelf.test' && at.exp - at.iat === 120 && t.json.expires_in === 120, 'PROVIDER_RESOURCE + PROVIDER_ACCESS_TTL');
    const id = decodeJwt(t.json.id_token).payload;
    ok(id.exp - id.iat === 600, 'PROVIDER_ID_TTL');
    const s2 = await signIn(a.issuer, { resource: 'urn:clipshelf:third' });
    const t2 = await token(a.issuer, {
      grant_type: 'authorization_code', code: s2.code, redirect_uri: s2.redirect, code_verifier: s2.verifier,
    });
    ok(decodeJwt(t2.json.access_token).payload.aud === 'urn:clipshelf:third', 'extra resource accepted');
    const kid1 = decodeJwt(t.json.access_token).header.kid;
    await a.stop();
    const b = await startServer(env);
    try {
      const r = await token(b.issuer, { grant_type: 'refresh_token', refresh_token: t.json.refresh_token });
      if (b.issuer === a.issuer) {
        ok(r.status === 200, 'refresh token survives a restart (same port)', JSON.stringify(r.json));
      } else {
        // the issuer changed with the port: the stored grant still exists, but a new port is a new issuer
        ok(r.status === 200 || r.status === 400, 'refresh after restart on another port answered', JSON.stringify(r.json));
      }
      if (r.status === 200) ok(decodeJwt(r.json.access_token).header.kid === kid1, 'signing key reused after restart');
      const st = fs.statSync(path.join(stateDir, 'state.json'));
      ok((st.mode & 0o777) === 0o600, 'state.json mode 0600');
    } finally {
      await b.stop();
    }
    // same port restart: pick the port of a and reuse it explicitly
    const port = new URL(a.issuer).port;
    const c = await startServer(env, ['--port', port]).catch(() => null);
    if (c) {
      try {
        const s3 = await signIn(c.issuer, { resource: 'https://api.clipshelf.test' });
        const t3 = await token(c.issuer, {
          grant_type: 'authorization_code', code: s3.code, redirect_uri: s3.redirect, code_verifier: s3.verifier,
        });
        await c.stop();
        const d = await startServer(env, ['--port', port]);
        try {
          const r = await token(d.issuer, { grant_type: 'refresh_token', refresh_token: t3.json.refresh_token });
          ok(r.status === 200, 'refresh token survives a restart on the same port', JSON.stringify(r.json));
          const jwt = await verifyJwt(d.issuer, r.json.access_token);
          ok(jwt.valid && jwt.header.kid === kid1, 'same signing key after restart');
        } finally {
          await d.stop();
        }
      } finally {
        if (c.child.exitCode === null) await c.stop();
      }
    }
  } finally {
    if (a.child.exitCode === null) await a.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
