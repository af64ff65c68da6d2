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

export function isMintableRole(value: string): value is MintableRole {
  return (MINTABLE_ROLES as readonly string[]).includes(value);
}
