import { nextTick, ref, watch, type Ref } from 'vue';

/** What a key on a focused squad member does. */
export type MemberKeyAction =
  | { kind: 'move'; direction: -1 | 1 }
  | { kind: 'focus'; direction: -1 | 1 }
  | { kind: 'remove' }
  | { kind: 'edit' };

/** The keys of the squad grid (also listed in its hint for players). */
export function memberKeyAction(key: string): MemberKeyAction | null {
  switch (key) {
    case 'ArrowLeft':
      return { kind: 'move', direction: -1 };
    case 'ArrowRight':
      return { kind: 'move', direction: 1 };
    case 'ArrowUp':
      return { kind: 'focus', direction: -1 };
    case 'ArrowDown':
      return { kind: 'focus', direction: 1 };
    case 'Delete':
    case 'Backspace':
      return { kind: 'remove' };
    case 'Enter':
    case 'F2':
      return { kind: 'edit' };
    default:
      return null;
  }
}

/** Moving focus along the members of one grid (the page can show two), in document order. */
export function useSquadFocus(root: Ref<HTMLElement | null>) {
  const members = () =>
    Array.from(root.value?.querySelectorAll<HTMLElement>('[data-member-id][tabindex]') ?? []);

  function step(from: HTMLElement, direction: -1 | 1): void {
    const list = members();
    list[list.indexOf(from) + direction]?.focus();
  }

  /** Focuses a member where the grid shows it now (after a move re-rendered it). */
  async function focusMember(memberId: string): Promise<void> {
    await nextTick();
    root.value?.querySelector<HTMLElement>(`[data-member-id="${memberId}"][tabindex]`)?.focus();
  }

  return { step, focusMember };
}

/** What the grid does for the keys on a focused member. */
export interface MemberKeyHandlers {
  /** Whether the viewer may change the squad now (editable and not busy). */
  canChange: () => boolean;
  /** How many subgroups a member can move between. */
  subgroupCount: () => number;
  /** Where every member is, as one string: focus follows a moved member when it changes. */
  placement: () => string;
  edit: (memberId: string) => void;
  remove: (memberId: string) => void;
  move: (memberId: string, subgroup: number) => void;
}

/**
 * The grid's keyboard path (see its hint): arrows move a member between subgroups or focus from
 * member to member, Enter edits, Delete removes. Focus stays on a member wherever it lands.
 */
export function useMemberKeys(root: Ref<HTMLElement | null>, handlers: MemberKeyHandlers) {
  const focus = useSquadFocus(root);
  const following = ref<string | null>(null);
  watch(
    handlers.placement,
    () => {
      if (following.value) void focus.focusMember(following.value);
      following.value = null;
    },
    { flush: 'post' },
  );

  function onMemberKey(event: KeyboardEvent, memberId: string, subgroup: number): void {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const action = memberKeyAction(event.key);
    if (!action) return;
    event.preventDefault();
    const member = event.currentTarget as HTMLElement;
    if (action.kind === 'focus') return focus.step(member, action.direction);
    if (!handlers.canChange()) return;
    if (action.kind === 'edit') return handlers.edit(memberId);
    if (action.kind === 'remove') {
      focus.step(member, 1);
      return handlers.remove(memberId);
    }
    const target = subgroup + action.direction;
    if (target < 1 || target > handlers.subgroupCount()) return;
    following.value = memberId;
    handlers.move(memberId, target);
  }

  return { onMemberKey, focusMember: focus.focusMember };
}
