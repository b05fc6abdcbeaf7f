/**
 * Chart.js, registered once with only what the Meta page draws (bars and lines), so the
 * library stays in the Meta page's lazy chunk and tree-shakes the rest.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
);

/** Colours that read on the light and the dark theme alike. */
export const SERIES_COLORS = ['#0b57d0', '#b06000', '#1e8e3e', '#b3261e'];

export const percent = (value: number): string => `${Math.round(value * 1000) / 10} %`;
