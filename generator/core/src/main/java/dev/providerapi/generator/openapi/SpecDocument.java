package dev.providerapi.generator.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.inputs.SpecTrees;
import dev.providerapi.generator.model.AuthDef;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.DeserializationUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns a spec file into swagger-parser's {@link OpenAPI}, accepting what published specs are rather than only
 * what the parser takes:
 * <ul>
 *   <li>Swagger 2.0 is converted to OpenAPI 3.0 with swagger-parser's v2 converter;</li>
 *   <li>OpenAPI 3.2 is read as 3.1 (the parser knows no 3.2; what 3.2 adds, such as {@code query} operations, is
 *       left out, with a warning);</li>
 *   <li>YAML of any size (the parser's SnakeYAML stops at 3 MB code points; lifted here and for the files it
 *       loads itself);</li>
 *   <li>path items and operations that are {@code $ref}s into other files (OpenAPI has no operation {@code $ref},
 *       but specs split over thousands of files use it): they are inlined into the root, with every relative
 *       reference inside them rewritten to stay relative to the file it was written in.</li>
 * </ul>
 */
final class SpecDocument {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
      "trace");
  private static final Pattern REMOTE = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
  /** Errors listed in one message; the rest are counted. */
  static final int MAX_LISTED = 3;

  static {
    // External files the parser loads itself go through DeserializationUtils and its (static) options.
    DeserializationUtils.getOptions().setMaxYamlCodePoints(Integer.MAX_VALUE);
  }

  /** The parsed document, its auth (from the same tree) and what was accepted with a warning. */
  record Parsed(OpenAPI api, AuthDef auth, List<String> warnings) {}

  private final Path spec;
  private final Path root;
  private final List<String> warnings = new ArrayList<>();
  private final Map<Path, JsonNode> trees = new HashMap<>();
  private AuthDef auth = AuthDef.none();
  /** The root document as handed to swagger-parser, to find which $ref a parser message is about. */
  private @Nullable JsonNode handedToParser;

  private SpecDocument(Path spec) {
    this.spec = spec;
    this.root = spec.toAbsolutePath().normalize();
  }

  static Parsed parse(Path spec) {
    return new SpecDocument(spec).parse();
  }

  private Parsed parse() {
    JsonNode tree = SpecTrees.read(root);
    if (tree == null || !tree.isObject()) {
      throw new SpecException(spec, null, tree == null ? "empty file: not an OpenAPI document"
          : "not an OpenAPI document: the top level is " + tree.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
              + ", not a mapping with 'openapi', 'info' and 'paths'");
    }
    trees.put(root, tree);
    // From the tree as written, before anything below rewrites it: securityDefinitions survive only here.
    auth = SecuritySchemes.of(tree);
    ObjectNode doc = (ObjectNode) tree;
    JsonNode swagger = doc.get("swagger");
    JsonNode openapi = doc.get("openapi");
    if (swagger != null && openapi == null) {
      String v = swagger.asText();
      if (!v.startsWith("2.")) {
        throw new SpecException(spec, "swagger", "unsupported Swagger version '" + v + "'; supported: Swagger 2.0 "
            + "(converted to OpenAPI 3.0), OpenAPI 3.0, 3.1 and 3.2");
      }
      return convertSwagger2();
    }
    if (openapi == null) {
      throw new SpecException(spec, null, "not an OpenAPI document: no 'openapi' (or 'swagger') version at the top "
          + "level");
    }
    String version = openapi.asText();
    if (version.matches("3\\.2(\\..*)?")) {
      warnings.add(spec + " at openapi: OpenAPI " + version + " is read as 3.1 (swagger-parser knows no 3.2); what "
          + "3.2 adds (query and additionalOperations operations, $self, streaming media types) is left out");
      doc.put("openapi", "3.1.0");
    } else if (!version.matches("3\\.[01](\\..*)?")) {
      throw new SpecException(spec, "openapi", "unsupported OpenAPI version '" + version + "'; supported: 3.0, 3.1, 3.2"
          + " (read as 3.1) and Swagger 2.0 (converted)");
    }
    liftDefinitions(doc);
    inlineReferencedOperations(doc);
    String json;
    try {
      json = JSON.writeValueAsString(doc);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    SwaggerParseResult result;
    handedToParser = doc;
    try {
      result = new OpenAPIV3Parser().readContents(json, null, options(), root.toString());
    } catch (RuntimeException e) {
      throw new SpecException(spec, null, "cannot be parsed: " + e, e);
    }
    OpenAPI api = check(result);
    JsonNode servers = doc.get("servers");
    if (servers == null || !servers.isArray() || servers.isEmpty()) {
      // The parser makes up a server '/' for a document without one; the base URL must come from elsewhere.
      api.setServers(new ArrayList<>());
    }
    return new Parsed(api, auth, warnings);
  }

  private Parsed convertSwagger2() {
    SwaggerParseResult result;
    try {
      result = new SwaggerConverter().readLocation(root.toString(), null, options());
    } catch (RuntimeException e) {
      throw new SpecException(spec, null, "cannot convert this Swagger 2.0 document to OpenAPI 3: " + e, e);
    }
    if (result == null || result.getOpenAPI() == null) {
      List<String> messages = result == null || result.getMessages() == null ? List.of() : result.getMessages();
      throw new SpecException(spec, OpenApiReader.location(messages), "not a readable Swagger 2.0 document"
          + (messages.isEmpty() ? "" : ": " + listed(messages)));
    }
    warnings.add(spec + ": Swagger 2.0, converted to OpenAPI 3.0 with swagger-parser's v2 converter");
    return new Parsed(check(result), auth, warnings);
  }

  private static ParseOptions options() {
    ParseOptions options = new ParseOptions();
    // Resolve external files into components but keep named $refs as names: they become named Java types.
    options.setResolve(true);
    options.setResolveFully(false);
    options.setValidateExternalRefs(false);
    return options;
  }

  private OpenAPI check(SwaggerParseResult result) {
    List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
    OpenAPI api = result.getOpenAPI();
    if (api == null) {
      throw new SpecException(spec, OpenApiReader.location(messages), "not a readable OpenAPI document"
          + (messages.isEmpty() ? "" : ": " + listed(messages)));
    }
    List<String> fatal = messages.stream().filter(SpecDocument::isFatal).distinct().toList();
    Matcher unloadable = fatal.isEmpty() ? null : UNLOADABLE.matcher(fatal.get(0));
    if (unloadable != null && unloadable.find()) {
      // "Unable to load RELATIVE ref: ./x.yaml path: /dir": say which $ref, where, and what is wrong with the file.
      Path file = Path.of(unloadable.group(2)).resolve(unloadable.group(1)).normalize();
      String[] referrer = referrer(handedToParser, unloadable.group(1), "");
      String what = "$ref '" + (referrer == null ? unloadable.group(1) : referrer[1]) + "' names " + file
          + (java.nio.file.Files.isRegularFile(file) ? ", which cannot be read as JSON or YAML" : ", which does not exist");
      List<String> said = new ArrayList<>(List.of(what));
      said.addAll(fatal.subList(1, fatal.size()));
      throw new SpecException(spec, referrer == null ? OpenApiReader.location(fatal) : referrer[0], listed(said));
    }
    if (!fatal.isEmpty()) {
      Matcher first = DANGLING.matcher(fatal.get(0));
      String location = first.matches() ? first.group(1) : OpenApiReader.location(fatal);
      List<String> said = new ArrayList<>();
      for (int i = 0; i < fatal.size(); i++) {
        Matcher m = DANGLING.matcher(fatal.get(i));
        // "attribute <where>.#/components/schemas/X is missing" is a $ref to nothing at <where>.
        said.add(!m.matches() ? fatal.get(i) : (i == 0 ? "" : "at " + m.group(1) + ": ") + "$ref '" + m.group(2)
            + "' points to nothing");
      }
      throw new SpecException(spec, location, "invalid OpenAPI document: " + listed(said));
    }
    return api;
  }

  private static final Pattern UNLOADABLE = Pattern.compile("Unable to load (?:[A-Z]+ )?ref: (\\S+) path: (\\S+)");

  /**
   * The first {@code $ref} under {@code node} whose file part is {@code file} (with or without a leading
   * {@code ./}): {location, the $ref as written}, or null.
   */
  private static String @Nullable [] referrer(@Nullable JsonNode node, String file, String at) {
    if (node == null) {
      return null;
    }
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual()) {
        String part = ref.asText().contains("#") ? ref.asText().substring(0, ref.asText().indexOf('#')) : ref.asText();
        if (strip(part).equals(strip(file))) {
          return new String[] {at.isEmpty() ? "(root)" : at, ref.asText()};
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey().matches("[A-Za-z0-9_-]+") ? e.getKey() : "'" + e.getKey() + "'";
        boolean method = at.matches("paths\\.'[^']*'") && HTTP_METHODS.contains(e.getKey());
        String[] found = referrer(e.getValue(), file, at.isEmpty() ? key : method ? at + "(" + key + ")" : at + "." + key);
        if (found != null) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String[] found = referrer(node.get(i), file, at + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static final java.util.Set<String> HTTP_METHODS =
      java.util.Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private static String strip(String path) {
    return path.startsWith("./") ? path.substring(2) : path;
  }

  private static final Pattern DANGLING = Pattern.compile("attribute (.+)\\.(#/\\S+) is missing");

  /** The first {@value #MAX_LISTED} messages and how many more there are. */
  static String listed(List<String> messages) {
    List<String> distinct = messages.stream().distinct().toList();
    String shown = String.join("; ", distinct.subList(0, Math.min(MAX_LISTED, distinct.size())));
    return distinct.size() > MAX_LISTED ? shown + "; and " + (distinct.size() - MAX_LISTED) + " more" : shown;
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

  // ---- Swagger 2 leftovers in an OpenAPI 3 document -------------------------------------------------------------

  /**
   * {@code $ref: '#/definitions/Pet'} in an OpenAPI 3 document (a half-converted Swagger 2 spec): read as
   * {@code #/components/schemas/Pet}, and a top-level {@code definitions} as component schemas.
   */
  private void liftDefinitions(ObjectNode doc) {
    int[] rewritten = {0};
    rewriteDefinitionRefs(doc, false, rewritten);
    JsonNode definitions = doc.get("definitions");
    int lifted = 0;
    if (definitions != null && definitions.isObject() && !definitions.isEmpty()) {
      JsonNode components = doc.get("components");
      if (components == null || !components.isObject()) {
        components = doc.putObject("components");
      }
      JsonNode schemas = components.get("schemas");
      if (schemas == null || !schemas.isObject()) {
        schemas = ((ObjectNode) components).putObject("schemas");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = definitions.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!schemas.has(e.getKey())) {
          ((ObjectNode) schemas).set(e.getKey(), e.getValue());
          lifted++;
        }
      }
      doc.remove("definitions");
    }
    if (rewritten[0] > 0 || lifted > 0) {
      warnings.add(spec + ": Swagger 2 style " + (rewritten[0] > 0 ? rewritten[0] + " $ref(s) to '#/definitions/...'"
          : "") + (rewritten[0] > 0 && lifted > 0 ? " and " : "") + (lifted > 0 ? "top-level 'definitions' ("
          + lifted + ")" : "") + " in an OpenAPI 3 document, read as '#/components/schemas/...'");
    }
  }

  /** Rewrites {@code $ref}s and discriminator mapping values ({@code mapping} is true inside one). */
  private static void rewriteDefinitionRefs(JsonNode node, boolean mapping, int[] count) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        if ((mapping || e.getKey().equals("$ref")) && v.isTextual() && v.asText().startsWith("#/definitions/")) {
          e.setValue(TextNode.valueOf("#/components/schemas/" + v.asText().substring("#/definitions/".length())));
          count[0]++;
        } else if (!mapping) {
          rewriteDefinitionRefs(v, e.getKey().equals("mapping") && v.isObject() && object.has("propertyName"), count);
        }
      }
    } else if (node != null && node.isArray()) {
      node.forEach(child -> rewriteDefinitionRefs(child, false, count));
    }
  }

  // ---- path items and operations in other files -----------------------------------------------------------------

  /**
   * Inlines {@code paths./x.get: {$ref: ops/x.yaml}} (and a path item that is a {@code $ref} to a file holding
   * such operations). A path item {@code $ref} whose target has no operation {@code $ref}s is left to the parser.
   */
  private void inlineReferencedOperations(ObjectNode doc) {
    JsonNode paths = doc.get("paths");
    if (paths == null || !paths.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String pointer = Pointers.child("#/paths", e.getKey());
      JsonNode item = e.getValue();
      if (item == null || !item.isObject()) {
        continue;
      }
      String itemRef = ref(item);
      if (itemRef != null && itemRef.startsWith("#")) {
        refuseSchemaAsPathItem(itemRef, doc.at(itemRef.substring(1)), pointer);
      }
      if (itemRef != null && !itemRef.startsWith("#") && !REMOTE.matcher(itemRef).matches()) {
        Target t = target(itemRef, root, pointer, "path item");
        refuseSchemaAsPathItem(itemRef, t.node(), pointer);
        if (!(t.node() instanceof ObjectNode) || !hasOperationRef(t.node())) {
          continue;
        }
        // Rebased: from here on its operation $refs are relative to the root like any other.
        item = rebased(t.node(), t.file(), pointer);
        e.setValue(item);
      }
      ObjectNode itemObject = (ObjectNode) item;
      for (String method : METHODS) {
        JsonNode op = itemObject.get(method);
        String opRef = op == null ? null : ref(op);
        if (opRef == null) {
          continue;
        }
        String opPointer = pointer + "/" + method;
        if (opRef.startsWith("#")) {
          // A local operation $ref (#/x-operations/list): its refs are the root's already.
          JsonNode local = doc.at(opRef.substring(1));
          if (local.isMissingNode()) {
            throw new SpecException(spec, opPointer, "$ref '" + opRef + "' points to nothing in this file");
          }
          itemObject.set(method, local.deepCopy());
          continue;
        }
        if (REMOTE.matcher(opRef).matches()) {
          throw new SpecException(spec, opPointer, "operation $ref '" + opRef + "' is remote; only files next to the "
              + "spec can be read");
        }
        Target t = target(opRef, root, opPointer, "operation");
        if (!t.node().isObject() || t.node().has("$ref")) {
          throw new SpecException(spec, opPointer, "$ref '" + opRef + "' should point to an operation (a mapping with "
              + "responses), found " + (t.node().has("$ref") ? "another $ref" : t.node().getNodeType()));
        }
        itemObject.set(method, rebased(t.node(), t.file(), opPointer));
      }
    }
  }

  /** The keys a path item may have besides {@code x-} extensions and the HTTP methods. */
  private static final Set<String> PATH_ITEM_KEYS = Set.of("$ref", "summary", "description", "servers", "parameters");
  /** Keys only a schema has: a path item {@code $ref} to a node with one of them points to a schema. */
  private static final Set<String> SCHEMA_KEYS = Set.of("type", "properties", "items", "allOf", "oneOf", "anyOf",
      "enum", "additionalProperties", "required", "format", "nullable", "discriminator", "const", "not");

  /**
   * Refuses a path item {@code $ref} whose target is a schema ({@code paths./x: {$ref: '#/components/schemas/X'}}):
   * the parser would read it as a path item without operations and generate nothing for it, silently.
   */
  private void refuseSchemaAsPathItem(String itemRef, JsonNode target, String pointer) {
    if (!(target instanceof ObjectNode object)) {
      return;
    }
    boolean pathItemKeysOnly = true;
    boolean schemaKey = false;
    for (Iterator<String> keys = object.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!key.startsWith("x-") && !METHODS.contains(key) && !PATH_ITEM_KEYS.contains(key)) {
        pathItemKeysOnly = false;
      }
      schemaKey |= SCHEMA_KEYS.contains(key);
    }
    int hash = itemRef.indexOf('#');
    String fragment = hash < 0 ? "" : itemRef.substring(hash);
    boolean schemaPlace = fragment.startsWith("#/components/schemas/") || fragment.startsWith("#/definitions/");
    if (!pathItemKeysOnly && (schemaKey || schemaPlace)) {
      throw new SpecException(spec, pointer, "a $ref to a schema where a path item was expected ('" + itemRef
          + "'); a path item $ref points to a path item (#/components/pathItems/... or a file holding one)");
    }
  }

  private static boolean hasOperationRef(JsonNode item) {
    for (String method : METHODS) {
      JsonNode op = item.get(method);
      if (op != null && ref(op) != null) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String ref(JsonNode node) {
    JsonNode r = node.get("$ref");
    return r != null && r.isTextual() ? r.asText() : null;
  }

  private record Target(Path file, JsonNode node) {}

  /** What {@code ref} (relative to {@code from}) points to; errors name the referrer. */
  private Target target(String ref, Path from, String pointer, String what) {
    int hash = ref.indexOf('#');
    String location = hash < 0 ? ref : ref.substring(0, hash);
    String fragment = hash < 0 ? "" : ref.substring(hash + 1);
    Path file = location.isEmpty() ? from : from.getParent().resolve(decode(location)).normalize();
    String referrer = referrer(from, pointer);
    if (!Files.isRegularFile(file)) {
      throw new SpecException(spec, referrer, what + " $ref '" + ref + "': referenced file not found (looked for "
          + file + ")");
    }
    JsonNode tree = trees.computeIfAbsent(file, SpecTrees::read);
    JsonNode node = tree == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
        : fragment.isEmpty() ? tree : tree.at(fragment);
    if (node.isMissingNode()) {
      throw new SpecException(spec, referrer, what + " $ref '" + ref + "': " + (tree == null ? file + " is empty"
          : "'#" + fragment + "' is not in " + file));
    }
    return new Target(file, node);
  }

  /** Where an error is: the pointer in the root, or in the file that holds the referring $ref. */
  private String referrer(Path from, String pointer) {
    return from.equals(root) ? pointer : pointer + " (in " + root.getParent().relativize(from) + ")";
  }

  private static String decode(String location) {
    try {
      return java.net.URLDecoder.decode(location.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return location;
    }
  }

  /**
   * A copy of {@code node} (written in {@code file}) whose references mean the same from the root's folder: a local
   * {@code #/x} becomes {@code <file>#/x}, a relative file is re-relativized, remote ones stay.
   */
  private JsonNode rebased(JsonNode node, Path file, String pointer) {
    JsonNode copy = node.deepCopy();
    if (!file.equals(root)) {
      rebase(copy, file);
    }
    return copy;
  }

  private void rebase(JsonNode node, Path file) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        if (e.getKey().equals("$ref") && v.isTextual()) {
          e.setValue(TextNode.valueOf(rebase(v.asText(), file)));
        } else if (e.getKey().equals("mapping") && v.isObject() && object.has("propertyName")) {
          // discriminator.mapping values are references too
          for (Iterator<Map.Entry<String, JsonNode>> m = v.fields(); m.hasNext(); ) {
            Map.Entry<String, JsonNode> me = m.next();
            if (me.getValue().isTextual() && (me.getValue().asText().contains("#") || me.getValue().asText()
                .matches(".*\\.(ya?ml|json)"))) {
              me.setValue(TextNode.valueOf(rebase(me.getValue().asText(), file)));
            }
          }
        } else {
          rebase(v, file);
        }
      }
    } else if (node != null && node.isArray()) {
      node.forEach(child -> rebase(child, file));
    }
  }

  private String rebase(String ref, Path file) {
    if (REMOTE.matcher(ref).matches()) {
      return ref;
    }
    int hash = ref.indexOf('#');
    String location = hash < 0 ? ref : ref.substring(0, hash);
    String fragment = hash < 0 ? "" : ref.substring(hash);
    Path target = location.isEmpty() ? file : file.getParent().resolve(decode(location)).normalize();
    if (target.equals(root)) {
      return fragment.isEmpty() ? "#" : fragment;
    }
    return root.getParent().relativize(target).toString().replace('\\', '/') + fragment;
  }
}
