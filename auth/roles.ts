/** Who may call the API. `conversation` tokens are minted per conversation for a browser widget. */
export const MINTABLE_ROLES = ['channel', 'agent', 'supervisor', 'auditor'] as const;
export type MintableRole = (typeof MINTABLE_ROLES)[number];
export type Role = MintableRole | 'conversation';

export interface Principal {
  tokenId: number;
  name: string;
  role: Role;
  /** Set only for conversation tokens: the one conversation they reach. */
  conversationId: string | null;
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
