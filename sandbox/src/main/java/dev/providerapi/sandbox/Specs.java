package dev.providerapi.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The specs and fixtures under {@code specs/} (packed into this jar): fixtures as JSON, request schemas as
 * networknt validators, so a fake refuses what the spec says the provider refuses.
 */
final class Specs {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String ROOT = "/dev/providerapi/sandbox/specs/";
  private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
  private static final Map<String, String> DOCUMENTS = new ConcurrentHashMap<>();
  private static volatile JsonSchemaFactory factory;

  private Specs() {}

  static String text(String provider, String file) {
    try (InputStream in = Specs.class.getResourceAsStream(ROOT + provider + "/" + file)) {
      if (in == null) {
        throw new IllegalStateException("sandbox: no " + provider + "/" + file + " in the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fixture as a fresh, mutable tree. */
  static JsonNode fixture(String provider, String name) {
    try {
      return JSON.readTree(text(provider, "fixtures/" + name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON schema at {@code pointer} (e.g. a request body's) in a YAML spec document. */
  static JsonSchema schema(String provider, String file, String pointer) {
    return SCHEMAS.computeIfAbsent(provider + "/" + file + "#" + pointer, key -> {
      String uri = "https://sandbox.provider-api.invalid/" + provider + "/" + file.replace(".yaml", ".json");
      DOCUMENTS.computeIfAbsent(uri, u -> {
        try {
          return JSON.writeValueAsString(YAML.readTree(text(provider, file)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      return factory().getSchema(SchemaLocation.of(uri + "#" + pointer));
    });
  }

  /** The request body schema of an OpenAPI operation. */
  static JsonSchema requestBody(String provider, String method, String pathTemplate) {
    String pointer = "/paths/" + escape(pathTemplate) + "/" + method.toLowerCase(java.util.Locale.ROOT)
        + "/requestBody/content/application~1json/schema";
    return schema(provider, "openapi.yaml", pointer);
  }

  /** Violations of {@code schema} by {@code body}, as messages; empty when valid. */
  static List<String> violations(JsonSchema schema, JsonNode body) {
    Set<ValidationMessage> messages = schema.validate(body);
    return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  private static String escape(String path) {
    return path.replace("~", "~0").replace("/", "~1");
  }

  private static JsonSchemaFactory factory() {
    JsonSchemaFactory f = factory;
    if (f == null) {
      synchronized (Specs.class) {
        f = factory;
        if (f == null) {
          f = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
              b -> b.schemaLoaders(loaders -> loaders.schemas(DOCUMENTS::get)));
          factory = f;
        }
      }
    }
    return f;
  }
}
