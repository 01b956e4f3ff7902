/**
 * Light or dark: follows the system until the user picks one, remembered across sessions.
 * Element Plus switches with the `dark` class on <html>; charts get the matching ChartTheme.
 */
import { defineStore } from 'pinia';
import { computed, ref, watchEffect } from 'vue';
import { DARK_THEME, LIGHT_THEME, type ChartTheme } from '../charts/theme';

export type ThemeMode = 'light' | 'dark';

const STORAGE_KEY = 'gmki-theme';

function initialMode(): ThemeMode {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const useThemeStore = defineStore('theme', () => {
  const mode = ref<ThemeMode>(initialMode());
  const chartTheme = computed<ChartTheme>(() => (mode.value === 'dark' ? DARK_THEME : LIGHT_THEME));

  watchEffect(() => document.documentElement.classList.toggle('dark', mode.value === 'dark'));

  function toggle(): void {
    mode.value = mode.value === 'dark' ? 'light' : 'dark';
    localStorage.setItem(STORAGE_KEY, mode.value);
  }

  return { mode, chartTheme, toggle };
});
