import { SUBGROUP_SIZE, subgroupCount } from '@gw2/game';

export interface SquadSlot<M> {
  position: number;
  member: M | null;
}

export interface SquadGroup<M> {
  number: number;
  slots: SquadSlot<M>[];
  members: M[];
  filled: number;
}

/**
 * The squad's subgroups with their five slots each: as many as the team's size needs, or more
 * when a member sits in a later subgroup (the size was lowered after they joined).
 */
export function squadGroups<M extends { subgroup: number; position: number }>(
  size: number,
  members: readonly M[],
): SquadGroup<M>[] {
  const count = Math.max(subgroupCount(size), ...members.map((member) => member.subgroup));
  return Array.from({ length: count }, (_, index) => {
    const number = index + 1;
    const slots = Array.from({ length: SUBGROUP_SIZE }, (_, slot) => ({
      position: slot + 1,
      member:
        members.find((member) => member.subgroup === number && member.position === slot + 1) ??
        null,
    }));
    const filled = slots.flatMap((slot) => (slot.member ? [slot.member] : []));
    return { number, slots, members: filled, filled: filled.length };
  });
}

/** The keyboard path: a subgroup's first free slot, or its last one (a swap) when it is full. */
export function landingPosition<M>(group: SquadGroup<M>): number {
  return group.slots.find((slot) => !slot.member)?.position ?? SUBGROUP_SIZE;
}
