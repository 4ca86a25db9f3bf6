#!/usr/bin/env node
// Clipshelf local OpenID provider for tests and demos (oidc-provider 9).
//
//   node server.mjs [--port N] [--port-file PATH]
//
// Binds 127.0.0.1 only. Prints exactly one line to stdout once listening:
//   {"ready":true,"issuer":"http://127.0.0.1:PORT"}
// Everything else (logs) goes to stderr. Tokens, codes and secrets are never logged.
//
// Environment (all optional):
//   PROVIDER_RESOURCE          API resource indicator / JWT audience (default urn:clipshelf:api)
//   PROVIDER_EXTRA_RESOURCES   comma list of further accepted resource indicators
//   PROVIDER_RESOURCE_SCOPES   scopes a resource-bound access token may carry
//                              (default "openid profile email offline_access")
//   PROVIDER_DEFAULT_RESOURCE  "1": authorization requests without `resource` get PROVIDER_RESOURCE
//                              (JWT access tokens without the client sending `resource`). Default off.
//   PROVIDER_ACCESS_TTL        access token lifetime, seconds (default 300)
//   PROVIDER_ID_TTL            ID token lifetime, seconds (default 3600)
//   PROVIDER_REFRESH_TTL       refresh token lifetime, seconds (default 1209600)
//   PROVIDER_STATE_DIR         directory to persist signing keys, cookie keys and grants/tokens/sessions
//   PROVIDER_LOG               "quiet" to log only errors

import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { Readable } from 'node:stream';

// oidc-provider prints its notices with console.info (stdout). stdout is reserved for the
// ready line, so route every console method to stderr before the library is loaded.
console.info = (...a) => console.error(...a);
console.log = (...a) => console.error(...a);

const { default: Provider, errors } = await import('oidc-provider');

// ---------------------------------------------------------------- arguments / env

function usage(code) {
  process.stderr.write('usage: node server.mjs [--port N (0 = ephemeral, default)] [--port-file PATH]\n');
  process.exit(code);
}

const argv = process.argv.slice(2);
let port = 0;
let portFile;
for (let i = 0; i < argv.length; i += 1) {
  const a = argv[i];
  const value = () => {
    if (i + 1 >= argv.length) usage(2);
    i += 1;
    return argv[i];
  };
  if (a === '--port') port = Number(value());
  else if (a.startsWith('--port=')) port = Number(a.slice(7));
  else if (a === '--port-file') portFile = value();
  else if (a.startsWith('--port-file=')) portFile = a.slice(12);
  else if (a === '--help' || a === '-h') usage(0);
  else {
    process.stderr.write(`unknown argument: ${a}\n`);
    usage(2);
  }
}
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write('--port must be an integer 0..65535\n');
  process.exit(2);
}

function envSeconds(name, dflt) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) {
    process.stderr.write(`${name} must be a positive integer (seconds)\n`);
    process.exit(2);
  }
  return n;
}

const ACCESS_TTL = envSeconds('PROVIDER_ACCESS_TTL', 300);
const ID_TTL = envSeconds('PROVIDER_ID_TTL', 3600);
const REFRESH_TTL = envSeconds('PROVIDER_REFRESH_TTL', 1209600);
const RESOURCE = process.env.PROVIDER_RESOURCE || 'urn:clipshelf:api';
const EXTRA_RESOURCES = (process.env.PROVIDER_EXTRA_RESOURCES || '')
  .split(',').map((s) => s.trim()).filter(Boolean);
const RESOURCES = new Set([RESOURCE, ...EXTRA_RESOURCES]);
const RESOURCE_SCOPES = process.env.PROVIDER_RESOURCE_SCOPES || 'openid profile email offline_access';
const DEFAULT_RESOURCE = /^(1|true|yes|on)$/i.test(process.env.PROVIDER_DEFAULT_RESOURCE || '');
const STATE_DIR = process.env.PROVIDER_STATE_DIR || '';
const QUIET = process.env.PROVIDER_LOG === 'quiet';

for (const r of RESOURCES) {
  if (!URL.parse(r)) {
    process.stderr.write(`resource indicator is not an absolute URI: ${r}\n`);
    process.exit(2);
  }
}

function log(...parts) {
  if (!QUIET) process.stderr.write(`[provider] ${parts.join(' ')}\n`);
}
function logError(...parts) {
  process.stderr.write(`[provider] ERROR ${parts.join(' ')}\n`);
}

// ---------------------------------------------------------------- users

const USERS = new Map([
  ['alice', {
    sub: 'user_alice', password: 'alice-password', email: 'alice@example.com', name: 'Alice Liddell',
  }],
  ['bob', {
    sub: 'user_bob', password: 'bob-password', email: 'bob@example.com', name: 'Bob Builder',
  }],
]);
const USERS_BY_SUB = new Map([...USERS.values()].map((u) => [u.sub, u]));

function passwordMatches(given, expected) {
  const a = crypto.createHash('sha256').update(String(given)).digest();
  const b = crypto.createHash('sha256').update(String(expected)).digest();
  return crypto.timingSafeEqual(a, b);
}

// ---------------------------------------------------------------- state dir: keys

function writePrivateFile(file, text) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

function generateKeys() {
  const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  const kid = () => crypto.randomBytes(8).toString('base64url');
  return {
    jwks: {
      keys: [
        { ...rsa, kid: `rs256-${kid()}`, alg: 'RS256', use: 'sig' },
        { ...ec, kid: `es256-${kid()}`, alg: 'ES256', use: 'sig' },
      ],
    },
    cookieKeys: [crypto.randomBytes(32).toString('base64url')],
  };
}

function loadOrCreateKeys() {
  if (!STATE_DIR) return generateKeys();
  fs.mkdirSync(STATE_DIR, { recursive: true, mode: 0o700 });
  const file = path.join(STATE_DIR, 'keys.json');
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (Array.isArray(parsed?.jwks?.keys) && parsed.jwks.keys.length && Array.isArray(parsed.cookieKeys)) {
      fs.chmodSync(file, 0o600);
      log(`reusing signing keys from ${file}`);
      return parsed;
    }
    logError(`ignoring malformed ${file}`);
  } catch (err) {
    if (err.code !== 'ENOENT') logError(`cannot read ${file}: ${err.message}`);
  }
  const keys = generateKeys();
  writePrivateFile(file, `${JSON.stringify(keys, null, 2)}\n`);
  log(`generated signing keys, saved to ${file}`);
  return keys;
}

// ---------------------------------------------------------------- adapter (memory, optionally file-backed)

const GRANTABLE = new Set([
  'AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode',
  'BackchannelAuthenticationRequest', 'ClientCredentials',
]);
// Only what must survive a restart of a demo gets written to disk.
const PERSISTED = new Set(['Session', 'Grant', 'AccessToken', 'RefreshToken']);

class Store {
  constructor(file) {
    this.file = file;
    this.map = new Map(); // key "Model:id" -> { payload, expiresAt (ms) | null }
    this.writeTimer = null;
    if (file) this.load();
  }

  load() {
    try {
      const data = JSON.parse(fs.readFileSync(this.file, 'utf8'));
      const now = Date.now();
      for (const [key, entry] of Object.entries(data.entries || {})) {
        if (entry.expiresAt === null || entry.expiresAt > now) this.map.set(key, entry);
      }
      log(`restored ${this.map.size} stored grants/tokens/sessions from ${this.file}`);
    } catch (err) {
      if (err.code !== 'ENOENT') logError(`cannot read ${this.file}: ${err.message}`);
    }
  }

  get(key) {
    const entry = this.map.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== null && entry.expiresAt <= Date.now()) {
      this.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  set(key, payload, expiresIn) {
    const expiresAt = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : null;
    this.map.set(key, { payload, expiresAt });
    this.changed(key);
  }

  delete(key) {
    if (this.map.delete(key)) this.changed(key);
  }

  // Live entries of one model (or all models when model is undefined).
  * entries(model) {
    const now = Date.now();
    for (const [key, entry] of this.map) {
      if (entry.expiresAt !== null && entry.expiresAt <= now) continue;
      const m = key.slice(0, key.indexOf(':'));
      if (model === undefined || m === model) yield [key, m, entry.payload];
    }
  }

  changed(key) {
    if (!this.file || !PERSISTED.has(key.slice(0, key.indexOf(':')))) return;
    if (this.writeTimer) return;
    this.writeTimer = setTimeout(() => {
      this.writeTimer = null;
      this.flush();
    }, 50);
  }

  flush() {
    if (!this.file) return;
    if (this.writeTimer) {
      clearTimeout(this.writeTimer);
      this.writeTimer = null;
    }
    const now = Date.now();
    const out = {};
    for (const [key, entry] of this.map) {
      if (!PERSISTED.has(key.slice(0, key.indexOf(':')))) continue;
      if (entry.expiresAt !== null && entry.expiresAt <= now) {
        this.map.delete(key);
        continue;
      }
      out[key] = entry;
    }
    try {
      writePrivateFile(this.file, JSON.stringify({ version: 1, entries: out }));
    } catch (err) {
      logError(`cannot write ${this.file}: ${err.message}`);
    }
  }

  // Removes every grant of `accountId` and everything issued under it, plus the user's sessions.
  revokeAccount(accountId) {
    const grantIds = new Set();
    for (const [key, , payload] of this.entries('Grant')) {
      if (payload.accountId === accountId) {
        grantIds.add(key.slice(key.indexOf(':') + 1));
        this.delete(key);
      }
    }
    let tokens = 0;
    let sessions = 0;
    for (const [key, model, payload] of [...this.entries()]) {
      if (GRANTABLE.has(model) && (grantIds.has(payload.grantId) || payload.accountId === accountId)) {
        this.delete(key);
        tokens += 1;
      } else if (model === 'Session' && payload.accountId === accountId) {
        this.delete(key);
        sessions += 1;
      }
    }
    return { grants: grantIds.size, tokens, sessions };
  }
}

let store;

class Adapter {
  constructor(model) {
    this.model = model;
  }

  key(id) {
    return `${this.model}:${id}`;
  }

  async upsert(id, payload, expiresIn) {
    store.set(this.key(id), payload, expiresIn);
  }

  async find(id) {
    return store.get(this.key(id));
  }

  async findByUid(uid) {
    for (const [, , payload] of store.entries(this.model)) {
      if (payload.uid === uid) return payload;
    }
    return undefined;
  }

  async findByUserCode(userCode) {
    for (const [, , payload] of store.entries(this.model)) {
      if (payload.userCode === userCode) return payload;
    }
    return undefined;
  }

  async consume(id) {
    const key = this.key(id);
    const payload = store.get(key);
    if (payload) {
      payload.consumed = Math.floor(Date.now() / 1000);
      store.changed(key);
    }
  }

  async destroy(id) {
    store.delete(this.key(id));
  }

  async revokeByGrantId(grantId) {
    for (const [key, , payload] of [...store.entries(this.model)]) {
      if (payload.grantId === grantId) store.delete(key);
    }
  }
}

// ---------------------------------------------------------------- HTML

function esc(value) {
  return String(value ?? '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `
  :root { color-scheme: light; }
  * { box-sizing: border-box; }
  body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center;
         font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
         background: linear-gradient(135deg, #eef2ff 0%, #f8fafc 60%, #ecfeff 100%); color: #0f172a; }
  .card { width: 360px; background: #fff; border-radius: 14px; padding: 32px 32px 24px;
          box-shadow: 0 10px 30px rgba(15, 23, 42, .12), 0 1px 3px rgba(15, 23, 42, .08); }
  .brand { display: flex; align-items: center; gap: 10px; margin-bottom: 18px; }
  .logo { width: 36px; height: 36px; border-radius: 9px; background: #4f46e5; color: #fff;
          display: flex; align-items: center; justify-content: center; font-weight: 700; font-size: 18px; }
  .tag { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: #64748b; }
  h1 { font-size: 20px; margin: 0 0 4px; }
  p.sub { margin: 0 0 20px; color: #475569; font-size: 14px; }
  label { display: block; font-size: 13px; font-weight: 600; margin: 14px 0 6px; color: #334155; }
  input { width: 100%; padding: 10px 12px; font-size: 15px; border: 1px solid #cbd5e1; border-radius: 8px;
          outline: none; background: #f8fafc; }
  input:focus { border-color: #4f46e5; box-shadow: 0 0 0 3px rgba(79, 70, 229, .18); background: #fff; }
  .actions { display: flex; gap: 10px; margin-top: 22px; }
  button { flex: 1; padding: 10px 12px; font-size: 15px; font-weight: 600; border-radius: 8px; cursor: pointer;
           border: 1px solid transparent; }
  button.primary { background: #4f46e5; color: #fff; }
  button.primary:hover { background: #4338ca; }
  button.secondary { background: #fff; color: #334155; border-color: #cbd5e1; }
  button.secondary:hover { background: #f1f5f9; }
  .error { margin: 0 0 6px; padding: 10px 12px; border-radius: 8px; background: #fef2f2; color: #b91c1c;
           border: 1px solid #fecaca; font-size: 14px; }
  .hint { margin-top: 18px; font-size: 12px; color: #94a3b8; text-align: center; }
  pre { white-space: pre-wrap; word-break: break-word; font-size: 13px; background: #f8fafc; padding: 8px; border-radius: 6px; }
`;

function page(title, body) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main class="card">
<div class="brand"><div class="logo">C</div><div><div><strong>Clipshelf</strong></div><div class="tag">test provider</div></div></div>
${body}
</main>
</body>
</html>`;
}

function loginPage(uid, { login = '', error } = {}) {
  return page('Sign in to Clipshelf (test provider)', `
<h1>Sign in to Clipshelf</h1>
<p class="sub">Local test identity provider. Use <code>alice</code> or <code>bob</code>.</p>
${error ? `<div class="error" id="error" role="alert">${esc(error)}</div>` : ''}
<form method="post" action="/interaction/${esc(uid)}" autocomplete="off">
  <label for="login">Username</label>
  <input id="login" name="login" value="${esc(login)}" autofocus required autocapitalize="off" spellcheck="false">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" required>
  <div class="actions">
    <button id="cancel" class="secondary" type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
    <button id="submit" class="primary" type="submit" name="action" value="login">Sign in</button>
  </div>
</form>
<div class="hint">Passwords are <code>&lt;user&gt;-password</code>.</div>`);
}

// ---------------------------------------------------------------- stats and fault injection

function newStats() {
  return {
    token_requests: 0,
    authorization_code_grants: 0,
    refresh_grants: 0,
    refresh_failures: 0,
    revocations: 0,
    userinfo: 0,
    authorization_requests: 0,
    logins: 0,
    login_failures: 0,
    cancellations: 0,
    injected_failures: 0,
    stalled_requests: 0,
    userinfo_mode_requests: 0,
  };
}
let stats = newStats();

// endpoint name -> { fail: {count, status, error} | null, stall: count }
const faults = new Map();
const stalledSockets = new Set();

// ---------------------------------------------------------------- start

const keys = loadOrCreateKeys();
store = new Store(STATE_DIR ? path.join(STATE_DIR, 'state.json') : undefined);

let handler = (req, res) => {
  res.statusCode = 503;
  res.end();
};
const server = http.createServer((req, res) => handler(req, res));
server.on('clientError', (err, socket) => {
  if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
});

try {
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1' }, resolve);
  });
} catch (err) {
  logError(`cannot listen on 127.0.0.1:${port}: ${err.code || err.message}`);
  process.exit(1);
}
const ISSUER = `http://127.0.0.1:${server.address().port}`;

function resourceServerInfo(indicator) {
  return {
    scope: RESOURCE_SCOPES,
    audience: indicator,
    accessTokenTTL: ACCESS_TTL,
    accessTokenFormat: 'jwt',
    jwt: { sign: { alg: 'RS256' } },
  };
}

const configuration = {
  adapter: Adapter,
  jwks: keys.jwks,
  cookies: {
    keys: keys.cookieKeys,
    names: { session: '_clipshelf_session', interaction: '_clipshelf_interaction', resume: '_clipshelf_resume' },
  },
  clients: [{
    client_id: 'clipshelf-desktop',
    client_name: 'Clipshelf',
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    redirect_uris: ['http://127.0.0.1/callback'],
    post_logout_redirect_uris: ['http://127.0.0.1/logout', 'http://127.0.0.1/callback'],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    id_token_signed_response_alg: 'RS256',
  }],
  responseTypes: ['code'],
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'email', 'offline_access'],
  claims: {
    openid: ['sub'],
    profile: ['name', 'picture'],
    email: ['email', 'email_verified'],
  },
  // Put the scope's claims in the ID token even when an opaque access token (userinfo-capable) is issued.
  conformIdTokenClaims: false,
  async findAccount(ctx, sub) {
    const user = USERS_BY_SUB.get(sub);
    if (!user) return undefined;
    return {
      accountId: sub,
      async claims() {
        return {
          sub, name: user.name, email: user.email, email_verified: true,
        };
      },
    };
  },
  async extraTokenClaims(ctx, token) {
    if (token.kind !== 'AccessToken' || !token.resourceServer) return undefined;
    const user = USERS_BY_SUB.get(token.accountId);
    if (!user) return undefined;
    return { email: user.email, name: user.name };
  },
  // offline_access is honoured without prompt=consent: refresh tokens whenever it was granted.
  async issueRefreshToken(ctx, client, code) {
    return client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access');
  },
  rotateRefreshToken: true,
  features: {
    devInteractions: { enabled: false },
    revocation: {
      enabled: true,
      allowedPolicy: async (ctx, client, token) => token.clientId === client.clientId,
    },
    userinfo: { enabled: true },
    introspection: { enabled: false },
    pushedAuthorizationRequests: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      async logoutSource(ctx, form) {
        ctx.body = page('Sign out of Clipshelf (test provider)', `
<h1>Sign out?</h1>
<p class="sub">Do you want to sign out of the Clipshelf test provider?</p>
${form}
<div class="actions">
  <button id="logout-no" class="secondary" type="submit" form="op.logoutForm">Stay signed in</button>
  <button id="logout-yes" class="primary" type="submit" form="op.logoutForm" value="yes" name="logout" autofocus>Sign out</button>
</div>`);
      },
      async postLogoutSuccessSource(ctx) {
        ctx.body = page('Signed out (test provider)', '<h1>Signed out</h1><p class="sub">You have been signed out of the Clipshelf test provider.</p>');
      },
    },
    resourceIndicators: {
      enabled: true,
      async defaultResource(ctx, client, oneOf) {
        if (oneOf) return oneOf.includes(RESOURCE) ? RESOURCE : oneOf[0];
        return DEFAULT_RESOURCE ? RESOURCE : undefined;
      },
      // refresh / code exchange without `resource` keeps the resource granted at authorization.
      async useGrantedResource() {
        return true;
      },
      async getResourceServerInfo(ctx, indicator) {
        if (RESOURCES.has(indicator)) return resourceServerInfo(indicator);
        throw new errors.InvalidTarget(`unknown resource indicator ${indicator}`);
      },
    },
  },
  ttl: {
    AccessToken: (ctx, token) => token.resourceServer?.accessTokenTTL || ACCESS_TTL,
    AuthorizationCode: 60,
    ClientCredentials: ACCESS_TTL,
    IdToken: ID_TTL,
    RefreshToken: REFRESH_TTL,
    Interaction: 3600,
    Session: 14 * 24 * 3600,
    Grant: Math.max(REFRESH_TTL, 365 * 24 * 3600),
    DeviceCode: 600,
    BackchannelAuthenticationRequest: 600,
  },
  interactions: {
    url: (ctx, interaction) => `/interaction/${interaction.uid}`,
  },
  clientBasedCORS: () => false,
  async renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Sign-in error (test provider)', `<h1>Something went wrong</h1>
${Object.entries(out).map(([k, v]) => `<pre><strong>${esc(k)}</strong>: ${esc(v)}</pre>`).join('')}`);
  },
};

const provider = new Provider(ISSUER, configuration);
// Recomposed wherever middleware is added further down (Koa composes at callback()).
let providerCallback = provider.callback();

// ---------------------------------------------------------------- events

function grantTypeOf(ctx) {
  return ctx?.oidc?.params?.grant_type;
}
provider.on('grant.success', (ctx) => {
  const gt = grantTypeOf(ctx);
  if (gt === 'authorization_code') stats.authorization_code_grants += 1;
  else if (gt === 'refresh_token') stats.refresh_grants += 1;
  log(`token: ${gt} ok sub=${ctx.oidc.entities?.Account?.accountId ?? '?'}`);
});
provider.on('grant.error', (ctx, err) => {
  const gt = grantTypeOf(ctx);
  if (gt === 'refresh_token') stats.refresh_failures += 1;
  log(`token: ${gt ?? "?"} error ${err.error} (${err.error_detail ?? err.error_description ?? ""})`);
});
provider.on('grant.revoked', (ctx, grantId) => {
  log(`grant revoked (${String(grantId).slice(0, 6)}…)`);
});
provider.on('authorization.error', (ctx, err) => {
  log(`authorization error ${err.error} (${err.error_description ?? ''})`);
});
provider.on('revocation.error', (ctx, err) => log(`revocation error ${err.error} (${err.error_description ?? ''})`));
provider.on('userinfo.error', (ctx, err) => log(`userinfo error ${err.error} (${err.error_description ?? ''})`));
provider.on('end_session.success', () => log('end_session ok'));
provider.on('server_error', (ctx, err) => logError(`server_error on ${ctx.path}: ${err.message}`));

// ---------------------------------------------------------------- request routing

const ENDPOINT_PATHS = new Map([
  ['token', provider.pathFor('token')],
  ['revocation', provider.pathFor('revocation')],
  ['userinfo', provider.pathFor('userinfo')],
  ['authorization', provider.pathFor('authorization')],
  ['end_session', provider.pathFor('end_session')],
  ['jwks', provider.pathFor('jwks')],
  ['discovery', '/.well-known/openid-configuration'],
]);
const PATH_ENDPOINTS = new Map([...ENDPOINT_PATHS].map(([k, v]) => [v, k]));

function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function sendHtml(res, status, html) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(html),
  });
  res.end(html);
}

function readBody(req, limit = 64 * 1024) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function isLoopback(addr) {
  return addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1' || /^(::ffff:)?127\./.test(addr || '');
}

async function handleTestHook(req, res, url) {
  if (!isLoopback(req.socket.remoteAddress)) return sendJson(res, 403, { error: 'forbidden' });
  const route = url.pathname.slice('/__test/'.length);
  const q = url.searchParams;
  if (req.method === 'GET' && route === 'stats') return sendJson(res, 200, stats);
  if (req.method !== 'POST') return sendJson(res, 405, { error: 'method_not_allowed' });
  await readBody(req).catch(() => '');

  switch (route) {
    case 'reset-stats':
      stats = newStats();
      faults.clear();
      misbehaviours.clear();
      userinfoMode = null;
      return sendJson(res, 200, { ok: true });
    case 'userinfo-mode':
      return setUserinfoMode(res, q);
    case 'revoke': {
      const sub = q.get('sub');
      if (!sub) return sendJson(res, 400, { error: 'sub is required' });
      const result = store.revokeAccount(sub);
      log(`test hook: revoked ${result.grants} grant(s), ${result.tokens} token(s), ${result.sessions} session(s) of ${sub}`);
      return sendJson(res, 200, { ok: true, sub, ...result });
    }
    case 'fail-next':
    case 'stall-next': {
      const endpoint = q.get('endpoint') || 'token';
      if (!ENDPOINT_PATHS.has(endpoint)) {
        return sendJson(res, 400, { error: `unknown endpoint; one of ${[...ENDPOINT_PATHS.keys()].join(', ')}` });
      }
      const count = q.has('count') ? Number(q.get('count')) : 1;
      if (!Number.isInteger(count) || count < 0) return sendJson(res, 400, { error: 'count must be an integer >= 0' });
      const f = faults.get(endpoint) || { fail: null, stall: 0 };
      if (route === 'fail-next') {
        const status = q.has('status') ? Number(q.get('status')) : 503;
        if (!Number.isInteger(status) || status < 400 || status > 599) {
          return sendJson(res, 400, { error: 'status must be 400..599' });
        }
        f.fail = count ? { count, status, error: q.get('error') || undefined } : null;
      } else {
        f.stall = count;
      }
      faults.set(endpoint, f);
      log(`test hook: ${route} endpoint=${endpoint} count=${count}${route === 'fail-next' ? ` status=${f.fail?.status ?? '-'}` : ''}`);
      return sendJson(res, 200, { ok: true, endpoint, count });
    }
    case 'misbehave':
      return armMisbehaviour(res, q);
    default:
      return sendJson(res, 404, { error: 'unknown test hook' });
  }
}

// ---------------------------------------------------------------- test hook: userinfo-mode
// POST /__test/userinfo-mode?mode=other-sub|delay|normal[&delay_ms=N][&count=N]
//   other-sub  userinfo answers 200 for another account (sub "user_mallory") instead of the provider
//   delay      userinfo answers as usual, but only after delay_ms
//   normal     back to normal (also what reset-stats does)
// delay_ms (0..60000, default 1000) also delays an other-sub answer; count: how many userinfo
// requests the mode applies to (default: all until changed).

let userinfoMode = null; // { mode, delayMs, count (Infinity = until changed) }

function setUserinfoMode(res, q) {
  const mode = q.get('mode') || 'normal';
  if (!['other-sub', 'delay', 'normal'].includes(mode)) {
    return sendJson(res, 400, { error: 'mode must be other-sub, delay or normal' });
  }
  const delayMs = q.has('delay_ms') ? Number(q.get('delay_ms')) : (mode === 'delay' ? 1000 : 0);
  if (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > 60_000) {
    return sendJson(res, 400, { error: 'delay_ms must be an integer 0..60000' });
  }
  const count = q.has('count') ? Number(q.get('count')) : Infinity;
  if (count !== Infinity && (!Number.isInteger(count) || count < 0)) {
    return sendJson(res, 400, { error: 'count must be an integer >= 0' });
  }
  userinfoMode = mode === 'normal' || count === 0 ? null : { mode, delayMs, count };
  log(`test hook: userinfo-mode ${mode} delay_ms=${delayMs} count=${count}`);
  return sendJson(res, 200, { ok: true, mode, delay_ms: delayMs, count: count === Infinity ? null : count });
}

// Returns true when the userinfo request was taken over by the mode.
function applyUserinfoMode(req, res) {
  const m = userinfoMode;
  if (!m) return false;
  m.count -= 1;
  if (m.count <= 0) userinfoMode = null;
  stats.userinfo_mode_requests += 1;
  const answer = () => {
    if (m.mode === 'other-sub') {
      sendJson(res, 200, { sub: 'user_mallory', name: 'Mallory', email: 'mallory@example.com' });
    } else {
      providerCallback(req, res);
    }
  };
  if (m.delayMs > 0) setTimeout(answer, m.delayMs);
  else answer();
  return true;
}

// ---------------------------------------------------------------- (end of userinfo-mode)

function injectedErrorFor(status) {
  if (status === 503 || status === 429) return 'temporarily_unavailable';
  if (status >= 500) return 'server_error';
  if (status === 401) return 'invalid_client';
  return 'invalid_request';
}

// Returns true when the request was consumed by an injected fault.
function applyFault(endpoint, req, res) {
  const f = faults.get(endpoint);
  if (!f) return false;
  if (f.stall > 0) {
    f.stall -= 1;
    stats.stalled_requests += 1;
    log(`test hook: stalling a ${endpoint} request (${f.stall} more)`);
    const { socket } = req;
    stalledSockets.add(socket);
    req.resume();
    const timer = setTimeout(() => socket.destroy(), 30_000);
    socket.once('close', () => {
      clearTimeout(timer);
      stalledSockets.delete(socket);
    });
    return true;
  }
  if (f.fail && f.fail.count > 0) {
    f.fail.count -= 1;
    const { status } = f.fail;
    const error = f.fail.error || injectedErrorFor(status);
    if (f.fail.count === 0) f.fail = null;
    stats.injected_failures += 1;
    log(`test hook: failing a ${endpoint} request with ${status}`);
    const headers = (status === 503 || status === 429) ? { 'retry-after': '1' } : {};
    req.resume();
    req.on('end', () => sendJson(res, status, { error, error_description: `injected failure (HTTP ${status})` }, headers));
    return true;
  }
  return false;
}

// ---------------------------------------------------------------- misbehaviour switch (issue 13)
// POST /__test/misbehave?endpoint=E&mode=M&count=N makes the provider answer the next N
// requests to E wrongly on purpose, by rewriting the answer oidc-provider produced (a Koa
// middleware). count=0 (or reset-stats) clears E's misbehaviour. Modes per endpoint:
//   token:         crlf-access-token | huge-access-token[=CHARS] | huge-body[=BYTES]
//                  | expires-in=<JSON value> | drip[=MS per byte]
//   authorization: duplicate-code | crlf-code | error-description=<text>
//                  (rewrites the redirect to the loopback callback)
//   discovery:     plain-http-endpoint=<field> | huge-body[=BYTES]
const MISBEHAVIOURS = {
  token: ['crlf-access-token', 'huge-access-token', 'huge-body', 'expires-in', 'drip'],
  authorization: ['duplicate-code', 'crlf-code', 'error-description'],
  discovery: ['plain-http-endpoint', 'huge-body'],
};
const misbehaviours = new Map(); // endpoint -> { mode, arg, count }

function armMisbehaviour(res, q) {
  const endpoint = q.get('endpoint') || 'token';
  if (!MISBEHAVIOURS[endpoint]) {
    return sendJson(res, 400, { error: `unknown endpoint; one of ${Object.keys(MISBEHAVIOURS).join(', ')}` });
  }
  const count = q.has('count') ? Number(q.get('count')) : 1;
  if (!Number.isInteger(count) || count < 0) return sendJson(res, 400, { error: 'count must be an integer >= 0' });
  if (count === 0) {
    misbehaviours.delete(endpoint);
    return sendJson(res, 200, { ok: true, endpoint, count });
  }
  const raw = q.get('mode') || '';
  const eq = raw.indexOf('=');
  const mode = eq < 0 ? raw : raw.slice(0, eq);
  const arg = eq < 0 ? undefined : raw.slice(eq + 1);
  if (!MISBEHAVIOURS[endpoint].includes(mode)) {
    return sendJson(res, 400, { error: `unknown mode for ${endpoint}; one of ${MISBEHAVIOURS[endpoint].join(', ')}` });
  }
  if (mode === 'expires-in') {
    try {
      JSON.parse(arg ?? '');
    } catch {
      return sendJson(res, 400, { error: 'expires-in needs a JSON value, e.g. expires-in=-1 or expires-in="soon"' });
    }
  }
  if ((mode === 'error-description' || mode === 'plain-http-endpoint') && !arg) {
    return sendJson(res, 400, { error: `${mode} needs a value` });
  }
  misbehaviours.set(endpoint, { mode, arg, count });
  log(`test hook: misbehave endpoint=${endpoint} mode=${mode} count=${count}`);
  return sendJson(res, 200, { ok: true, endpoint, mode, count });
}

// The armed misbehaviour for endpoint, used up by one answer.
function takeMisbehaviour(endpoint) {
  const m = misbehaviours.get(endpoint);
  if (!m) return null;
  m.count -= 1;
  if (m.count <= 0) misbehaviours.delete(endpoint);
  stats.misbehaved = (stats.misbehaved || 0) + 1;
  log(`test hook: misbehaving on ${endpoint} (${m.mode})`);
  return m;
}

// A body that trickles out one byte every ms milliseconds.
function drip(text, ms) {
  const bytes = Buffer.from(text);
  let i = 0;
  return new Readable({
    read() {
      if (i >= bytes.length) return this.push(null);
      const byte = bytes.subarray(i, i + 1);
      i += 1;
      setTimeout(() => this.push(byte), ms).unref();
    },
  });
}

function misbehaveOnToken(ctx, m) {
  const body = { ...ctx.body };
  switch (m.mode) {
    case 'crlf-access-token': body.access_token = `${body.access_token}\r\nX-Injected: 1`; break;
    case 'huge-access-token': body.access_token = 'A'.repeat(Number(m.arg) || 20_000); break;
    case 'huge-body': body.padding = 'x'.repeat(Number(m.arg) || 1024 * 1024); break;
    case 'expires-in': body.expires_in = JSON.parse(m.arg); break;
    case 'drip': {
      ctx.body = drip(JSON.stringify(body), Number(m.arg) || 1000);
      ctx.type = 'application/json';
      return;
    }
    default: break;
  }
  ctx.body = body;
}

function misbehaveOnCallbackRedirect(ctx, m) {
  const location = new URL(ctx.response.get('Location'));
  const q = location.searchParams;
  if (m.mode === 'duplicate-code') {
    q.append('code', 'forged-second-code');
  } else if (m.mode === 'crlf-code') {
    q.set('code', `${q.get('code')}\r\nX-Injected: 1`);
  } else if (m.mode === 'error-description') {
    // URLSearchParams form-encodes: spaces become '+', as real providers send them.
    const state = q.get('state');
    const iss = q.get('iss');
    location.search = '';
    q.set('error', 'access_denied');
    q.set('error_description', m.arg);
    if (state !== null) q.set('state', state);
    if (iss !== null) q.set('iss', iss);
  }
  ctx.set('Location', location.toString());
}

function misbehaveOnDiscovery(ctx, m) {
  const body = { ...ctx.body };
  if (m.mode === 'plain-http-endpoint') body[m.arg] = `http://provider.example.com/${m.arg}`;
  else if (m.mode === 'huge-body') body.padding = 'x'.repeat(Number(m.arg) || 1024 * 1024);
  ctx.body = body;
}

provider.use(async (ctx, next) => {
  await next();
  if (misbehaviours.size === 0) return;
  if (ctx.path === ENDPOINT_PATHS.get('token') && ctx.method === 'POST' && ctx.status === 200
      && ctx.body && typeof ctx.body === 'object') {
    const m = takeMisbehaviour('token');
    if (m) misbehaveOnToken(ctx, m);
  } else if (ctx.path === ENDPOINT_PATHS.get('discovery') && ctx.status === 200 && ctx.body) {
    const m = takeMisbehaviour('discovery');
    if (m) misbehaveOnDiscovery(ctx, m);
  } else if ((ctx.status === 302 || ctx.status === 303)
             && /^http:\/\/127\.0\.0\.1:\d+\/callback\?/.test(ctx.response.get('Location') || '')
             && new URL(ctx.response.get('Location')).searchParams.has('code')) {
    const m = takeMisbehaviour('authorization');
    if (m) misbehaveOnCallbackRedirect(ctx, m);
  }
});
providerCallback = provider.callback();
// ---------------------------------------------------------------- end of misbehaviour switch

async function handleInteraction(req, res, url) {
  const uid = url.pathname.split('/')[2];
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch (err) {
    log(`interaction: ${err.error || err.name} (${err.error_description || err.message})`);
    return sendHtml(res, 400, page('Sign-in error (test provider)', `<h1>Sign-in session expired</h1>
<p class="sub">This sign-in request is no longer valid. Return to Clipshelf and start the sign-in again.</p>`));
  }
  if (details.uid !== uid) {
    return sendHtml(res, 400, page('Sign-in error (test provider)', '<h1>Sign-in request mismatch</h1>'));
  }
  const { prompt, params, session } = details;

  if (prompt.name === 'consent') {
    // First-party client: grant everything that was asked for, without a consent page.
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    const d = prompt.details || {};
    if (d.missingOIDCScope) grant.addOIDCScope(d.missingOIDCScope.join(' '));
    if (d.missingOIDCClaims) grant.addOIDCClaims(d.missingOIDCClaims);
    if (d.missingResourceScopes) {
      for (const [indicator, scopes] of Object.entries(d.missingResourceScopes)) {
        grant.addResourceScope(indicator, scopes.join(' '));
      }
    }
    const grantId = await grant.save();
    log(`interaction: consent auto-granted for ${session.accountId}`);
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  if (prompt.name !== 'login') {
    return sendHtml(res, 400, page('Sign-in error (test provider)', `<h1>Unsupported prompt ${esc(prompt.name)}</h1>`));
  }

  if (req.method === 'GET') {
    return sendHtml(res, 200, loginPage(uid));
  }
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'GET, POST' });
    return res.end();
  }

  const form = new URLSearchParams(await readBody(req));
  if (form.get('action') === 'cancel') {
    stats.cancellations += 1;
    log('interaction: user cancelled sign-in');
    return provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'The user cancelled sign-in',
    }, { mergeWithLastSubmission: false });
  }
  const login = (form.get('login') || '').trim();
  const user = USERS.get(login);
  if (!user || !passwordMatches(form.get('password') || '', user.password)) {
    stats.login_failures += 1;
    log(`interaction: wrong username or password for "${login.slice(0, 40)}"`);
    return sendHtml(res, 200, loginPage(uid, { login, error: 'Wrong username or password.' }));
  }
  stats.logins += 1;
  log(`interaction: ${login} signed in`);
  return provider.interactionFinished(req, res, {
    login: { accountId: user.sub, amr: ['pwd'] },
  }, { mergeWithLastSubmission: false });
}

// oidc-provider drops offline_access unless the authorization request carries prompt=consent.
// This first-party test client should get a refresh token whenever it asks for offline_access
// (as with the production provider), so imply prompt=consent when the client sent no prompt.
function impliedConsent(req, url) {
  const q = url.searchParams;
  if (q.has('prompt') || q.has('request') || q.has('request_uri')) return;
  if (!(q.get('scope') || '').split(' ').includes('offline_access')) return;
  q.set('prompt', 'consent');
  req.url = `${url.pathname}?${q.toString()}`;
}

handler = async (req, res) => {
  let url;
  try {
    url = new URL(req.url, ISSUER);
  } catch {
    res.statusCode = 400;
    return res.end();
  }
  try {
    if (url.pathname.startsWith('/__test/')) return await handleTestHook(req, res, url);
    if (url.pathname.startsWith('/interaction/')) return await handleInteraction(req, res, url);
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }

    const endpoint = PATH_ENDPOINTS.get(url.pathname);
    if (endpoint === 'token' && req.method === 'POST') stats.token_requests += 1;
    else if (endpoint === 'revocation' && req.method === 'POST') stats.revocations += 1;
    else if (endpoint === 'userinfo') stats.userinfo += 1;
    else if (endpoint === 'authorization') stats.authorization_requests += 1;
    if (endpoint && applyFault(endpoint, req, res)) return undefined;
    if (endpoint === 'userinfo' && applyUserinfoMode(req, res)) return undefined;

    if (endpoint === 'authorization' && req.method === 'GET') impliedConsent(req, url);

    return providerCallback(req, res);
  } catch (err) {
    logError(`${req.method} ${url.pathname}: ${err.message}`);
    if (!res.headersSent) sendJson(res, 500, { error: 'server_error' });
    else res.destroy();
    return undefined;
  }
};

// ---------------------------------------------------------------- ready / shutdown

if (portFile) {
  const tmp = `${portFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${ISSUER}\n`);
  fs.renameSync(tmp, portFile);
}
process.stdout.write(`${JSON.stringify({ ready: true, issuer: ISSUER })}\n`);
log(`listening on ${ISSUER} (resource ${[...RESOURCES].join(', ')}; access ${ACCESS_TTL}s, id ${ID_TTL}s, refresh ${REFRESH_TTL}s${STATE_DIR ? `; state in ${STATE_DIR}` : ''})`);

let stopping = false;
function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: shutting down`);
  store.flush();
  for (const s of stalledSockets) s.destroy();
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
