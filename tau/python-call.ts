/**
 * The reference calls a tool as `RetailTools.<name>(self, **kwargs)`, so a call whose keyword
 * arguments do not fit the signature fails with Python's own TypeError text. These reproduce it.
 */

/** Python's message when `kwargs` do not bind to `parameters` (all required, in signature order), or undefined when they do. */
export function pythonBindingError(toolName: string, parameters: readonly string[], kwargs: Readonly<Record<string, unknown>>): string | undefined {
  const callee = `RetailTools.${toolName}()`;
  // Python goes through the keywords in the order given and stops at the first that does not fit.
  for (const key of Object.keys(kwargs)) {
    if (key === 'self') return `${callee} got multiple values for argument 'self'`;
    if (!parameters.includes(key)) return `${callee} got an unexpected keyword argument '${key}'`;
  }
  const missing = parameters.filter((parameter) => !Object.hasOwn(kwargs, parameter));
  if (missing.length === 0) return undefined;
  const plural = missing.length === 1 ? 'argument' : 'arguments';
  return `${callee} missing ${missing.length} required positional ${plural}: ${listNames(missing.map((name) => `'${name}'`))}`;
}

/** 'a'; 'a' and 'b'; 'a', 'b', and 'c' (Python's format, with the serial comma). */
function listNames(names: readonly string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1] ?? ''}`;
}
