import { createApp } from 'vue';
import { createPinia } from 'pinia';
import { config as zodConfig } from 'zod';
import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import 'element-plus/theme-chalk/dark/css-vars.css';
import './styles.css';
import App from './App.vue';
import { router } from './router';
import { useBridge } from './bridge/index';
import { installDesktopMenu } from './desktop/menu';

// zod (core's problem parser) probes `new Function` to decide on compiled validators; the page's
// CSP forbids eval, so the probe logs a CSP violation. Jitless validation never probes.
zodConfig({ jitless: true });

// Connect first: in a browser this takes the server's token out of the address bar.
useBridge();

createApp(App).use(createPinia()).use(router).use(ElementPlus).mount('#app');
installDesktopMenu(router);
