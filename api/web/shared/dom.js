// @ts-check
// Finding the page's parts and making new ones. Strings only ever become text nodes or
// textContent: customer text is untrusted and never becomes markup.

/**
 * @overload
 * @param {string} testid
 * @returns {HTMLElement}
 */
/**
 * @template {HTMLElement} T
 * @overload
 * @param {string} testid
 * @param {new () => T} kind
 * @returns {T}
 */
/**
 * The element with this data-testid; the page and its scripts must agree on it, so a missing or
 * different element is a bug worth failing loudly on.
 * @param {string} testid
 * @param {new () => HTMLElement} [kind]
 * @returns {HTMLElement}
 */
export function byTestId(testid, kind = HTMLElement) {
  const node = document.querySelector(`[data-testid="${testid}"]`);
  if (!(node instanceof kind)) throw new Error(`the page has no ${kind.name} with data-testid="${testid}"`);
  return node;
}

/**
 * @typedef {object} Props
 * @property {string} [testid]
 * @property {string} [className]
 * @property {string | number} [text]
 * @property {Record<string, string | number | undefined>} [dataset]
 * @property {() => void} [onClick]
 * @property {Record<string, string | number>} [attrs] any other attributes
 */

/** @typedef {Node | string | null | undefined | false} Child */

/**
 * A new element; strings among the children become text nodes, never markup.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Props} [props]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  if (props.testid !== undefined) node.dataset.testid = props.testid;
  if (props.className !== undefined) node.className = props.className;
  if (props.text !== undefined) node.textContent = String(props.text);
  for (const [key, value] of Object.entries(props.dataset ?? {})) {
    if (value !== undefined) node.dataset[key] = String(value);
  }
  if (props.onClick) node.addEventListener('click', props.onClick);
  for (const [key, value] of Object.entries(props.attrs ?? {})) node.setAttribute(key, String(value));
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/**
 * @param {string} testid
 * @param {string | number | null | undefined} text
 */
export function setText(testid, text) {
  byTestId(testid).textContent = text === undefined || text === null ? '' : String(text);
}

/**
 * @param {string} testid
 * @param {boolean} visible
 */
export function show(testid, visible) {
  byTestId(testid).hidden = !visible;
}
