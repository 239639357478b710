export interface BackendCandidate<N extends string> {
  name: N;
  /** Resolves true when the backend is now active; false or a throw means "not here". */
  load(): Promise<boolean>;
}

/** Tries candidates in order and returns the first that becomes active. */
export async function selectFirstWorking<N extends string>(
  candidates: readonly BackendCandidate<N>[],
): Promise<N | undefined> {
  for (const candidate of candidates) {
    try {
      if (await candidate.load()) return candidate.name;
    } catch {
      // A backend that cannot load (missing native module, no WebAssembly) is simply skipped.
    }
  }
  return undefined;
}
