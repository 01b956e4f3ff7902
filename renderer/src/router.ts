/**
 * The screens and their addresses. Hash history: `gmki serve` serves files only (no fallback to
 * index.html) and Electron loads the page from a file.
 */
import { createRouter, createWebHashHistory } from 'vue-router';
// The home screen is in the main bundle: the first render must not wait for one more round trip.
import RunsView from './views/RunsView.vue';

export const router = createRouter({
  history: createWebHashHistory(),
  // A new screen starts at its top; back and forward return to where the user was. A change
  // within one screen (its query) and the help screen's ?section= links keep their own scrolling.
  scrollBehavior: (to, from, saved) => saved ?? (to.name === from.name || to.query.section ? false : { top: 0 }),
  routes: [
    { path: '/', redirect: '/runs' },
    { path: '/runs', name: 'runs', component: RunsView },
    { path: '/runs/:id', name: 'run', component: () => import('./views/RunView.vue'), props: true },
    { path: '/problem', name: 'problem', component: () => import('./views/ProblemEditorView.vue') },
    { path: '/setup', name: 'setup', component: () => import('./views/RunSetupView.vue') },
    { path: '/compare', name: 'compare', component: () => import('./views/CompareView.vue') },
    { path: '/help', name: 'help', component: () => import('./views/HelpView.vue') },
    { path: '/:unknown(.*)*', redirect: '/runs' },
  ],
});
