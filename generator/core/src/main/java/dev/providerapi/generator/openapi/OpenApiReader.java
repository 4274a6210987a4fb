package dev.providerapi.generator.openapi;

import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.OperationDef;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads an OpenAPI 3.0 / 3.1 document (JSON or YAML, local and external $ref) into the {@link ApiModel}. */
public final class OpenApiReader {

  /**
   * @param spec the spec file
   * @param responseEnvelope when set, a success response whose schema is an object with this member is
   *     unwrapped: the operation's response type is the member's type
   * @throws SpecException naming the file, the location in it and what is wrong
   */
  public ApiModel read(Path spec, @Nullable String responseEnvelope) {
    if (!Files.isRegularFile(spec)) {
      throw new SpecException(spec, null, "no such file");
    }
    OpenAPI api = parse(spec);
    SchemaMapper schemas = new SchemaMapper(spec,
        api.getComponents() == null ? null : api.getComponents().getSchemas());
    schemas.mapComponents();
    List<OperationDef> operations = new OperationMapper(spec, api, schemas, responseEnvelope).map();
    List<String> servers = new ArrayList<>();
    if (api.getServers() != null) {
      for (Server s : api.getServers()) {
        if (s.getUrl() != null) {
          servers.add(s.getUrl());
        }
      }
    }
    String title = api.getInfo() == null || api.getInfo().getTitle() == null ? "" : api.getInfo().getTitle();
    String version = api.getInfo() == null || api.getInfo().getVersion() == null ? "" : api.getInfo().getVersion();
    String description = api.getInfo() == null ? null : api.getInfo().getDescription();
    return new ApiModel(title, version, description, servers, schemas.types(), operations, spec.toString());
  }

  private static OpenAPI parse(Path spec) {
    ParseOptions options = new ParseOptions();
    // Resolve external files into components but keep named $refs as names: they become named Java types.
    options.setResolve(true);
    options.setResolveFully(false);
    options.setValidateExternalRefs(false);
    SwaggerParseResult result;
    try {
      result = new OpenAPIV3Parser().readLocation(spec.toAbsolutePath().normalize().toString(), null, options);
    } catch (RuntimeException e) {
      throw new SpecException(spec, null, "cannot be parsed: " + e.getMessage(), e);
    }
    List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
    OpenAPI api = result.getOpenAPI();
    if (api == null) {
      throw new SpecException(spec, location(messages), "not a readable OpenAPI 3 document"
          + (messages.isEmpty() ? "" : ": " + String.join("; ", messages)));
    }
    List<String> fatal = messages.stream().filter(OpenApiReader::isFatal).toList();
    if (!fatal.isEmpty()) {
      throw new SpecException(spec, location(fatal), "invalid OpenAPI document: " + String.join("; ", fatal));
    }
    return api;
  }

  /**
   * Swagger-parser reports both real breakage and pedantry ("attribute x is unexpected"). Only what leaves the
   * document unusable stops generation: missing or mistyped structure and unresolvable references.
   */
  private static boolean isFatal(String message) {
    return message.contains("is missing") && !message.contains("info")
        || message.contains("Could not find") || message.contains("unable to resolve")
        || message.contains("Unable to load") || message.startsWith("Exception");
  }

  /** Swagger-parser's messages start with the path they concern ("attribute paths.'/x'(get).responses ..."). */
  private static @Nullable String location(List<String> messages) {
    if (messages.isEmpty()) {
      return null;
    }
    String m = messages.get(0);
    if (m.startsWith("attribute ")) {
      int end = m.indexOf(' ', "attribute ".length());
      return end > 0 ? m.substring("attribute ".length(), end) : null;
    }
    int line = m.indexOf("line: ");
    return line >= 0 ? m.substring(line).split("[,\\]]")[0] : null;
  }
}
