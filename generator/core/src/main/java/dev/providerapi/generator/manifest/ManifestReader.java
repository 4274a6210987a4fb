package dev.providerapi.generator.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.providerapi.Capability;
import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.descriptor.AuthStyle;
import dev.providerapi.descriptor.ErrorFormat;
import dev.providerapi.descriptor.ErrorRule;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.descriptor.RateLimitWindow;
import dev.providerapi.errors.ErrorKind;
import dev.providerapi.generator.SpecException;
import dev.providerapi.model.BillingGranularity;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.Region;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import dev.providerapi.descriptor.OfferCatalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;
import org.jspecify.annotations.Nullable;

/**
 * Reads and validates a {@code provider.yaml}. It walks the YAML tree by hand (rather than binding it to
 * classes) so every complaint names the exact key path, e.g. {@code errors.rules[3].kind}, and says what is
 * allowed there. Unknown keys are errors: a typo must not silently drop a rate limit or an error rule.
 */
public final class ManifestReader {

  /** A reader of provider.yaml files; one can read any number of them. */
  public ManifestReader() {}

  static final List<String> TOP_LEVEL_KEYS = List.of(
      "name", "displayName", "javaPackage", "classPrefix", "spec", "baseUrl", "consoleUrl", "auth",
      "responseEnvelope", "rateLimits", "operationRateLimits", "errors", "status", "preempted", "operations",
      "capabilities", "billing", "offersCacheTtl", "gpuNamePattern", "gpuAliases", "regions", "offerCatalog",
      "instanceFields", "offerFields", "sandbox");

  /** The kinds this build has a {@link dev.providerapi.generator.SpecReader} for: a new reader is a new kind. */
  static final List<String> SPEC_KINDS = dev.providerapi.generator.SpecReader.standard().stream()
      .map(dev.providerapi.generator.SpecReader::kind).sorted().toList();

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
  private static final Pattern PROVIDER_NAME = Pattern.compile("[a-z][a-z0-9-]*");
  private static final Pattern OPERATION_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");
  private static final String DURATION_FORMS = "allowed forms: 500ms, 12s, 1m, 1h";

  private final ObjectMapper yaml = new ObjectMapper(
      YAMLFactory.builder().build().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

  /**
   * Reads {@code file}; the spec file it names is resolved against the file's folder and must exist.
   *
   * @param file the provider.yaml
   * @return the validated manifest
   * @throws SpecException naming the key path and what is wrong
   */
  public ProviderManifest read(Path file) {
    JsonNode root;
    try {
      root = yaml.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw new SpecException(file, loc == null ? null : "line " + loc.getLineNr() + ", column " + loc.getColumnNr(),
          "not valid YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new SpecException(file, null, "cannot be read: " + e, e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new SpecException(file, null, "is empty; expected a map with keys " + String.join(", ", TOP_LEVEL_KEYS));
    }
    return new Walker(file).manifest(root);
  }

  /** Walks one document; {@code file} goes into every message. */
  private static final class Walker {
    private final Path file;

    Walker(Path file) {
      this.file = file;
    }

    ProviderManifest manifest(JsonNode root) {
      ObjectNode top = object(root, null);
      keys(top, null, TOP_LEVEL_KEYS);

      String name = requiredText(top, null, "name");
      if (!PROVIDER_NAME.matcher(name).matches()) {
        throw fail("name", "invalid provider name '" + name + "'; allowed: lower case letters, digits and '-', "
            + "starting with a letter (e.g. lambda, data-crunch)");
      }
      String javaPackage = requiredText(top, null, "javaPackage");
      if (!SourceVersion.isName(javaPackage)) {
        throw fail("javaPackage", "invalid Java package '" + javaPackage + "'; allowed: dot-separated Java "
            + "identifiers that are not keywords, e.g. dev.providerapi." + name.replace("-", ""));
      }
      String classPrefix = requiredText(top, null, "classPrefix");
      if (!SourceVersion.isIdentifier(classPrefix) || SourceVersion.isKeyword(classPrefix)
          || !Character.isUpperCase(classPrefix.charAt(0)) || classPrefix.contains("$")) {
        throw fail("classPrefix", "invalid class prefix '" + classPrefix + "'; allowed: a Java identifier "
            + "starting with an upper-case letter, e.g. Lambda");
      }

      ProviderDescriptor.Builder d = ProviderDescriptor.builder(name);
      String displayName = optionalText(top, null, "displayName");
      d.displayName(displayName != null ? displayName : name);
      ProviderManifest.SpecRef spec = spec(top);
      d.baseUrl(url(top, "baseUrl", true).toString());
      URI console = url(top, "consoleUrl", false);
      if (console != null) {
        d.consoleUrl(console.toString());
      }
      if (spec.upstreamSource() != null) {
        d.specSource(spec.upstreamSource());
      }
      if (spec.upstreamVersion() != null) {
        d.specVersion(spec.upstreamVersion());
      }
      d.auth(auth(top.get("auth")));
      String envelope = optionalText(top, null, "responseEnvelope");

      JsonNode limits = top.get("rateLimits");
      if (limits != null) {
        windows(limits, "rateLimits").forEach(d::rateLimit);
      }
      JsonNode perOp = top.get("operationRateLimits");
      if (perOp != null) {
        for (Map.Entry<String, JsonNode> e : entries(object(perOp, "operationRateLimits"))) {
          for (RateLimitWindow w : windows(e.getValue(), "operationRateLimits." + e.getKey())) {
            d.operationRateLimit(e.getKey(), w);
          }
        }
      }
      JsonNode errors = top.get("errors");
      if (errors != null) {
        d.errorFormat(errors(errors));
      }
      Set<String> statusValues = statuses(top.get("status"), d);
      JsonNode preempted = top.get("preempted");
      if (preempted != null) {
        List<JsonNode> items = array(preempted, "preempted");
        for (int i = 0; i < items.size(); i++) {
          String path = "preempted[" + i + "]";
          String raw = text(items.get(i), path);
          if (!statusValues.contains(raw.toLowerCase(Locale.ROOT))) {
            throw fail(path, "preempted status '" + raw + "' is not mapped under status; mapped values: "
                + sortedJoin(statusValues));
          }
          d.preemptedStatus(raw);
        }
      }
      Map<String, String> operations = new LinkedHashMap<>();
      Map<String, Binding> bindings = new LinkedHashMap<>();
      JsonNode ops = top.get("operations");
      if (ops != null) {
        for (Map.Entry<String, JsonNode> e : entries(object(ops, "operations"))) {
          String path = "operations." + e.getKey();
          if (!OPERATION_NAME.matcher(e.getKey()).matches()) {
            throw fail(path, "invalid operation name '" + e.getKey() + "'; allowed: a lowerCamel name such as "
                + "offers, list, get, launch, terminate, stop, start, restart");
          }
          Binding b = new BindingReader(file).read(e.getKey(), e.getValue());
          bindings.put(e.getKey(), b);
          operations.put(e.getKey(), b.operationId());
        }
      }
      JsonNode caps = top.get("capabilities");
      if (caps != null) {
        List<JsonNode> items = array(caps, "capabilities");
        for (int i = 0; i < items.size(); i++) {
          d.capability(enumValue(Capability.class, items.get(i), "capabilities[" + i + "]", "capability"));
        }
      }
      JsonNode billing = top.get("billing");
      if (billing != null) {
        ObjectNode b = object(billing, "billing");
        keys(b, "billing", List.of("increment", "minimum"));
        Duration increment = duration(required(b, "billing", "increment"), "billing.increment", true);
        JsonNode min = b.get("minimum");
        d.billingGranularity(new BillingGranularity(increment,
            min == null ? Duration.ZERO : duration(min, "billing.minimum", false)));
      }
      JsonNode ttl = top.get("offersCacheTtl");
      if (ttl != null) {
        d.offersCacheTtl(duration(ttl, "offersCacheTtl", false));
      }
      String gpuPattern = optionalText(top, null, "gpuNamePattern");
      if (gpuPattern != null) {
        try {
          Pattern.compile(gpuPattern);
        } catch (PatternSyntaxException e) {
          throw fail("gpuNamePattern", "invalid regular expression '" + gpuPattern + "': "
              + e.getDescription() + " near index " + e.getIndex());
        }
        if (!gpuPattern.contains("(?<name>")) {
          throw fail("gpuNamePattern", "the pattern '" + gpuPattern + "' has no (?<name>...) group; it must "
              + "capture the GPU name in a group called 'name' (and may capture 'count')");
        }
        d.gpuNamePattern(gpuPattern);
      }
      JsonNode aliases = top.get("gpuAliases");
      if (aliases != null) {
        for (Map.Entry<String, JsonNode> e : entries(object(aliases, "gpuAliases"))) {
          d.gpuAlias(e.getKey(), text(e.getValue(), "gpuAliases." + e.getKey()));
        }
      }
      JsonNode regions = top.get("regions");
      if (regions != null) {
        for (Map.Entry<String, JsonNode> e : entries(object(regions, "regions"))) {
          String path = "regions." + e.getKey();
          ObjectNode r = object(e.getValue(), path);
          keys(r, path, List.of("canonical", "description"));
          d.region(new Region(e.getKey(), requiredText(r, path, "canonical"), optionalText(r, path, "description")));
        }
      }
      JsonNode catalog = top.get("offerCatalog");
      if (catalog != null) {
        d.offerCatalog(offerCatalog(catalog));
      }
      JsonNode sandbox = top.get("sandbox");
      if (sandbox != null && !sandbox.isBoolean()) {
        throw fail("sandbox", "must be true or false (true: the sandbox has a fake of this provider, and the"
            + " generated tests run the base's contract against it), found " + sandbox);
      }
      return new ProviderManifest(file, d.build(), javaPackage, classPrefix, spec, envelope, operations, bindings,
          sandbox != null && sandbox.booleanValue(), fieldMap(top, "instanceFields", FieldMap.INSTANCE_FIELDS),
          fieldMap(top, "offerFields", FieldMap.OFFER_FIELDS));
    }

    /**
     * {@code instanceFields} / {@code offerFields}: pointers only (checked against the spec later, in the
     * emitter), {@code sshPort} also a port number, {@code type} a model type name, {@code details} a map.
     */
    private @Nullable FieldMap fieldMap(ObjectNode top, String key, List<String> allowed) {
      JsonNode node = top.get(key);
      if (node == null) {
        return null;
      }
      ObjectNode map = object(node, key);
      List<String> keys = new ArrayList<>(List.of("type"));
      keys.addAll(allowed);
      keys.add("details");
      keys(map, key, keys);
      Map<String, String> fields = new java.util.LinkedHashMap<>();
      Map<String, String> details = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : entries(map)) {
        String path = key + "." + e.getKey();
        switch (e.getKey()) {
          case "type" -> { }
          case "details" -> {
            for (Map.Entry<String, JsonNode> d : entries(object(e.getValue(), path))) {
              details.put(d.getKey(), pointer(d.getValue(), path + "." + d.getKey()));
            }
          }
          case "sshPort" -> fields.put(e.getKey(), e.getValue().isIntegralNumber()
              ? String.valueOf(port(e.getValue(), path)) : pointer(e.getValue(), path));
          default -> fields.put(e.getKey(), pointer(e.getValue(), path));
        }
      }
      if (key.equals("instanceFields") && !fields.containsKey("id")) {
        throw fail(key, "missing required key 'id' (the pointer to the instance's id in the wire type)");
      }
      if (fields.getOrDefault("sshPort", "/").matches("\\d+") && !fields.containsKey("publicIp")) {
        throw fail(key + ".sshPort", "a port number means 'this port when the instance has a public IP', so"
            + " publicIp must be mapped too");
      }
      return new FieldMap(key, optionalText(map, key, "type"), fields, details);
    }

    private String pointer(JsonNode node, String path) {
      String s = text(node, path);
      if (!s.startsWith("/")) {
        throw fail(path, "expected a JSON pointer into the wire type, starting with '/' (e.g. /ssh_port), found '"
            + s + "'");
      }
      return s;
    }

    private int port(JsonNode node, String path) {
      long p = positive(node, path);
      if (p > 65535) {
        throw fail(path, "expected a port number from 1 to 65535, found " + p);
      }
      return (int) p;
    }

    private OfferCatalog offerCatalog(JsonNode node) {
      String path = "offerCatalog";
      ObjectNode c = object(node, path);
      keys(c, path, List.of("asOf", "source", "note", "offers"));
      String asOfText = requiredText(c, path, "asOf");
      LocalDate asOf;
      try {
        asOf = LocalDate.parse(asOfText);
      } catch (java.time.format.DateTimeParseException e) {
        throw fail(path + ".asOf", "bad date '" + asOfText + "'; allowed form: 2023-06-30 (the day the prices were taken)");
      }
      List<JsonNode> offers = array(required(c, path, "offers"), path + ".offers");
      if (offers.isEmpty()) {
        throw fail(path + ".offers", "is empty; declare at least one offer or leave offerCatalog out");
      }
      List<OfferCatalog.Entry> entries = new ArrayList<>();
      for (int i = 0; i < offers.size(); i++) {
        String p = path + ".offers[" + i + "]";
        ObjectNode o = object(offers.get(i), p);
        keys(o, p, List.of("gpu", "counts", "regions", "perGpuHour"));
        String gpu = requiredText(o, p, "gpu");
        List<Integer> counts = new ArrayList<>();
        List<JsonNode> countNodes = array(required(o, p, "counts"), p + ".counts");
        for (int j = 0; j < countNodes.size(); j++) {
          counts.add((int) positive(countNodes.get(j), p + ".counts[" + j + "]"));
        }
        List<String> regions = new ArrayList<>();
        List<JsonNode> regionNodes = array(required(o, p, "regions"), p + ".regions");
        for (int j = 0; j < regionNodes.size(); j++) {
          regions.add(text(regionNodes.get(j), p + ".regions[" + j + "]"));
        }
        if (counts.isEmpty() || regions.isEmpty()) {
          throw fail(p, "counts and regions must each list at least one value");
        }
        JsonNode price = required(o, p, "perGpuHour");
        if (!price.isNumber() || price.decimalValue().signum() <= 0) {
          throw fail(p + ".perGpuHour", "expected a positive price per GPU-hour such as 2.21, found " + describe(price));
        }
        entries.add(new OfferCatalog.Entry(gpu, counts, regions, price.decimalValue()));
      }
      return new OfferCatalog(asOf, optionalText(c, path, "source"), optionalText(c, path, "note"), entries);
    }

    private ProviderManifest.SpecRef spec(ObjectNode top) {
      ObjectNode spec = object(required(top, null, "spec"), "spec");
      keys(spec, "spec", List.of("kind", "file", "upstream"));
      String kind = requiredText(spec, "spec", "kind");
      if (!SPEC_KINDS.contains(kind)) {
        throw fail("spec.kind", "unknown spec kind '" + kind + "'; allowed: " + String.join(", ", SPEC_KINDS));
      }
      String fileName = requiredText(spec, "spec", "file");
      Path folder = file.toAbsolutePath().getParent();
      Path specFile = folder.resolve(fileName).normalize();
      if (!Files.isRegularFile(specFile)) {
        throw fail("spec.file", "spec file '" + fileName + "' not found (looked for " + specFile
            + "; the path is resolved against the folder of provider.yaml)");
      }
      String source = null;
      String version = null;
      String sha256 = null;
      Path snapshot = null;
      JsonNode upstream = spec.get("upstream");
      if (upstream != null) {
        ObjectNode u = object(upstream, "spec.upstream");
        keys(u, "spec.upstream", List.of("source", "version", "sha256", "snapshot"));
        source = optionalText(u, "spec.upstream", "source");
        version = optionalText(u, "spec.upstream", "version");
        sha256 = optionalText(u, "spec.upstream", "sha256");
        if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
          throw fail("spec.upstream.sha256", "expected the 64 lower-case hex digits of a SHA-256, found '"
              + sha256 + "'");
        }
        String snap = optionalText(u, "spec.upstream", "snapshot");
        // Not checked here: generation never reads it (and a copied provider.yaml may travel without it);
        // diff and update say so when it is missing.
        if (snap != null && !snap.equals("none")) {
          snapshot = folder.resolve(snap).normalize();
        }
      }
      return new ProviderManifest.SpecRef(kind, specFile, source, version, sha256, snapshot);
    }

    private AuthSpec auth(@Nullable JsonNode node) {
      if (node == null) {
        return AuthSpec.none();
      }
      ObjectNode a = object(node, "auth");
      keys(a, "auth", List.of("style", "apiKeyEnv", "header", "prefix", "queryParams"));
      AuthStyle style = enumValue(AuthStyle.class, required(a, "auth", "style"), "auth.style", "auth style");
      String apiKeyEnv = optionalText(a, "auth", "apiKeyEnv");
      String header = optionalText(a, "auth", "header");
      String prefix = optionalText(a, "auth", "prefix");
      JsonNode query = a.get("queryParams");
      String styleName = style.name().toLowerCase(Locale.ROOT);
      if ((style == AuthStyle.BEARER || style == AuthStyle.BASIC || style == AuthStyle.HEADER) && apiKeyEnv == null) {
        throw fail("auth", "missing required key 'apiKeyEnv' for auth style " + styleName
            + " (the environment variable that holds the API key, e.g. LAMBDA_API_KEY)");
      }
      switch (style) {
        case BEARER:
          return new AuthSpec(AuthStyle.BEARER, apiKeyEnv, "Authorization", prefix != null ? prefix : "Bearer ", Map.of());
        case BASIC:
          return AuthSpec.basic(apiKeyEnv);
        case HEADER:
          if (header == null) {
            throw fail("auth", "missing required key 'header' for auth style header (the header that carries "
                + "the key, e.g. X-Api-Key)");
          }
          return AuthSpec.header(header, prefix, apiKeyEnv);
        case QUERY: {
          if (query == null) {
            throw fail("auth", "missing required key 'queryParams' for auth style query; expected a map "
                + "{query parameter: SECRET_ENV}, e.g. {api_key: TENSORDOCK_API_KEY}");
          }
          Map<String, String> params = new LinkedHashMap<>();
          ObjectNode q = object(query, "auth.queryParams");
          if (q.isEmpty()) {
            throw fail("auth.queryParams", "is empty; expected at least one {query parameter: SECRET_ENV}");
          }
          for (Map.Entry<String, JsonNode> e : entries(q)) {
            params.put(e.getKey(), text(e.getValue(), "auth.queryParams." + e.getKey()));
          }
          return AuthSpec.query(params);
        }
        case KUBECONFIG:
          return AuthSpec.kubeconfig();
        default:
          return AuthSpec.none();
      }
    }

    private List<RateLimitWindow> windows(JsonNode node, String path) {
      List<JsonNode> items = array(node, path);
      List<RateLimitWindow> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        String p = path + "[" + i + "]";
        ObjectNode w = object(items.get(i), p);
        keys(w, p, List.of("limit", "per", "burst"));
        long limit = positive(required(w, p, "limit"), p + ".limit");
        Duration per = duration(required(w, p, "per"), p + ".per", true);
        JsonNode burst = w.get("burst");
        out.add(new RateLimitWindow(limit, per, burst == null ? limit : positive(burst, p + ".burst")));
      }
      return out;
    }

    private ErrorFormat errors(JsonNode node) {
      ObjectNode e = object(node, "errors");
      keys(e, "errors", List.of("code", "message", "requestIdHeader", "okErrorPointer", "okErrorEquals", "rules"));
      String code = pointer(e, "code");
      String message = pointer(e, "message");
      String okPointer = pointer(e, "okErrorPointer");
      String okEquals = optionalText(e, "errors", "okErrorEquals");
      if (okEquals != null && okPointer == null) {
        throw fail("errors.okErrorEquals", "needs errors.okErrorPointer (the member whose value is compared)");
      }
      List<ErrorRule> rules = new ArrayList<>();
      JsonNode rulesNode = e.get("rules");
      if (rulesNode != null) {
        List<JsonNode> items = array(rulesNode, "errors.rules");
        for (int i = 0; i < items.size(); i++) {
          String p = "errors.rules[" + i + "]";
          ObjectNode r = object(items.get(i), p);
          keys(r, p, List.of("status", "code", "codePrefix", "messageContains", "kind", "retryable"));
          Integer status = null;
          JsonNode s = r.get("status");
          if (s != null) {
            if (!s.isInt() || s.asInt() < 100 || s.asInt() > 599) {
              throw fail(p + ".status", "invalid HTTP status " + s + "; allowed: an integer from 100 to 599");
            }
            status = s.asInt();
          }
          ErrorKind kind = enumValue(ErrorKind.class, required(r, p, "kind"), p + ".kind", "error kind");
          Boolean retryable = null;
          JsonNode rt = r.get("retryable");
          if (rt != null) {
            if (!rt.isBoolean()) {
              throw fail(p + ".retryable", "expected true or false, found " + describe(rt));
            }
            retryable = rt.asBoolean();
          }
          ErrorRule rule = new ErrorRule(status, optionalText(r, p, "code"), optionalText(r, p, "codePrefix"),
              optionalText(r, p, "messageContains"), kind, retryable);
          if (rule.status() == null && rule.code() == null && rule.codePrefix() == null
              && rule.messageContains() == null) {
            throw fail(p, "a rule needs at least one condition; allowed: status, code, codePrefix, messageContains");
          }
          rules.add(rule);
        }
      }
      return new ErrorFormat(code, message != null ? message : "/message",
          optionalText(e, "errors", "requestIdHeader"), okPointer, okEquals, rules);
    }

    private @Nullable String pointer(ObjectNode errors, String key) {
      String p = optionalText(errors, "errors", key);
      if (p != null && !p.startsWith("/")) {
        throw fail("errors." + key, "invalid JSON pointer '" + p + "'; it must start with '/', e.g. /error/" + key);
      }
      return p;
    }

    private Set<String> statuses(@Nullable JsonNode node, ProviderDescriptor.Builder d) {
      if (node == null) {
        return Set.of();
      }
      Set<String> seen = new java.util.HashSet<>();
      for (Map.Entry<String, JsonNode> e : entries(object(node, "status"))) {
        d.status(e.getKey(), enumValue(InstanceStatus.class, e.getValue(), "status." + e.getKey(), "status target"));
        seen.add(e.getKey().toLowerCase(Locale.ROOT));
      }
      return seen;
    }

    // ---- tree helpers: each names the key path in its complaint ----

    private SpecException fail(@Nullable String path, String problem) {
      return new SpecException(file, path, problem);
    }

    private static String join(@Nullable String parent, String key) {
      return parent == null ? key : parent + "." + key;
    }

    private ObjectNode object(JsonNode node, @Nullable String path) {
      if (!(node instanceof ObjectNode o)) {
        throw fail(path, "expected a map, found " + describe(node));
      }
      return o;
    }

    private List<JsonNode> array(JsonNode node, String path) {
      if (!node.isArray()) {
        throw fail(path, "expected a list, found " + describe(node));
      }
      List<JsonNode> out = new ArrayList<>();
      node.forEach(out::add);
      return out;
    }

    private void keys(ObjectNode node, @Nullable String path, List<String> allowed) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String key = names.next();
        if (!allowed.contains(key)) {
          throw fail(join(path, key), "unknown key '" + key + "'; allowed"
              + (path == null ? " top-level keys" : " keys under " + path) + ": " + String.join(", ", allowed));
        }
      }
    }

    private JsonNode required(ObjectNode node, @Nullable String path, String key) {
      JsonNode v = node.get(key);
      if (v == null || v.isNull()) {
        throw fail(path, "missing required key '" + key + "'");
      }
      return v;
    }

    private String requiredText(ObjectNode node, @Nullable String path, String key) {
      return text(required(node, path, key), join(path, key));
    }

    private @Nullable String optionalText(ObjectNode node, @Nullable String path, String key) {
      JsonNode v = node.get(key);
      return v == null || v.isNull() ? null : text(v, join(path, key));
    }

    private String text(JsonNode node, String path) {
      if (!node.isValueNode() || node.isNull()) {
        throw fail(path, "expected a text value, found " + describe(node));
      }
      String s = node.asText();
      if (s.isBlank()) {
        throw fail(path, "is blank");
      }
      return s;
    }

    private long positive(JsonNode node, String path) {
      if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < 1) {
        throw fail(path, "expected a positive whole number, found " + describe(node));
      }
      return node.asLong();
    }

    private Duration duration(JsonNode node, String path, boolean positive) {
      String s = node.isValueNode() ? node.asText().trim() : describe(node);
      Matcher m = DURATION.matcher(s);
      if (!m.matches()) {
        throw fail(path, "bad duration '" + s + "'; " + DURATION_FORMS);
      }
      long n = Long.parseLong(m.group(1));
      Duration d = switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
      if (positive && d.isZero()) {
        throw fail(path, "duration must be more than zero, found '" + s + "'; " + DURATION_FORMS);
      }
      return d;
    }

    private @Nullable URI url(ObjectNode top, String key, boolean isRequired) {
      String s = isRequired ? requiredText(top, null, key) : optionalText(top, null, key);
      if (s == null) {
        return null;
      }
      try {
        URI u = new URI(s);
        if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
          return u;
        }
      } catch (URISyntaxException e) {
        // reported below with the allowed form
      }
      throw fail(key, "invalid URL '" + s + "'; allowed: an absolute http or https URL, e.g. https://api.example.com");
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, JsonNode node, String path, String what) {
      String raw = text(node, path);
      String normalized = raw.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      for (E c : type.getEnumConstants()) {
        if (c.name().equals(normalized)) {
          return c;
        }
      }
      boolean lower = type == AuthStyle.class;
      String allowed = Arrays.stream(type.getEnumConstants())
          .map(c -> lower ? c.name().toLowerCase(Locale.ROOT) : c.name())
          .collect(Collectors.joining(", "));
      throw fail(path, "unknown " + what + " '" + raw + "'; allowed: " + allowed);
    }

    private static List<Map.Entry<String, JsonNode>> entries(ObjectNode node) {
      List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
      node.fields().forEachRemaining(out::add);
      return out;
    }

    private static String describe(JsonNode node) {
      if (node.isObject()) {
        return "a map";
      }
      if (node.isArray()) {
        return "a list";
      }
      if (node.isNull()) {
        return "nothing (null)";
      }
      return "'" + node.asText() + "'";
    }

    private static String sortedJoin(Set<String> values) {
      return values.stream().sorted().collect(Collectors.joining(", "));
    }
  }
}
