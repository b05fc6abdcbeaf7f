/**
 * The grounding check: every profession, elite specialization, boon and watched player name a
 * finished text mentions must be in the facts it was given. A text that fails is replaced by
 * the template explanation (the job records why).
 */
import { BOONS, listProfessions, listSpecializations, type Boon } from '@gw2/game';
import type { ExplanationFacts } from './facts.js';

export type GroundingTermKind = 'PROFESSION' | 'ELITE' | 'BOON' | 'PLAYER';

export interface GroundingIssue {
  readonly kind: GroundingTermKind;
  /** The term as the vocabulary spells it ("Scourge", "Resistance", "Alice"). */
  readonly term: string;
}

export interface GroundingResult {
  readonly grounded: boolean;
  readonly issues: readonly GroundingIssue[];
}

interface Term {
  readonly kind: GroundingTermKind;
  readonly term: string;
  readonly pattern: RegExp;
}

const escape = (text: string) =>
  text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

/** Whole words, any case, with an optional plural "s" ("Firebrands"). */
const wordPattern = (term: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escape(term)}s?(?![\\p{L}\\p{N}])`, 'iu');

const boonWord = (boon: Boon) => boon.charAt(0) + boon.slice(1).toLowerCase();

/**
 * "might" is also an English verb: as a boon it is capitalised, or followed by the words
 * that go with a boon ("might stacks", "might uptime", "might and fury").
 */
const MIGHT_PATTERN =
  /(?<![\p{L}\p{N}])(?:Might|MIGHT|might(?=\s+(?:stacks?|uptime|sources?|and\s+fury|,)))(?![\p{L}\p{N}])/u;

function vocabularyTerms(): Term[] {
  const professions = listProfessions().map((p) => p.name);
  const elites = listSpecializations({ elite: true }).map((s) => s.name);
  return [
    ...professions.map((term) => ({
      kind: 'PROFESSION' as const,
      term,
      pattern: wordPattern(term),
    })),
    ...elites.map((term) => ({ kind: 'ELITE' as const, term, pattern: wordPattern(term) })),
    ...BOONS.map((boon) => ({
      kind: 'BOON' as const,
      term: boonWord(boon),
      pattern: boon === 'MIGHT' ? MIGHT_PATTERN : wordPattern(boonWord(boon)),
    })),
  ];
}

let vocabulary: Term[] | undefined;

/**
 * Checks `text` against `facts`. `watchedPlayers` are names the text could invent a role for
 * (the roster, names in the request); a watched name outside the facts' players is an issue.
 * Anything the facts themselves spell out (a note naming another elite, a stat prefix that is
 * also an elite's name) counts as given.
 */
export function checkGrounding(
  text: string,
  facts: ExplanationFacts,
  watchedPlayers: readonly string[] = [],
): GroundingResult {
  vocabulary ??= vocabularyTerms();
  const given = JSON.stringify(facts.data);
  const allowed = new Set(
    [
      ...facts.allowed.professions,
      ...facts.allowed.elites,
      ...facts.allowed.boons.map(boonWord),
      ...facts.allowed.players,
    ].map((term) => term.toLowerCase()),
  );
  const players = watchedPlayers
    .filter((name) => name.trim().length > 1)
    .map((term) => ({ kind: 'PLAYER' as const, term, pattern: wordPattern(term) }));
  const issues = new Map<string, GroundingIssue>();
  for (const { kind, term, pattern } of [...vocabulary, ...players]) {
    if (allowed.has(term.toLowerCase())) continue;
    if (!pattern.test(text)) continue;
    // The facts mention it themselves (in a note, a trait or prefix name): given, so grounded.
    if (kind !== 'PLAYER' && pattern.test(given)) continue;
    issues.set(`${kind}:${term.toLowerCase()}`, { kind, term });
  }
  return { grounded: issues.size === 0, issues: [...issues.values()] };
}
