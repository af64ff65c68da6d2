// @ts-check
// The JSON API as both pages call it: a bearer token, JSON in and out, and the API's
// { error: { code, message } } turned into an ApiError the page can show.

export class ApiError extends Error {
  /**
   * @param {number} status the HTTP status, 0 when no answer came
   * @param {string} code
   * @param {string} message
   */
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/**
 * One call; the body it answers with, unchecked: each page's API module names its type.
 * `unreachable` is what the page says when the request never got an answer.
 * @param {'GET' | 'POST'} method
 * @param {string} path
 * @param {string} token
 * @param {unknown} body
 * @param {string} unreachable
 * @returns {Promise<unknown>}
 */
export async function callApi(method, path, token, body, unreachable) {
  /** @type {Record<string, string>} */
  const headers = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'unreachable', unreachable);
  }
  const text = await response.text();
  /** @type {unknown} */
  let data;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const error = errorBody(data);
    throw new ApiError(response.status, error.code || `http_${response.status}`, error.message || response.statusText);
  }
  return data;
}

/**
 * The `{ error: { code, message } }` of a refusal, as far as it is there.
 * @param {unknown} data
 * @returns {{ code?: string, message?: string }}
 */
function errorBody(data) {
  if (typeof data !== 'object' || data === null || !('error' in data)) return {};
  const error = data.error;
  if (typeof error !== 'object' || error === null) return {};
  return {
    ...('code' in error && typeof error.code === 'string' ? { code: error.code } : {}),
    ...('message' in error && typeof error.message === 'string' ? { message: error.message } : {}),
  };
}

