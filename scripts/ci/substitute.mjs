// Cloud Build's substitution rules, for running cloudbuild.yaml steps on this machine (scripts/ci/local.mjs):
// `$$` is a literal `$`; `$NAME` / `${NAME}` is a built-in or a user `_SUBSTITUTION`; with dynamicSubstitutions,
// user values may themselves reference other substitutions (bash-style, no operators needed here).

const REF = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Replaces every reference in `text`; an unknown name is an error, as Cloud Build's MUST_MATCH makes it. */
export function substitute(text, values) {
  return text.replace(REF, (match, braced, bare) => {
    if (match === '$$') return '$';
    const name = braced ?? bare;
    if (!(name in values)) throw new Error(`unknown substitution $${name} in '${text}'`);
    return values[name];
  });
}

/** Built-ins + the file's substitutions (+ overrides), user values expanded against the others. */
export function resolveSubstitutions(builtins, declared, overrides) {
  const raw = { ...declared, ...overrides };
  const resolved = { ...builtins };
  const resolving = new Set();
  const resolve = (name) => {
    if (name in resolved) return resolved[name];
    if (!(name in raw)) throw new Error(`unknown substitution $${name}`);
    if (resolving.has(name)) throw new Error(`substitution ${name} refers to itself`);
    resolving.add(name);
    const value = String(raw[name]).replace(REF, (match, braced, bare) =>
      match === '$$' ? '$' : resolve(braced ?? bare),
    );
    resolved[name] = value;
    return value;
  };
  for (const name of Object.keys(raw)) resolve(name);
  return resolved;
}
