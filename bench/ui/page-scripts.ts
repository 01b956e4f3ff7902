/**
 * The code the benchmarks run inside the page, as JavaScript source: it uses the DOM, which the
 * Node typecheck of bench/ does not know, and strings keep the bundler's helpers (esbuild's
 * `__name`) out of the page. Each is an expression; page.evaluate awaits the Promises.
 */

/**
 * Init script: `window.gmkiBenchFirstContent` resolves when `selector` first matches, with the
 * time it entered the DOM, the time it was painted, and the page's milestones before it (ms since navigation start).
 */
export const watchFirstContent = (selector: string): string => `
  window.gmkiBenchFirstContent = new Promise((resolve, reject) => {
    // A page that never shows its content (a half-rebuilt out/renderer, an error state) fails the load instead of hanging.
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('No ' + ${JSON.stringify(selector)} + ' within 30 s; the page shows: ' + (document.body ? document.body.innerText.slice(0, 200) : '(nothing)')));
    }, 30000);
    const observer = new MutationObserver(() => {
      if (!document.querySelector(${JSON.stringify(selector)})) return;
      observer.disconnect();
      clearTimeout(timer);
      const dom = performance.now();
      requestAnimationFrame(() =>
        setTimeout(() => {
          // Where the time went: the page's HTML, its scripts run, its first paint.
          const navigation = performance.getEntriesByType('navigation')[0];
          const paint = performance.getEntriesByName('first-contentful-paint')[0];
          resolve({
            dom,
            painted: performance.now(),
            responseEnd: navigation ? navigation.responseEnd : NaN,
            domContentLoaded: navigation ? navigation.domContentLoadedEventEnd : NaN,
            firstContentfulPaint: paint ? paint.startTime : NaN,
          });
        }, 0),
      );
    });
    observer.observe(document, { childList: true, subtree: true });
  });`;

export const firstContent = 'window.gmkiBenchFirstContent';

/**
 * Sets the runs browser's search box to `text` with one input event and resolves with the
 * milliseconds until the visible rows (ids, or the no-match state) changed in the DOM and were painted.
 */
export const timeSearch = (text: string): string => `
  new Promise((resolve, reject) => {
    const input = document.querySelector('input[data-testid="runs-search"], [data-testid="runs-search"] input');
    if (!input) return reject(new Error('No search box (data-testid="runs-search") on the runs screen.'));
    const rows = () =>
      Array.from(document.querySelectorAll('[data-testid="run-row"]'), (row) => row.getAttribute('data-run-id')).join(',') +
      (document.querySelector('[data-testid="runs-no-match"]') ? '|none' : '');
    const before = rows();
    const timer = setTimeout(() => reject(new Error('The rows did not change within 10 s of a search.')), 10000);
    let start = 0;
    const observer = new MutationObserver(() => {
      if (rows() === before) return;
      observer.disconnect();
      clearTimeout(timer);
      const dom = performance.now() - start;
      requestAnimationFrame(() => setTimeout(() => resolve({ dom, painted: performance.now() - start }), 0));
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-run-id'] });
    start = performance.now();
    input.value = ${JSON.stringify(text)};
    input.dispatchEvent(new Event('input', { bubbles: true }));
  })`;

/**
 * Clicks the "Show samples" switch and resolves with the milliseconds until the last performance
 * mark `mark` (EChart.vue: the chart finished drawing), once no newer one came for 500 ms.
 */
export const timeSwitchToFinished = (mark: string): string => `
  new Promise((resolve, reject) => {
    const control = document.querySelector('[data-testid="show-samples"]');
    if (!control) return reject(new Error('No "Show samples" switch (data-testid="show-samples").'));
    const start = performance.now();
    control.click();
    const poll = () => {
      const last = performance.getEntriesByName(${JSON.stringify(mark)}).filter((entry) => entry.startTime > start).at(-1);
      if (last && performance.now() - last.startTime > 500) resolve(last.startTime - start);
      else if (performance.now() - start > 30000) reject(new Error('The corner plot did not finish within 30 s.'));
      else setTimeout(poll, 50);
    };
    poll();
  })`;

/** True once the performance mark `mark` exists. */
export const hasMark = (mark: string): string => `performance.getEntriesByName(${JSON.stringify(mark)}).length > 0`;

/**
 * Init script: records, while `window.gmkiBenchFrames.recording` is true, the durations of long
 * animation frames (Chromium reports frames over 50 ms) and the gaps between requestAnimationFrame callbacks.
 */
export const recordFrames = `
  (() => {
    const record = { longFrames: [], culprits: [], frameGaps: [], recording: false };
    window.gmkiBenchFrames = record;
    new PerformanceObserver((list) => {
      if (!record.recording) return;
      for (const entry of list.getEntries()) {
        record.longFrames.push(entry.duration);
        // The frame's longest script, to say what made it long (invoker, function, file).
        const script = [...(entry.scripts || [])].sort((a, b) => b.duration - a.duration)[0];
        if (script) record.culprits.push(script.invoker + ' ' + (script.sourceFunctionName || '') + ' ' + String(script.sourceURL || '').split('/').pop() + ' ' + Math.round(script.duration) + ' ms');
      }
    }).observe({ type: 'long-animation-frame' });
    let last = 0;
    const tick = (now) => {
      if (record.recording && last > 0) record.frameGaps.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })();`;

export const setRecording = (on: boolean): string => `window.gmkiBenchFrames.recording = ${on}`;

export const recordedFrames =
  '({ longFrames: window.gmkiBenchFrames.longFrames, culprits: window.gmkiBenchFrames.culprits, frameGaps: window.gmkiBenchFrames.frameGaps })';
