package dev.providerapi.generator.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.descriptor.ErrorFormat;
import dev.providerapi.descriptor.ErrorRule;
import dev.providerapi.errors.ErrorKind;
import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.emit.EmitException;
import dev.providerapi.generator.emit.TypeMapper;
import dev.providerapi.generator.manifest.ProviderManifest;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.Arguments;
import dev.providerapi.generator.model.EnumDef;
import dev.providerapi.generator.model.FieldDef;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.model.ParamDef;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypeDef;
import dev.providerapi.generator.model.TypeRef;
import dev.providerapi.generator.model.UnionDef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The data of {@code client-test.mustache}: per operation the example exchange (request and response JSON as
 * Java literals, the call's arguments, the expected method, path, query and headers) and per declared error
 * case the error body built from provider.yaml's code/message pointers. All decisions live here so the
 * template stays a plain layout.
 *
 * <p>Contract with the client emitter that the generated test relies on: the client interface is
 * {@code <pkg>.api.<Prefix>Api}, implemented by {@code <pkg>.api.<Prefix>ApiClient} with a constructor taking
 * the runtime {@code ApiClient}; each operation is a method named {@link OperationDef#javaName()} taking the
 * operation's arguments in the order {@link Arguments} decides; model types live in {@code <pkg>.model}.
 */
public final class TestModelBuilder {
  static final String API_KEY = "test-key";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The four failure cases every client test covers, with the kind HTTP defaults give them. */
  private record ErrorCase(int status, ErrorKind statusDefault, String name) {}

  private static final List<ErrorCase> ERROR_CASES = List.of(
      new ErrorCase(401, ErrorKind.AUTHENTICATION, "unauthorized"),
      new ErrorCase(404, ErrorKind.NOT_FOUND, "notFound"),
      new ErrorCase(429, ErrorKind.RATE_LIMITED, "rateLimited"),
      new ErrorCase(500, ErrorKind.PROVIDER_UNAVAILABLE, "serverError"));

  private final ProviderManifest manifest;
  private final ApiModel model;
  private final Map<String, Fixture> fixtures;
  private final TypeMapper types;

  private TestModelBuilder(ProviderManifest manifest, ApiModel model, Map<String, Fixture> fixtures) {
    this.manifest = manifest;
    this.model = model;
    this.fixtures = fixtures;
    this.types = new TypeMapper(manifest.javaPackage() + ".model");
  }

  /**
   * The Mustache scope of the generated client test.
   *
   * @param manifest the provider's provider.yaml
   * @param model the spec's model
   * @param specName the spec file name for the generated header
   * @param fixtures operation id -> fixture bodies (override the spec's examples)
   * @return template variable -> value
   */
  public static Map<String, Object> build(ProviderManifest manifest, ApiModel model, Map<String, Fixture> fixtures,
      String specName) {
    return new TestModelBuilder(manifest, model, fixtures).scope(specName);
  }

  private Map<String, Object> scope(String specName) {
    String prefix = manifest.classPrefix();
    List<OperationDef> all = model.operations().stream()
        .sorted(Comparator.comparing(OperationDef::id))
        .toList();
    List<Map<String, Object>> operations = new ArrayList<>();
    for (OperationDef op : all) {
      try {
        operations.add(operation(op));
      } catch (SpecException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new EmitException("operation " + op.id() + " (its generated test)", e);
      }
    }
    List<Map<String, Object>> errors = new ArrayList<>();
    errorTarget(all).ifPresent(op -> {
      for (ErrorCase c : ERROR_CASES) {
        errors.add(error(op, c));
      }
      errors.addAll(okErrors(op));
    });

    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("header", GeneratedHeader.generated(specName, manifest.name()));
    scope.put("package", manifest.javaPackage() + ".api");
    scope.put("rootPackage", manifest.javaPackage());
    scope.put("prefix", prefix);
    scope.put("provider", literal(manifest.name()));
    scope.put("providerName", manifest.name());
    scope.put("apiKey", literal(API_KEY));
    scope.put("mockSetup", mockSetup());
    scope.put("operations", operations);
    scope.put("errors", errors);
    return scope;
  }

  // ---- success exchanges ----

  private Map<String, Object> operation(OperationDef op) {
    Fixture fixture = fixtures.get(op.id());
    OperationDef.Example example = op.examples().isEmpty() ? null : op.examples().get(0);
    // A spec's own example is used only when it is a value of the declared type (published specs carry examples
    // with members the schema lacks, or of another shape); else the test falls back to a sample. Fixtures are
    // written for the test and always win.
    String requestJson = fixture != null && fixture.requestJson() != null ? fixture.requestJson()
        : example != null && op.body() != null && fits(example.requestJson(), op.body().type(), null, op, "request")
            ? example.requestJson() : null;
    String responseJson = fixture != null && fixture.responseJson() != null ? fixture.responseJson()
        : example != null && op.response() != null
            && fits(example.responseJson(), op.response(), op.responseEnvelope(), op, "response")
            ? example.responseJson() : null;

    Map<String, Object> m = call(op);
    m.put("testName", op.javaName() + (op.response() != null ? "SendsTheRequestAndDecodesTheResponse" : "SendsTheRequest"));
    if (op.transport() instanceof OperationDef.Http http) {
      m.put("method", literal(http.method().toUpperCase(java.util.Locale.ROOT)));
      m.put("path", literal(expectedPath(op, http.path())));
    } else {
      // A GraphQL call is a POST to the endpoint, which the test's base URL is.
      m.put("method", literal("POST"));
      m.put("path", literal("/"));
    }
    m.put("query", queryAssertion(op));
    List<Map<String, Object>> headers = new ArrayList<>();
    for (ParamDef p : op.params()) {
      if (p.location() == ParamDef.Location.HEADER && p.required()) {
        headers.add(Map.of("name", literal(p.name()), "value", literal(wireExample(p))));
      }
    }
    m.put("headers", headers);

    if (op.transport() instanceof OperationDef.GraphQl graphQl) {
      // The fixture request is the variables; the server must receive them next to the document, as variables.
      ObjectNode wire = JsonNodeFactory.instance.objectNode();
      wire.put("query", graphQl.document());
      wire.put("operationName", graphQl.operationName());
      if (op.body() != null) {
        String variables = requestJson != null ? compact(requestJson, op, "request") : smallest(op.body().type());
        m.put("bodySetup", bodySetup(op, variables));
        m.put("hasBodySetup", true);
        wire.set("variables", parse(variables, op, "request"));
      }
      m.put("hasRequestBody", true);
      m.put("requestJson", literal(write(wire)));
      m.put("contentType", literal("application/json"));
      m.put("jsonBody", true);
      m.put("otherBody", false);
    } else if (op.body() != null) {
      String body = requestJson != null ? compact(requestJson, op, "request") : smallest(op.body().type());
      m.put("bodySetup", bodySetup(op, body));
      m.put("hasBodySetup", true);
      m.put("hasRequestBody", true);
      m.put("requestJson", literal(body));
      m.put("contentType", literal(op.body().contentType()));
      // Only JSON bodies can be compared as trees; others are checked for being sent at all.
      m.put("jsonBody", op.body().contentType().contains("json"));
      m.put("otherBody", !op.body().contentType().contains("json"));
    }

    String envelope = op.responseEnvelope();
    if (op.response() != null) {
      boolean hasExample = responseJson != null;
      JsonNode payload;
      if (hasExample) {
        JsonNode wire = parse(responseJson, op, "response");
        payload = unwrap(wire, envelope);
      } else {
        // No example: the smallest body that is an answer (a bare {} for a typed model is a MissingPayloadException).
        payload = envelope == null || isValue(op.response()) ? sample(op.response(), 0)
            : parse(emptyFor(op.response()), op, "response");
      }
      m.put("hasResponse", true);
      m.put("resultType", javaType(op.response()));
      m.put("expectNull", payload.isNull());
      m.put("expectValue", !payload.isNull());
      m.put("checkPayload", hasExample && !payload.isNull());
      m.put("responseBody", literal(write(wrap(payload, envelope))));
      m.put("expectedPayload", literal(write(payload)));
      m.put("status", op.successStatus());
    } else {
      m.put("hasResponse", false);
      // 204 must not carry a body; other statuses get an empty (enveloped) object.
      m.put("responseBody", op.successStatus() == 204 ? null
          : literal(write(wrap(JsonNodeFactory.instance.objectNode(), envelope))));
      m.put("status", op.successStatus());
    }
    m.put("hasResponseBody", m.get("responseBody") != null);
    return m;
  }

  /** What every test of {@code op} shares: the body variable and the call's argument list. */
  private Map<String, Object> call(OperationDef op) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<String> args = new ArrayList<>();
    if (op.transport() instanceof OperationDef.GraphQl) {
      // The client method takes the variables one by one, in the order of the variables record.
      if (op.body() != null) {
        String name = ((TypeRef.Named) op.body().type()).name();
        model.type(name).filter(RecordDef.class::isInstance).map(RecordDef.class::cast).ifPresent(r ->
            r.fields().forEach(f -> args.add("body." + f.javaName() + "()")));
      }
    } else {
      for (Arguments.Argument a : Arguments.of(op)) {
        args.add(a.isBody() ? "body" : a.required() ? argument(a.param()) : "null");
      }
    }
    m.put("operationId", literal(op.id()));
    m.put("javaName", op.javaName());
    m.put("args", String.join(", ", args));
    m.put("hasRequestBody", false);
    m.put("hasBodySetup", false);
    return m;
  }

  private String bodySetup(OperationDef op, String json) {
    String type = javaType(op.body().type());
    return type + " body = mock.read(" + literal(json) + ", new TypeReference<" + type + ">() {});";
  }

  /** A Java expression for a required parameter's example value. */
  private String argument(ParamDef p) {
    return argument(p, p.type());
  }

  /**
   * An example of {@code type}, of the Java type the client method takes ({@link TypeMapper#scalar}); a list holds
   * one example of its item type (an enum item is the enum, not text).
   */
  private String argument(ParamDef p, TypeRef type) {
    if (type instanceof TypeRef.Primitive prim) {
      return TypeMapper.scalar(prim.kind()).example(stringExample(p)).toString();
    }
    if (type instanceof TypeRef.Named n) {
      // An enum parameter: decoded from its first wire value, the same way a response would carry it.
      return "mock.mapper().convertValue(" + literal(wireExample(p, n)) + ", " + javaType(n) + ".class)";
    }
    if (type instanceof TypeRef.ListOf l) {
      return "java.util.List.of(" + argument(p, l.element()) + ")";
    }
    return "java.util.Map.of(" + literal(stringExample(p)) + ", " + argument(p, ((TypeRef.MapOf) type).value()) + ")";
  }

  /** The Java type the client and model emitters use for {@code ref}. */
  private String javaType(TypeRef ref) {
    // Named in full (the test imports no model type); java.lang needs no package.
    return types.javaType(ref).toString().replaceAll("\\bjava\\.lang\\.(?=[A-Z])", "");
  }

  /** The text a parameter's example value has on the wire. */
  private String wireExample(ParamDef p) {
    return wireExample(p, p.type());
  }

  private String wireExample(ParamDef p, TypeRef type) {
    if (type instanceof TypeRef.ListOf l) {
      return wireExample(p, l.element());
    }
    if (type instanceof TypeRef.Primitive prim) {
      return TypeMapper.scalar(prim.kind()).wireOr(stringExample(p));
    }
    if (type instanceof TypeRef.Named n) {
      return model.type(n.name()).filter(EnumDef.class::isInstance).map(EnumDef.class::cast)
          .filter(e -> !e.values().isEmpty()).map(e -> e.values().get(0).wire()).orElse(stringExample(p));
    }
    return stringExample(p);
  }

  private static String stringExample(ParamDef p) {
    return "test-" + p.name().replaceAll("[^A-Za-z0-9]", "-").toLowerCase(java.util.Locale.ROOT);
  }

  private String expectedPath(OperationDef op, String template) {
    String path = template;
    for (ParamDef p : op.params()) {
      if (p.location() == ParamDef.Location.PATH) {
        path = path.replace("{" + p.name() + "}", percentEncoded(wireExample(p)));
      }
    }
    return path;
  }

  /** A path segment as the server sees it: RFC 3986, everything but unreserved characters percent-encoded. */
  private static String percentEncoded(String segment) {
    StringBuilder sb = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append(String.format(java.util.Locale.ROOT, "%%%02X", c));
      }
    }
    return sb.toString();
  }

  /** Java arguments for {@code assertQuery}: every expected name and value, auth parameters included. */
  private String queryAssertion(OperationDef op) {
    List<String> pairs = new ArrayList<>();
    for (ParamDef p : op.params()) {
      if (p.location() == ParamDef.Location.QUERY && p.required()) {
        pairs.add(literal(p.name() + "=" + wireExample(p)));
      }
    }
    for (Map.Entry<String, String> q : new TreeMap<>(manifest.descriptor().auth().queryParams()).entrySet()) {
      pairs.add(literal(q.getKey() + "=" + secretValue(q.getValue())));
    }
    return String.join(", ", pairs);
  }

  // ---- auth ----

  private static String secretValue(String env) {
    return "test-secret-" + env.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** The calls that configure the test's MockProviderServer: key, secrets, and the auth headers to expect. */
  private List<String> mockSetup() {
    List<String> calls = new ArrayList<>();
    calls.add(".apiKey(" + literal(API_KEY) + ")");
    for (Map<String, Object> s : secrets()) {
      calls.add(".secret(" + s.get("name") + ", " + s.get("value") + ")");
    }
    for (Map<String, Object> h : authHeaders()) {
      calls.add(".expectHeader(" + h.get("name") + ", " + h.get("value") + ")");
    }
    calls.set(calls.size() - 1, calls.get(calls.size() - 1) + ";");
    return calls;
  }

  private List<Map<String, Object>> secrets() {
    List<Map<String, Object>> out = new ArrayList<>();
    new TreeMap<>(manifest.descriptor().auth().queryParams()).forEach((param, env) -> out.add(Map.of(
        "name", literal(env), "value", literal(secretValue(env)))));
    return out;
  }

  private List<Map<String, Object>> authHeaders() {
    AuthSpec auth = manifest.descriptor().auth();
    String value = switch (auth.style()) {
      case BEARER, HEADER -> (auth.valuePrefix() == null ? "" : auth.valuePrefix()) + API_KEY;
      case BASIC -> "Basic " + Base64.getEncoder().encodeToString((API_KEY + ":").getBytes(StandardCharsets.UTF_8));
      // Without a kubeconfig, the runtime sends the API key as a bearer token (a service-account token).
      case KUBECONFIG -> "Bearer " + API_KEY;
      default -> null;
    };
    String header = auth.style() == dev.providerapi.descriptor.AuthStyle.KUBECONFIG ? "Authorization"
        : auth.headerName();
    if (value == null || header == null) {
      return List.of();
    }
    return List.of(Map.of("name", literal(header), "value", literal(value)));
  }

  // ---- error cases ----

  /** Errors are exercised on a read-only operation when there is one, so no retry policy muddles them. */
  private static Optional<OperationDef> errorTarget(List<OperationDef> ops) {
    return ops.stream().filter(o -> o.transport() instanceof OperationDef.Http h && h.method().equalsIgnoreCase("GET"))
        .findFirst()
        .or(() -> ops.stream().filter(OperationDef::idempotent).findFirst())
        .or(() -> ops.stream().findFirst());
  }

  private Map<String, Object> error(OperationDef op, ErrorCase c) {
    ErrorFormat format = manifest.descriptor().errorFormat();
    String message = "test message for HTTP " + c.status();
    String code = format.codePointer() == null ? null : codeFor(format, c);
    ErrorKind kind = kindOf(format, c, code, message);

    ObjectNode body = JsonNodeFactory.instance.objectNode();
    if (code != null) {
      put(body, format.codePointer(), code);
    }
    if (format.messagePointer() != null) {
      put(body, format.messagePointer(), message);
    }

    Map<String, Object> m = call(op);
    m.put("testName", "http" + c.status() + "Is" + exceptionClass(kind));
    m.put("status", c.status());
    m.put("body", literal(write(body)));
    m.put("exception", "dev.providerapi.errors." + exceptionClass(kind));
    m.put("providerCode", code == null ? null : literal(code));
    m.put("noProviderCode", code == null);
    m.put("providerMessage", format.messagePointer() == null ? null : literal(message));
    m.put("retryAfter", c.status() == 429);
    String requestIdHeader = format.requestIdHeader();
    m.put("requestIdHeader", requestIdHeader == null ? null : literal(requestIdHeader));
    m.put("requestId", literal("req-" + c.status()));
    if (op.body() != null) {
      m.put("bodySetup", bodySetup(op, emptyFor(op.body().type())));
      m.put("hasRequestBody", true);
      m.put("hasBodySetup", true);
    }
    return m;
  }

  /**
   * Errors in a 200 body ({@code okErrorPointer} that is present-and-not-empty, GraphQL's {@code errors[]}): one
   * case per declared rule, one no rule matches, and one that also carries data, which must not pass as success.
   */
  private List<Map<String, Object>> okErrors(OperationDef op) {
    ErrorFormat format = manifest.descriptor().errorFormat();
    if (format.okErrorPointer() == null || format.okErrorEquals() != null || format.messagePointer() == null) {
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>();
    int i = 0;
    for (ErrorRule r : format.rules()) {
      if (r.status() != null && r.status() != 200 || r.code() == null && r.messageContains() == null
          || r.code() != null && format.codePointer() == null) {
        continue;
      }
      String message = r.messageContains() != null ? "Error: " + r.messageContains() + " (test)" : "test message";
      out.add(okError(op, format, "okError" + ++i, r.code(), message, false));
    }
    out.add(okError(op, format, "okErrorMatchingNoRule", null, "test message matching no rule", false));
    out.add(okError(op, format, "okErrorWithPartialData", null, "test message matching no rule", true));
    return out;
  }

  private Map<String, Object> okError(OperationDef op, ErrorFormat format, String name, @Nullable String code,
      String message, boolean withData) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    if (withData && op.response() != null) {
      // The example's data when there is one: real-looking data next to errors[] must still fail the call.
      Fixture fixture = fixtures.get(op.id());
      JsonNode data = fixture != null && fixture.responseJson() != null
          ? unwrap(parse(fixture.responseJson(), op, "response"), op.responseEnvelope())
          : parse(emptyFor(op.response()), op, "response");
      JsonNode wrapped = wrap(data, op.responseEnvelope());
      wrapped.fields().forEachRemaining(e -> body.set(e.getKey(), e.getValue()));
    }
    // The error members go in last, so data never hides them.
    if (code != null) {
      put(body, format.codePointer(), code);
    }
    put(body, format.messagePointer(), message);
    if (body.at(format.okErrorPointer()).isMissingNode()) {
      put(body, format.okErrorPointer(), message);
    }
    // The data may itself carry a member where the code pointer looks (TensorDock's /status): the client
    // reads it as the code, and so must the test's expectation.
    if (code == null && format.codePointer() != null) {
      JsonNode found = body.at(format.codePointer());
      if (found.isValueNode() && !found.isNull()) {
        code = found.asText();
      }
    }
    ErrorKind kind = ErrorKind.INVALID_REQUEST;
    for (ErrorRule r : format.rules()) {
      if (r.matches(200, code, message)) {
        kind = r.kind();
        break;
      }
    }
    Map<String, Object> m = call(op);
    m.put("testName", name + "Is" + exceptionClass(kind));
    m.put("status", 200);
    m.put("body", literal(write(body)));
    m.put("exception", "dev.providerapi.errors." + exceptionClass(kind));
    m.put("providerCode", code == null ? null : literal(code));
    m.put("noProviderCode", code == null);
    m.put("providerMessage", literal(message));
    m.put("retryAfter", false);
    m.put("requestIdHeader", null);
    if (op.body() != null) {
      m.put("bodySetup", bodySetup(op, emptyFor(op.body().type())));
      m.put("hasRequestBody", true);
      m.put("hasBodySetup", true);
    }
    return m;
  }

  /** A provider code the rules map to the case's kind, else one that no rule matches. */
  private static String codeFor(ErrorFormat format, ErrorCase c) {
    for (ErrorRule r : format.rules()) {
      if (r.kind() == c.statusDefault() && r.code() != null && r.messageContains() == null
          && (r.status() == null || r.status() == c.status())) {
        return r.code();
      }
    }
    return "test/" + c.name();
  }

  private static ErrorKind kindOf(ErrorFormat format, ErrorCase c, @Nullable String code, String message) {
    for (ErrorRule r : format.rules()) {
      if (r.matches(c.status(), code, message)) {
        return r.kind();
      }
    }
    return c.statusDefault();
  }

  private static String exceptionClass(ErrorKind kind) {
    return switch (kind) {
      case AUTHENTICATION -> "AuthenticationException";
      case NOT_FOUND -> "NotFoundException";
      case CAPACITY_UNAVAILABLE -> "CapacityUnavailableException";
      case QUOTA_EXCEEDED -> "QuotaExceededException";
      case RATE_LIMITED -> "RateLimitedException";
      case INVALID_REQUEST -> "InvalidRequestException";
      case CONFLICT -> "ConflictException";
      case PROVIDER_UNAVAILABLE -> "ProviderUnavailableException";
      case UNEXPECTED_RESPONSE -> "UnexpectedResponseException";
    };
  }

  /** Sets {@code value} at JSON pointer {@code pointer}, creating objects (and arrays for numeric steps). */
  static void put(ObjectNode root, String pointer, String value) {
    String[] steps = pointer.substring(1).split("/");
    JsonNode node = root;
    for (int i = 0; i < steps.length; i++) {
      String step = steps[i].replace("~1", "/").replace("~0", "~");
      boolean last = i == steps.length - 1;
      boolean nextIsIndex = !last && steps[i + 1].matches("\\d+");
      if (node instanceof ObjectNode o) {
        if (last) {
          o.put(step, value);
        } else {
          node = o.has(step) ? o.get(step) : nextIsIndex ? o.putArray(step) : o.putObject(step);
        }
      } else {
        ArrayNode a = (ArrayNode) node;
        int index = Integer.parseInt(step);
        while (a.size() <= index) {
          if (last) {
            a.addNull();
          } else if (nextIsIndex) {
            a.addArray();
          } else {
            a.addObject();
          }
        }
        if (last) {
          a.set(index, value);
        } else {
          node = a.get(index);
        }
      }
    }
  }

  // ---- JSON helpers ----

  /**
   * A small JSON value of {@code type}: a record gets its first field (a union its first variant, tagged), an enum
   * its first value, a list and a map are empty.
   */
  private JsonNode sample(TypeRef type, int depth) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (type instanceof TypeRef.ListOf) {
      return f.arrayNode();
    }
    if (type instanceof TypeRef.MapOf) {
      return f.objectNode();
    }
    if (type instanceof TypeRef.Primitive p) {
      TypeMapper.Scalar scalar = TypeMapper.scalar(p.kind());
      String wire = scalar.wireOr("test");
      return switch (scalar.json()) {
        case NUMBER -> f.numberNode(new java.math.BigDecimal(wire));
        case BOOLEAN -> f.booleanNode(Boolean.parseBoolean(wire));
        case STRING -> f.textNode(wire);
      };
    }
    if (!(type instanceof TypeRef.Named n) || depth > 8) {
      return f.objectNode();
    }
    TypeDef def = model.type(n.name()).orElse(null);
    if (def instanceof EnumDef e) {
      return e.values().isEmpty() ? f.textNode("test") : f.textNode(e.values().get(0).wire());
    }
    if (def instanceof RecordDef r) {
      ObjectNode o = f.objectNode();
      if (!r.fields().isEmpty()) {
        FieldDef field = r.fields().get(0);
        o.set(field.jsonName(), sample(field.type(), depth + 1));
      } else {
        o.put("test", "test");
      }
      return o;
    }
    if (def instanceof UnionDef u && !u.variants().isEmpty()) {
      UnionDef.Variant v = u.variants().get(0);
      JsonNode variant = sample(v.type(), depth + 1);
      if (u.discriminator() != null && !v.tags().isEmpty() && variant instanceof ObjectNode o) {
        o.put(u.discriminator(), v.tags().get(0));
      }
      return variant;
    }
    return f.objectNode();
  }

  private static String emptyFor(TypeRef type) {
    return type instanceof TypeRef.ListOf ? "[]" : "{}";
  }

  /** The smallest JSON of {@code type}: empty for an object or list, a sample for a scalar or an enum. */
  private String smallest(TypeRef type) {
    return isValue(type) ? write(sample(type, 0)) : emptyFor(type);
  }

  /** True for a scalar or an enum: JSON that is neither an object nor an array ({@code {}} would not decode). */
  private boolean isValue(TypeRef type) {
    return type instanceof TypeRef.Primitive prim && prim.kind() != TypeRef.PrimitiveKind.ANY
        || type instanceof TypeRef.Named n && model.type(n.name()).orElse(null) instanceof EnumDef;
  }

  /** True when {@code json} (null: no example) parses, and its payload under {@code envelope} fits {@code type}. */
  private boolean fits(@Nullable String json, TypeRef type, @Nullable String envelope, OperationDef op,
      String side) {
    return json != null && fits(unwrap(parse(json, op, side), envelope), type, 0);
  }

  /**
   * True when {@code node} decodes as {@code type} and encodes back to the same JSON: each scalar of its JSON kind,
   * each record member declared (or the record open), each list item and map value fitting. Null fits anything.
   */
  private boolean fits(JsonNode node, TypeRef type, int depth) {
    if (node.isNull() || depth > 64) {
      return true;
    }
    if (type instanceof TypeRef.ListOf l) {
      if (!node.isArray()) {
        return false;
      }
      for (JsonNode item : node) {
        if (!fits(item, l.element(), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (type instanceof TypeRef.MapOf m) {
      if (!node.isObject()) {
        return false;
      }
      for (JsonNode value : node) {
        if (!fits(value, m.value(), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (type instanceof TypeRef.Primitive p) {
      return switch (p.kind()) {
        case ANY -> true;
        case INT32 -> node.isIntegralNumber() && node.canConvertToInt();
        case INT64 -> node.isIntegralNumber() && node.canConvertToLong();
        case DECIMAL, DOUBLE -> node.isNumber();
        case BOOLEAN -> node.isBoolean();
        case DATE -> node.isTextual() && parses(() -> java.time.LocalDate.parse(node.asText()));
        case DATE_TIME -> node.isTextual() && parses(() -> java.time.OffsetDateTime.parse(node.asText()));
        case BINARY -> node.isTextual() && parses(() -> Base64.getDecoder().decode(node.asText()));
        case STRING, UUID, URI -> node.isTextual();
      };
    }
    TypeDef def = model.type(((TypeRef.Named) type).name()).orElse(null);
    if (def instanceof EnumDef e) {
      return e.valueKind() == TypeRef.PrimitiveKind.STRING ? node.isTextual() : node.isValueNode();
    }
    if (def instanceof RecordDef r) {
      if (!node.isObject()) {
        return false;
      }
      Map<String, TypeRef> fields = new LinkedHashMap<>();
      r.fields().forEach(f -> fields.put(f.jsonName(), f.type()));
      var members = node.fields();
      while (members.hasNext()) {
        Map.Entry<String, JsonNode> member = members.next();
        TypeRef field = fields.get(member.getKey());
        TypeRef fieldType = field != null ? field : r.additionalProperties();
        if (fieldType == null || !fits(member.getValue(), fieldType, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (def instanceof UnionDef u) {
      return u.variants().stream().anyMatch(v -> fits(node, v.type(), depth + 1));
    }
    return true;
  }

  private static boolean parses(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The payload inside {@code envelope}: a member name, or a JSON pointer when it starts with {@code /}. */
  private static JsonNode wrap(JsonNode payload, @Nullable String envelope) {
    if (envelope == null) {
      return payload;
    }
    JsonNode inner = payload;
    List<String> steps = envelope.startsWith("/") ? List.of(envelope.substring(1).split("/")) : List.of(envelope);
    for (int i = steps.size() - 1; i >= 0; i--) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.set(steps.get(i).replace("~1", "/").replace("~0", "~"), inner);
      inner = o;
    }
    return inner;
  }

  private static JsonNode unwrap(JsonNode wire, @Nullable String envelope) {
    if (envelope == null || !wire.isObject()) {
      return wire;
    }
    if (envelope.startsWith("/")) {
      JsonNode inner = wire.at(envelope);
      return inner.isMissingNode() ? wire : inner;
    }
    return wire.has(envelope) ? wire.get(envelope) : wire;
  }

  private JsonNode parse(String json, OperationDef op, String side) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SpecException(Path.of(model.source()), "operation " + op.id(),
          "the " + side + " example is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private String compact(String json, OperationDef op, String side) {
    return write(parse(json, op, side));
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String literal(String s) {
    return JavaSource.literal(s);
  }
}
