// Debian's headless chromium loading the static library page: time from the
// launch to its first contentful paint, and the memory of all its processes
// after the same settle period the Qt programs get.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

import { processTree, stopChild, treeMemory } from './processes.mjs';

export const CHROMIUM = process.env.CLIPSHELF_TEST_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--window-size=960,640'];

function epochMs() {
  return performance.timeOrigin + performance.now();
}

/**
 * One launch of chromium on \a url. Returns { launchToPaintMs, navigationToPaintMs,
 * memory: {processes, rssKb, pssKb, peakRssKb} }.
 */
export async function measureChromium(web, url, { settleMs = 1000, timeoutMs = 60_000 } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'clipshelf-bench-chromium-'));
  const paint = web.waitForPaint(timeoutMs);
  const startEpochMs = epochMs();
  const child = spawn(CHROMIUM, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, url], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  try {
    const beacon = await paint;
    await new Promise((r) => { setTimeout(r, settleMs); });
    const memory = treeMemory(child.pid);
    return {
      launchToPaintMs: beacon.timeOrigin + beacon.fcp - startEpochMs,
      navigationToPaintMs: beacon.fcp,
      memory,
    };
  } finally {
    const tree = processTree(child.pid);
    await stopChild(child);
    for (const pid of tree.slice(1)) {
      try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
