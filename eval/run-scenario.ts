/**
 * One run of one scenario against the running system: a fresh copy of its fixture in the store, a new
 * chat over the HTTP API with the run's phrasing of every line, then the conversation's view and the
 * copy's records judged against what the scenario expects.
 */
import type { Knex } from 'knex';
import { readConversationOutcome } from '../db/repositories/conversation-outcomes';
import type { ActionReport, ConversationStatus, Turn } from '../domain/conversation';
import { OUTCOMES, type Outcome } from '../domain/outcomes/types';
import { insertFixtureCopy, readFixtureCopy, storeDifferences, type FixtureCopy } from './fixture-store';
import { startChat, type ApiTarget } from './http-chat';
import type { PlainRecord } from './records';
import type { ExpectedAction, Scenario } from './scenario';
import { fillLine, pickVariant } from './templates';

export interface EvalTarget extends ApiTarget {
  channelToken: string;
  /** The running system's database: fixtures go in, records come back out. */
  db: Knex;
  /** How long to wait after the last line for the conversation to report its outcome. */
  settleMs?: number;
}

/** `awaiting window`: resolved, and verified unless the customer comes back within RESOLUTION_WINDOW_HOURS. */
/**
 * `contained (open)` / `abandoned (open)`: the conversation is still open with nothing resolved and no
 * person, so its outcome comes at the idle close; this is what the close will make of it as it stands.
 */
export type SeenOutcome = Outcome | 'awaiting window' | 'contained (open)' | 'abandoned (open)' | 'unknown';

export interface RunResult {
  scenario: string;
  file: string;
  /** 0-based: the phrasing variant each line used is run mod its variant count. */
  run: number;
  conversationId?: string;
  outcome: SeenOutcome;
  actions: ExpectedAction[];
  handoff: boolean;
  /** Customer messages in the conversation. */
  turns: number;
  /** Actions done that the scenario does not expect done (each one is a wrong action). */
  wrongActions: string[];
  /** Each expectation that did not hold, and anything that broke the run. */
  problems: string[];
  /** The store part of `problems`. */
  storeProblems: string[];
  passed: boolean;
  /** RESOLUTION_WINDOW_HOURS as the server applied it to this conversation, when its record tells. */
  windowHours?: number;
  /** The fixture copy's records after the run, in the fixture's ids (for reports of what changed). */
  found?: { user?: PlainRecord; orders: Record<string, PlainRecord> };
}

/** The parts of GET /v1/conversations/:id the eval reads; `outcome` is there once the server reports outcomes. */
interface EvalView {
  status: ConversationStatus;
  /** What the bot is waiting for now, if anything. */
  awaiting?: string;
  transcript: Turn[];
  actions: ActionReport[];
  handoff: unknown;
  outcome?: unknown;
}

const DONE = new Set(['executed', 'delayed']);

export async function runScenario(target: EvalTarget, scenario: Scenario, run: number): Promise<RunResult> {
  const problems: string[] = [];
  let copy: FixtureCopy | undefined;
  let conversationId: string | undefined;
  let view: EvalView | undefined;
  let windowHours: number | undefined;
  let outcome: SeenOutcome = 'unknown';
  try {
    copy = scenario.fixture ? await insertFixtureCopy(target.db, scenario.fixture) : undefined;
    const chat = await startChat<EvalView>(target, target.channelToken);
    conversationId = chat.id;
    for (const variants of scenario.lines) await chat.say(fillLine(pickVariant(variants, run), copy?.values ?? null));
    const settled = await settle(target, chat.id, () => chat.view());
    view = settled.view;
    outcome = settled.outcome;
    windowHours = settled.windowHours;
  } catch (error) {
    problems.push(`the run broke: ${(error as Error).message}`);
  }

  const actions = (view?.actions ?? []).map((a) => ({ name: a.name, status: a.status }));
  const handoff = view ? view.status === 'awaiting_agent' || view.status === 'with_agent' || (view.handoff !== null && view.handoff !== undefined) : false;
  const { expected } = scenario;
  if (view) {
    const problem = outcomeProblem(expected.outcome, outcome);
    if (problem) problems.push(problem);
    const shown = (list: ExpectedAction[]) => (list.length === 0 ? 'none' : list.map((a) => `${a.name}:${a.status}`).join(', '));
    if (shown(actions) !== shown(expected.actions)) problems.push(`actions: expected ${shown(expected.actions)}, found ${shown(actions)}`);
    if (handoff !== expected.handoff) problems.push(`handoff: expected ${expected.handoff ? 'yes' : 'no'}, found ${handoff ? 'yes' : 'no'}`);
  }
  const wrongActions = wrongActionsOf(actions, expected.actions);
  let storeProblems: string[] = [];
  let found: RunResult['found'];
  if (copy && scenario.fixture) {
    found = await readFixtureCopy(target.db, copy);
    storeProblems = storeDifferences(scenario.fixture, expected.store, found);
    problems.push(...storeProblems.map((p) => `store: ${p}`));
  }
  return {
    scenario: scenario.name,
    file: scenario.file,
    run,
    ...(conversationId ? { conversationId } : {}),
    outcome,
    actions,
    handoff,
    turns: view ? view.transcript.filter((t) => t.from === 'customer').length : 0,
    wrongActions,
    problems,
    storeProblems,
    passed: problems.length === 0 && wrongActions.length === 0,
    ...(windowHours !== undefined ? { windowHours } : {}),
    ...(found ? { found } : {}),
  };
}

/**
 * What is wrong with the outcome seen, if anything. One the server did not tell is not judged, and a
 * resolution still inside its window is on its way to verified: not yet a different outcome.
 */
export function outcomeProblem(expected: Outcome | undefined, seen: SeenOutcome): string | undefined {
  if (!expected || seen === 'unknown' || seen === expected) return undefined;
  if (seen === 'awaiting window' && expected === 'verified') return undefined;
  if (seen === `${expected} (open)`) return undefined;
  return `outcome: expected ${expected}, found ${seen}`;
}

/** Done actions beyond the ones expected done, by name, each counted once per extra execution. */
export function wrongActionsOf(found: readonly ExpectedAction[], expected: readonly ExpectedAction[]): string[] {
  const allowed = new Map<string, number>();
  for (const action of expected) if (DONE.has(action.status)) allowed.set(action.name, (allowed.get(action.name) ?? 0) + 1);
  const wrong: string[] = [];
  for (const action of found) {
    if (!DONE.has(action.status)) continue;
    const left = allowed.get(action.name) ?? 0;
    if (left > 0) allowed.set(action.name, left - 1);
    else wrong.push(`${action.name}:${action.status}`);
  }
  return wrong;
}

/** The view once the conversation has told its outcome, or after `settleMs` without one ("unknown"). */
async function settle(target: EvalTarget, conversationId: string, read: () => Promise<EvalView>): Promise<{ view: EvalView; outcome: SeenOutcome; windowHours?: number }> {
  const deadline = Date.now() + (target.settleMs ?? 2000);
  for (;;) {
    const view = await read();
    const stored = await readConversationOutcome(target.db, conversationId, new Date());
    const outcome: SeenOutcome | undefined = outcomeOf(view.outcome) ?? stored?.outcome ?? (stored?.candidate === 'verified' ? 'awaiting window' : undefined);
    const windowHours =
      stored?.windowEndsAt && stored.resolvedAt ? (Date.parse(stored.windowEndsAt) - Date.parse(stored.resolvedAt)) / 3_600_000 : undefined;
    const timedOut = Date.now() >= deadline;
    // Still open with its outcome reported as not known yet: judged as the idle close will judge it.
    const open: SeenOutcome | undefined =
      timedOut && stored && !stored.outcome && !stored.candidate && view.status !== 'closed' ? (view.awaiting && view.awaiting !== 'rating' ? 'abandoned (open)' : 'contained (open)') : undefined;
    if (outcome || timedOut) return { view, outcome: outcome ?? open ?? 'unknown', ...(windowHours !== undefined ? { windowHours } : {}) };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The view's `outcome`: the outcome itself, or a record that carries it. */
function outcomeOf(value: unknown): Outcome | undefined {
  const candidate = typeof value === 'object' && value !== null ? (value as { outcome?: unknown }).outcome : value;
  return (OUTCOMES as readonly unknown[]).includes(candidate) ? (candidate as Outcome) : undefined;
}
