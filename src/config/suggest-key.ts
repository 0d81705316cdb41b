/** Edit distance between two strings (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Folds case and separators so `request_delay_ms` and `RequestDelayMs` meet `requestDelayMs`. */
function fold(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

/** The known name an unknown one was most likely meant to be, or undefined when none is close. */
export function suggestKey(unknown: string, known: readonly string[]): string | undefined {
  const folded = fold(unknown);
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(folded, fold(name));
    if (best === undefined || distance < best.distance) best = { name, distance };
  }
  // Allow about one typo per four characters, so short unrelated words are not "corrected".
  const tolerance = Math.max(2, Math.floor(folded.length / 4));
  return best !== undefined && best.distance <= tolerance ? best.name : undefined;
}
