import { workflowInfo } from '@temporalio/workflow';
import type { CarriedState, InvoiceFlow, ReplyOption } from '../../../domain/conversation';
import type { InvoiceFacts } from '../../../domain/commerce/invoice';
import { money } from '../../../domain/messages';
import { chosenAmong } from './steps/choosing';
import { ORDER_STATUS } from '../../../domain/policy';
import type { Reading } from '../../../domain/understanding/reading';
import { emailInvoice, invoiceLink, invoiceSummary } from '../../activity-proxies';
import { customerFlow } from './dialogue-flow';
import { ask, finish, type FlowReply } from './replies';
import { labelLanguage, languageOf, say } from '../speaking';

const delivery = (state: CarriedState): ReplyOption[] => [
  { id: 'email', label: say(state, 'By e-mail') },
  { id: 'link', label: say(state, 'A download link') },
];

const readableTime = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/**
 * The invoice in a few words in the customer's language. The item descriptions stay as the store
 * writes them, and so does the PDF (in English); English has the activity's own words.
 */
export function invoiceInWords(state: CarriedState, facts: InvoiceFacts): string {
  const shown = facts.lines.map((l) => say(state, '{item} {price}', { item: l.description, price: money(l.priceCents) })).join('; ');
  const more = facts.itemCount - facts.lines.length;
  const lines = more > 0 ? say(state, '{lines}, and {count} more', { lines: shown, count: more }) : shown;
  const count = facts.itemCount === 1 ? say(state, '1 item') : say(state, '{count} items', { count: facts.itemCount });
  const params = { number: facts.number, orderId: facts.orderId, count, total: money(facts.totalCents), lines, paid: money(facts.paidCents) };
  return facts.refundedCents > 0
    ? say(state, 'Invoice {number} for order {orderId}: {count}, total {total} ({lines}). Paid {paid}; {refunded} refunded, so {net} paid in the end.', {
        ...params,
        refunded: money(facts.refundedCents),
        net: money(facts.netCents),
      })
    : say(state, 'Invoice {number} for order {orderId}: {count}, total {total} ({lines}). Paid {paid}.', params);
}

async function tellInvoice(state: CarriedState, flow: InvoiceFlow, preface: string): Promise<FlowReply> {
  const summary = await invoiceSummary({ customerId: state.identity?.customerId ?? '', orderId: flow.orderId ?? '' });
  if (!summary) {
    const unpaid = say(state, 'Order {orderId} has not been paid for, so it has no invoice yet.', { orderId: flow.orderId ?? '' });
    return finish(state, { replies: [{ text: `${preface}${unpaid}` }], intent: flow.kind });
  }
  flow.step = 'invoice_delivery';
  const told = languageOf(state) !== 'en' && summary.facts ? invoiceInWords(state, summary.facts) : summary.text;
  const question = say(state, 'Would you like the invoice as a PDF by e-mail, or as a download link?');
  return ask(flow, `${preface}${told} ${question}`, 'invoice_delivery', delivery(state));
}

function deliveryOf(state: CarriedState, reading: Reading): string | undefined {
  const picked = chosenAmong(reading, delivery(state));
  if (picked) return picked;
  if (reading.invoiceDelivery) return reading.invoiceDelivery;
  return reading.entities.yesNo === 'no' ? 'none' : undefined;
}

async function continueInvoice(state: CarriedState, flow: InvoiceFlow, reading: Reading): Promise<FlowReply> {
  const how = deliveryOf(state, reading);
  const customerId = state.identity?.customerId ?? '';
  const orderId = flow.orderId ?? '';
  const conversationWorkflowId = workflowInfo().workflowId;
  const notFound = () => finish(state, { replies: [{ text: say(state, 'I could not find order {orderId} on your account.', { orderId }) }], intent: flow.kind });
  if (how === 'none') return finish(state, { replies: [{ text: say(state, 'All right. Anything else I can do?') }], intent: flow.kind });
  if (how === 'email') {
    const sent = await emailInvoice({ customerId, orderId, conversationWorkflowId, requestKey: `${conversationWorkflowId}:${state.nextSeq}`, ...labelLanguage(state) });
    if (!sent) return notFound();
    const report = { name: 'invoice_email', status: 'executed' as const, detail: `invoice of ${orderId} to ${sent.email}` };
    (state.actions ??= []).push(report);
    return finish(state, {
      replies: [{ text: say(state, 'An e-mail with your invoice for order {orderId} is on its way to {email}; its link opens the PDF until {time}.', { orderId, email: sent.email, time: readableTime(sent.expiresAt) }) }],
      intent: flow.kind,
      actions: [report],
    });
  }
  if (how === 'link') {
    const made = await invoiceLink({ customerId, orderId, conversationWorkflowId });
    if (!made) return notFound();
    return finish(state, { replies: [{ text: say(state, 'Here is your invoice for order {orderId} as a PDF: {path} (the link works until {time}).', { orderId, path: made.path, time: readableTime(made.expiresAt) }) }], intent: flow.kind });
  }
  return ask(flow, say(state, 'Would you like it by e-mail, or as a download link?'), 'invoice_delivery', delivery(state));
}

/** Any paid order's invoice, told briefly, then the PDF by e-mail or as a link (`check_invoice` starts it too). */
export const invoice = customerFlow<InvoiceFlow>({
  kind: 'get_invoice',
  opening: 'I can get you the invoice of an order.',
  orders: {
    statuses: Object.values(ORDER_STATUS),
    which: 'Which order would you like the invoice of?',
    noneLeft: 'I cannot find any orders on your account, so there is no invoice to show.',
    takeTheOnlyOne: true,
  },
  askNext: (state, flow, preface) => tellInvoice(state, flow, preface),
  continue: continueInvoice,
});
