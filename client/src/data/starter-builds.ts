// Loaded with the home page's starter library only (a lazy chunk), never with the app's entry.
import realBuildCodes from '@gw2/game/real-build-codes.json';
import { decodeForPreview } from '../composables/useBuildCodePreview';

/** A published build a new player can copy or add to their library. */
export interface StarterBuild {
  name: string;
  chatCode: string;
  profession: { name: string; icon: string };
  /** The elite specialization, or null for a core build. */
  elite: { name: string; icon: string | null } | null;
  /** The role its page names (`heal-quickness`), as a key and in words. */
  role: string;
  roleLabel: string;
  /** Where the role label comes from, in the words of the data file. */
  roleNamedBy: string;
  /** Who published it, and the page when the source names one. */
  source: { label: string; url: string | null; full: string };
}

interface RealCode {
  name: string;
  code: string;
  source: string;
  pveRole?: string | null;
  roleNamedBy?: string;
}

/** "heal-quickness" → "Heal quickness", "dps" → "DPS". */
export function roleLabel(key: string): string {
  const words = key.split('-').map((word) => (word === 'dps' ? 'DPS' : word));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Snow Crows https://… , name and code as listed in …" or "owner/repo path @ commit". */
export function describeSource(source: string): StarterBuild['source'] {
  const url = source.match(/https:\/\/\S+?(?=[,\s]|$)/)?.[0] ?? null;
  const label = url ? source.slice(0, source.indexOf(url)).trim() : source.split(' ')[0]!;
  return { label: label || source, url, full: source };
}

/**
 * The project's sourced real chat codes (packages/game/src/codec/real-build-codes.json),
 * without the codec's test variants (the same build copied in older formats) and the entries
 * whose page names no role.
 */
export function starterBuilds(codes: readonly RealCode[] = realBuildCodes.codes): StarterBuild[] {
  const starters: StarterBuild[] = [];
  for (const entry of codes) {
    if (!entry.pveRole || /copy\)$/.test(entry.name)) continue;
    const decoded = decodeForPreview(entry.code);
    if (decoded.status !== 'valid') continue;
    const eliteLine = decoded.preview.lines.find((line) => line.elite) ?? null;
    starters.push({
      name: entry.name.replace(/ \(Snow Crows\)$/, ''),
      chatCode: decoded.preview.chatCode,
      profession: decoded.preview.profession,
      elite: eliteLine ? { name: eliteLine.name, icon: eliteLine.icon } : null,
      role: entry.pveRole,
      roleLabel: roleLabel(entry.pveRole),
      roleNamedBy: entry.roleNamedBy ?? '',
      source: describeSource(entry.source),
    });
  }
  return starters;
}
