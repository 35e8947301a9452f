/**
 * Returns four 32-bit seed words hashed from any list of strings and integers (bryc's cyrb128, a MurmurHash3-style
 * mixer): `hashSeed([42, "SPY", 1234])`. Different lists give unrelated words, so one master seed can fan out into
 * independent per-day, per-symbol streams. Parts are joined with a separator that cannot appear in a number, so
 * `["1", "23"]` and `["12", "3"]` differ.
 * @see https://github.com/bryc/code/blob/master/jshash/PRNGs.md (cyrb128)
 */
export function hashSeed(parts: readonly (string | number)[]): [number, number, number, number] {
  const text = parts.map(String).join("\u001f");
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
