// "did you mean `statement`?": the nearest known name to a misspelt one, by Damerau–Levenshtein
// distance (a swap of two neighbouring letters counts as one edit, the commonest typo). Only close
// names are offered (at most 2 edits, and fewer than half the word), and the inputs are bounded so a
// pasted essay as a key costs nothing.
const MAX_LENGTH = 64;

/** Edits (insert, delete, substitute, swap neighbours) from a to b; optimal string alignment, O(|a|·|b|). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Uint16Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}

/** The known name closest to `word` (ties: the first known), or null when none is close enough. */
export function nearestName(word: string, known: Iterable<string>, maxEdits = 2): string | null {
  if (word.length === 0 || word.length > MAX_LENGTH) return null;
  const lower = word.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const name of known) {
    if (name.length > MAX_LENGTH || Math.abs(name.length - word.length) > maxEdits) continue;
    // letter case is not a typo worth counting: "Statement" is "statement"
    const dist = editDistance(lower, name.toLowerCase());
    if (dist < bestDistance && dist <= maxEdits && dist * 2 < Math.max(word.length, name.length)) {
      best = name;
      bestDistance = dist;
    }
  }
  return best;
}
