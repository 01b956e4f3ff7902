/**
 * What both corner cards share (a mixture's, run-detail/CornerCard.vue, and a particle run's,
 * ParticleCornerCard.vue): the parameters shown — the first six by default, then the user's choice
 * in order —, the card's width followed as the window is resized, the square plot's size from it
 * (charts/corner/layout.ts), and the image exporter. The card's template names its plot
 * `ref="plot"` and the element whose width the plot may take `ref="box"`.
 */
import { computed, onBeforeUnmount, onMounted, ref, useTemplateRef, watch } from 'vue';
import { CREDIBLE_MASSES } from '../charts/corner/intervals';
import { cornerPixels } from '../charts/corner/layout';

/** More cells than 6×6 get too small to read on a laptop screen. */
const DEFAULT_PARAMETERS = 6;

/** What the card needs of components/CornerPlot.vue. */
interface ImageExporting {
  exportImage(format: 'png' | 'svg', light: boolean): Promise<Blob>;
}

export function useCornerLayout(parameterCount: () => number) {
  const chosen = ref<number[]>([]);
  watch(parameterCount, (d) => (chosen.value = Array.from({ length: Math.min(d, DEFAULT_PARAMETERS) }, (_, i) => i)), { immediate: true });
  const parameters = computed(() => [...chosen.value].sort((a, b) => a - b));
  /** Whether there are more parameters than the default shows, so the user may choose. */
  const choosable = computed(() => parameterCount() > DEFAULT_PARAMETERS);

  const plot = useTemplateRef<ImageExporting>('plot');
  const box = useTemplateRef<HTMLDivElement>('box');
  const available = ref(1200);
  let resizeObserver: ResizeObserver | null = null;
  onMounted(() => {
    // Whole tens of pixels: a resize by a pixel or two need not rebuild the plot.
    const measure = () => (available.value = Math.floor((box.value?.clientWidth ?? 1200) / 10) * 10);
    measure();
    resizeObserver = new ResizeObserver(measure);
    if (box.value) resizeObserver.observe(box.value);
  });
  onBeforeUnmount(() => resizeObserver?.disconnect());

  /** A square plot filling the card, cells no smaller than readable: with many parameters it scrolls sideways. */
  const size = computed(() => cornerPixels(parameters.value.length, available.value).size);
  const exporter = (format: 'png' | 'svg', light: boolean) => plot.value?.exportImage(format, light) ?? Promise.reject(new Error('The corner plot is not on screen.'));
  const credible = CREDIBLE_MASSES.map((mass) => `${Math.round(100 * mass)} %`);
  return { chosen, choosable, parameters, size, exporter, credible };
}
