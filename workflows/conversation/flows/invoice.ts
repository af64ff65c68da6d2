import { workflowInfo } from '@temporalio/workflow';
import type { CarriedState, InvoiceFlow, ReplyOption } from '../../../domain/conversation';
import { chosenAmong } from './steps/choosing';
import { ORDER_STATUS } from '../../../domain/policy';
import type { Reading } from '../../../domain/understanding/reading';
import { emailInvoice, invoiceLink, invoiceSummary } from '../../activity-proxies';
import { customerFlow } from './dialogue-flow';
import { ask, finish, type FlowReply } from './replies';

const DELIVERY: ReplyOption[] = [
  { id: 'email', label: 'By e-mail' },
  { id: 'link', label: 'A download link' },
];

const readableTime = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

async function tellInvoice(state: CarriedState, flow: InvoiceFlow, preface: string): Promise<FlowReply> {
  const summary = await invoiceSummary({ customerId: state.identity?.customerId ?? '', orderId: flow.orderId ?? '' });
  if (!summary) return finish(state, { replies: [{ text: `${preface}Order ${flow.orderId ?? ''} has not been paid for, so it has no invoice yet.` }], intent: flow.kind });
  flow.step = 'invoice_delivery';
  return ask(flow, `${preface}${summary.text} Would you like the invoice as a PDF by e-mail, or as a download link?`, 'invoice_delivery', DELIVERY);
}

function deliveryOf(reading: Reading): string | undefined {
  const picked = chosenAmong(reading, DELIVERY);
  if (picked) return picked;
  if (reading.invoiceDelivery) return reading.invoiceDelivery;
  return reading.entities.yesNo === 'no' ? 'none' : undefined;
}

async function continueInvoice(state: CarriedState, flow: InvoiceFlow, reading: Reading): Promise<FlowReply> {
  const how = deliveryOf(reading);
  const customerId = state.identity?.customerId ?? '';
  const orderId = flow.orderId ?? '';
  const conversationWorkflowId = workflowInfo().workflowId;
  if (how === 'none') return finish(state, { replies: [{ text: 'All right. Anything else I can do?' }], intent: flow.kind });
  if (how === 'email') {
    const sent = await emailInvoice({ customerId, orderId, conversationWorkflowId, requestKey: `${conversationWorkflowId}:${state.nextSeq}` });
    if (!sent) return finish(state, { replies: [{ text: `I could not find order ${orderId} on your account.` }], intent: flow.kind });
    const report = { name: 'invoice_email', status: 'executed' as const, detail: `invoice of ${orderId} to ${sent.email}` };
    (state.actions ??= []).push(report);
    return finish(state, {
      replies: [{ text: `An e-mail with your invoice for order ${orderId} is on its way to ${sent.email}; its link opens the PDF until ${readableTime(sent.expiresAt)}.` }],
      intent: flow.kind,
      actions: [report],
    });
  }
  if (how === 'link') {
    const made = await invoiceLink({ customerId, orderId, conversationWorkflowId });
    if (!made) return finish(state, { replies: [{ text: `I could not find order ${orderId} on your account.` }], intent: flow.kind });
    return finish(state, { replies: [{ text: `Here is your invoice for order ${orderId} as a PDF: ${made.path} (the link works until ${readableTime(made.expiresAt)}).` }], intent: flow.kind });
  }
  return ask(flow, 'Would you like it by e-mail, or as a download link?', 'invoice_delivery', DELIVERY);
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
