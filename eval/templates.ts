/**
 * Customer lines are templates filled from the run's copy of the fixture, so that a line names the
 * records of this run (each run has its own ids):
 *   {email} {name} {first_name} {last_name} {zip}   the customer
 *   {order}              the fixture's first order      {order:#W1234567}  that fixture order
 *   {payment:gift_card_1234567}                          that payment method of the customer
 *   {item:1234567890}                                    that item's name ("Smart Watch")
 */

export interface TemplateKeys {
  hasCustomer: boolean;
  orders: string[];
  payments: string[];
  items: string[];
}

/** What the placeholders stand for in one run. */
export interface TemplateValues {
  email: string;
  firstName: string;
  lastName: string;
  zip: string;
  /** Fixture order id → this run's order id, in fixture order. */
  orders: ReadonlyMap<string, string>;
  payments: ReadonlyMap<string, string>;
  itemNames: ReadonlyMap<string, string>;
}

const PLACEHOLDER = /\{([a-z_]+)(?::([^{}]+))?\}/g;
const CUSTOMER_FIELDS = ['email', 'name', 'first_name', 'last_name', 'zip'];

/** The placeholders of `line` and what is wrong with them, if anything, for these fixture keys. */
export function placeholdersIn(line: string, keys: TemplateKeys): { problems: string[] } {
  const problems: string[] = [];
  for (const match of line.matchAll(PLACEHOLDER)) {
    const [whole, name, arg] = match as unknown as [string, string, string | undefined];
    const needsCustomer = () => {
      if (!keys.hasCustomer) problems.push(`uses ${whole}, but the scenario has no fixture`);
    };
    if (CUSTOMER_FIELDS.includes(name) && arg === undefined) needsCustomer();
    else if (name === 'order') {
      needsCustomer();
      if (arg === undefined ? keys.hasCustomer && keys.orders.length === 0 : !keys.orders.includes(arg)) {
        problems.push(`uses ${whole}, but the fixture has ${arg === undefined ? 'no orders' : `no order ${arg} (it has ${keys.orders.join(', ') || 'none'})`}`);
      }
    } else if (name === 'payment' && arg !== undefined) {
      needsCustomer();
      if (!keys.payments.includes(arg)) problems.push(`uses ${whole}, but the fixture's customer has no payment method ${arg} (${keys.payments.join(', ') || 'none'})`);
    } else if (name === 'item' && arg !== undefined) {
      needsCustomer();
      if (!keys.items.includes(arg)) problems.push(`uses ${whole}, but no fixture order holds item ${arg}`);
    } else {
      problems.push(`uses ${whole}, which is not a placeholder: use {email}, {name}, {first_name}, {last_name}, {zip}, {order}, {order:<id>}, {payment:<id>} or {item:<item id>}`);
    }
  }
  return { problems };
}

/** The line with every placeholder replaced (the scenario was validated, so each has a value). */
export function fillLine(line: string, values: TemplateValues | null): string {
  return line.replace(PLACEHOLDER, (whole, name: string, arg: string | undefined) => {
    if (!values) throw new Error(`${whole} needs a fixture`);
    const found = (map: ReadonlyMap<string, string>, key: string) => {
      const value = map.get(key);
      if (value === undefined) throw new Error(`${whole}: no ${key} in this run's fixture`);
      return value;
    };
    switch (name) {
      case 'email':
        return values.email;
      case 'name':
        return `${values.firstName} ${values.lastName}`;
      case 'first_name':
        return values.firstName;
      case 'last_name':
        return values.lastName;
      case 'zip':
        return values.zip;
      case 'order':
        return arg === undefined ? found(values.orders, [...values.orders.keys()][0] ?? '') : found(values.orders, arg);
      case 'payment':
        return found(values.payments, arg ?? '');
      case 'item':
        return found(values.itemNames, arg ?? '');
      default:
        throw new Error(`${whole} is not a placeholder`);
    }
  });
}

/** Which phrasing run `run` (0-based) says for a line with these variants: the same one every time for that run. */
export const pickVariant = (variants: readonly string[], run: number): string => {
  if (variants.length === 0) throw new Error('a line needs at least one phrasing');
  return variants[run % variants.length] as string;
};
