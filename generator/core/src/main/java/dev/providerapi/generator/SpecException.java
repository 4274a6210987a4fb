package dev.providerapi.generator;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Bad generator input: a broken spec or provider.yaml. The message is one paragraph that names the file, the
 * location in it (JSON pointer, key path or line) and what is wrong, and what is allowed where that helps.
 */
public class SpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The bad file (not serialized: {@code Path} is not serializable). */
  private final transient Path file;
  /** Where in the file, or null when the whole file is meant. */
  private final @Nullable String location;

  /**
   * Bad input in {@code file}.
   *
   * @param file the bad file
   * @param location where in it (JSON pointer, key path or line); null when the whole file is meant
   * @param problem what is wrong, and what is allowed where that helps
   */
  public SpecException(Path file, @Nullable String location, String problem) {
    this(file, location, problem, null);
  }

  /**
   * Bad input in {@code file}, found by a parser's exception.
   *
   * @param file the bad file
   * @param location where in it (JSON pointer, key path or line); null when the whole file is meant
   * @param problem what is wrong
   * @param cause the parser's exception; null when there is none
   */
  public SpecException(Path file, @Nullable String location, String problem, @Nullable Throwable cause) {
    super(file + (location == null ? "" : " at " + location) + ": " + problem, cause);
    this.file = file;
    this.location = location;
  }

  /**
   * What a parser said, without Jackson's location suffix ({@code at [Source: REDACTED
   * (StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION disabled); line: 3, column: 7]}): its own message, then
   * {@code (line 3, column 7)} when it knows where.
   *
   * @param e the parser's exception
   * @return the problem in one line
   */
  public static String parseProblem(Throwable e) {
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
      var loc = j.getLocation();
      return j.getOriginalMessage()
          + (loc == null || loc.getLineNr() < 1 ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")");
    }
    return String.valueOf(e.getMessage());
  }

  /**
   * The bad file.
   *
   * @return the file; null after deserialization
   */
  public Path file() {
    return file;
  }

  /**
   * Where in the file.
   *
   * @return the location (JSON pointer, key path or line); null when the whole file is meant
   */
  public @Nullable String location() {
    return location;
  }
}
