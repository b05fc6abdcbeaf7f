import { ref } from 'vue';

const MIME = 'application/x-gw2-member';

/**
 * Native HTML5 drag and drop of squad members onto slots; the id also travels in
 * dataTransfer for other windows' sake. `drop` gets the member and the slot it landed on.
 */
export function useSquadDrag(drop: (memberId: string, subgroup: number, position: number) => void) {
  const dragging = ref<string | null>(null);
  /** The slot under the pointer, as "subgroup-position". */
  const over = ref<string | null>(null);

  function onDragStart(event: DragEvent, memberId: string): void {
    dragging.value = memberId;
    event.dataTransfer?.setData(MIME, memberId);
    event.dataTransfer?.setData('text/plain', memberId);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
  }

  function onDragEnd(): void {
    dragging.value = null;
    over.value = null;
  }

  function onDrop(event: DragEvent, subgroup: number, position: number): void {
    over.value = null;
    const memberId = event.dataTransfer?.getData(MIME) || dragging.value;
    dragging.value = null;
    if (memberId) drop(memberId, subgroup, position);
  }

  return { over, onDragStart, onDragEnd, onDrop };
}
