package dev.providerapi.generator;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Bad generator input: a broken spec or provider.yaml. The message is one paragraph that names the file, the
 * location in it (JSON pointer, key path or line) and what is wrong, and what is allowed where that helps.
 */
public class SpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final @Nullable String location;

  public SpecException(Path file, @Nullable String location, String problem) {
    this(file, location, problem, null);
  }

  public SpecException(Path file, @Nullable String location, String problem, @Nullable Throwable cause) {
    super(file + (location == null ? "" : " at " + location) + ": " + problem, cause);
    this.file = file;
    this.location = location;
  }

  public Path file() {
    return file;
  }

  public @Nullable String location() {
    return location;
  }
}
