/** Types of penguins-model.mjs for the TypeScript tests. */
export declare const PENGUIN: Readonly<Record<string, string | number>>;
export declare function penguinsJsonPath(): string;
export declare function penguinRows(): Promise<Record<string, string | number | null>[]>;
export declare function trainPenguinsModel(
  baseDir: string,
  options: { version: number; epochs?: number; learningRate?: number },
): Promise<string>;
