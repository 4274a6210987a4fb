package dev.providerapi.generator.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.crd.CrdReader;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.openapi.OpenApiReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads an upstream spec file (OpenAPI or CRD) into an {@link ApiModel} for comparison, tolerating what the
 * generator refuses but published specs contain: duplicate operationIds (RunPod REST v1 has them) are made unique
 * by appending the method and path, since {@link ModelDiff} matches operations by method and path anyway.
 */
public final class UpstreamSpecs {
  public enum Kind { OPENAPI, CRD, GRAPHQL }

  private static final Pattern CRD = Pattern.compile("(?m)^kind:\\s*[\"']?CustomResourceDefinition[\"']?\\s*$");
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
      "trace");

  private UpstreamSpecs() {}

  /** By extension for GraphQL SDL, by {@code kind: CustomResourceDefinition} for a CRD, else OpenAPI. */
  public static Kind kind(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".graphql") || n.endsWith(".graphqls") || n.endsWith(".gql") || n.endsWith(".sdl")) {
      return Kind.GRAPHQL;
    }
    if ((n.endsWith(".yaml") || n.endsWith(".yml")) && CRD.matcher(text(file)).find()) {
      return Kind.CRD;
    }
    return Kind.OPENAPI;
  }

  /**
   * @throws SpecException naming the file and place when it cannot be read
   */
  public static ApiModel read(Path file, Kind kind, @Nullable String responseEnvelope) {
    if (kind == Kind.GRAPHQL) {
      throw new IllegalArgumentException("GraphQL schemas are compared as schemas, not read as a model: " + file);
    }
    if (kind == Kind.CRD) {
      return new CrdReader().read(file, null);
    }
    try {
      return new OpenApiReader().read(file, responseEnvelope);
    } catch (SpecException e) {
      if (!e.getMessage().contains("is used by more than one operation")) {
        throw e;
      }
    }
    return readWithUniqueIds(file, responseEnvelope);
  }

  /** The hex SHA-256 of a file's bytes (what provider.yaml records as {@code spec.upstream.sha256}). */
  public static String sha256(Path file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The version a spec file declares: OpenAPI {@code info.version}, a CRD's served version names; else null. */
  public static @Nullable String declaredVersion(Path file, Kind kind) {
    if (kind == Kind.GRAPHQL) {
      return null;
    }
    JsonNode tree = tree(file);
    if (kind == Kind.CRD) {
      StringBuilder names = new StringBuilder();
      for (JsonNode v : tree.path("spec").path("versions")) {
        if (v.path("served").asBoolean(true)) {
          names.append(names.length() == 0 ? "" : ",").append(v.path("name").asText());
        }
      }
      return names.length() == 0 ? null : names.toString();
    }
    String v = tree.path("info").path("version").asText("");
    return v.isBlank() ? null : v;
  }

  /**
   * Per operation ({@code GET /x}, as {@link ModelDiff#key}), the response status codes an OpenAPI file declares;
   * empty for other kinds.
   */
  public static Map<String, Set<String>> responseStatuses(Path file, Kind kind) {
    Map<String, Set<String>> out = new java.util.TreeMap<>();
    if (kind != Kind.OPENAPI) {
      return out;
    }
    JsonNode tree = tree(file);
    for (Iterator<Map.Entry<String, JsonNode>> paths = tree.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (METHODS.contains(op.getKey())) {
          Set<String> codes = new java.util.TreeSet<>();
          op.getValue().path("responses").fieldNames().forEachRemaining(codes::add);
          out.put(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), codes);
        }
      }
    }
    return out;
  }

  private static ApiModel readWithUniqueIds(Path file, @Nullable String responseEnvelope) {
    JsonNode tree = tree(file);
    Set<String> seen = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = tree.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (METHODS.contains(op.getKey()) && op.getValue() instanceof ObjectNode o && o.hasNonNull("operationId")) {
          String id = o.get("operationId").asText();
          if (!seen.add(id)) {
            String unique = id + "_" + op.getKey() + path.getKey().replaceAll("[^A-Za-z0-9]+", "_");
            o.put("operationId", unique);
            seen.add(unique);
          }
        }
      }
    }
    try {
      // Beside the original when possible, so relative external $refs still resolve.
      Path dir = Files.isWritable(file.toAbsolutePath().getParent()) ? file.toAbsolutePath().getParent() : null;
      Path copy = dir == null ? Files.createTempFile("upstream-", ".json")
          : Files.createTempFile(dir, ".upstream-", ".json");
      try {
        new ObjectMapper().writeValue(copy.toFile(), tree);
        ApiModel m = new OpenApiReader().read(copy, responseEnvelope);
        return new ApiModel(m.title(), m.version(), m.description(), m.servers(), m.types(), m.operations(),
            file.toString());
      } finally {
        Files.deleteIfExists(copy);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a temporary copy of " + file + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode tree(Path file) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new SpecException(file, null, "cannot be parsed: " + e.getMessage(), e);
    }
  }

  private static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
