/**
 * An order's invoice, generated from the order as the store has it: what was bought at which price,
 * what was paid and refunded and how, the customer's billing details, and a number derived from the
 * order so the same order always has the same invoice number.
 */
import { foldAccents } from '../entities';
import { formatCents } from '../policy/money';
import type { Customer, Order, PaymentMethod } from '../store/entities';
import { writePdf, type PdfLine } from './pdf';

export interface InvoiceLine {
  description: string;
  priceCents: number;
}

export interface InvoiceMovement {
  kind: 'payment' | 'refund';
  method: string;
  amountCents: number;
}

export interface Invoice {
  number: string;
  orderId: string;
  status: string;
  issuedAt: string;
  billTo: { name: string; email: string; address: string[] };
  lines: InvoiceLine[];
  totalCents: number;
  movements: InvoiceMovement[];
  paidCents: number;
  refundedCents: number;
  /** Paid minus refunded: what the customer has paid for the order in the end. */
  netCents: number;
}

/** `#W1234567` → `INV-W1234567`. */
export function invoiceNumber(orderId: string): string {
  return `INV-${orderId.replace(/^#/, '')}`;
}

export function paymentMethodLabel(id: string, methods: readonly PaymentMethod[]): string {
  const method = methods.find((m) => m.id === id);
  if (!method) return 'a payment method no longer on the account';
  if (method.source === 'credit_card') return `${method.brand} card ending in ${method.lastFour}`;
  if (method.source === 'gift_card') return 'gift card';
  return 'PayPal';
}

/** An invoice exists once the order has been paid for; undefined before. */
export function buildInvoice(order: Order, customer: Customer, issuedAt: string): Invoice | undefined {
  const movements = order.payments.map((p) => ({ kind: p.kind, method: paymentMethodLabel(p.paymentMethodId, customer.paymentMethods), amountCents: p.amountCents }));
  const paidCents = sum(movements.filter((m) => m.kind === 'payment'));
  if (paidCents === 0) return undefined;
  const refundedCents = sum(movements.filter((m) => m.kind === 'refund'));
  const lines = order.items.map((item) => ({
    description: item.options.length > 0 ? `${item.name} (${item.options.map(([name, value]) => `${name}: ${value}`).join(', ')})` : item.name,
    priceCents: item.priceCents,
  }));
  const a = customer.address;
  return {
    number: invoiceNumber(order.id),
    orderId: order.id,
    status: order.status,
    issuedAt,
    billTo: {
      name: `${customer.firstName} ${customer.lastName}`,
      email: customer.email,
      address: [a.address1, a.address2, `${a.city}, ${a.state} ${a.zip}`, a.country].filter((line) => line.trim() !== ''),
    },
    lines,
    totalCents: lines.reduce((total, line) => total + line.priceCents, 0),
    movements,
    paidCents,
    refundedCents,
    netCents: paidCents - refundedCents,
  };
}

const sum = (movements: readonly InvoiceMovement[]) => movements.reduce((total, m) => total + m.amountCents, 0);

/** What the chat says of an invoice: its first lines, its total, and what was paid and refunded. */
export interface InvoiceFacts {
  number: string;
  orderId: string;
  itemCount: number;
  /** The first five lines; `itemCount` says how many more there are. */
  lines: { description: string; priceCents: number }[];
  totalCents: number;
  paidCents: number;
  refundedCents: number;
  netCents: number;
}

export function invoiceFacts(invoice: Invoice): InvoiceFacts {
  return {
    number: invoice.number,
    orderId: invoice.orderId,
    itemCount: invoice.lines.length,
    lines: invoice.lines.slice(0, 5).map((l) => ({ description: l.description, priceCents: l.priceCents })),
    totalCents: invoice.totalCents,
    paidCents: invoice.paidCents,
    refundedCents: invoice.refundedCents,
    netCents: invoice.netCents,
  };
}

/** The invoice in a few words, for the chat in English: its total, its lines, and what was paid and refunded. */
export function describeInvoice(invoice: Invoice): string {
  const shown = invoice.lines.slice(0, 5).map((l) => `${l.description} ${formatCents(l.priceCents)}`);
  const more = invoice.lines.length > shown.length ? `, and ${invoice.lines.length - shown.length} more` : '';
  const refunded = invoice.refundedCents > 0 ? `; ${formatCents(invoice.refundedCents)} refunded, so ${formatCents(invoice.netCents)} paid in the end` : '';
  const count = `${invoice.lines.length} item${invoice.lines.length === 1 ? '' : 's'}`;
  return `Invoice ${invoice.number} for order ${invoice.orderId}: ${count}, total ${formatCents(invoice.totalCents)} (${shown.join('; ')}${more}). Paid ${formatCents(invoice.paidCents)}${refunded}.`;
}

const row = (left: string, right: string, width = 78) => {
  const room = Math.max(1, width - right.length - 1);
  const cut = left.length > room ? `${left.slice(0, room - 3)}...` : left;
  return `${cut.padEnd(room)} ${right}`;
};

/** The invoice as a PDF document. */
export function invoicePdf(invoice: Invoice): Uint8Array {
  const plain = (text: string): PdfLine => ({ text });
  const mono = (text: string): PdfLine => ({ text, font: 'mono' });
  const lines: PdfLine[] = [
    { text: 'Open Support Demo Store', font: 'bold', size: 16 },
    { text: `Invoice ${invoice.number}`, font: 'bold', size: 13 },
    plain(`Order ${invoice.orderId} (${invoice.status})`),
    plain(`Issued ${invoice.issuedAt.slice(0, 10)}`),
    plain(''),
    { text: 'Billed to', font: 'bold' },
    plain(invoice.billTo.name),
    ...invoice.billTo.address.map(plain),
    plain(invoice.billTo.email),
    plain(''),
    { text: 'Items', font: 'bold' },
    ...invoice.lines.map((l) => mono(row(l.description, formatCents(l.priceCents)))),
    { text: row('Total', formatCents(invoice.totalCents)), font: 'mono' },
    plain(''),
    { text: 'Payments and refunds', font: 'bold' },
    ...invoice.movements.map((m) => mono(row(`${m.kind === 'payment' ? 'Paid' : 'Refunded'} by ${m.method}`, `${m.kind === 'refund' ? '-' : ''}${formatCents(m.amountCents)}`))),
    { text: row('Paid in total', formatCents(invoice.netCents)), font: 'mono' },
  ];
  return writePdf(lines, { title: `Invoice ${invoice.number}` });
}

/** How the customer wants the invoice, in their words ("e-mail it to me", "a download link"), when it is one of the two. */
export function invoiceDeliveryIn(text: string): 'email' | 'link' | undefined {
  const t = text.toLowerCase();
  const folded = foldAccents(t);
  // English first, as before; then the words of German, Spanish, French and Portuguese.
  const email = /\b(e-?mail|mail|inbox|send it)\b/.test(t) || /(?<![\p{L}])(correo|courriel|correio|mailen|schicken sie)(?![\p{L}])/u.test(folded);
  const link = /\b(link|download|url|here|chat|pdf)\b/.test(t) || /(?<![\p{L}])(enlace|descarga\p{L}*|lien|telecharg\p{L}*|ligacao|descarreg\p{L}*|transferir|herunterlad\p{L}*)(?![\p{L}])/u.test(folded);
  return email === link ? undefined : email ? 'email' : 'link';
}
