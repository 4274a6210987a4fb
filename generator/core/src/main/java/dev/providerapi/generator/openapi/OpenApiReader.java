package dev.providerapi.generator.openapi;

import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.OperationDef;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads an OpenAPI 3.0 / 3.1 / 3.2 or Swagger 2.0 document (JSON or YAML of any size, one file or many) into the
 * {@link ApiModel}; see {@link SpecDocument} for what is accepted beyond what swagger-parser takes.
 */
public final class OpenApiReader {
  private static final Pattern VARIABLE = Pattern.compile("\\{([^{}]*)}");

  /** A reader of OpenAPI 3.x and Swagger 2.0 specs; it holds no state between reads. */
  public OpenApiReader() {}

  /**
   * Reads an OpenAPI (or Swagger 2) document into the model.
   *
   * @param spec the spec file
   * @param responseEnvelope when set, a success response whose schema is an object with this member is
   *     unwrapped: the operation's response type is the member's type
   * @return the spec's model
   * @throws SpecException naming the file, the location in it and what is wrong
   */
  public ApiModel read(Path spec, @Nullable String responseEnvelope) {
    SpecDocument.Parsed parsed = parseDocument(spec);
    OpenAPI api = parsed.api();
    List<String> warnings = new ArrayList<>(parsed.warnings());
    SchemaMapper schemas = new SchemaMapper(spec,
        api.getComponents() == null ? null : api.getComponents().getSchemas());
    List<OperationDef> operations;
    try {
      schemas.mapComponents();
      OperationMapper mapper = new OperationMapper(spec, api, schemas, responseEnvelope);
      operations = mapper.map();
      warnings.addAll(mapper.warnings());
    } catch (SpecException e) {
      throw e;
    } catch (RuntimeException e) {
      // A shape of document the mappers do not expect is still a problem of this input, never a crash.
      throw new SpecException(spec, null, "cannot be mapped to Java: " + e, e);
    }
    warnings.addAll(schemas.warnings());
    List<String> servers = new ArrayList<>();
    ApiModel.ServerTemplate template = null;
    if (api.getServers() != null) {
      for (int i = 0; i < api.getServers().size(); i++) {
        Server s = api.getServers().get(i);
        if (s == null || s.getUrl() == null || s.getUrl().isBlank()) {
          continue;
        }
        ApiModel.ServerTemplate t = template(spec, s, i, warnings);
        if (t != null && servers.isEmpty()) {
          template = t;
        }
        servers.add(t == null ? s.getUrl() : substituted(t));
      }
    }
    String title = api.getInfo() == null || api.getInfo().getTitle() == null ? "" : api.getInfo().getTitle();
    String version = api.getInfo() == null || api.getInfo().getVersion() == null ? "" : api.getInfo().getVersion();
    String description = api.getInfo() == null ? null : api.getInfo().getDescription();
    return new ApiModel(title, version, description, servers, schemas.types(), operations, spec.toString(),
        template, warnings, schemas.derived(), parsed.auth());
  }

  /**
   * The document as swagger-parser's model, after what {@link SpecDocument} accepts beyond the parser: for tools
   * that work on that model (openapi-diff).
   *
   * @param spec the OpenAPI file
   * @return swagger-parser's model of it
   * @throws SpecException naming the file, the location in it and what is wrong
   */
  public static OpenAPI parse(Path spec) {
    return parseDocument(spec).api();
  }

  private static SpecDocument.Parsed parseDocument(Path spec) {
    if (!Files.isRegularFile(spec)) {
      throw new SpecException(spec, null, "no such file");
    }
    return SpecDocument.parse(spec);
  }

  /** The server's variables, or null when its URL has none. */
  private static ApiModel.@Nullable ServerTemplate template(Path spec, Server server, int index,
      List<String> warnings) {
    Set<String> used = new LinkedHashSet<>();
    Matcher m = VARIABLE.matcher(server.getUrl());
    while (m.find()) {
      used.add(m.group(1));
    }
    if (used.isEmpty()) {
      return null;
    }
    Map<String, ServerVariable> declared = server.getVariables() == null ? Map.of() : server.getVariables();
    List<ApiModel.ServerVariable> variables = new ArrayList<>();
    for (String name : used) {
      ServerVariable v = declared.get(name);
      String location = "servers[" + index + "].variables." + name;
      if (v == null || v.getDefault() == null) {
        throw new SpecException(spec, v == null ? "servers[" + index + "].url" : location, "server URL '"
            + server.getUrl() + "' uses {" + name + "}, but " + (v == null ? "servers[" + index + "].variables "
            + "does not declare it" : "it has no default") + "; a server variable needs a default");
      }
      List<String> allowed = v.getEnum() == null ? List.of() : List.copyOf(v.getEnum());
      if (!allowed.isEmpty() && !allowed.contains(v.getDefault())) {
        warnings.add(spec + " at " + location + ": default '" + v.getDefault() + "' is not one of its enum "
            + allowed + "; used anyway");
      }
      variables.add(new ApiModel.ServerVariable(name, v.getDefault(), v.getDescription(), allowed));
    }
    return new ApiModel.ServerTemplate(server.getUrl(), variables);
  }

  private static String substituted(ApiModel.ServerTemplate t) {
    String url = t.url();
    for (ApiModel.ServerVariable v : t.variables()) {
      url = url.replace("{" + v.name() + "}", v.defaultValue());
    }
    return url;
  }

  /** Swagger-parser's messages start with the path they concern ("attribute paths.'/x'(get).responses ..."). */
  static @Nullable String location(List<String> messages) {
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
