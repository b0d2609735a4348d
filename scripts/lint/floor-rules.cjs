// Turns the floor orders of .dependency-cruiser.cjs into dependency-cruiser `forbidden` rules.
// A folder's units are its sub-folders and its root files; floors are listed top first. A module
// may import inside its own unit or from a unit on a LOWER floor of the folder both share, never
// from a unit on its own floor (peers stay independent) or above. A unit the order does not name may
// not import across its folder nor be imported across it, so a new folder must be placed before use.
'use strict';

/** a unit name as a regex: literal, except `*` for any run of characters within one name */
const unitRe = (unit) => unit.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
const anyOf = (units) => `(${units.map(unitRe).join('|')})`;

/**
 * @param {Record<string, string[][]>} folders folder (relative to the cruise's base) → floors, top first
 * @returns {import('dependency-cruiser').IForbiddenRuleType[]}
 */
function floorRules(folders) {
  const rules = [];
  for (const [folder, floors] of Object.entries(folders)) {
    const at = `^${unitRe(folder)}/`;
    const placed = floors.flat();
    floors.forEach((floor, i) => {
      const aboveOrBeside = floors.slice(0, i + 1).flat();
      for (const unit of floor) {
        const banned = aboveOrBeside.filter((u) => u !== unit);
        if (banned.length === 0) continue;
        rules.push({
          name: 'no-import-up-a-floor',
          comment: `${folder}/: ${unit} (floor ${floors.length - i} of ${floors.length}) imports only from lower floors: not from ${banned.join(', ')}`,
          severity: 'error',
          from: { path: `${at}${unitRe(unit)}(/|$)` },
          to: { path: `${at}${anyOf(banned)}(/|$)` },
        });
      }
    });
    rules.push(
      {
        name: 'floor-not-placed',
        comment: `${folder}/: this unit is not in the floor order of .dependency-cruiser.cjs: place it before it imports across the folder`,
        severity: 'error',
        from: { path: `${at}([^/]+)`, pathNot: `${at}${anyOf(placed)}(/|$)` },
        to: { path: at, pathNot: `${at}$1(/|$)` },
      },
      {
        name: 'floor-not-placed',
        comment: `${folder}/: the imported unit is not in the floor order of .dependency-cruiser.cjs: place it first`,
        severity: 'error',
        from: { path: `${at}${anyOf(placed)}(/|$)` },
        to: { path: at, pathNot: `${at}${anyOf(placed)}(/|$)` },
      },
    );
  }
  return rules;
}

/** the rule that keeps every import graph under `roots` free of circles (type-only imports count) */
function noCircleRule(roots) {
  return {
    name: 'no-circular',
    comment: 'An import circle: the modules on it can no longer be understood, tested or loaded one at a time.',
    severity: 'error',
    from: { path: `^(${roots.join('|')})/` },
    to: { circular: true },
  };
}

module.exports = { floorRules, noCircleRule, unitRe };
