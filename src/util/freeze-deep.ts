/**
 * Freezes `root` and every object and array inside it, checking its depth on the way: the walk
 * stops at the first value nested deeper than `maxDepth` (counting `root` as level 1), so a
 * 100,000-level value costs `maxDepth` steps and never overflows the stack (the recursion is at
 * most `maxDepth` deep), and nothing that later walks an accepted value recursively
 * (`JSON.stringify`, `structuredClone`, a diff) can overflow either. Objects already frozen are
 * not entered again, so shared and circular references end too.
 *
 * @returns `false` when `root` is nested deeper than `maxDepth` (it is then partly frozen, and
 * should be discarded), `true` when all of it is frozen.
 */
export function freezeDeep(root: object, maxDepth: number): boolean {
  return freezeLevel(root, 1, maxDepth);
}

// Recursive on purpose: measured faster than an explicit stack on the real catalogue, and the
// depth check bounds the recursion.
function freezeLevel(value: object, depth: number, maxDepth: number): boolean {
  if (depth > maxDepth) return false;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (typeof child === 'object' && child !== null && !Object.isFrozen(child))
        if (!freezeLevel(child, depth + 1, maxDepth)) return false;
    }
    return true;
  }
  for (const key in value) {
    const child: unknown = (value as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null && !Object.isFrozen(child))
      if (!freezeLevel(child, depth + 1, maxDepth)) return false;
  }
  return true;
}
