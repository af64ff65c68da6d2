// The JSON API as both pages call it: a bearer token, JSON in and out, and the API's
// { error: { code, message } } turned into an ApiError the page can show.
'use strict';

(() => {
  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  /** `unreachable` is what the page says when the request never got an answer. */
  async function callApi(method, path, token, body, unreachable) {
    const headers = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    } catch {
      throw new ApiError(0, 'unreachable', unreachable);
    }
    const text = await response.text();
    let data;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      data = undefined;
    }
    if (!response.ok) {
      const error = data && data.error ? data.error : {};
      throw new ApiError(response.status, error.code || `http_${response.status}`, error.message || response.statusText);
    }
    return data;
  }

  window.SupportApi = Object.freeze({ ApiError, callApi });
})();
