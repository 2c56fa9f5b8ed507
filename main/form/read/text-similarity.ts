/**
 * Similarity of two short passages as the Dice coefficient of their word sets, after the
 * normalisation that lets differently worded copies of the same claim meet: case, accents,
 * punctuation, common words and simple English endings are set aside.
 */
const STOPWORDS = new Set(
  (
    'a an and any are as at be been by can do does for from has have how if in into is it its of on or ' +
    'our that the their them there these they this those to was were what when where which who will with ' +
    'within each all so such than not no should must may also'
  ).split(' '),
);

export function normalisedTokens(text: string): ReadonlySet<string> {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !STOPWORDS.has(w));
  return new Set(words.map(stem));
}

/** 1 for the same words, 0 for none in common. */
export function diceSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}

// Enough stemming for "vulnerabilities"/"vulnerability", "updated"/"updates"/"update".
function stem(word: string): string {
  if (word.length <= 4) return word;
  let w = word;
  if (w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ing') && w.length > 6) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 5) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w.endsWith('e') && w.length > 4 ? w.slice(0, -1) : w;
}
