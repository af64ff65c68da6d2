import { Router, type Request } from 'express';
import type { Knex } from 'knex';
import type { ApprovalRequest, ClaimResult, NoticeDeliveries, NoticeDelivery, QueueItem, StaffNotification } from '../contracts';
import { noticesOfConversation } from '../../db/repositories/customer-notifications';
import { workflowIdFor } from '../../domain/conversation';
import type { ConversationGateway } from '../conversation-gateway';
import { allowRoles } from '../authorization';
import { actorIdOf, parseLanguages } from '../../auth/roles';
import { claimLanguageWarning, languageName, languagesSpoken, speaks } from '../../domain/handoff/language-routing';
import { DEFAULT_LANGUAGE } from '../../domain/language/languages';
import { HttpError, notFound } from '../http-error';
import {
  agentMessageBody,
  approvalDecisionBody,
  claimBody,
  parseBody,
  approvalIdParam,
  resolveBody,
  returnToBotBody,
} from '../schemas';
import { whyMessageIsInvalid } from '../../domain/message-validation';
import { conversationIdOf } from './conversations';
import { announceConversationChange } from '../../channels/live-updates';

/** The agent's desk: the handoff queue, commands on a conversation, approvals and notifications. */
export function agentDeskRoutes(deps: { db: Knex; gateway: ConversationGateway }): Router {
  const router = Router();
  const people = allowRoles('agent', 'supervisor');
  // Auditors read everything and write nothing: the desk's lists too.
  const readers = allowRoles('agent', 'supervisor', 'auditor');

  // A person's command (a reply, a claim, a resolve) changes what the customer's open widget shows.
  router.post('/conversations/:id/*command', (req, res, next) => {
    const conversationId = req.params.id;
    res.once('finish', () => {
      if (res.statusCode < 300 && conversationId) void announceConversationChange({ conversationId, kind: 'message' });
    });
    next();
  });

  // `?languages=mine` keeps the handoffs in the caller's languages, `?languages=de,fr` those in the
  // languages listed; without it everyone sees the whole queue (supervisors and auditors need to).
  router.get('/agent/queue', readers, async (req, res) => {
    const languages = queueLanguages(req);
    const rows = (await deps.db('handoff_queue')
      .whereNot({ status: 'done' })
      .orderBy([{ column: 'priority_rank', order: 'desc' }, { column: 'requested_at', order: 'asc' }])
      .select('conversation_id', 'status', 'priority', 'reasons', 'summary', 'customer_name', 'claimed_by', 'requested_at', 'sla_due_at', 'language')) as Record<string, unknown>[];
    const queue = rows
      .map(
        (r): QueueItem => ({
          conversationId: r.conversation_id as string,
          status: r.status as QueueItem['status'],
          priority: r.priority as QueueItem['priority'],
          reasons: r.reasons as string,
          summary: r.summary as string,
          customerName: (r.customer_name as string | null) ?? null,
          claimedBy: (r.claimed_by as string | null) ?? null,
          requestedAt: r.requested_at as string,
          slaDueAt: (r.sla_due_at as string | null) ?? null,
          language: r.language as string,
          languageName: languageName(r.language as string),
        }),
      )
      .filter((item) => !languages || speaks(languages, item.language));
    res.json({ queue });
  });

  router.get('/agent/notifications', allowRoles('supervisor', 'auditor'), async (_req, res) => {
    const rows = (await deps.db('staff_notifications').orderBy('id', 'desc').limit(50)
      .select('id', 'kind', 'conversation_id', 'text', 'created_at')) as Record<string, unknown>[];
    const notifications = rows.map(
      (r): StaffNotification => ({
        id: r.id as number,
        kind: r.kind as string,
        conversationId: (r.conversation_id as string | null) ?? null,
        text: r.text as string,
        at: r.created_at as string,
      }),
    );
    res.json({ notifications });
  });

  router.post('/conversations/:id/claim', people, async (req, res) => {
    const { takeOver } = parseBody(claimBody, req.body ?? {});
    const conversationId = idOf(req);
    const result = await deps.gateway.agentCommand(conversationId, { action: 'claim', ...person(req), ...(takeOver ? { takeOver } : {}) });
    const warning = claimLanguageWarning(await handoffLanguage(deps, conversationId), { languages: req.principal?.languages ?? [] });
    res.json({ ...result, ...(warning ? { warning } : {}) } satisfies ClaimResult);
  });

  router.post('/conversations/:id/agent-messages', people, async (req, res) => {
    const { text } = parseBody(agentMessageBody, req.body);
    const problem = whyMessageIsInvalid(text);
    if (problem) throw new HttpError(400, 'invalid_message', problem);
    res.json(await deps.gateway.agentCommand(idOf(req), { action: 'reply', ...person(req), text }));
  });

  router.post('/conversations/:id/resolve', people, async (req, res) => {
    const { outcome } = parseBody(resolveBody, req.body);
    res.json(await deps.gateway.agentCommand(idOf(req), { action: 'resolve', ...person(req), outcome }));
  });

  router.post('/conversations/:id/return-to-bot', people, async (req, res) => {
    const { note } = parseBody(returnToBotBody, req.body ?? {});
    res.json(await deps.gateway.agentCommand(idOf(req), { action: 'return_to_bot', ...person(req), ...(note ? { note } : {}) }));
  });

  // What went out to the customer later (an agent's reply, a refund receipt), on which channel, and how it went.
  router.get('/conversations/:id/deliveries', people, async (req, res) => {
    const conversationId = idOf(req);
    const notices = await noticesOfConversation(deps.db, workflowIdFor(conversationId));
    // No notice yet: the conversation must still exist (a 404 otherwise), and its current channel says where the next goes.
    const view = notices.length === 0 ? await deps.gateway.read(conversationId) : undefined;
    const deliveries = notices.map(
      (n): NoticeDelivery => ({
        idempotencyKey: n.idempotencyKey,
        kind: n.kind,
        seq: n.seq,
        channel: n.channel,
        status: n.status,
        failureReason: n.failureReason,
        attempts: n.attempts,
        text: n.body,
        queuedAt: n.createdAt,
        sentAt: n.sentAt,
      }),
    );
    res.json({ conversationId, ...(view ? { currentChannel: view.currentChannel ?? view.channel } : {}), deliveries } satisfies NoticeDeliveries);
  });

  router.get('/approvals', readers, async (_req, res) => {
    const rows = (await deps.db('approval_requests').where({ status: 'pending' }).orderBy('requested_at')
      .select('approval_id', 'proposal_id', 'conversation_id', 'role', 'action', 'detail', 'reason', 'requested_at')) as Record<string, unknown>[];
    const approvals = rows.map(
      (r): ApprovalRequest => ({
        approvalId: r.approval_id as string,
        proposalId: r.proposal_id as string,
        conversationId: r.conversation_id as string,
        role: r.role as ApprovalRequest['role'],
        action: r.action as string,
        detail: r.detail as string,
        reason: r.reason as string,
        requestedAt: r.requested_at as string,
      }),
    );
    res.json({ approvals });
  });

  router.post('/approvals/:approvalId', allowRoles('supervisor'), async (req, res) => {
    const approvalId = approvalIdParam.safeParse(req.params.approvalId);
    if (!approvalId.success) throw notFound(`approval ${String(req.params.approvalId)}`);
    const { decision, reason } = parseBody(approvalDecisionBody, req.body);
    const row = (await deps.db('approval_requests').where({ approval_id: approvalId.data }).first('workflow_id', 'status', 'conversation_id', 'proposal_id')) as
      | { workflow_id: string; status: string; conversation_id: string; proposal_id: string }
      | undefined;
    if (!row) throw notFound(`approval ${approvalId.data}`);
    if (row.status !== 'pending') throw new HttpError(409, 'already_decided', `approval ${approvalId.data} is ${row.status}`);
    await deps.gateway.decideApproval(row.workflow_id, { proposalId: row.proposal_id, approved: decision === 'approve', ...person(req), ...(reason ? { reason } : {}) });
    res.status(202).json({ approvalId: approvalId.data, conversationId: row.conversation_id, decision });
  });

  return router;
}

function person(req: Request): { by: string; name: string; role: 'agent' | 'supervisor' } {
  const principal = req.principal;
  if (!principal || (principal.role !== 'agent' && principal.role !== 'supervisor')) throw new HttpError(403, 'forbidden', 'agents and supervisors only');
  return { by: actorIdOf(principal), name: principal.name, role: principal.role };
}

const idOf = (req: Request): string => conversationIdOf(req.params.id);

/** The languages the queue is filtered to, or undefined for all of it. */
function queueLanguages(req: Request): string[] | undefined {
  const unknown = Object.keys(req.query).filter((key) => key !== 'languages');
  if (unknown.length) throw new HttpError(400, 'invalid_query', `unknown query parameter ${unknown.join(', ')} (use languages)`);
  const asked = req.query.languages;
  if (asked === undefined) return undefined;
  if (typeof asked !== 'string') throw new HttpError(400, 'invalid_query', 'languages must be given once: mine, or a list of language codes such as de,fr');
  if (asked === 'mine') return languagesSpoken(req.principal?.languages ?? []);
  const listed = parseLanguages(asked);
  if (!listed) throw new HttpError(400, 'invalid_query', `languages "${asked}" must be mine, or a list of language codes such as de,fr or pt-br`);
  return listed;
}

/** The projection knows the handoff's language; a conversation it has not reached yet is asked. */
async function handoffLanguage(deps: { db: Knex; gateway: ConversationGateway }, conversationId: string): Promise<string> {
  const row = (await deps.db('handoff_queue').where({ conversation_id: conversationId }).first('language')) as { language: string } | undefined;
  return row?.language ?? (await deps.gateway.read(conversationId)).handoff?.language ?? DEFAULT_LANGUAGE;
}
