// The web alternative: a static page showing the same videos as Clipshelf's
// library (thumbnail, title, notes or link, tags, date; 96 px rows), served
// from loopback together with the thumbnails, and a beacon endpoint where the
// page reports its first contentful paint. No JavaScript renders the list:
// the page is the list, which is the lightest a web client can be.

import * as http from 'node:http';

/** A 320x180 JPEG, the stand-in for every thumbnail (Clipshelf gets the same bytes). */
export const THUMBNAIL_JPEG = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAoHBwgHBgoICAgLCgoLDhgQDg0NDh0VFhEYIx8lJCIfIiEmKzcvJik0KSEiMEExNDk7Pj4+JS5ESUM8SDc9Pjv/2wBDAQoLCw4NDhwQEBw7KCIoOzs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozv/wAARCAC0AUADASIAAhEBAxEB/8QAFwABAQEBAAAAAAAAAAAAAAAAAAIDBf/EABYQAQEBAAAAAAAAAAAAAAAAAAAREv/EABcBAQEBAQAAAAAAAAAAAAAAAAABBAX/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwDsUqKV0mJdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBno0ilRV6NIpQXo0ilBejSKUF6NIpQXo0ilBejSKUF6NIpQXo0ilBejSKUF6NIpQXo0ilBejSKUF6NIpQXo0ilBejSKUF6NIpQXo0ilBejSKUF6NIpQZ6NI0aBejSNGgXo0jRoF6NI0aBejSNGgXo0jRoF6NI0aBejSNGgXo0jRoF6NI0aBejSNGgXo0jRoF6NI0aBejSNGgXo0jRoF6NI0aBejSNGgXo0jRoF6NI0aBejSNGgZ6NM9GkVpo0z0aBpo0z0aBpo0z0aBpo0z0aBpo0z0aBpo0z0aBpo0z0aBpo0z0aBpo0z0aBpo0z0aBpo0z0aBpo0z0aBpo0z0aBpo0z0aBpo0z0aBpo0z0aBpo0z0aBpo0z0aBpo0z0aBFKzpUGlKzpQaUrOlBpSs6UGlKzpQaUrOlBpSs6UGlKzpQaUrOlBpSs6UGlKzpQaUrOlBpSs6UGlKzpQaUrOlBpSs6UGlKzpQaUrOlBpSs6UGlKzpQZ0qNGhV0qNGgXSo0aBdKjRoF0qNGgXSo0aBdKjRoF0qNGgXSo0aBdKjRoF0qNGgXSo0aBdKjRoF0qNGgXSo0aBdKjRoF0qNGgXSo0aBdKjRoF0qNGgZ0qKVBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBno0jRoVejSNGgXo0jRoF6NI0aBejSNGgXo0jRoF6NI0aBejSNGgXo0jRoF6NI0aBejSNGgXo0jRoF6NI0aBejSNGgXo0jRoF6NI0aBejSNGgXo0jRoF6NI0aBejSNGgZ0qKVBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBdKilBnSs6UGlKzpQaUrOlBpSs6UGlKzpQaUrOlBpSs6UGlKzpQaUrOlBpSs6UGlKzpQaUrOlBpSs6UGlKzpQaUrOlBpSs6UGlKzpQaUrOlBpSs6UGlKzpQRo0z0aRWmjTPRoGmjTPRoGmjTPRoGmjTPRoGmjTPRoGmjTPRoGmjTPRoGmjTPRoGmjTPRoGmjTPRoGmjTPRoGmjTPRoGmjTPRoGmjTPRoGmjTPRoGmjTPRoGmjTPRoGmjTPRoGmjTPRoEUoClKAFKAFKAFKAFKAFKAFKAFKAFKAFKAFKAFKAFKAFKAFKAFKAFKAFKAFKAP/2Q==', 'base64');

function escapeHtml(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
}

const STYLE = `
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 "DejaVu Sans", sans-serif; background: #f6f7f9; color: #1d2025; }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #e3e5e9; padding: 12px 24px;
  display: flex; gap: 16px; align-items: center; z-index: 1; }
header h1 { font-size: 20px; margin: 0; }
header .count { color: #6b7280; }
header input { margin-left: auto; width: 260px; padding: 6px 10px; border: 1px solid #d0d4da; border-radius: 6px; }
ul { list-style: none; margin: 0; padding: 8px 24px; }
li { height: 96px; display: flex; gap: 12px; padding: 3px 8px; margin-bottom: 8px; background: #fff;
  border-radius: 10px; content-visibility: auto; contain-intrinsic-size: auto 96px; }
li img { width: 160px; height: 90px; border-radius: 6px; object-fit: cover; background: #dfe3e8; }
li .text { min-width: 0; display: flex; flex-direction: column; justify-content: center; gap: 2px; }
li .title { font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
li .sub { color: #6b7280; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
li .tag { display: inline-block; padding: 0 8px; margin-right: 4px; border-radius: 9px; background: #eef1f6; font-size: 12px; }
li time { color: #6b7280; font-size: 12px; }
`;

const PAINT_REPORTER = `(function () {
  new PerformanceObserver(function (list, observer) {
    list.getEntries().forEach(function (e) {
      if (e.name !== 'first-contentful-paint') return;
      observer.disconnect();
      navigator.sendBeacon('/__bench/paint', JSON.stringify({ timeOrigin: performance.timeOrigin, fcp: e.startTime }));
    });
  }).observe({ type: 'paint', buffered: true });
})();`;

/** The page for \a videos (API Video objects), newest first. */
export function libraryPage(videos) {
  const rows = videos.map((v) => {
    const title = v.title ?? v.url;
    const sub = v.notes ?? v.url;
    const tags = v.tags.map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join('');
    return `<li><img loading="lazy" alt="" src="/thumbs/${v.youtube_id}/hqdefault.jpg">`
      + `<div class="text"><div class="title">${escapeHtml(title)}</div><div class="sub">${escapeHtml(sub)}</div>`
      + `<div>${tags}<time>${v.created_at.slice(0, 10)}</time></div></div></li>`;
  });
  return '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Clipshelf — Library</title>'
    + `<style>${STYLE}</style><script>${PAINT_REPORTER}</script></head><body>`
    + `<header><h1>Library</h1><span class="count">${videos.length} videos</span>`
    + '<input type="search" placeholder="Search"></header>'
    + `<ul>${rows.join('')}</ul></body></html>`;
}

/**
 * Serves /library.html (from \a pages: name -> html), /thumbs/... and the paint
 * beacon on 127.0.0.1. waitForPaint() resolves with the next beacon's body.
 */
export async function startWebServer(pages) {
  let paintWaiter = null;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname === '/__bench/paint') {
      let body = '';
      req.on('data', (d) => { body += d; });
      req.on('end', () => {
        res.writeHead(204).end();
        try {
          if (paintWaiter) paintWaiter(JSON.parse(body));
        } catch { /* malformed beacon: ignored, the wait times out */ }
      });
      return;
    }
    if (url.pathname.startsWith('/thumbs/') && url.pathname.endsWith('.jpg')) {
      res.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': THUMBNAIL_JPEG.length, 'Cache-Control': 'max-age=3600' });
      res.end(THUMBNAIL_JPEG);
      return;
    }
    const page = pages[url.pathname.slice(1)];
    if (page) {
      const bytes = Buffer.from(page);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': bytes.length });
      res.end(bytes);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    /** Resolves with the next paint beacon ({timeOrigin, fcp}), or rejects after timeoutMs. */
    waitForPaint(timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => { paintWaiter = null; reject(new Error('no first contentful paint reported')); }, timeoutMs);
        paintWaiter = (body) => { clearTimeout(timer); paintWaiter = null; resolve(body); };
      });
    },
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
