// The local stack the benchmarks talk to: the oidc-provider test provider and
// the reference API server (twice: a normal one, and a "slow" one whose every
// answer is stalled, so warm starts show the cache and nothing replaces it).

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { startService } from './processes.mjs';

export async function startStack({ sourceDir, buildDir }) {
  const stopping = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clipshelf-bench-stack-'));
  try {
    const provider = await startService('provider', 'node',
      [path.join(sourceDir, 'tests/stack/provider/server.mjs'), '--port', '0'],
      // Long-lived access tokens: no refresh sneaks into a start-up measurement.
      { env: { PROVIDER_LOG: 'quiet', PROVIDER_ACCESS_TTL: '3600' } });
    stopping.push(provider.stop);
    const serverBinary = path.join(buildDir, 'tests/stack/api-server/clipshelf-api-server');
    const apiArgs = (db) => ['--port', '0', '--issuer', provider.issuer, '--audience', 'urn:clipshelf:api',
      '--db', db, '--base-path', '/api/v1', '--enable-faults'];
    const api = await startService('api-server', serverBinary, apiArgs(path.join(tmp, 'api.sqlite')),
      { env: { QT_LOGGING_RULES: '*.info=false' } });
    stopping.push(api.stop);
    const slowApi = await startService('slow api-server', serverBinary, apiArgs(path.join(tmp, 'slow.sqlite')),
      { env: { QT_LOGGING_RULES: '*.info=false' } });
    stopping.push(slowApi.stop);
    const origin = new URL(slowApi.url).origin;
    const res = await fetch(`${origin}/__faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path_prefix: '/', action: 'stall', stall_ms: 60000, count: 1000000 }),
    });
    if (res.status !== 201) throw new Error(`the slow API server refused the stall rule (HTTP ${res.status})`);
    return {
      issuer: provider.issuer,
      apiUrl: api.url,
      slowApiUrl: slowApi.url,
      async stop() {
        for (const stop of stopping.reverse()) await stop();
        fs.rmSync(tmp, { recursive: true, force: true });
      },
    };
  } catch (e) {
    for (const stop of stopping.reverse()) await stop();
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
