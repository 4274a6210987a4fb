package dev.providerapi.generator.inputs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.providerapi.generator.SpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The local files a JSON or YAML spec pulls in through {@code $ref}, transitively. They are generation
 * inputs like the spec itself: a change in a shared schema file must regenerate, and the manifest must say
 * which files were read. Remote references (http, https) are not files of the project and are left out.
 */
public final class ReferencedFiles {
  private ReferencedFiles() {}

  /**
   * {@code spec} and every local file it references, directly or not, absolute and normalized, sorted.
   *
   * @param spec a JSON or YAML spec file
   * @return the files
   */
  public static Set<Path> of(Path spec) {
    Set<Path> seen = new TreeSet<>();
    Deque<Path> todo = new ArrayDeque<>();
    todo.add(spec.toAbsolutePath().normalize());
    while (!todo.isEmpty()) {
      Path file = todo.pop();
      if (!seen.add(file)) {
        continue;
      }
      JsonNode root = SpecTrees.read(file);
      if (root != null) {
        collect(root, file, todo);
      }
    }
    return seen;
  }

  /**
   * The files a spec reads: for JSON or YAML, {@link #of} (only these can reference files); for any other file,
   * the file itself.
   *
   * @param spec a spec file
   * @return the files
   */
  public static Set<Path> ofSpec(Path spec) {
    return spec.getFileName().toString().matches(".*\\.(json|ya?ml)") ? of(spec) : Set.of(spec);
  }

  private static void collect(JsonNode node, Path file, Deque<Path> todo) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
          Path target = local(e.getValue().asText(), file);
          if (target != null) {
            todo.add(target);
          }
        } else {
          collect(e.getValue(), file, todo);
        }
      }
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, file, todo));
    }
  }

  /** The file part of a reference, resolved against the referring file; null for internal or remote ones. */
  private static Path local(String ref, Path from) {
    int hash = ref.indexOf('#');
    String location = hash < 0 ? ref : ref.substring(0, hash);
    if (location.isEmpty() || location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      return null;
    }
    Path target = from.getParent().resolve(location).normalize();
    if (!Files.isRegularFile(target)) {
      throw new SpecException(from, "$ref '" + ref + "'", "referenced file not found (looked for " + target + ")");
    }
    return target;
  }
}
