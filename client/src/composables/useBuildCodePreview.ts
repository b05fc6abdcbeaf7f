import {
  BuildCodeError,
  decodeBuildCode,
  getProfession,
  getSpecialization,
  getTrait,
  type BuildTemplate,
} from '@gw2/game';
import { computed, toValue, type MaybeRefOrGetter } from 'vue';

export interface PreviewLine {
  specializationId: number;
  name: string;
  icon: string | null;
  elite: boolean;
  /** Names of the chosen major traits, adept to grandmaster (null where none is chosen). */
  traits: (string | null)[];
}

export interface BuildCodePreview {
  chatCode: string;
  profession: { id: string; name: string; icon: string };
  lines: PreviewLine[];
  /** The elite line's name, or null for a core build. */
  elite: string | null;
}

export type BuildCodeState =
  | { status: 'empty' }
  | { status: 'valid'; preview: BuildCodePreview }
  | { status: 'invalid'; message: string; reason: string | null };

function toPreview(chatCode: string, template: BuildTemplate): BuildCodePreview {
  const profession = getProfession(template.profession.id);
  const lines = template.specializations
    .filter((line) => line.specializationId !== 0)
    .map((line): PreviewLine => {
      const specialization = getSpecialization(line.specializationId);
      return {
        specializationId: line.specializationId,
        name: specialization?.name ?? `Specialization ${line.specializationId}`,
        icon: specialization?.icon ?? null,
        elite: specialization?.elite ?? false,
        traits: line.majorTraitIds.map((id) => (id == null ? null : (getTrait(id)?.name ?? null))),
      };
    });
  return {
    chatCode,
    profession: {
      id: template.profession.id,
      name: profession?.name ?? template.profession.id,
      icon: profession?.icon ?? '',
    },
    lines,
    elite: lines.find((line) => line.elite)?.name ?? null,
  };
}

/** Decodes a pasted build chat code in the browser, so the preview needs no round trip. */
export function decodeForPreview(code: string): BuildCodeState {
  const trimmed = code.trim();
  if (trimmed === '') return { status: 'empty' };
  try {
    return { status: 'valid', preview: toPreview(trimmed, decodeBuildCode(trimmed)) };
  } catch (error) {
    if (error instanceof BuildCodeError) {
      return { status: 'invalid', message: error.message, reason: error.reason };
    }
    return { status: 'invalid', message: 'This is not a build chat code.', reason: null };
  }
}

/** The live decode of a code the player is typing or pasting. */
export function useBuildCodePreview(code: MaybeRefOrGetter<string>) {
  return computed(() => decodeForPreview(toValue(code)));
}
