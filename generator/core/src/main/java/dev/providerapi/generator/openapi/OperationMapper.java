package dev.providerapi.generator.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.model.BodyDef;
import dev.providerapi.generator.model.JavaNames;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.model.ParamDef;
import dev.providerapi.generator.model.TypeRef;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Maps each path operation to an {@link OperationDef}: parameters, body, success response and examples. */
final class OperationMapper {
  private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
  /** Methods whose request carries no content: a declared requestBody is dropped with a warning. */
  private static final Set<String> BODILESS_METHODS = Set.of("GET", "HEAD");
  private static final List<String> BODY_PREFERENCE = List.of("application/json",
      "application/x-www-form-urlencoded", "multipart/form-data");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final OpenAPI api;
  private final SchemaMapper schemas;
  private final @Nullable String envelope;
  private final UniqueNames methodNames = new UniqueNames();
  private final List<String> warnings = new ArrayList<>();

  OperationMapper(Path file, OpenAPI api, SchemaMapper schemas, @Nullable String envelope) {
    this.file = file;
    this.api = api;
    this.schemas = schemas;
    this.envelope = envelope;
  }

  List<OperationDef> map() {
    record Found(String id, String path, PathItem.HttpMethod method, PathItem item, Operation op) {}
    List<Found> found = new ArrayList<>();
    // Ids in use, case-insensitively (they become method names and fixture file names), -> where first used.
    Map<String, String> ids = new TreeMap<>();
    if (api.getPaths() != null) {
      List<Found> derived = new ArrayList<>();
      for (Map.Entry<String, PathItem> p : new TreeMap<>(api.getPaths()).entrySet()) {
        if (p.getValue() == null) {
          continue;
        }
        for (Map.Entry<PathItem.HttpMethod, Operation> o : p.getValue().readOperationsMap().entrySet()) {
          String declared = o.getValue().getOperationId();
          if (declared == null || declared.isBlank()) {
            // Named after method and path, once every declared id is known, so a declared id always keeps its name.
            derived.add(new Found("", p.getKey(), o.getKey(), p.getValue(), o.getValue()));
            continue;
          }
          String method = o.getKey().name().toLowerCase(Locale.ROOT);
          String pointer = Pointers.operation(p.getKey(), method);
          String first = ids.get(key(declared));
          String id = declared;
          if (first != null) {
            // Published specs do this (RunPod REST v1 has the same id on a PATCH and on a POST .../update): the
            // first in path and method order keeps the id, the others get the method, then a number, appended.
            id = unique(declared + "_" + method, ids);
            warnings.add(file + " at " + pointer + ": operationId '" + declared + "' is also used at " + first
                + "; this " + o.getKey().name() + " " + p.getKey() + " is generated as '" + id + "'");
          }
          ids.put(key(id), pointer);
          found.add(new Found(id, p.getKey(), o.getKey(), p.getValue(), o.getValue()));
        }
      }
      for (Found f : derived) {
        String id = unique(derivedId(f.method().name(), f.path()), ids);
        ids.put(key(id), Pointers.operation(f.path(), f.method().name().toLowerCase(Locale.ROOT)));
        found.add(new Found(id, f.path(), f.method(), f.item(), f.op()));
      }
    }
    found.sort(java.util.Comparator.comparing(Found::id));
    // An id that already is a Java name keeps it; ids that only become it after conversion get the suffix.
    Map<String, String> javaNames = new TreeMap<>();
    for (Found f : found) {
      if (JavaNames.lowerCamel(f.id()).equals(f.id())) {
        javaNames.put(f.id(), methodNames.claim(f.id()));
      }
    }
    for (Found f : found) {
      javaNames.computeIfAbsent(f.id(), id -> methodNames.claim(JavaNames.lowerCamel(id)));
    }
    List<OperationDef> out = new ArrayList<>();
    for (Found f : found) {
      out.add(operation(f.id(), javaNames.get(f.id()), f.path(), f.method().name(), f.item(), f.op()));
    }
    return out;
  }

  /** What {@link #map} accepted but renamed, one line each. */
  List<String> warnings() {
    return List.copyOf(warnings);
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  /** {@code candidate}, or with the lowest number from 2 appended that makes it unused. */
  private static String unique(String candidate, Map<String, String> ids) {
    String id = candidate;
    for (int i = 2; ids.containsKey(key(id)); i++) {
      id = candidate + i;
    }
    return id;
  }

  private OperationDef operation(String id, String javaName, String path, String method, PathItem item,
      Operation op) {
    String pointer = Pointers.operation(path, method.toLowerCase(Locale.ROOT));
    String typeBase = JavaNames.upperCamel(id);
    List<ParamDef> params = params(item, op, pointer, typeBase);
    boolean bodiless = BODILESS_METHODS.contains(method);
    if (bodiless && op.getRequestBody() != null) {
      // OpenAPI 3.0 says a requestBody where HTTP defines no body semantics SHALL be ignored; servers (and
      // MockWebServer) refuse a GET or HEAD that carries one (Stripe declares empty form bodies on its GETs).
      warnings.add(file + " at " + pointer + "/requestBody: a " + method + " sends no body; the declared "
          + "requestBody is left out");
    }
    BodyDef body = bodiless ? null : body(op.getRequestBody(), pointer, typeBase);

    TypeRef response = null;
    String unwrapped = null;
    int successStatus = 0;
    MediaType successMedia = null;
    if (op.getResponses() != null) {
      for (Map.Entry<String, ApiResponse> r : new TreeMap<>(op.getResponses()).entrySet()) {
        Integer status = status(r.getKey());
        if (status == null || status < 200 || status > 299) {
          continue;
        }
        if (successStatus == 0) {
          successStatus = status;
        }
        ApiResponse resolved = resolveResponse(r.getValue());
        MediaType media = preferred(resolved == null ? null : resolved.getContent());
        // A response to HEAD has no content (RFC 9110 9.3.2), whatever schema the GET beside it shares.
        if (media != null && status != 204 && !"HEAD".equals(method)) {
          successStatus = status;
          successMedia = media;
          String rp = Pointers.child(pointer + "/responses", r.getKey());
          Schema<?> schema = media.getSchema();
          Schema<?> target = schemas.deref(schema);
          Schema<?> member = envelope == null || target == null ? null : envelopeMember(target);
          if (member != null) {
            unwrapped = envelope;
            response = schemas.typeRef(member, typeBase + "Response", rp + "/content/properties/" + envelope);
          } else {
            response = schemas.typeRef(schema, typeBase + "Response", rp + "/content/schema");
          }
          break;
        }
      }
    }
    boolean idempotent = IDEMPOTENT_METHODS.contains(method);
    Object flag = op.getExtensions() == null ? null : op.getExtensions().get("x-idempotent");
    if (flag instanceof Boolean b) {
      idempotent = b;
    } else if (flag != null) {
      throw new SpecException(file, pointer + "/x-idempotent", "must be true or false, found '" + flag + "'");
    }
    List<OperationDef.Example> examples = examples(body == null ? null : preferred(
        resolveBody(op.getRequestBody()).getContent()), successMedia, successStatus == 0 ? 200 : successStatus);
    return new OperationDef(id, javaName, op.getSummary(), op.getDescription(),
        new OperationDef.Http(method, path), params, body, response, unwrapped,
        successStatus == 0 ? 200 : successStatus, idempotent, Boolean.TRUE.equals(op.getDeprecated()), examples);
  }

  private @Nullable Schema<?> envelopeMember(Schema<?> target) {
    if (target.getProperties() != null && target.getProperties().containsKey(envelope)) {
      return target.getProperties().get(envelope);
    }
    if (target.getAllOf() != null) {
      for (Schema<?> part : target.getAllOf()) {
        Schema<?> p = schemas.deref(part);
        Schema<?> m = p == null ? null : envelopeMember(p);
        if (m != null) {
          return m;
        }
      }
    }
    return null;
  }

  private List<ParamDef> params(PathItem item, Operation op, String pointer, String typeBase) {
    Map<String, Parameter> byKey = new LinkedHashMap<>();
    List<Parameter> all = new ArrayList<>();
    if (item.getParameters() != null) {
      all.addAll(item.getParameters());
    }
    if (op.getParameters() != null) {
      all.addAll(op.getParameters());
    }
    for (int i = 0; i < all.size(); i++) {
      Parameter p = resolveParam(all.get(i), pointer + "/parameters/" + i);
      if (p.getIn() == null || "cookie".equals(p.getIn())) {
        continue;
      }
      // "If in is header and the name is Accept, Content-Type or Authorization, the parameter definition SHALL
      // be ignored" (OpenAPI 3.0/3.1): auth comes from provider.yaml, the media types from the body.
      if ("header".equals(p.getIn()) && p.getName() != null
          && java.util.Set.of("accept", "content-type", "authorization").contains(p.getName().toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      // An operation's parameter replaces the path item's one of the same name and location.
      byKey.put(p.getIn() + ":" + p.getName(), p);
    }
    UniqueNames names = new UniqueNames("body");
    List<ParamDef> out = new ArrayList<>();
    int i = 0;
    for (Parameter p : byKey.values()) {
      ParamDef.Location location = switch (p.getIn()) {
        case "path" -> ParamDef.Location.PATH;
        case "query" -> ParamDef.Location.QUERY;
        case "header" -> ParamDef.Location.HEADER;
        default -> throw new SpecException(file, pointer, "parameter '" + p.getName() + "' has unknown location '"
            + p.getIn() + "' (path, query, header or cookie)");
      };
      Schema<?> schema = p.getSchema();
      if (schema == null && p.getContent() != null) {
        MediaType m = preferred(p.getContent());
        schema = m == null ? null : m.getSchema();
      }
      TypeRef type = schemas.typeRef(schema, typeBase + JavaNames.upperCamel(p.getName()),
          pointer + "/parameters/" + i++, JavaNames.upperCamel(p.getName()));
      boolean required = location == ParamDef.Location.PATH || Boolean.TRUE.equals(p.getRequired());
      out.add(new ParamDef(p.getName(), names.claim(JavaNames.lowerCamel(p.getName())), location, type, required,
          p.getDescription()));
    }
    return out;
  }

  private @Nullable BodyDef body(@Nullable RequestBody raw, String pointer, String typeBase) {
    if (raw == null) {
      return null;
    }
    RequestBody body = resolveBody(raw);
    if (body.getContent() == null || body.getContent().isEmpty()) {
      return null;
    }
    String contentType = preferredType(body.getContent());
    MediaType media = body.getContent().get(contentType);
    TypeRef type = "application/octet-stream".equals(contentType) && media.getSchema() == null
        ? new TypeRef.Primitive(TypeRef.PrimitiveKind.BINARY)
        : schemas.typeRef(media.getSchema(), typeBase + "Request", pointer + "/requestBody/content/"
            + contentType.replace("/", "~1") + "/schema");
    return new BodyDef(contentType, type, Boolean.TRUE.equals(body.getRequired()));
  }

  private List<OperationDef.Example> examples(@Nullable MediaType request, @Nullable MediaType response,
      int status) {
    Map<String, String> requests = exampleJson(request);
    Map<String, String> responses = exampleJson(response);
    Set<String> names = new TreeSet<>(requests.keySet());
    names.addAll(responses.keySet());
    List<OperationDef.Example> out = new ArrayList<>();
    for (String name : names) {
      String req = requests.containsKey(name) ? requests.get(name)
          : requests.size() == 1 ? requests.values().iterator().next() : null;
      String resp = responses.containsKey(name) ? responses.get(name)
          : responses.size() == 1 ? responses.values().iterator().next() : null;
      out.add(new OperationDef.Example(name, req, resp, status));
    }
    return out;
  }

  private Map<String, String> exampleJson(@Nullable MediaType media) {
    Map<String, String> out = new TreeMap<>();
    if (media == null) {
      return out;
    }
    if (media.getExamples() != null) {
      media.getExamples().forEach((name, ex) -> {
        Example resolved = resolveExample(ex);
        if (resolved != null && resolved.getValue() != null) {
          out.put(name, json(resolved.getValue()));
        }
      });
    }
    if (out.isEmpty() && media.getExample() != null) {
      out.put("default", json(media.getExample()));
    }
    return out;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  private static @Nullable MediaType preferred(@Nullable Content content) {
    if (content == null || content.isEmpty()) {
      return null;
    }
    return content.get(preferredType(content));
  }

  private static String preferredType(Content content) {
    for (String type : BODY_PREFERENCE) {
      if (content.containsKey(type)) {
        return type;
      }
    }
    for (String type : content.keySet()) {
      if (type.endsWith("+json") || type.startsWith("application/json")) {
        return type;
      }
    }
    return new TreeSet<>(content.keySet()).first();
  }

  private static @Nullable Integer status(String code) {
    if (code.equalsIgnoreCase("2XX")) {
      return 200;
    }
    try {
      return Integer.parseInt(code);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private Parameter resolveParam(Parameter p, String pointer) {
    Parameter current = p;
    for (int hops = 0; current.get$ref() != null; hops++) {
      String ref = current.get$ref();
      Components c = api.getComponents();
      String key = ref.substring(ref.lastIndexOf('/') + 1);
      Parameter next = c == null || c.getParameters() == null ? null : c.getParameters().get(key);
      if (next == null || hops > 10) {
        throw new SpecException(file, pointer, "$ref '" + ref + "' points to no parameter in #/components/parameters");
      }
      current = next;
    }
    return current;
  }

  private RequestBody resolveBody(RequestBody b) {
    RequestBody current = b;
    for (int hops = 0; current.get$ref() != null && hops < 10; hops++) {
      String ref = current.get$ref();
      Components c = api.getComponents();
      RequestBody next = c == null || c.getRequestBodies() == null ? null
          : c.getRequestBodies().get(ref.substring(ref.lastIndexOf('/') + 1));
      if (next == null) {
        throw new SpecException(file, ref, "$ref points to no request body in #/components/requestBodies");
      }
      current = next;
    }
    return current;
  }

  private @Nullable ApiResponse resolveResponse(@Nullable ApiResponse r) {
    ApiResponse current = r;
    for (int hops = 0; current != null && current.get$ref() != null && hops < 10; hops++) {
      String ref = current.get$ref();
      Components c = api.getComponents();
      ApiResponse next = c == null || c.getResponses() == null ? null
          : c.getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
      if (next == null) {
        throw new SpecException(file, ref, "$ref points to no response in #/components/responses");
      }
      current = next;
    }
    return current;
  }

  private @Nullable Example resolveExample(Example e) {
    Example current = e;
    for (int hops = 0; current != null && current.get$ref() != null && hops < 10; hops++) {
      String ref = current.get$ref();
      Components c = api.getComponents();
      current = c == null || c.getExamples() == null ? null
          : c.getExamples().get(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return current;
  }

  /** {@code GET /instances/{id}/ssh-keys} -> {@code getInstancesByIdSshKeys}. */
  static String derivedId(String method, String path) {
    StringBuilder out = new StringBuilder(method.toLowerCase(Locale.ROOT));
    for (String segment : path.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.startsWith("{") && segment.endsWith("}")) {
        out.append("By").append(JavaNames.upperCamel(segment.substring(1, segment.length() - 1)));
      } else {
        out.append(JavaNames.upperCamel(segment));
      }
    }
    return out.toString();
  }
}
