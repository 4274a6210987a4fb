package dev.providerapi.generator.diff;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads an upstream spec file (OpenAPI or CRD) into an {@link ApiModel} for comparison, with the generator's own
 * readers: what they accept with a warning (duplicate operationIds, as RunPod REST v1 has, Swagger 2.0, OpenAPI 3.2)
 * is compared too; {@link ModelDiff} matches operations by method and path anyway.
 */
public final class UpstreamSpecs {
  /** The kinds of spec file compared. */
  public enum Kind {
    /** An OpenAPI (or Swagger) document. */
    OPENAPI,
    /** A Kubernetes CustomResourceDefinition. */
    CRD,
    /** A GraphQL SDL schema. */
    GRAPHQL
  }

  private static final Pattern CRD = Pattern.compile("(?m)^kind:\\s*[\"']?CustomResourceDefinition[\"']?\\s*$");

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
      "trace");

  private UpstreamSpecs() {}

  /**
   * By extension for GraphQL SDL, by {@code kind: CustomResourceDefinition} for a CRD, else OpenAPI.
   *
   * @param file the spec file
   * @return its kind
   */
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
   * Reads a spec file of {@code kind} into the model the diff compares.
   *
   * @param file the spec file
   * @param kind its kind, OPENAPI or CRD
   * @param responseEnvelope provider.yaml's {@code responseEnvelope}; null when there is none (a CRD ignores it)
   * @return the spec's model
   * @throws SpecException naming the file and place when it cannot be read
   * @throws IllegalArgumentException for GRAPHQL: schemas are compared as schemas
   */
  public static ApiModel read(Path file, Kind kind, @Nullable String responseEnvelope) {
    if (kind == Kind.GRAPHQL) {
      throw new IllegalArgumentException("GraphQL schemas are compared as schemas, not read as a model: " + file);
    }
    if (kind == Kind.CRD) {
      return new CrdReader().read(file, null);
    }
    return new OpenApiReader().read(file, responseEnvelope);
  }

  /**
   * The hex SHA-256 of a file's bytes (what provider.yaml records as {@code spec.upstream.sha256}).
   *
   * @param file the file
   * @return 64 lower-case hex digits
   */
  public static String sha256(Path file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * The version a spec file declares: OpenAPI {@code info.version}, a CRD's served version names; else null.
   *
   * @param file the spec file
   * @param kind its kind
   * @return the declared version, or null (always null for GraphQL)
   */
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
   *
   * @param file the spec file
   * @param kind its kind
   * @return operation key -> declared status codes ({@code 200}, {@code default} ...)
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

  private static JsonNode tree(Path file) {
    JsonNode tree = dev.providerapi.generator.inputs.SpecTrees.read(file);
    return tree == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : tree;
  }

  private static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
