// `node --import ./test/electron-stub/register.mjs out/main/index.js` runs the main bundle on the stub.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
