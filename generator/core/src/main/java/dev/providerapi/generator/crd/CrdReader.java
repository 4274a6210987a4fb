package dev.providerapi.generator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.AuthDef;
import dev.providerapi.generator.model.BodyDef;
import dev.providerapi.generator.model.FieldDef;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.model.ParamDef;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypeRef;
import dev.providerapi.generator.model.TypeRef.PrimitiveKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Kubernetes {@code CustomResourceDefinition} ({@code apiextensions.k8s.io/v1}) into the {@link ApiModel}:
 * the resource and its list as records (spec and status typed from the {@code openAPIV3Schema}, metadata as the
 * usual ObjectMeta subset), and the REST verbs of the resource as plain HTTP operations on the API server
 * (create, get, list with {@code limit}/{@code continue}, delete). The generated client then goes through the
 * same runtime chain as every other provider. Its {@link ApiModel#auth()} is the kubeconfig's.
 *
 * <p>Calls the CRD itself cannot describe (another API group's subresources, such as KubeVirt's
 * {@code start}/{@code stop}) are declared in the CRD's own metadata, in the annotation {@value #ACTIONS}: a
 * YAML list of {@code {id, method, path, summary}}; their path parameters are strings. Annotations are free text
 * to the API server, so the file stays a valid CRD.
 */
public final class CrdReader {
  /** The annotation that declares the calls the CRD itself cannot describe. */
  public static final String ACTIONS = "provider-api.dev/actions";
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** A reader of VirtualServer-style CRDs; it holds no state between reads. */
  public CrdReader() {}

  /**
   * Reads the CRD in {@code spec}.
   *
   * @param spec the CRD's YAML file
   * @param responseEnvelope ignored: the API server wraps no answer
   * @return the resource's model
   * @throws SpecException when the file is missing or is not a CRD this reader understands
   */
  public ApiModel read(Path spec, @Nullable String responseEnvelope) {
    if (!Files.isRegularFile(spec)) {
      throw new SpecException(spec, null, "no such file");
    }
    JsonNode crd = crd(spec);
    JsonNode names = crd.path("spec").path("names");
    String group = text(spec, crd, "/spec/group");
    String kind = text(spec, crd, "/spec/names/kind");
    String plural = text(spec, crd, "/spec/names/plural");
    boolean namespaced = !crd.path("spec").path("scope").asText("Namespaced").equals("Cluster");
    JsonNode version = version(spec, crd);
    String versionName = version.path("name").asText();
    String vPointer = "/spec/versions/" + indexOf(crd.path("spec").path("versions"), version);
    JsonNode schema = version.path("schema").path("openAPIV3Schema");
    if (!schema.isObject()) {
      throw new SpecException(spec, vPointer + "/schema/openAPIV3Schema", "missing: a CRD version needs its "
          + "structural schema to generate types from");
    }
    String listKind = names.path("listKind").asText(kind + "List");
    CrdSchemaMapper types = new CrdSchemaMapper(spec, "ObjectMeta", "ListMeta", listKind, kind, "String", "Object",
        "Builder", "Kind", "Unknown");
    types.add(objectMeta());
    types.add(listMeta());

    List<FieldDef> fields = new ArrayList<>();
    fields.add(field("apiVersion", TypeRef.string(), false, "APIVersion: " + group + "/" + versionName + "."));
    fields.add(field("kind", TypeRef.string(), false, "Kind: " + kind + "."));
    fields.add(field("metadata", new TypeRef.Named("ObjectMeta"), false, "Standard object metadata."));
    JsonNode required = schema.path("required");
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) schema.path("properties")::fields) {
      String member = e.getKey();
      if (List.of("apiVersion", "kind", "metadata").contains(member)) {
        continue;
      }
      TypeRef t = types.typeRef(e.getValue(), kind + upper(member), vPointer
          + "/schema/openAPIV3Schema/properties/" + member);
      boolean req = false;
      for (JsonNode r : required) {
        req |= r.asText().equals(member);
      }
      fields.add(field(member, t, req, e.getValue().path("description").asText(null)));
    }
    types.add(new RecordDef(kind, schema.path("description").asText(kind + " (" + group + "/" + versionName + ")."),
        vPointer + "/schema/openAPIV3Schema", fields, null, false));
    types.add(new RecordDef(listKind, "A page of " + plural + "; metadata.continue fetches the next one.",
        vPointer, List.of(
            field("apiVersion", TypeRef.string(), false, null),
            field("kind", TypeRef.string(), false, null),
            field("metadata", new TypeRef.Named("ListMeta"), false, null),
            field("items", new TypeRef.ListOf(new TypeRef.Named(kind)), false, null)), null, false));

    String collection = "/apis/" + group + "/" + versionName + (namespaced ? "/namespaces/{namespace}" : "")
        + "/" + plural;
    String item = collection + "/{name}";
    TypeRef resource = new TypeRef.Named(kind);
    List<ParamDef> ns = namespaced ? List.of(pathParam("namespace", "the namespace")) : List.of();
    List<ParamDef> named = new ArrayList<>(ns);
    named.add(pathParam("name", "the " + kind + "'s name"));
    List<ParamDef> listParams = new ArrayList<>(ns);
    listParams.add(new ParamDef("limit", "limit", ParamDef.Location.QUERY, new TypeRef.Primitive(PrimitiveKind.INT32),
        false, "the most items to return in one page"));
    listParams.add(new ParamDef("continue", "continue_", ParamDef.Location.QUERY, TypeRef.string(), false,
        "the metadata.continue token of the previous page"));
    listParams.add(new ParamDef("labelSelector", "labelSelector", ParamDef.Location.QUERY, TypeRef.string(), false,
        "only items whose labels match"));

    List<OperationDef> ops = new ArrayList<>();
    ops.add(op("create" + kind, "Creates a " + kind + ".", "POST", collection, ns,
        new BodyDef("application/json", resource, true), resource, 201, false));
    ops.add(op("delete" + kind, "Deletes a " + kind + ".", "DELETE", item, named, null, null, 200, true));
    ops.add(op("get" + kind, "Reads a " + kind + ".", "GET", item, named, null, resource, 200, true));
    ops.add(op("list" + upper(plural), "Lists " + plural + ", one page.", "GET", collection, listParams, null,
        new TypeRef.Named(listKind), 200, true));
    ops.addAll(actions(spec, crd));
    ops.sort(java.util.Comparator.comparing(OperationDef::id));
    String title = kind + " (" + group + "/" + versionName + ")";
    return new ApiModel(title, versionName, crd.path("metadata").path("name").asText(null), List.of(),
        types.types(), ops, spec.toString(), null, List.of(), types.derived(), AuthDef.kubeconfig());
  }

  private static JsonNode crd(Path spec) {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(spec.toFile())) {
      while (it.hasNext()) {
        JsonNode d = it.next();
        if (d != null && !d.isNull()) {
          docs.add(d);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new SpecException(spec, null, "cannot be parsed as YAML: " + SpecException.parseProblem(e), e);
    }
    List<JsonNode> crds = docs.stream().filter(d -> d.path("kind").asText().equals("CustomResourceDefinition")).toList();
    if (crds.size() != 1) {
      throw new SpecException(spec, "kind", "expected exactly one document of kind CustomResourceDefinition, found "
          + crds.size());
    }
    JsonNode crd = crds.get(0);
    if (!crd.path("apiVersion").asText().equals("apiextensions.k8s.io/v1")) {
      throw new SpecException(spec, "apiVersion", "unsupported CRD apiVersion '" + crd.path("apiVersion").asText()
          + "'; allowed: apiextensions.k8s.io/v1");
    }
    return crd;
  }

  /** The storage version when it is served, else the first served one. */
  private static JsonNode version(Path spec, JsonNode crd) {
    JsonNode versions = crd.path("spec").path("versions");
    JsonNode first = null;
    for (JsonNode v : versions) {
      if (v.path("served").asBoolean(true)) {
        if (v.path("storage").asBoolean(false)) {
          return v;
        }
        first = first == null ? v : first;
      }
    }
    if (first == null) {
      throw new SpecException(spec, "/spec/versions", "no served version");
    }
    return first;
  }

  private static int indexOf(JsonNode array, JsonNode element) {
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i) == element) {
        return i;
      }
    }
    return -1;
  }

  private static List<OperationDef> actions(Path spec, JsonNode crd) {
    JsonNode text = crd.path("metadata").path("annotations").path(ACTIONS);
    if (text.isMissingNode()) {
      return List.of();
    }
    String where = "/metadata/annotations/" + ACTIONS;
    JsonNode list;
    try {
      list = YAML.readTree(text.asText());
    } catch (IOException e) {
      throw new SpecException(spec, where, "not a YAML list of {id, method, path, summary}: " + SpecException.parseProblem(e), e);
    }
    if (list == null || !list.isArray()) {
      throw new SpecException(spec, where, "expected a YAML list of {id, method, path, summary}");
    }
    List<OperationDef> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode a = list.get(i);
      String p = where + "[" + i + "]";
      String id = a.path("id").asText("");
      String method = a.path("method").asText("").toUpperCase(Locale.ROOT);
      String path = a.path("path").asText("");
      if (!id.matches("[a-z][A-Za-z0-9]*")) {
        throw new SpecException(spec, p + ".id", "missing or invalid id '" + id + "'; allowed: lowerCamel letters/digits");
      }
      if (!List.of("GET", "PUT", "POST", "PATCH", "DELETE").contains(method)) {
        throw new SpecException(spec, p + ".method", "invalid method '" + method + "'; allowed: GET, PUT, POST, PATCH, DELETE");
      }
      if (!path.startsWith("/")) {
        throw new SpecException(spec, p + ".path", "path must start with '/', was '" + path + "'");
      }
      List<ParamDef> params = new ArrayList<>();
      Matcher m = PATH_PARAM.matcher(path);
      while (m.find()) {
        params.add(pathParam(m.group(1), null));
      }
      boolean idempotent = !method.equals("POST") && !method.equals("PATCH");
      out.add(op(id, a.path("summary").asText(null), method, path, params, null, null, 200, idempotent));
    }
    return out;
  }

  private static OperationDef op(String id, @Nullable String summary, String method, String path,
      List<ParamDef> params, @Nullable BodyDef body, @Nullable TypeRef response, int status, boolean idempotent) {
    return new OperationDef(id, id, summary, null, new OperationDef.Http(method, path), params, body, response, null,
        status, idempotent, false, List.of());
  }

  private static ParamDef pathParam(String name, @Nullable String description) {
    return new ParamDef(name, dev.providerapi.generator.model.JavaNames.lowerCamel(name), ParamDef.Location.PATH,
        TypeRef.string(), true, description);
  }

  private static FieldDef field(String json, TypeRef type, boolean required, @Nullable String description) {
    return new FieldDef(json, dev.providerapi.generator.model.JavaNames.lowerCamel(json), type, required, false,
        description, false, false);
  }

  /** The ObjectMeta members a client reads or sets; the rest is ignored on read. */
  private static RecordDef objectMeta() {
    TypeRef labels = new TypeRef.MapOf(TypeRef.string());
    return new RecordDef("ObjectMeta", "Kubernetes object metadata (the members clients use).", "k8s:ObjectMeta",
        List.of(
            field("name", TypeRef.string(), false, "Unique within the namespace."),
            field("namespace", TypeRef.string(), false, null),
            field("labels", labels, false, null),
            field("annotations", labels, false, null),
            field("uid", TypeRef.string(), false, null),
            field("resourceVersion", TypeRef.string(), false, null),
            field("generation", new TypeRef.Primitive(PrimitiveKind.INT64), false, null),
            field("creationTimestamp", new TypeRef.Primitive(PrimitiveKind.DATE_TIME), false, null),
            field("deletionTimestamp", new TypeRef.Primitive(PrimitiveKind.DATE_TIME), false, null)),
        null, false);
  }

  private static RecordDef listMeta() {
    return new RecordDef("ListMeta", "Kubernetes list metadata.", "k8s:ListMeta", List.of(
        field("continue", TypeRef.string(), false, "Set when more items remain: pass it as continue."),
        field("resourceVersion", TypeRef.string(), false, null),
        field("remainingItemCount", new TypeRef.Primitive(PrimitiveKind.INT64), false, null)), null, false);
  }

  private static String text(Path spec, JsonNode crd, String pointer) {
    JsonNode n = crd.at(pointer);
    if (!n.isTextual() || n.asText().isBlank()) {
      throw new SpecException(spec, pointer, "missing: a CRD must declare it");
    }
    return n.asText();
  }

  private static String upper(String s) {
    return dev.providerapi.generator.model.JavaNames.upperCamel(s);
  }
}
