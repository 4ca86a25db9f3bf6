#!/usr/bin/env node
// The benchmark harness: runs every benchmark side by side with its baseline
// and writes BENCHMARKS.md and results.json. bench/run.sh builds what is
// needed and starts this inside a private Secret Service session.
//
//   node bench/harness/main.mjs --source-dir DIR --build-dir DIR --md FILE --json FILE [--quick | --report-only]
//
// Exit status: 0 when every benchmark ran (targets met or not: speed is
// reported, never asserted), 1 when one could not run, 2 on bad usage.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';

import { measureChromium, CHROMIUM, CHROMIUM_FLAGS } from './chromium.mjs';
import { FILTER_SEARCHES, FILTER_TAGS, makeVideos, videosJson } from './dataset.mjs';
import { msSince, runBench, startXvfb } from './processes.mjs';
import { buildRows, validateReport, writeReport } from './report.mjs';
import { startStack } from './stack.mjs';
import { interleaved } from './stats.mjs';
import { libraryPage, startWebServer, THUMBNAIL_JPEG } from './webpage.mjs';

// ------------------------------------------------------------------ options

function parseArgs(argv) {
  const opts = { quick: false };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      i += 1;
      return argv[i];
    };
    if (a === '--quick') opts.quick = true;
    else if (a === '--report-only') opts.reportOnly = true;
    else if (a === '--only') opts.only = value().split(',');
    else if (a === '--reps') opts.reps = Number(value());
    else if (a === '--source-dir') opts.sourceDir = value();
    else if (a === '--build-dir') opts.buildDir = value();
    else if (a === '--md') opts.md = value();
    else if (a === '--json') opts.json = value();
    else usage(`unknown argument ${a}`);
  }
  if (!opts.sourceDir || !opts.buildDir || !opts.md || !opts.json) usage('missing arguments');
  return opts;
}

function usage(message) {
  process.stderr.write(`bench: ${message}\nusage: main.mjs --source-dir DIR --build-dir DIR --md FILE --json FILE [--quick]\n`);
  process.exit(2);
}

const opts = parseArgs(process.argv.slice(2));

// --report-only: rewrite the Markdown from the JSON already there (after editing bench/findings.md).
if (opts.reportOnly) {
  const report = JSON.parse(fs.readFileSync(opts.json, 'utf8'));
  const notesFile = path.join(opts.sourceDir, 'bench/findings.md');
  writeReport(report, { md: opts.md, json: opts.json, notes: fs.existsSync(notesFile) ? fs.readFileSync(notesFile, 'utf8') : '' });
  const problems = validateReport(opts.md, opts.json);
  for (const p of problems) process.stderr.write(`bench: malformed report: ${p}\n`);
  process.exit(problems.length ? 1 : 0);
}

// Full: the sizes and repetitions of the report. Quick (CI): small and once,
// only to prove the harness still runs end to end.
const config = opts.quick
  ? { mode: 'quick', library: 300, large: 1000, startupReps: 1, chromiumReps: 1, largeReps: 1,
    signinReps: 1, requestRounds: 2, requestBatch: 10, stormRounds: 1, concurrency: 50,
    keychainReps: 3, modelReps: 1, settleMs: 300, thumbnails: 20 }
  : { mode: 'full', library: 10_000, large: 100_000, startupReps: 9, chromiumReps: 5, largeReps: 5,
    signinReps: 9, requestRounds: 40, requestBatch: 25, stormRounds: 9, concurrency: 50,
    keychainReps: 20, modelReps: 7, settleMs: 1000, thumbnails: 60 };

// --only STEP,… (with --reps N): a subset for A/B iterations; prints the raw
// results and writes no report (the report needs every step).
if (opts.reps > 0) {
  config.startupReps = config.largeReps = config.chromiumReps = opts.reps;
}

const started = Date.now();
function log(line) {
  process.stderr.write(`bench [${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
}

const bin = (name) => path.join(opts.buildDir, 'bench', name);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'clipshelf-bench-'));
const raw = {};
const failures = {};

/** Runs one benchmark step; a failure is recorded (and reported), the run goes on. */
async function step(name, fn) {
  const needed = { signin: ['warm_offscreen', 'warm_xvfb', 'chromium', 'large'], seed_library: ['warm_offscreen', 'warm_xvfb', 'chromium'],
    seed_large: ['large'] };
  if (opts.only && !opts.only.includes(name) && !(needed[name] || []).some((n) => opts.only.includes(n))) return;
  log(`== ${name}`);
  try {
    raw[name] = await fn();
  } catch (e) {
    failures[name] = e.message;
    log(`!! ${name} failed: ${e.message}`);
  }
}

// ------------------------------------------------------------- start-ups

const PLATFORMS = {
  offscreen: () => ({ QT_QPA_PLATFORM: 'offscreen' }),
  xvfb: () => ({ QT_QPA_PLATFORM: 'xcb', DISPLAY: xvfb.display }),
};
let xvfb;
let stack;
let web;

function appEnv(profile, platform) {
  return {
    ...PLATFORMS[platform](),
    CLIPSHELF_ISSUER: stack.issuer,
    CLIPSHELF_CLIENT_ID: 'clipshelf-desktop',
    CLIPSHELF_RESOURCE: 'urn:clipshelf:api',
    CLIPSHELF_API_URL: stack.slowApiUrl,
    CLIPSHELF_PROFILE: profile,
    CLIPSHELF_BROWSER: '/bin/false',
    CLIPSHELF_THEME: 'light',
  };
}

async function emptyWindow(platform) {
  const { result, startNs } = await runBench(bin('clipshelf-bench-empty'), ['--settle-ms', String(config.settleMs)],
    { env: PLATFORMS[platform](), label: 'empty window' });
  return { firstFrameMs: msSince(startNs, result.first_frame_ns), cpuMs: result.first_frame_cpu_ms,
    peakRssKb: result.peak_rss_kb, pssKb: result.pss_kb };
}

async function signInPage(platform) {
  const { result, startNs } = await runBench(bin('clipshelf-bench-app'),
    ['--until', 'signin', '--settle-ms', String(config.settleMs)],
    { env: appEnv('bench-signed-out', platform), label: 'sign-in page' });
  return {
    firstFrameMs: msSince(startNs, result.page_ns),
    readyMs: msSince(startNs, result.ready_ns),
    cpuMs: result.page_cpu_ms,
    readyCpuMs: result.ready_cpu_ms,
    peakRssKb: result.peak_rss_kb,
    pssKb: result.pss_kb,
  };
}

async function library(platform) {
  const { result, startNs } = await runBench(bin('clipshelf-bench-app'),
    ['--until', 'library', '--settle-ms', String(config.settleMs), '--thumbnail-base', `${web.origin}/thumbs`],
    { env: appEnv('bench', platform), label: 'library' });
  if (result.model_rows < 1) throw new Error('the library showed no cached videos');
  return {
    firstFrameMs: msSince(startNs, result.library_ns),
    windowFirstFrameMs: msSince(startNs, result.first_frame_ns),
    restoredMs: result.restored_ns ? msSince(startNs, result.restored_ns) : null,
    homePageMs: msSince(startNs, result.page_ns),
    signedInLibraryMs: result.library_signed_in_ns ? msSince(startNs, result.library_signed_in_ns) : null,
    cpuMs: result.library_cpu_ms,
    peakRssKb: result.peak_rss_kb,
    pssKb: result.pss_kb,
    modelRows: result.model_rows,
    listRows: result.list_rows,
  };
}

async function chromium(pageName) {
  const r = await measureChromium(web, `${web.origin}/${pageName}`, { settleMs: config.settleMs });
  return { firstFrameMs: r.launchToPaintMs, navigationToPaintMs: r.navigationToPaintMs,
    pssKb: r.memory.pssKb, rssKb: r.memory.rssKb, processes: r.memory.processes };
}

async function seedLibrary(file, ownerSub) {
  const { result } = await runBench(bin('clipshelf-bench-app'),
    ['--seed-library', file, '--owner-sub', ownerSub, '--thumbnail', path.join(work, 'thumbnail.jpg'),
      '--thumbnails', String(config.thumbnails)],
    { env: appEnv('bench', 'offscreen'), label: 'seeding the cache' });
  return result.seeded_rows;
}

// -------------------------------------------------------------- network

function netArgs(command, extra = []) {
  return [command, '--issuer', stack.issuer, '--api-url', stack.apiUrl, '--profile', 'bench', ...extra];
}

async function net(command, extra, timeoutMs = 300_000) {
  const { result } = await runBench(bin('clipshelf-bench-net'), netArgs(command, extra),
    { timeoutMs, label: `clipshelf-bench-net ${command}` });
  return result;
}

// ------------------------------------------------------------------ run

function machineInfo() {
  const cpus = os.cpus();
  let chromiumVersion = null;
  try {
    const out = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    chromiumVersion = (out.match(/Chromium [\d.]+/) || [null])[0];
  } catch { /* reported as unknown */ }
  let qtVersion = null;
  try {
    qtVersion = execFileSync('qtpaths6', ['--qt-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch { /* reported as unknown */ }
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cpus: cpus.length,
    memoryMb: Math.round(os.totalmem() / 1048576),
    kernel: os.release(),
    loadAverageAtStart: os.loadavg().map((x) => Number(x.toFixed(2))),
    qt: qtVersion,
    chromium: chromiumVersion,
    chromiumFlags: CHROMIUM_FLAGS,
  };
}

async function main() {
  const machine = machineInfo();
  log(`mode ${config.mode}: library ${config.library}, large ${config.large}, ${config.startupReps} start-up repetitions`);

  // Data: the same videos for the cache, the model and the web page.
  const libraryVideos = makeVideos(config.library);
  const largeVideos = makeVideos(config.large);
  const libraryFile = path.join(work, 'library.json');
  const largeFile = path.join(work, 'large.json');
  fs.writeFileSync(libraryFile, videosJson(libraryVideos));
  fs.writeFileSync(largeFile, videosJson(largeVideos));
  fs.writeFileSync(path.join(work, 'thumbnail.jpg'), THUMBNAIL_JPEG);

  stack = await startStack({ sourceDir: opts.sourceDir, buildDir: opts.buildDir });
  xvfb = await startXvfb();
  web = await startWebServer({ 'library.html': libraryPage(libraryVideos) });
  log(`provider ${stack.issuer}, API ${stack.apiUrl}, slow API ${stack.slowApiUrl}, Xvfb ${xvfb.display}, web ${web.origin}`);

  try {
    await step('model', async () => {
      const { result } = await runBench(bin('clipshelf-bench-model'),
        ['--json', largeFile, '--reps', String(config.modelReps),
          ...FILTER_TAGS.flatMap((t) => ['--tag', t]), ...FILTER_SEARCHES.flatMap((s) => ['--search', s])],
        { timeoutMs: 600_000, label: 'model' });
      return result;
    });

    for (const platform of ['offscreen', 'xvfb']) {
      await step(`cold_${platform}`, () => interleaved(config.startupReps, {
        empty: () => emptyWindow(platform),
        clipshelf: () => signInPage(platform),
      }, log));
    }

    // The browser is bench/harness/http-browser.mjs: the sign-in over plain HTTP (see there why not chromium).
    await step('signin', () => net('signin', ['--reps', String(config.signinReps), '--browser',
      `node ${path.join(opts.sourceDir, 'bench/harness/http-browser.mjs')} --user alice`]));
    await step('keychain', () => net('keychain', ['--reps', String(config.keychainReps)]));
    await step('requests', () => net('requests', ['--reps', String(config.requestRounds),
      '--batch', String(config.requestBatch)]));
    await step('storm', () => net('storm', ['--reps', String(config.stormRounds),
      '--concurrency', String(config.concurrency)]));

    const owner = raw.signin?.subject;
    if (!owner) {
      failures.warm_offscreen = failures.warm_xvfb = failures.large = 'no signed-in session (the sign-in benchmark failed)';
    } else {
      await step('seed_library', () => seedLibrary(libraryFile, owner));
      await step('warm_offscreen', () => interleaved(config.startupReps, {
        empty: () => emptyWindow('offscreen'),
        clipshelf: () => library('offscreen'),
      }, log));
      await step('warm_xvfb', () => interleaved(config.startupReps, {
        empty: () => emptyWindow('xvfb'),
        clipshelf: () => library('xvfb'),
      }, log));
      await step('chromium', () => interleaved(config.chromiumReps, {
        clipshelf: () => library('offscreen'),
        chromium: () => chromium('library.html'),
      }, log));
      await step('seed_large', () => seedLibrary(largeFile, owner));
      await step('large', () => interleaved(config.largeReps, {
        empty: () => emptyWindow('offscreen'),
        clipshelf: () => library('offscreen'),
      }, log));
    }
  } finally {
    await web.close();
    await xvfb.stop();
    await stack.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }

  machine.loadAverageAtEnd = os.loadavg().map((x) => Number(x.toFixed(2)));
  if (opts.only) {
    process.stdout.write(`${JSON.stringify({ raw, failures }, null, 1)}\n`);
    return Object.keys(failures).length ? 1 : 0;
  }
  const report = {
    schema: 1,
    generatedAt: new Date().toISOString(),
    mode: config.mode,
    config,
    machine,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    rows: buildRows(raw, failures, config),
    failures,
    raw,
  };
  const notesFile = path.join(opts.sourceDir, 'bench/findings.md');
  const notes = fs.existsSync(notesFile) ? fs.readFileSync(notesFile, 'utf8') : '';
  writeReport(report, { md: opts.md, json: opts.json, notes });
  const problems = validateReport(opts.md, opts.json);
  if (problems.length) {
    for (const p of problems) log(`malformed report: ${p}`);
    return 1;
  }
  log(`wrote ${opts.md} and ${opts.json} in ${report.durationSeconds} s`);
  return Object.keys(failures).length ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
  log(`failed: ${e.stack || e.message}`);
  process.exit(1);
});
