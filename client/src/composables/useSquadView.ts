import { computed, ref } from 'vue';

/**
 * Big squads on small screens: more than two subgroups get a grid / compact-list switch (the
 * list is the default on a phone) and subgroups that fold away.
 */
export function useSquadView(subgroups: () => readonly number[]) {
  const large = computed(() => subgroups().length > 2);
  const narrow = typeof window !== 'undefined' && window.matchMedia?.('(max-width: 40rem)').matches;
  const view = ref<'grid' | 'list'>(narrow && large.value ? 'list' : 'grid');

  const collapsed = ref(new Set<number>());
  const allCollapsed = computed(() => collapsed.value.size >= subgroups().length);
  function toggle(subgroup: number): void {
    const next = new Set(collapsed.value);
    if (!next.delete(subgroup)) next.add(subgroup);
    collapsed.value = next;
  }
  function foldAll(fold: boolean): void {
    collapsed.value = new Set(fold ? subgroups() : []);
  }
  /** Unfolds a subgroup (a member moved into it by keyboard must stay in view). */
  function expand(subgroup: number): void {
    if (!collapsed.value.has(subgroup)) return;
    toggle(subgroup);
  }

  return { large, view, collapsed, allCollapsed, toggle, foldAll, expand };
}
