/** What the image plan needs from a registry: is a tag there, and put a second tag on an existing image. */
export interface ImageRegistry {
  /** `repository` is `host/path/name` (no tag). */
  hasTag(repository: string, tag: string): Promise<boolean>;
  /** Points `newTag` at the manifest `existingTag` names, without pulling or pushing layers. */
  addTag(repository: string, existingTag: string, newTag: string): Promise<void>;
}
