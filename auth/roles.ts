/**
 * Who may call the API. `conversation` tokens are minted per conversation for the browser; a `widget`
 * key is public (it sits in a shop's page) and may only open a conversation from its own origin.
 */
export const MINTABLE_ROLES = ['channel', 'widget', 'agent', 'supervisor', 'auditor'] as const;
export type MintableRole = (typeof MINTABLE_ROLES)[number];
export type Role = MintableRole | 'conversation';

export interface Principal {
  tokenId: number;
  name: string;
  role: Role;
  /** Set only for conversation tokens: the one conversation they reach. */
  conversationId: string | null;
  /** Set only for widget keys: the page origin (`https://shop.example`) they may be used from. */
  origin: string | null;
  /** The languages the person speaks (BCP 47), as their token was minted; empty when not given. */
  languages: string[];
}

/** Roles whose tokens belong to people who answer customers, and so may say which languages they speak. */
export const SPEAKING_ROLES: readonly Role[] = ['agent', 'supervisor'];

/**
 * `de,fr` → ['de', 'fr']: lower-case BCP 47 language tags (a primary subtag of 2–3 letters, an
 * optional region), each once; undefined when any part is not a language tag.
 */
export function parseLanguages(text: string): string[] | undefined {
  const parts = text.split(',').map((part) => part.trim().toLowerCase());
  if (parts.length === 0 || parts.some((part) => !/^[a-z]{2,3}(?:-[a-z]{2}|-\d{3})?$/.test(part))) return undefined;
  return [...new Set(parts)];
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** How long a token lives unless `--ttl` says otherwise: people's tokens are short, machines' longer. */
export const DEFAULT_TTL_MS: Record<Role, number> = {
  channel: 365 * DAY_MS,
  widget: 365 * DAY_MS,
  agent: 30 * DAY_MS,
  supervisor: 30 * DAY_MS,
  auditor: 30 * DAY_MS,
  conversation: 30 * DAY_MS,
};

/** `90m`, `12h`, `30d`; `never` is null (the token lives until revoked). */
export function parseTtl(text: string): number | null | undefined {
  if (text === 'never') return null;
  const match = /^([1-9]\d{0,5})(m|h|d)$/.exec(text);
  if (!match) return undefined;
  const unit = { m: 60_000, h: HOUR_MS, d: DAY_MS }[match[2] as 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}

/**
 * The id a person acts under in conversations and records: their token's, unique even when two
 * tokens share a name. Names are for display only.
 */
export function actorIdOf(principal: Pick<Principal, 'tokenId'>): string {
  return `token:${principal.tokenId}`;
}

export function isMintableRole(value: string): value is MintableRole {
  return (MINTABLE_ROLES as readonly string[]).includes(value);
}
