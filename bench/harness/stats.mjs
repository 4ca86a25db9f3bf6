// Small statistics over repeated samples.

export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** The median of one field over a list of sample objects. */
export function medianOf(samples, key) {
  return median(samples.map((s) => s[key]));
}

/** Runs each runner once per repetition, rotating the order; repetition 0 warms up and is dropped. */
export async function interleaved(repetitions, runners, log = () => {}) {
  const names = Object.keys(runners);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let rep = 0; rep <= repetitions; rep += 1) {
    const order = names.map((_, i) => names[(i + rep) % names.length]);
    for (const name of order) {
      const sample = await runners[name]();
      if (rep > 0) samples[name].push(sample);
      log(`${rep === 0 ? 'warm-up' : `rep ${rep}/${repetitions}`} ${name}: ${JSON.stringify(sample)}`);
    }
  }
  return samples;
}
