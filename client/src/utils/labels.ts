/** "CONDITION_CLEANSE" → "Condition cleanse": enum values as words for players. */
export function enumLabel(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
