package dev.providerapi.generator.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.providerapi.errors.ErrorKind;
import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.manifest.Binding.ClientToken;
import dev.providerapi.generator.manifest.Binding.Errors;
import dev.providerapi.generator.manifest.Binding.IdTarget;
import dev.providerapi.generator.manifest.Binding.Pagination;
import dev.providerapi.generator.manifest.Binding.PaginationStyle;
import dev.providerapi.generator.manifest.Binding.TokenCarrier;
import dev.providerapi.generator.manifest.Binding.TokenLookup;
import dev.providerapi.lifecycle.TokenNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads one entry of provider.yaml's {@code operations}: the short form ({@code get: getInstance}) or the
 * long form (a map, see {@link Binding}). What the spec must confirm (operation ids, parameter names,
 * pointers) is checked later by {@link OperationBindings}; here only the shape, with the key path in every
 * complaint.
 */
final class BindingReader {
  /** Roles whose long form drives generated behaviour, and the keys each takes. */
  static final Map<String, List<String>> ROLE_KEYS = Map.of(
      "get", List.of("operationId", "id", "args", "instance", "notFound", "absentIsNotFound", "idempotent"),
      "list", List.of("operationId", "args", "items", "pagination", "idempotent"),
      "launch", List.of("operationId", "args", "id", "status", "clientToken", "nameTaken", "idempotent"),
      "terminate", List.of("operationId", "id", "args", "body", "alreadyGone", "confirmGone", "idempotent"),
      "stop", List.of("operationId", "id", "args", "body", "instance", "status", "idempotent"),
      "start", List.of("operationId", "id", "args", "body", "instance", "status", "idempotent"),
      "restart", List.of("operationId", "id", "args", "body", "instance", "status", "idempotent"));
  static final List<String> OTHER_KEYS = List.of("operationId", "idempotent");

  private final Path file;

  BindingReader(Path file) {
    this.file = file;
  }

  Binding read(String role, JsonNode node) {
    String path = "operations." + role;
    if (node.isValueNode()) {
      return Binding.shortForm(role, text(node, path));
    }
    ObjectNode o = object(node, path);
    List<String> allowed = ROLE_KEYS.getOrDefault(role, OTHER_KEYS);
    keys(o, path, allowed);
    String operationId = text(required(o, path, "operationId"), path + ".operationId");
    Boolean idempotent = null;
    if (o.has("idempotent")) {
      JsonNode i = o.get("idempotent");
      if (!i.isBoolean()) {
        throw fail(path + ".idempotent", "expected true or false, found " + describe(i));
      }
      idempotent = i.asBoolean();
    }
    IdTarget id = null;
    String idPointer = null;
    if (o.has("id")) {
      if (role.equals("launch")) {
        idPointer = pointer(o.get("id"), path + ".id");
      } else {
        id = idTarget(o.get("id"), path + ".id");
      }
    }
    Map<String, Object> args = new LinkedHashMap<>();
    if (o.has("args")) {
      ObjectNode a = object(o.get("args"), path + ".args");
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        if (!v.isValueNode() || v.isNull()) {
          throw fail(path + ".args." + e.getKey(), "expected a text, number or true/false, found " + describe(v));
        }
        args.put(e.getKey(), v.isBoolean() ? (Object) v.asBoolean() : v.isIntegralNumber() ? (Object) v.asLong()
            : v.asText());
      }
    }
    String body = null;
    if (o.has("body")) {
      body = object(o.get("body"), path + ".body").toString();
    }
    return new Binding(role, operationId, true, id, args, body, pagination(o.get("pagination"), path + ".pagination"),
        o.has("instance") ? pointer(o.get("instance"), path + ".instance") : null,
        o.has("items") ? pointer(o.get("items"), path + ".items") : null,
        idPointer,
        o.has("clientToken") ? clientToken(o.get("clientToken"), path + ".clientToken") : null,
        o.has("notFound") ? errors(o.get("notFound"), path + ".notFound") : role.equals("get") ? Errors.NOT_FOUND
            : Errors.NONE,
        o.has("alreadyGone") ? errors(o.get("alreadyGone"), path + ".alreadyGone")
            : role.equals("terminate") ? Errors.NOT_FOUND : Errors.NONE,
        o.has("confirmGone") ? errors(o.get("confirmGone"), path + ".confirmGone") : Errors.NONE,
        idempotent, o.has("status") ? pointer(o.get("status"), path + ".status") : null,
        flag(o, path, "absentIsNotFound"), nameTaken(o, path));
  }

  private boolean flag(ObjectNode o, String path, String key) {
    JsonNode v = o.get(key);
    if (v != null && !v.isBoolean()) {
      throw fail(path + "." + key, "expected true or false, found " + describe(v));
    }
    return v != null && v.asBoolean();
  }

  private IdTarget idTarget(JsonNode node, String path) {
    ObjectNode o = object(node, path);
    keys(o, path, List.of("param", "body"));
    if (o.has("param") == o.has("body")) {
      throw fail(path, "say where the instance id goes with exactly one of param: <parameter name> or "
          + "body: <JSON pointer into the request body>");
    }
    return o.has("param") ? new IdTarget(text(o.get("param"), path + ".param"), null)
        : new IdTarget(null, pointer(o.get("body"), path + ".body"));
  }

  private Pagination pagination(@Nullable JsonNode node, String path) {
    if (node == null) {
      return Pagination.NONE;
    }
    if (node.isValueNode()) {
      PaginationStyle style = style(node, path);
      if (style != PaginationStyle.NONE) {
        throw fail(path, "pagination style '" + node.asText() + "' needs a map naming its parameters, e.g. "
            + "{style: cursor, cursorParam: after, next: /next_page}");
      }
      return Pagination.NONE;
    }
    ObjectNode o = object(node, path);
    PaginationStyle style = style(required(o, path, "style"), path + ".style");
    switch (style) {
      case NONE -> keys(o, path, List.of("style"));
      case CURSOR -> keys(o, path, List.of("style", "cursorParam", "next", "hasMore", "sizeParam", "size"));
      case PAGE -> keys(o, path, List.of("style", "pageParam", "sizeParam", "size", "first"));
      case OFFSET -> keys(o, path, List.of("style", "offsetParam", "sizeParam", "size"));
    }
    String sizeParam = o.has("sizeParam") ? text(o.get("sizeParam"), path + ".sizeParam") : null;
    int size = 0;
    if (o.has("size")) {
      JsonNode s = o.get("size");
      if (!s.isIntegralNumber() || s.asInt() < 1) {
        throw fail(path + ".size", "expected a positive whole number (the page size sent), found " + describe(s));
      }
      size = s.asInt();
    }
    if (sizeParam != null && size == 0 || sizeParam == null && size != 0) {
      throw fail(path, "sizeParam and size go together: the parameter and the page size it is sent");
    }
    return switch (style) {
      case NONE -> Pagination.NONE;
      case CURSOR -> new Pagination(style, text(required(o, path, "cursorParam"), path + ".cursorParam"),
          pointer(required(o, path, "next"), path + ".next"),
          o.has("hasMore") ? pointer(o.get("hasMore"), path + ".hasMore") : null, null, sizeParam, size, 0);
      case PAGE, OFFSET -> {
        String key = style == PaginationStyle.PAGE ? "pageParam" : "offsetParam";
        if (sizeParam == null) {
          throw fail(path, style.name().toLowerCase(Locale.ROOT) + " pagination needs sizeParam and size: a page"
              + " shorter than size is the last");
        }
        int first = o.has("first") ? o.get("first").asInt() : style == PaginationStyle.PAGE ? 1 : 0;
        yield new Pagination(style, null, null, null, text(required(o, path, key), path + "." + key), sizeParam,
            size, first);
      }
    };
  }

  private PaginationStyle style(JsonNode node, String path) {
    String raw = text(node, path);
    if (raw.equalsIgnoreCase("link")) {
      throw fail(path, "pagination style 'link' (RFC 8288 Link headers) is not supported: the generated client "
          + "returns bodies, not headers; allowed: none, cursor, page, offset");
    }
    return enumValue(PaginationStyle.class, node, path, "pagination style");
  }

  private ClientToken clientToken(JsonNode node, String path) {
    ObjectNode o = object(node, path);
    keys(o, path, List.of("in", "key", "lookup", "filterParam", "filterValue", "format", "nameSuffix", "skipGone",
        "kubernetesName"));
    TokenCarrier carrier = enumValue(TokenCarrier.class, required(o, path, "in"), path + ".in", "token carrier");
    String key = o.has("key") ? text(o.get("key"), path + ".key") : null;
    if (carrier != TokenCarrier.NAME && key == null) {
      throw fail(path, "a token carried in a " + carrier.name().toLowerCase(Locale.ROOT) + " needs key: the "
          + carrier.name().toLowerCase(Locale.ROOT) + " name it travels under");
    }
    TokenLookup lookup = o.has("lookup") ? enumValue(TokenLookup.class, o.get("lookup"), path + ".lookup",
        "token lookup") : TokenLookup.LIST;
    String filterParam = o.has("filterParam") ? text(o.get("filterParam"), path + ".filterParam") : null;
    String filterValue = o.has("filterValue") ? text(o.get("filterValue"), path + ".filterValue") : null;
    if (lookup == TokenLookup.FILTER && (filterParam == null || filterValue == null
        || !filterValue.contains("{token}"))) {
      throw fail(path, "lookup: filter needs filterParam (the list parameter that filters) and filterValue (what it"
          + " is sent, with {token} where the token goes)");
    }
    JsonNode skip = o.get("skipGone");
    if (skip != null && !skip.isBoolean()) {
      throw fail(path + ".skipGone", "expected true or false, found " + describe(skip));
    }
    String kubernetesName = o.has("kubernetesName") ? text(o.get("kubernetesName"), path + ".kubernetesName") : null;
    if (kubernetesName != null && (lookup != TokenLookup.GET || !kubernetesName.matches("[a-z][a-z0-9-]*"))) {
      throw fail(path + ".kubernetesName", "goes with lookup: get (the id derived from the token is what is read)"
          + " and is the prefix a name takes when the token does not start with a letter: lower-case letters,"
          + " digits and '-', starting with a letter (vs-)");
    }
    return new ClientToken(carrier, key, lookup, filterParam, filterValue, format(o, path, carrier),
        skip != null && skip.asBoolean(), kubernetesName);
  }

  /** clientToken's {@code format} (or {@code nameSuffix: X}, read as {@code {name}X{token}}): name carrier only. */
  private @Nullable String format(ObjectNode o, String path, TokenCarrier carrier) {
    for (String k : List.of("format", "nameSuffix")) {
      if (o.has(k) && carrier != TokenCarrier.NAME) {
        throw fail(path + "." + k, "goes with in: name only (how the instance name carries the token)");
      }
    }
    if (o.has("format") && o.has("nameSuffix")) {
      throw fail(path + ".nameSuffix", "give format or nameSuffix, not both (nameSuffix: X is format:"
          + " '{name}X{token}')");
    }
    if (carrier != TokenCarrier.NAME) {
      return null;
    }
    String key = o.has("format") ? "format" : "nameSuffix";
    String format = !o.has(key) ? "{token}" : key.equals("format") ? text(o.get(key), path + ".format")
        : "{name}" + o.get(key).asText() + "{token}";
    try {
      TokenNames.of(format);
    } catch (IllegalArgumentException e) {
      throw fail(path + "." + key, e.getMessage());
    }
    return format;
  }

  /** launch's {@code nameTaken}: only with a {@code clientToken}, whose lookup finds the instance of that name. */
  private Errors nameTaken(ObjectNode o, String path) {
    if (!o.has("nameTaken")) {
      return Errors.NONE;
    }
    if (!o.has("clientToken")) {
      throw fail(path + ".nameTaken", "needs clientToken: the instance name derives from the token, and the token's"
          + " lookup is what finds the instance of the taken name");
    }
    Errors taken = errors(o.get("nameTaken"), path + ".nameTaken");
    if (taken.isEmpty()) {
      throw fail(path + ".nameTaken", "is empty; expected the error kinds or provider codes (AlreadyExists) that"
          + " mean the name is taken");
    }
    return taken;
  }

  private Errors errors(JsonNode node, String path) {
    if (!node.isArray()) {
      throw fail(path, "expected a list of error kinds (" + kinds() + ") or provider error codes, found "
          + describe(node));
    }
    List<ErrorKind> kinds = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String raw = text(node.get(i), path + "[" + i + "]");
      ErrorKind kind = Arrays.stream(ErrorKind.values()).filter(k -> k.name().equals(raw)).findFirst().orElse(null);
      if (kind != null) {
        kinds.add(kind);
      } else if (raw.equals(raw.toUpperCase(Locale.ROOT)) && raw.matches("[A-Z_]+")) {
        throw fail(path + "[" + i + "]", "unknown error kind '" + raw + "'; allowed: " + kinds()
            + ", or a provider error code");
      } else {
        codes.add(raw);
      }
    }
    return new Errors(kinds, codes);
  }

  private static String kinds() {
    return Arrays.stream(ErrorKind.values()).map(Enum::name).collect(Collectors.joining(", "));
  }

  // ---- tree helpers ----

  private String pointer(JsonNode node, String path) {
    String p = text(node, path);
    if (!p.startsWith("/")) {
      throw fail(path, "invalid JSON pointer '" + p + "'; it must start with '/' (/ alone: the whole response)");
    }
    return p;
  }

  private SpecException fail(String path, String problem) {
    return new SpecException(file, path, problem);
  }

  private ObjectNode object(JsonNode node, String path) {
    if (!(node instanceof ObjectNode o)) {
      throw fail(path, "expected a map, found " + describe(node));
    }
    return o;
  }

  private void keys(ObjectNode node, String path, List<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw fail(path + "." + key, "unknown key '" + key + "'; allowed keys under " + path + ": "
            + String.join(", ", allowed));
      }
    }
  }

  private JsonNode required(ObjectNode node, String path, String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      throw fail(path, "missing required key '" + key + "'");
    }
    return v;
  }

  private String text(JsonNode node, String path) {
    if (!node.isValueNode() || node.isNull() || node.asText().isBlank()) {
      throw fail(path, "expected a text value, found " + describe(node));
    }
    return node.asText();
  }

  private <E extends Enum<E>> E enumValue(Class<E> type, JsonNode node, String path, String what) {
    String raw = text(node, path);
    for (E c : type.getEnumConstants()) {
      if (c.name().equalsIgnoreCase(raw.trim())) {
        return c;
      }
    }
    throw fail(path, "unknown " + what + " '" + raw + "'; allowed: " + Arrays.stream(type.getEnumConstants())
        .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
  }

  private static String describe(JsonNode node) {
    if (node.isObject()) {
      return "a map";
    }
    if (node.isArray()) {
      return "a list";
    }
    return node.isNull() ? "nothing (null)" : "'" + node.asText() + "'";
  }
}
