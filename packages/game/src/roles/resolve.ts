/**
 * The role a member plays: the one the player chose, else one the build's owner declared for
 * the context, else the inferred one. Inference fills the gap; a person's choice always wins.
 */
import type { BuildTemplate } from '../codec/index.js';
import { inferRole, type RoleInference } from './inference.js';
import type { RoleContext, RoleOption } from './roles.js';

export type RoleSource = 'CHOSEN' | 'DECLARED' | 'INFERRED';

export interface ResolvedRole {
  /** null when no role is chosen, declared or inferred (see `inference.summary`). */
  readonly role: RoleOption | null;
  readonly source: RoleSource | null;
  /** Always computed, so a chosen role can still be shown next to what the build suggests. */
  readonly inference: RoleInference;
}

export interface RoleResolutionInput {
  readonly template: BuildTemplate;
  readonly context: RoleContext;
  /** The member's (player's) role key; ignored when the elite has no such role in the context. */
  readonly chosen?: string | null;
  /** Role keys the build's owner declared, in any context. */
  readonly declared?: readonly string[];
}

/** The options of the inferred elite in the context, in data order. */
function optionsOf(inference: RoleInference): readonly RoleOption[] {
  return [
    ...(inference.role ? [inference.role] : []),
    ...inference.alternatives.map((candidate) => candidate.option),
  ];
}

export function resolveRole(input: RoleResolutionInput): ResolvedRole {
  const inference = inferRole(input.template, input.context);
  const options = optionsOf(inference);
  const byKey = (key: string | null | undefined) =>
    key == null ? undefined : options.find((option) => option.key === key);
  const chosen = byKey(input.chosen);
  if (chosen) return { role: chosen, source: 'CHOSEN', inference };
  for (const key of input.declared ?? []) {
    const declared = byKey(key);
    if (declared) return { role: declared, source: 'DECLARED', inference };
  }
  return inference.role
    ? { role: inference.role, source: 'INFERRED', inference }
    : { role: null, source: null, inference };
}
