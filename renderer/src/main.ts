import { createApp } from 'vue';
import { createPinia } from 'pinia';
import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import 'element-plus/theme-chalk/dark/css-vars.css';
import './styles.css';
import App from './App.vue';
import { router } from './router';
import { useBridge } from './bridge/index';
import { installDesktopMenu } from './desktop/menu';

// Connect first: in a browser this takes the server's token out of the address bar.
useBridge();

createApp(App).use(createPinia()).use(router).use(ElementPlus).mount('#app');
installDesktopMenu(router);
