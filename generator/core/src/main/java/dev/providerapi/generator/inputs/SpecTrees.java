package dev.providerapi.generator.inputs;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.providerapi.generator.SpecException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a JSON or YAML spec file into a Jackson tree. YAML has no size limit but the machine's memory: SnakeYAML's
 * default of 3 MB code points refuses real specs (Stripe's is 4 MB), and the same content as JSON has no limit either.
 */
public final class SpecTrees {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder().loaderOptions(unlimited()).build());

  private SpecTrees() {}

  /**
   * SnakeYAML options without the code-point limit (aliases stay limited: a billion-laughs file is still refused).
   *
   * @return new options
   */
  public static LoaderOptions unlimited() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    return options;
  }

  /**
   * The document in {@code file}; null for an empty file.
   *
   * @param file the file, UTF-8
   * @return the document's tree, or null for an empty file
   * @throws SpecException naming the file and the line when it is neither JSON nor YAML
   */
  public static @Nullable JsonNode read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new SpecException(file, null, "cannot be read: not UTF-8 text");
    } catch (IOException e) {
      throw new SpecException(file, null, "cannot be read: " + e.getMessage(), e);
    }
    return parse(file, text);
  }

  /**
   * {@link #read} of text already in memory.
   *
   * @param file the file the text came from, for messages
   * @param text the file's text
   * @return the document's tree, or null for an empty text
   * @throws SpecException naming the file and the line when it is neither JSON nor YAML
   */
  public static @Nullable JsonNode parse(Path file, String text) {
    String trimmed = text.stripLeading();
    boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
    try {
      JsonNode node = (json ? JSON : YAML).readTree(text);
      return node == null || node.isMissingNode() ? null : node;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null || at.getLineNr() < 1 ? null : "line " + at.getLineNr() + ", column " + at.getColumnNr();
      String what = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage().lines().findFirst().orElse("");
      if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException y && y.getProblem() != null) {
        // SnakeYAML: "while parsing a flow mapping ... expected ',' or '}', but got '['": the problem first.
        what = y.getProblem() + (y.getContext() == null ? "" : " (" + y.getContext() + (y.getContextMark() == null
            ? "" : " started at line " + (y.getContextMark().getLine() + 1) + ", column "
                + (y.getContextMark().getColumn() + 1)) + ")");
        if (y.getProblemMark() != null) {
          where = "line " + (y.getProblemMark().getLine() + 1) + ", column " + (y.getProblemMark().getColumn() + 1);
        }
      }
      throw new SpecException(file, where, "cannot be read as " + (json ? "JSON" : "JSON or YAML") + ": " + what, e);
    }
  }
}
