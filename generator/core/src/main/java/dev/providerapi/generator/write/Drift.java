package dev.providerapi.generator.write;

/**
 * One difference between the tree on disk and what generation would write; {@code path} is relative.
 *
 * @param path the file's path relative to the target folder
 * @param kind how it differs
 */
public record Drift(String path, Kind kind) {
  /** How the file on disk differs. */
  public enum Kind {
    /** The file exists with other content. */
    CHANGED,
    /** The file should exist and does not. */
    MISSING,
    /** A file in a generated root that generation would not write (stale). */
    EXTRA
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + path;
  }
}
