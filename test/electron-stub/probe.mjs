// Loads the built main bundle on the stub, exercises the window and the IPC gate, prints one JSON
// line with what it saw, then quits the app the way Electron would. Used by main-bundle.test.ts.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const bundle = process.argv[2];
await import(pathToFileURL(bundle).href);
const state = globalThis.__electronStub;

const deadline = Date.now() + 10_000;
while (state.windows.length === 0 && state.errorBoxes.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));

const window = state.windows[0];
const handler = state.handlers.get('gmki:problem/examples');
const stubEvent = (url) => ({ senderFrame: { url }, sender: {} });
const call = async (url) => (handler ? handler(stubEvent(url), {}) : null);
const navigation = { prevented: false };
window?.listeners['will-navigate']?.({ preventDefault: () => void (navigation.prevented = true) }, 'https://example.com/');
const report = {
  errorBoxes: state.errorBoxes,
  webPreferences: window?.options.webPreferences ?? null,
  preloadExists: window ? existsSync(window.options.webPreferences.preload) : false,
  loaded: window?.loaded ?? null,
  handlers: [...state.handlers.keys()],
  own: await call(pathToFileURL(window?.loaded ?? '/nowhere').href + '#/runs'),
  foreign: await call('https://evil.example/index.html'),
  noFrame: handler ? await handler({ senderFrame: null, sender: {} }, {}) : null,
  windowOpen: window?.windowOpenHandler?.({ url: 'https://example.com/' }) ?? null,
  navigationPrevented: navigation.prevented,
};

// A whole run through the gate: the run manager starts the built run-worker chunk, and its end
// reaches the window as a `gmki:event:run/status` message.
const ownUrl = pathToFileURL(window?.loaded ?? '/nowhere').href;
const example = report.own?.ok ? report.own.value.find((e) => e.id === 'square-map-1d') : undefined;
const start = state.handlers.get('gmki:run/start');
report.run = start && example ? await start(stubEvent(ownUrl), { problem: example.problem }) : null;
const runDeadline = Date.now() + 20_000;
const ended = () => state.sent.find((m) => m.channel === 'gmki:event:run/status' && !['queued', 'running'].includes(m.payload.status));
while (report.run?.ok && !ended() && Date.now() < runDeadline) await new Promise((r) => setTimeout(r, 50));
report.runEnd = ended()?.payload ?? null;

// A `javascript` model evaluated in the main process: its worker must come from the built chunk.
const modelPath = join(process.env.GMKI_DATA_DIR, 'square.mjs');
writeFileSync(modelPath, 'export function forward(theta) { return [theta[0] * theta[0]]; }\n');
const jsProblem = { ...example?.problem, model: { type: 'javascript', path: modelPath }, settings: undefined };
const evaluate = state.handlers.get('gmki:problem/test-evaluation');
report.javascriptEvaluation = evaluate && example ? await evaluate(stubEvent(ownUrl), { problem: jsProblem }) : null;

// A whole run with that javascript model: the run worker must start the built model-worker chunk.
const jsRun = start && example ? await start(stubEvent(ownUrl), { problem: { ...jsProblem, settings: { iterations: 2 } } }) : null;
const jsEnded = () =>
  state.sent.find((m) => m.channel === 'gmki:event:run/status' && m.payload.runId === jsRun?.value?.id && !['queued', 'running'].includes(m.payload.status));
const jsDeadline = Date.now() + 20_000;
while (jsRun?.ok && !jsEnded() && Date.now() < jsDeadline) await new Promise((r) => setTimeout(r, 50));
report.javascriptRunEnd = jsEnded()?.payload ?? null;
report.eventChannels = [...new Set(state.sent.map((m) => m.channel))].sort();

state.handlers.size > 0 && (await import('electron')).app.quit();
const quitDeadline = Date.now() + 10_000;
while (!state.quitted && Date.now() < quitDeadline) await new Promise((r) => setTimeout(r, 20));
report.quitted = state.quitted;
report.handlersAfterQuit = state.handlers.size;
process.stdout.write(JSON.stringify(report) + '\n');
process.exit(0);
