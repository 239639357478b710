/** One stored object (a file locally, an object in a bucket). */
export interface ObjectInfo {
  /** In the same form as the URI the caller passed: a plain path stays a path, `file://` stays `file://`. */
  uri: string;
  size: number;
  updated: Date;
}

export interface DeleteOptions {
  /** Also delete every object under `<uri>/`, like `rm -rf`; deleting nothing is then not an error. */
  recursive?: boolean;
}

/**
 * The one storage API components and tools use, whatever holds the bytes. Storage is flat, as object stores
 * are: "directories" are key prefixes up to a `/`, `exists`/`stat` are about objects (files) only, and an
 * empty directory does not exist. Every write is atomic: a reader sees the old object or the whole new one.
 *
 * Missing objects throw CtpipeError('NOT_FOUND', { details: { path } }).
 */
export interface Storage {
  /** The URI schemes this backend accepts; `''` means plain absolute paths. */
  readonly schemes: readonly string[];

  readBytes(uri: string): Promise<Uint8Array>;
  readText(uri: string): Promise<string>;
  writeBytes(uri: string, data: Uint8Array): Promise<void>;
  writeText(uri: string, text: string): Promise<void>;

  exists(uri: string): Promise<boolean>;
  stat(uri: string): Promise<ObjectInfo>;
  /** Every object under `<prefixUri>/`, recursively, sorted by URI. A missing prefix gives []. */
  list(prefixUri: string): Promise<ObjectInfo[]>;
  /** Objects matching `*` (within a segment), `?` (one character) and `**` (any segments), sorted by URI. */
  glob(pattern: string): Promise<ObjectInfo[]>;
  delete(uri: string, options?: DeleteOptions): Promise<void>;

  /** Copies every file under `localDir` to `<uri>/<relative path>`. */
  uploadDir(localDir: string, uri: string): Promise<void>;
  /** Copies every object under `<uri>/` to `<localDir>/<relative key>`, creating directories. */
  downloadDir(uri: string, localDir: string): Promise<void>;
}
