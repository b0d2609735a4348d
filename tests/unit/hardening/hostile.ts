// Generated hostile strings for property-style tests (seeded: a failure names its seed and repeats).
export function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  '\x1b[2J',
  '\x1b[H',
  '\x1b[1A',
  '\x1b]0;title\x07',
  '\x1b[32m✓ Pass\x1b[0m',
  '\r✓ Pass   ',
  '\b\b\b\b',
  '\x07',
  '\x9b31m',
  '\x85',
  '\u202e',
  '\u2066',
  '\u2069',
  '\u202a',
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udc00',
  '\u0000',
  '\t',
  '\n',
  '\v',
  '\f',
  '\x7f',
  '<failure/>',
  ']]>',
  '&amp;',
  '"',
  "'",
  '@cli:text.verdict.ready',
  '{{title}}',
  'Surface',
  '😀',
  'José',
  'ä',
  'x'.repeat(50),
];

export function hostileString(next: () => number, maxPieces = 12): string {
  let out = '';
  const n = 1 + Math.floor(next() * maxPieces);
  for (let i = 0; i < n; i++) {
    if (next() < 0.2) out += String.fromCharCode(Math.floor(next() * 0x10000));
    else out += PIECES[Math.floor(next() * PIECES.length)];
  }
  return out;
}
