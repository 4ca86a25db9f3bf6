// Starting and timing child processes: services that print a JSON "ready"
// line, benchmark executables that print "BENCH {json}" lines, Xvfb, and the
// memory of a whole process tree from /proc.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

/** Monotonic nanoseconds (CLOCK_MONOTONIC, the clock the bench executables print). */
export function nowNs() {
  return process.hrtime.bigint();
}

/** A service that prints one JSON line with "ready": true once it listens. */
export async function startService(name, command, args, { env = {}, timeoutMs = 30_000 } = {}) {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
  const ready = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not become ready in ${timeoutMs / 1000} s: ${stderr}`)), timeoutMs);
    child.stdout.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      try {
        const line = JSON.parse(out.slice(0, nl));
        if (line.ready) resolve(line);
        else reject(new Error(`${name}: unexpected first line ${out.slice(0, nl)}`));
      } catch {
        reject(new Error(`${name}: unexpected first line ${out.slice(0, nl)}`));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it was ready: ${stderr}`));
    });
  });
  child.stdout.resume();
  return { ...ready, child, stop: () => stopChild(child) };
}

/** SIGTERM, then SIGKILL after 5 s; resolves when the child is gone. */
export function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => { clearTimeout(kill); resolve(); });
    child.kill('SIGTERM');
  });
}

/**
 * Runs a bench executable to its end. Returns { result, startNs } where result
 * is the last "BENCH {json}" line and startNs the monotonic time taken right
 * before the spawn. Rejects on a non-zero exit, an error line or a timeout.
 */
export function runBench(command, args, { env = {}, timeoutMs = 120_000, label = command } = {}) {
  return new Promise((resolve, reject) => {
    const fullEnv = { ...process.env, ...env };
    const startNs = nowNs();
    const child = spawn(command, args, { env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err = (err + d).slice(-8000); });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${label} timed out after ${timeoutMs / 1000} s; stderr: ${tail(err)}`));
    }, timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); reject(new Error(`${label}: ${e.message}`)); });
    child.on('close', (code) => {
      clearTimeout(timer);
      const lines = out.split('\n').filter((l) => l.startsWith('BENCH '));
      let result;
      try {
        result = lines.length ? JSON.parse(lines[lines.length - 1].slice(6)) : undefined;
      } catch {
        result = undefined;
      }
      if (result && result.error) return reject(new Error(`${label}: ${result.error}`));
      if (code !== 0 || !result) {
        return reject(new Error(`${label} exited with ${code} and ${result ? 'a' : 'no'} result; stderr: ${tail(err)}`));
      }
      resolve({ result, startNs });
    });
  });
}

function tail(text) {
  return text.trim().split('\n').slice(-6).join(' | ');
}

/** Milliseconds from the spawn to a "*_ns" value the executable printed. */
export function msSince(startNs, eventNs) {
  return Number(BigInt(eventNs) - startNs) / 1e6;
}

// ------------------------------------------------------------------- memory

function readStatus(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return '';
  }
}

function field(text, name) {
  const m = text.match(new RegExp(`^${name}:\\s+(\\d+)`, 'm'));
  return m ? Number(m[1]) : 0;
}

/** The pids of \a rootPid and all its descendants. */
export function processTree(rootPid) {
  const parents = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = field(readStatus(entry), 'PPid');
    if (!parents.has(ppid)) parents.set(ppid, []);
    parents.get(ppid).push(Number(entry));
  }
  const out = [];
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift();
    out.push(pid);
    for (const child of parents.get(pid) || []) queue.push(child);
  }
  return out;
}

/** Summed memory (kB) of a process tree: RSS, PSS (smaps_rollup) and peak RSS. */
export function treeMemory(rootPid) {
  const pids = processTree(rootPid);
  let rssKb = 0; let pssKb = 0; let peakRssKb = 0;
  for (const pid of pids) {
    const status = readStatus(pid);
    rssKb += field(status, 'VmRSS');
    peakRssKb += field(status, 'VmHWM');
    try {
      pssKb += field(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss');
    } catch { /* gone meanwhile */ }
  }
  return { processes: pids.length, rssKb, pssKb, peakRssKb };
}

// --------------------------------------------------------------------- Xvfb

/** Starts Xvfb on a free display (it picks one and tells us via -displayfd). */
export async function startXvfb() {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp', '-noreset'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-2000); });
  const display = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start: ${stderr}`)), 15_000);
    child.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) { clearTimeout(timer); resolve(`:${out.trim()}`); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Xvfb exited (${code}): ${stderr}`)); });
  });
  return { display, child, stop: () => stopChild(child) };
}
