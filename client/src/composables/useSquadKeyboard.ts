import { nextTick, type Ref } from 'vue';

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
