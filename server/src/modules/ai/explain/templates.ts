/**
 * Deterministic explanations written from the same facts the model would narrate: the answer
 * when no model may be used (no key, outage, budget, off-peak, timeout) or when the model's
 * text fails the grounding check. Same input, same text.
 */
import { isBoon, type Capability, type GameMode } from '@gw2/game';
import {
  professionName,
  type AdviceView,
  type PlanMemberView,
  type PlanView,
  type SynergyView,
} from './facts.js';

const MODE_NAMES: Readonly<Record<GameMode, string>> = {
  FRACTALS: 'Fractal',
  RAID: 'Raid',
  STRIKES: 'Strike',
  HAVOC: 'Havoc',
  ROAMING: 'Roaming',
  ZERG: 'Zerg',
};

/** "Quickness" for boons, "condition cleanse" for support functions. */
export function capabilityName(capability: Capability): string {
  const words = capability.toLowerCase().replace(/_/g, ' ');
  return isBoon(capability) ? words.charAt(0).toUpperCase() + words.slice(1) : words;
}

/** "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

function duration(ms: number): string {
  return ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function statusWords(plan: PlanView): string {
  switch (plan.status) {
    case 'OPTIMAL':
      return `proven optimal in ${duration(plan.solveTimeMs)}`;
    case 'TIME_LIMIT':
      return `the best plan found in ${duration(plan.solveTimeMs)} (not proven optimal)`;
    default:
      return 'a quick heuristic plan (the solver found nothing better)';
  }
}

function memberWords(member: PlanMemberView): string {
  const who = member.playerName ?? `Slot ${member.slot}`;
  const lock = member.locked ? ', locked' : '';
  return `${who} as ${member.specialization} (${member.roleLabel}${lock})`;
}

export function planExplanation(
  plan: PlanView,
  extra: { bench?: readonly string[]; notUnderstood?: readonly string[] } = {},
): string {
  const groups = plan.subgroups.length;
  const lines = [
    `${MODE_NAMES[plan.gameMode]} squad of ${plan.size} in ${groups} subgroup${groups === 1 ? '' : 's'}: ${statusWords(plan)}.`,
  ];
  for (const group of plan.subgroups) {
    if (group.members.length === 0) {
      lines.push(`Subgroup ${group.number} is empty.`);
      continue;
    }
    const provides = group.provides.map(capabilityName);
    lines.push(
      `Subgroup ${group.number}: ${listing(group.members.map(memberWords))}.` +
        (provides.length ? ` Together they bring ${listing(provides)}.` : ''),
    );
  }
  lines.push(
    plan.gaps.length === 0
      ? 'Every requirement of the mode is covered.'
      : `Not covered: ${plan.gaps.map((gap) => gap.message).join('; ')}.`,
  );
  if (extra.bench?.length) lines.push(`Not placed: ${listing([...extra.bench])}.`);
  if (extra.notUnderstood?.length)
    lines.push(
      `Not used from the request: ${extra.notUnderstood.map((t) => `“${t}”`).join(', ')}.`,
    );
  return lines.join('\n');
}

export function adviceExplanation(advice: AdviceView): string {
  const elite = advice.eliteSpecialization;
  const lines = [
    elite
      ? `${elite.name} (${professionName(elite.profession)}) in ${MODE_NAMES[advice.gameMode]}.`
      : `A core build in ${MODE_NAMES[advice.gameMode]}: no elite specialization, so no role from the role table.`,
  ];
  const roles = advice.roles ?? [];
  if (roles.length) {
    lines.push(
      `Roles it can fill: ${roles
        .map((role) => `${role.label} (${listing(role.provides.map(capabilityName))})`)
        .join('; ')}.`,
    );
  }
  if (advice.traitBoons.length)
    lines.push(`Its traits add ${listing(advice.traitBoons.map(capabilityName))}.`);
  if (advice.servedRequirements.length) {
    lines.push(
      `It can serve the mode as ${listing(
        advice.servedRequirements.map((r) => r.label + (r.byTraits ? ' (through its traits)' : '')),
      )}.`,
    );
  }
  for (const s of advice.traitSuggestions) {
    lines.push(
      `Consider ${s.traitName} (${s.specialization}, ${s.tierName.toLowerCase()}) for ${listing(s.boons.map(capabilityName))}.`,
    );
  }
  for (const s of advice.statPrefixes) {
    if (s.prefixes.length) lines.push(`${s.roleLabel}: ${listing([...s.prefixes])} stats.`);
  }
  for (const note of advice.notes) lines.push(sentence(note));
  return lines.join('\n');
}

export function synergyExplanation(synergy: SynergyView): string {
  const lines = [
    `${listing(synergy.entries.map((e) => e.name))} as one ${MODE_NAMES[synergy.gameMode]} subgroup: synergy score ${synergy.score} of 100.`,
  ];
  for (const entry of synergy.entries) {
    const provides = entry.provides.map(capabilityName);
    lines.push(
      `${entry.name}${entry.role ? ` (${entry.role.label})` : ''}: ` +
        (provides.length ? `brings ${listing(provides)}.` : sentence(entry.note)),
    );
  }
  if (synergy.sharedBoons.length)
    lines.push(`More than one of them brings ${listing(synergy.sharedBoons.map(capabilityName))}.`);
  if (synergy.missingRequirements.length) {
    lines.push(
      `Still missing: ${synergy.missingRequirements
        .map((r) => `${r.label} (${r.have} of ${r.minSources})`)
        .join('; ')}.`,
    );
  } else {
    lines.push('Together they cover every requirement of the mode.');
  }
  return lines.join('\n');
}
