// Loads the built main bundle on the stub, exercises the window, the IPC gate, the native dialogs,
// the menu and the remembered window state, prints one JSON line with what it saw, then quits the
// app the way Electron would. Used by main-bundle.test.ts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
const navigation = { prevented: false, redirectPrevented: false };
window?.listeners['will-navigate']?.({ preventDefault: () => void (navigation.prevented = true) }, 'https://example.com/');
window?.listeners['will-redirect']?.({ preventDefault: () => void (navigation.redirectPrevented = true) }, 'https://example.com/');
let permissionGranted = null;
window?.permissionHandler?.(window.webContents, 'media', (granted) => void (permissionGranted = granted));
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
  redirectPrevented: navigation.redirectPrevented,
  permissionGranted,
  placement: window ? { x: window.options.x, y: window.options.y, width: window.options.width, height: window.options.height, maximized: window.maximized } : null,
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

// Native dialogs: the app page gets the dialog's answer (modal to its window); other senders and
// options that do not fit are refused without a dialog.
const settle = (promise) =>
  Promise.resolve(promise).then(
    (value) => ({ value }),
    (error) => ({ error: error.message }),
  );
const openDialog = state.handlers.get('gmki:dialog/open');
const saveDialog = state.handlers.get('gmki:dialog/save');
const ownEvent = { senderFrame: { url: ownUrl }, sender: window?.webContents };
if (openDialog && saveDialog) {
  report.dialogs = {
    open: await settle(openDialog(ownEvent, { title: 'Open problem', filters: [{ name: 'GMKI problems', extensions: ['json'] }] })),
    save: await settle(saveDialog(ownEvent, { defaultPath: 'problem.gmki.json' })),
    foreign: await settle(openDialog(stubEvent('https://evil.example/'), {})),
    invalid: await settle(saveDialog(ownEvent, { filters: 'json' })),
    shown: state.dialogCalls.map((call) => call.kind),
    modalToWindow: state.dialogCalls.length > 0 && state.dialogCalls.every((call) => call.args[0] === window),
  };
}

// The menu: its structure, and what its items send to the window.
const describeMenu = (items) =>
  items.map((item) => ({ label: item.label ?? null, role: item.role ?? null, ...(item.submenu ? { submenu: describeMenu(item.submenu) } : {}) }));
report.menu = state.menu ? describeMenu(state.menu.template) : null;
const item = (top, label) => state.menu?.template.find((m) => m.label === top)?.submenu.find((i) => i.label === label);
item('File', 'Open problem…')?.click(item('File', 'Open problem…'), window, {});
// No focused window (macOS with every window closed): the app's window gets it.
item('View', 'Compare')?.click(item('View', 'Compare'), undefined, {});
item('Help', 'About GMKI Studio')?.click(item('Help', 'About GMKI Studio'), window, {});
report.menuMessages = state.sent.filter((m) => m.channel === 'gmki:menu').map((m) => m.payload);
report.aboutShown = state.dialogCalls.some((call) => call.kind === 'message');

// The window is moved, then closed: its state is written for the next start.
if (window) {
  window.bounds = { x: 200, y: 150, width: 1100, height: 750 };
  window.maximized = false;
  window.emit('move');
  window.emit('close');
}
const stateFile = join(process.env.GMKI_DATA_DIR, 'window-state.json');
report.savedWindowState = existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, 'utf8')) : null;

if (state.handlers.size > 0) (await import('electron')).app.quit();
const quitDeadline = Date.now() + 10_000;
while (!state.quitted && Date.now() < quitDeadline) await new Promise((r) => setTimeout(r, 20));
report.quitted = state.quitted;
report.handlersAfterQuit = state.handlers.size;
process.stdout.write(JSON.stringify(report) + '\n');
process.exit(0);
