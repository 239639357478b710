/**
 * Task naming as the KFP SDK does it (`maybe_rename_for_k8s` + `make_name_unique_by_adding_index`):
 * the compiled `comp-<task>` / `exec-<task>` keys and the DAG task keys all derive from these names.
 */

/** Lowercase, runs of anything but `[-0-9a-z]` become one `-`, no leading or trailing `-`. */
export function k8sName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^-0-9a-z]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `name`, else `name-2`, `name-3` … whichever is not taken yet. */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name}-${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export const K8S_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const PIPELINE_NAME = /^[a-z0-9][a-z0-9-]{0,127}$/;
