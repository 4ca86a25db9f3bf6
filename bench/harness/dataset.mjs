// The benchmark library: N videos as a GET /videos body, the same bytes for
// Clipshelf's cache, the model benchmark and the web page. Deterministic (a
// seeded generator), so every run measures the same data.

const TAGS = [
  'music', 'tutorial', 'cooking', 'workout', 'guitar', 'science', 'history', 'travel', 'gaming',
  'design', 'programming', 'qt', 'linux', 'piano', 'math', 'physics', 'running', 'yoga', 'baking',
  'photography', 'drawing', 'language', 'german', 'jazz', 'lecture', 'interview', 'documentary',
  'news', 'comedy', 'podcast', 'woodworking', 'gardening', 'chess', 'astronomy', 'film', 'review',
  'diy', 'cycling', 'climbing', 'meditation',
];
const ADJECTIVES = ['Beginner', 'Advanced', 'Quick', 'Complete', 'Relaxing', 'Live', 'Classic', 'Modern',
  'Practical', 'Hidden', 'Essential', 'Easy', 'Deep', 'Slow', 'Epic', 'Honest'];
const TOPICS = ['guitar lesson', 'bread recipe', 'leg workout', 'history of Rome', 'Qt Quick tips',
  'jazz standards', 'piano etude', 'trip to Iceland', 'chess openings', 'night sky guide',
  'woodworking joints', 'German phrases', 'calculus intro', 'street photography', 'yoga flow',
  'mountain biking', 'coffee brewing', 'linux kernel talk', 'film analysis', 'garden planning'];
const NOTES = ['Watch again before the weekend.', 'Great explanation around the middle.',
  'Recommended by a friend.', 'Try this one slowly.', 'Part of a series, see the channel.',
  'Good reference for later.', 'The second half is the useful part.', 'Save for the holidays.'];
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

// mulberry32: small, fast, deterministic.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE_MS = Date.UTC(2026, 0, 1, 12, 0, 0);

/** The videos, newest first (ids N..1), as plain objects in the API's Video shape. */
export function makeVideos(count, seed = 7) {
  const rnd = prng(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const seen = new Set();
  const videos = [];
  for (let i = 0; i < count; i += 1) {
    let youtubeId;
    do {
      youtubeId = '';
      for (let k = 0; k < 11; k += 1) youtubeId += ID_CHARS[Math.floor(rnd() * 64)];
    } while (seen.has(youtubeId));
    seen.add(youtubeId);
    const tags = new Set();
    const tagCount = Math.floor(rnd() * 4); // 0..3
    for (let k = 0; k < tagCount; k += 1) {
      // Skewed: low indexes are common, as real tag use is.
      tags.add(TAGS[Math.floor(TAGS.length * rnd() * rnd())]);
    }
    const created = new Date(BASE_MS - i * 37 * 60 * 1000).toISOString().replace('.000Z', 'Z');
    videos.push({
      id: count - i,
      url: `https://www.youtube.com/watch?v=${youtubeId}`,
      youtube_id: youtubeId,
      title: rnd() < 0.03 ? null : `${pick(ADJECTIVES)} ${pick(TOPICS)} #${count - i}`,
      notes: rnd() < 0.4 ? null : pick(NOTES),
      thumbnail_url: `https://img.youtube.com/vi/${youtubeId}/hqdefault.jpg`,
      tags: [...tags].sort(),
      created_at: created,
      updated_at: created,
    });
  }
  return videos;
}

/** The GET /videos body of the whole library (one page). */
export function videosJson(videos) {
  return JSON.stringify({ videos, count: videos.length, next_cursor: null });
}

/** Filters the model benchmark times: a common tag, a rarer one, a word, and a text nothing matches. */
export const FILTER_TAGS = ['music', 'guitar'];
export const FILTER_SEARCHES = ['bread', 'zzqx'];
