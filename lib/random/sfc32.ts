/**
 * Returns a generator of uint32 values (0 ≤ x < 2^32) from Chris Doty-Humphrey's Small Fast Counting generator
 * (sfc32, PractRand), seeded with four 32-bit words. Period ≥ 2^32 thanks to the counter word `d`; it passes
 * PractRand and BigCrush. The state is private to the returned closure, so streams never share state.
 * @see https://pracrand.sourceforge.net/RNG_engines.txt (sfc32, version 4)
 */
export function sfc32(seedWords: readonly [number, number, number, number]): () => number {
  let a = seedWords[0] >>> 0;
  let b = seedWords[1] >>> 0;
  let c = seedWords[2] >>> 0;
  let counter = seedWords[3] >>> 0;
  return () => {
    const t = (((a + b) | 0) + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}
