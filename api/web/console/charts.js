// @ts-check
// Small charts drawn as inline SVG. Every bar carries its number as text and as data attributes,
// so a person reads the figure without hovering and a test reads exactly what is drawn.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * An SVG element; strings among the children become text nodes, never markup.
 * @param {string} tag
 * @param {Record<string, string | number>} [attrs]
 * @param {...(Node | string | null)} children
 * @returns {SVGElement}
 */
function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  for (const child of children) {
    if (child !== null) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/**
 * "28.6%", or "—" for a rate without conversations.
 * @param {number | null} rate
 */
export const percent = (rate) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/**
 * @typedef {object} Bar
 * @property {string} key what the bar stands for, as the API names it
 * @property {string} label
 * @property {number} value its length, against the chart's largest
 * @property {string} text its figure, as shown
 * @property {string} [className]
 */

const ROW = 24;
const LABEL_WIDTH = 190;
/** Longer labels are cut, in full in their tooltip. */
const LABEL_CHARS = 28;
const BAR_WIDTH = 200;
const TEXT_WIDTH = 120;

/**
 * Horizontal bars, one row each, the figure written after the bar.
 * @param {string} title what the chart shows, for screen readers
 * @param {Bar[]} bars
 * @param {{ max?: number, empty?: string }} [options] `max` fixes the scale (5 for a rating); else the largest bar fills it
 * @returns {Element}
 */
export function barChart(title, bars, options = {}) {
  if (bars.length === 0) return svgEmpty(title, options.empty ?? 'nothing recorded');
  const max = options.max ?? Math.max(1, ...bars.map((b) => b.value));
  const width = LABEL_WIDTH + BAR_WIDTH + TEXT_WIDTH;
  return svg(
    'svg',
    { viewBox: `0 0 ${width} ${bars.length * ROW}`, width, height: bars.length * ROW, role: 'img', 'aria-label': title },
    ...bars.map((bar, i) => {
      const y = i * ROW;
      const length = Math.round((Math.max(0, bar.value) / max) * BAR_WIDTH);
      return svg(
        'g',
        { 'data-testid': 'bar', 'data-key': bar.key, 'data-value': bar.value, 'data-text': bar.text },
        svg('title', {}, `${bar.label}: ${bar.text}`),
        svg('text', { x: LABEL_WIDTH - 6, y: y + 16, 'text-anchor': 'end', class: 'chart-label' }, bar.label.length > LABEL_CHARS ? `${bar.label.slice(0, LABEL_CHARS - 1)}…` : bar.label),
        svg('rect', { x: LABEL_WIDTH, y: y + 4, width: length, height: ROW - 8, rx: 2, class: `chart-bar ${bar.className ?? ''}`.trim() }),
        svg('text', { x: LABEL_WIDTH + length + 6, y: y + 16, class: 'chart-value', 'data-testid': 'bar-text' }, bar.text),
      );
    }),
  );
}

/**
 * @param {string} title
 * @param {string} text
 */
function svgEmpty(title, text) {
  return svg('svg', { viewBox: '0 0 300 24', width: 300, height: 24, role: 'img', 'aria-label': title }, svg('text', { x: 0, y: 16, class: 'chart-empty' }, text));
}

/**
 * @typedef {object} DayRates
 * @property {string} day YYYY-MM-DD
 * @property {number} conversations
 * @property {number | null} automationRate
 * @property {number | null} containedRate
 */

const PLOT_HEIGHT = 120;
const AXIS = 36;
const TOP = 8;
const BOTTOM = 22;

/**
 * Two bars per day, from 0 to 100%: the automation rate, and the contained rate beside it (not on
 * top of it: contained is not part of the rate). Days without conversations have no bars.
 * @param {string} title
 * @param {DayRates[]} days oldest first
 * @returns {Element}
 */
export function dayRatesChart(title, days) {
  const slot = days.length > 90 ? 4 : days.length > 31 ? 8 : 18;
  const bar = Math.max(1, Math.floor((slot - 2) / 2));
  const width = AXIS + days.length * slot + 4;
  const height = TOP + PLOT_HEIGHT + BOTTOM;
  const yOf = (/** @type {number} */ rate) => TOP + PLOT_HEIGHT - rate * PLOT_HEIGHT;
  const labelEvery = Math.max(1, Math.ceil(days.length / 8));
  // The last day is always labelled; a periodic label too close to it would overlap it.
  const labelled = (/** @type {number} */ i) => i === days.length - 1 || (i % labelEvery === 0 && days.length - 1 - i >= labelEvery / 2);
  return svg(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': title },
    ...[0, 0.5, 1].map((r) =>
      svg('g', {}, svg('line', { x1: AXIS, x2: width, y1: yOf(r), y2: yOf(r), class: 'chart-grid' }), svg('text', { x: AXIS - 4, y: yOf(r) + 4, 'text-anchor': 'end', class: 'chart-axis' }, `${r * 100}%`)),
    ),
    ...days.map((d, i) => {
      const x = AXIS + i * slot + 1;
      const tip = d.conversations
        ? `${d.day}: ${d.conversations} conversations, automation rate ${percent(d.automationRate)}, contained ${percent(d.containedRate)}`
        : `${d.day}: no conversations`;
      return svg(
        'g',
        {
          'data-testid': 'day',
          'data-day': d.day,
          'data-conversations': d.conversations,
          'data-automation-rate': d.automationRate ?? '',
          'data-contained-rate': d.containedRate ?? '',
        },
        svg('title', {}, tip),
        d.automationRate === null ? null : svg('rect', { x, y: yOf(d.automationRate), width: bar, height: d.automationRate * PLOT_HEIGHT, class: 'chart-bar rate-automation' }),
        d.containedRate === null ? null : svg('rect', { x: x + bar, y: yOf(d.containedRate), width: bar, height: d.containedRate * PLOT_HEIGHT, class: 'chart-bar rate-contained' }),
        labelled(i) ? svg('text', { x: x + bar, y: height - 6, 'text-anchor': 'middle', class: 'chart-axis' }, d.day.slice(5)) : null,
      );
    }),
  );
}
