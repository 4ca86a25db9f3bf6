// Turns the raw measurements into the report's rows, and writes and checks
// BENCHMARKS.md and results.json.

import * as fs from 'node:fs';
import * as path from 'node:path';

import { median, medianOf } from './stats.mjs';

const MB = 1024; // kB per MB (MiB, as /proc counts)

function count(n) {
  return n.toLocaleString('en-US');
}

function ratioRow(id, what, clipshelf, baseline, target, unit, baselineName, note) {
  if (clipshelf == null || baseline == null) return null;
  const ratio = clipshelf / baseline;
  return {
    id, what, status: 'measured',
    clipshelf: { value: clipshelf, unit },
    baseline: { name: baselineName, value: baseline, unit },
    ratio,
    target: { kind: 'ratio', op: '<=', value: target },
    met: ratio <= target,
    note,
  };
}

function absoluteRow(id, what, value, unit, target, baseline, note) {
  if (value == null) return null;
  return {
    id, what, status: 'measured',
    clipshelf: { value, unit },
    baseline: baseline ?? null,
    ratio: null,
    target: target ?? null,
    met: target ? (target.op === '<' ? value < target.value : value <= target.value) : null,
    note,
  };
}

/** The report's rows, in table order; a benchmark that failed gives a "failed" row. */
export function buildRows(raw, failures, config) {
  const lib = count(config.library);
  const large = count(config.large);
  const rows = [];
  const add = (source, make, fallback) => {
    let row = null;
    if (raw[source]) {
      try { row = make(raw[source]); } catch (e) { row = null; failures[`${fallback.id}`] = e.message; }
    }
    rows.push(row ?? { ...fallback, status: 'failed', met: null,
      note: failures[source] ?? failures[fallback.id] ?? 'no measurement' });
  };
  const mean = (r, side, key) => medianOf(r[side], key);
  const cpuNote = (r, other = 'empty') => {
    const a = mean(r, 'clipshelf', 'cpuMs');
    const b = mean(r, other, 'cpuMs');
    return a != null && b != null
      ? `CPU time used up to that frame ${Math.round(a)} vs ${Math.round(b)} ms (${(a / b).toFixed(2)}×), less disturbed by other load than wall time`
      : undefined;
  };

  for (const [platform, label] of [['offscreen', 'offscreen'], ['xvfb', 'under Xvfb']]) {
    add(`cold_${platform}`, (r) => ratioRow(`cold_start_${platform}`,
      `Cold start to the first frame of the sign-in page (${label})`,
      mean(r, 'clipshelf', 'firstFrameMs'), mean(r, 'empty', 'firstFrameMs'), 1.25, 'ms', 'empty Qt Quick window',
      cpuNote(r)),
    { id: `cold_start_${platform}`, what: `Cold start to the first frame of the sign-in page (${label})` });
  }
  add('cold_offscreen', (r) => absoluteRow('signin_ready_offscreen',
    'Cold start until the sign-in button shows (keychain answered "nobody"), offscreen',
    mean(r, 'clipshelf', 'readyMs'), 'ms', null,
    { name: 'empty Qt Quick window', value: mean(r, 'empty', 'firstFrameMs'), unit: 'ms' },
    'informational: the page first shows "Restoring your session…" while the keychain answers'),
  { id: 'signin_ready_offscreen', what: 'Cold start until the sign-in button shows' });

  // The cached library shows while the keychain answers; the note says when the keychain confirmed the session.
  const timeline = (r) => `timeline: the window's first frame at ${Math.round(mean(r, 'clipshelf', 'windowFirstFrameMs'))} ms, `
    + `the library's first frame at ${Math.round(mean(r, 'clipshelf', 'firstFrameMs'))} ms, `
    + `the keychain answered at ${Math.round(mean(r, 'clipshelf', 'restoredMs'))} ms`
    + (r.clipshelf.some((x) => x.signedInLibraryMs != null)
      ? `, the library's first frame once signed in at ${Math.round(mean(r, 'clipshelf', 'signedInLibraryMs'))} ms; ` : '; ');
  for (const [platform, label] of [['offscreen', 'offscreen'], ['xvfb', 'under Xvfb']]) {
    add(`warm_${platform}`, (r) => ratioRow(`warm_start_${platform}`,
      `Warm signed-in start to the first frame of the cached ${lib}-video library (${label})`,
      mean(r, 'clipshelf', 'firstFrameMs'), mean(r, 'empty', 'firstFrameMs'), 1.5, 'ms', 'empty Qt Quick window',
      timeline(r) + cpuNote(r)),
    { id: `warm_start_${platform}`, what: `Warm signed-in start to the first frame of the cached ${lib}-video library (${label})` });
  }
  add('chromium', (r) => ratioRow('warm_start_vs_chromium',
    `Warm signed-in start, ${lib}-video library, vs chromium's first paint of the same list (from launch)`,
    mean(r, 'clipshelf', 'firstFrameMs'), mean(r, 'chromium', 'firstFrameMs'), 0.2, 'ms', 'headless chromium',
    `chromium's own navigation-to-first-paint: ${Math.round(mean(r, 'chromium', 'navigationToPaintMs'))} ms`),
  { id: 'warm_start_vs_chromium', what: `Warm signed-in start vs chromium's page (${lib} videos)` });

  add('cold_offscreen', (r) => ratioRow('memory_signed_out', 'Peak memory, signed out (sign-in page)',
    mean(r, 'clipshelf', 'peakRssKb') / MB, mean(r, 'empty', 'peakRssKb') / MB, 1.3, 'MB', 'empty Qt Quick window'),
  { id: 'memory_signed_out', what: 'Peak memory, signed out' });
  add('warm_offscreen', (r) => ratioRow('memory_library', `Peak memory, ${lib} videos`,
    mean(r, 'clipshelf', 'peakRssKb') / MB, mean(r, 'empty', 'peakRssKb') / MB, 1.5, 'MB', 'empty Qt Quick window'),
  { id: 'memory_library', what: `Peak memory, ${lib} videos` });
  add('large', (r) => ratioRow('memory_large', `Peak memory, ${large} videos`,
    mean(r, 'clipshelf', 'peakRssKb') / MB, mean(r, 'empty', 'peakRssKb') / MB, 2.5, 'MB', 'empty Qt Quick window',
    `resident after the settle period ${Math.round(mean(r, 'clipshelf', 'pssKb') / MB)} MB (PSS)`
    + (raw.model ? `; the model keeps ${Math.round(raw.model.model_bytes_per_row)} bytes per video `
      + `(${Math.round(raw.model.model_rss_kb / MB)} MB at ${large}); the app reads the cache's `
      + `${Math.round(raw.model.json_bytes / 1048576)} MB of JSON through a memory map it releases as it parses` : '')),
  { id: 'memory_large', what: `Peak memory, ${large} videos` });
  add('chromium', (r) => ratioRow('memory_vs_chromium',
    `Peak memory, ${lib} videos, vs chromium's page (all its processes, PSS)`,
    mean(r, 'clipshelf', 'peakRssKb') / MB, mean(r, 'chromium', 'pssKb') / MB, 0.2, 'MB', 'headless chromium',
    `chromium ran ${Math.round(mean(r, 'chromium', 'processes'))} processes, RSS sum ${Math.round(mean(r, 'chromium', 'rssKb') / MB)} MB`),
  { id: 'memory_vs_chromium', what: `Peak memory vs chromium's page (${lib} videos)` });

  add('model', (r) => ratioRow('json_to_model', `${large} videos: JSON → model`,
    r.load.model_ms, r.load.from_json_ms, 1.5, 'ms', 'QJsonDocument::fromJson alone'),
  { id: 'json_to_model', what: `${large} videos: JSON → model` });
  const worst = (r, names) => {
    const cases = r.filter.cases.filter((c) => names.includes(c.case));
    return cases.length ? Math.max(...cases.map((c) => c.ms)) : null;
  };
  const caseList = (r, names) => r.filter.cases.filter((c) => names.includes(c.case))
    .map((c) => `${c.tags.length ? `[${c.tags.join(', ')}]` : ''}${c.text ? `"${c.text}"` : ''} ${c.ms.toFixed(1)} ms → ${count(c.rows_shown)} rows`)
    .join('; ');
  add('model', (r) => absoluteRow('tag_filter', `Tag filter over ${large} videos (slowest case)`,
    worst(r, ['tag', 'two tags']), 'ms', { kind: 'absolute', op: '<', value: 16 }, null, caseList(r, ['tag', 'two tags'])),
  { id: 'tag_filter', what: `Tag filter over ${large} videos` });
  add('model', (r) => absoluteRow('search', `Search over ${large} videos (slowest case)`,
    worst(r, ['search', 'search and tag']), 'ms', { kind: 'absolute', op: '<', value: 16 }, null,
    caseList(r, ['search', 'search and tag'])),
  { id: 'search', what: `Search over ${large} videos` });

  add('requests', (r) => ({
    ...ratioRow('request_overhead', 'Authenticated request (ApiClient GET /me, loopback)',
      r.api_client_ms, r.raw_ms, 1.05, 'ms', 'raw QNetworkAccessManager GET, static bearer',
      `${r.rounds} rounds of ${r.batch} sequential requests a side; the ratio is the median of the rounds' paired ratios; `
      + `the client's CPU time per request ${(r.api_client_cpu_ms * 1000).toFixed(0)} vs ${(r.raw_cpu_ms * 1000).toFixed(0)} µs`),
    ratio: r.ratio,
    met: r.ratio <= 1.05,
  }),
  { id: 'request_overhead', what: 'Authenticated request overhead' });
  add('signin', (r) => absoluteRow('signin_completion',
    'Sign-in completion: loopback callback → signed in, minus the token endpoint',
    r.completion_ms, 'ms', { kind: 'absolute', op: '<=', value: 30 },
    { name: 'token endpoint (subtracted)', value: r.token_endpoint_ms, unit: 'ms' },
    `callback → signed in ${r.callback_to_signed_in_ms.toFixed(1)} ms, of which token endpoint ${r.token_endpoint_ms.toFixed(1)} ms, userinfo ${r.userinfo_ms.toFixed(1)} ms, keychain write ${r.keychain_write_ms.toFixed(1)} ms`),
  { id: 'signin_completion', what: 'Sign-in completion' });
  add('storm', (r) => ratioRow('refresh_storm',
    `${r.concurrency} concurrent requests on an expired token, until all complete`,
    r.storm_ms, r.one_refresh_one_request_ms, 1.5, 'ms', 'one refresh + one request',
    `at most ${r.max_refreshes_per_round} refresh per round; the same ${r.concurrency} requests on a fresh token take ${r.same_requests_fresh_token_ms.toFixed(1)} ms, `
    + `so the expired token adds ${(r.storm_ms - r.same_requests_fresh_token_ms).toFixed(1)} ms to them, against ${r.one_refresh_one_request_ms.toFixed(1)} ms for one refresh + one request`),
  { id: 'refresh_storm', what: 'Concurrent requests on an expired token' });
  add('keychain', (r) => absoluteRow('keychain_read', `Keychain read of the session (${r.backend}, ${r.session_bytes} bytes)`,
    r.read_ms, 'ms', null, null), { id: 'keychain_read', what: 'Keychain read of the session' });
  add('keychain', (r) => absoluteRow('keychain_write', `Keychain write of the session (${r.backend}, ${r.session_bytes} bytes)`,
    r.write_ms, 'ms', null, null), { id: 'keychain_write', what: 'Keychain write of the session' });
  return rows;
}

// ------------------------------------------------------------------ output

function formatValue(v) {
  if (!v || v.value == null) return '—';
  const digits = v.unit === 'MB' ? 1 : v.value < 10 ? 2 : v.value < 100 ? 1 : 0;
  return `${v.value.toFixed(digits)} ${v.unit}`;
}

function formatTarget(t) {
  if (!t) return '—';
  const op = t.op === '<=' ? '≤' : '<';
  return t.kind === 'ratio' ? `${op} ${t.value}×` : `${op} ${t.value} ms`;
}

function tableRow(r) {
  if (r.status !== 'measured') return `| ${r.what} | not measured | — | — | — | **failed**: ${r.note} |`;
  const baseline = r.baseline ? `${formatValue(r.baseline)} (${r.baseline.name})` : '—';
  const ratio = r.ratio == null ? '—' : `${r.ratio.toFixed(2)}×`;
  const met = r.met == null ? '—' : r.met ? 'yes' : '**no**';
  return `| ${r.what} | ${formatValue(r.clipshelf)} | ${baseline} | ${ratio} | ${formatTarget(r.target)} | ${met} |`;
}

export const TABLE_HEADER = '| What | Clipshelf | Baseline | Ratio | Target | Met? |';

function markdown(report, notes) {
  const m = report.machine;
  const c = report.config;
  const lines = [
    '# Benchmarks',
    '',
    'How fast and how light Clipshelf is, against its floor (an empty Qt Quick window, a raw',
    '`QNetworkAccessManager`) and its alternative (a web page in Debian\'s headless chromium).',
    'Every figure is a **ratio measured side by side in one run** (the machines are shared and',
    'noisy); absolute times are shown alongside but never asserted.',
    '',
    `Generated by \`bench/run.sh${report.mode === 'quick' ? ' --quick' : ''}\` on ${report.generatedAt.slice(0, 10)}`
      + ` (${report.mode} mode, ${report.durationSeconds} s). Raw numbers: [bench/results.json](bench/results.json).`,
    '',
    TABLE_HEADER,
    '|---|---|---|---|---|---|',
    ...report.rows.map(tableRow),
    '',
    'Notes on single rows:',
    '',
    ...report.rows.filter((r) => r.note && r.status === 'measured').map((r) => `- *${r.what}*: ${r.note}.`),
    '',
    '## Run',
    '',
    `- Machine: ${m.cpus} × ${m.cpu}, ${count(m.memoryMb)} MB, Linux ${m.kernel}; load average ${m.loadAverageAtStart.join(' / ')} at the start, ${m.loadAverageAtEnd.join(' / ')} at the end.`,
    `- Qt ${m.qt ?? 'unknown'}; ${m.chromium ?? 'chromium (version unknown)'} with \`${m.chromiumFlags.join(' ')}\` and a fresh profile.`,
    `- Medians of ${c.startupReps} start-ups per side (${c.chromiumReps} for chromium, ${c.largeReps} at ${count(c.large)} videos), after one unmeasured warm-up each, in rotating order; memory read ${c.settleMs} ms after the measured frame.`,
    '',
    '## Method',
    '',
    '- **Start-up**: the harness notes `CLOCK_MONOTONIC` right before it spawns the program; the program',
    '  notes the same clock on the `frameSwapped` of the first frame that shows the milestone (checked on',
    '  `afterAnimating`, before that frame is synced). "Cold": a fresh process of a profile with no session',
    '  and no cache (the OS file cache is warm for both sides: one unmeasured run each comes first).',
    '  "Warm": the profile has a session in the keychain and a cached library on disk (written through',
    '  `LibraryCache`, with the first thumbnails cached), as a previous run leaves them; the API server',
    '  stalls every request, so the cache is what shows (a start on a slow network).',
    '- **The app** is measured by `clipshelf-bench-app`, which builds the app through the same code as',
    '  `app/main.cpp` (`AppShell` over `Composition`: network, keychain store, `AuthController`, `Workspace`,',
    '  the `App` bridge, the thumbnail provider, `Main.qml`) and starts it the same way. **The floor** is `clipshelf-bench-empty`: a',
    '  `QQmlApplicationEngine` loading an empty `Window` of the same size. Offscreen both use Qt Quick\'s',
    '  software renderer; under Xvfb, OpenGL through Mesa\'s llvmpipe.',
    '- **Memory**: peak resident set (`VmHWM`) of the Qt programs; for chromium the sum of PSS over all',
    '  its processes (shared pages counted once), both after the settle period. Comparing Clipshelf\'s',
    '  peak RSS (shared Qt libraries counted in full) with chromium\'s PSS is the stricter reading.',
    '- **Chromium**: the same videos as one static HTML page (thumbnail, title, notes or link, tags,',
    '  date; `content-visibility: auto` rows; thumbnails from the same loopback server Clipshelf downloads',
    '  from), launched per run; time from the spawn to its `first-contentful-paint` (reported by the page).',
    '- **Model**: `VideoListModel::loadFromJson` vs `QJsonDocument::fromJson` of the same bytes',
    '  (alternating, after a warm-up); filters are `setFilter()` on the loaded model, reset in between.',
    '- **Network**: against the local stack on loopback (oidc-provider test provider, reference API',
    '  server, gnome-keyring in a private D-Bus session). The sign-in\'s browser is',
    '  `bench/harness/http-browser.mjs`: it signs in on the provider\'s form over plain HTTP (chromium',
    '  would start and close nine processes right while the app finishes, on a 2-core machine); the token',
    '  endpoint\'s time is measured on the client\'s network manager in the same sign-in and subtracted.',
    '  The expired-token rounds store a session whose access token expired, load it into a fresh',
    '  `SessionManager` and send all requests in the same event-loop turn.',
    '',
  ];
  if (notes.trim()) lines.push(notes.trim(), '');
  return lines.join('\n');
}

export function writeReport(report, { md, json, notes }) {
  fs.mkdirSync(path.dirname(md), { recursive: true });
  fs.mkdirSync(path.dirname(json), { recursive: true });
  fs.writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(md, markdown(report, notes));
}

/** Problems with the written report (empty when well-formed). */
export function validateReport(mdFile, jsonFile) {
  const problems = [];
  let report;
  try {
    report = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
  } catch (e) {
    return [`${jsonFile}: ${e.message}`];
  }
  const md = fs.existsSync(mdFile) ? fs.readFileSync(mdFile, 'utf8') : '';
  if (report.schema !== 1) problems.push('schema is not 1');
  if (!Array.isArray(report.rows) || report.rows.length < 16) problems.push('fewer rows than benchmarks');
  if (!md.includes(TABLE_HEADER)) problems.push('BENCHMARKS.md has no results table');
  for (const r of report.rows ?? []) {
    if (!r.id || !r.what || !['measured', 'failed'].includes(r.status)) problems.push(`row ${r.id}: incomplete`);
    if (r.status === 'measured') {
      if (!Number.isFinite(r.clipshelf?.value)) problems.push(`row ${r.id}: no value`);
      if (r.ratio !== null && !Number.isFinite(r.ratio)) problems.push(`row ${r.id}: bad ratio`);
      if (r.target && typeof r.met !== 'boolean') problems.push(`row ${r.id}: target without verdict`);
    }
    if (!md.includes(`| ${r.what} |`)) problems.push(`row ${r.id}: missing from BENCHMARKS.md`);
  }
  return problems;
}

export { median };
