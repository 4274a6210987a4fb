package dev.providerapi.cli;

import dev.providerapi.Capability;
import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.generator.Generator;
import dev.providerapi.generator.SpecAuth;
import dev.providerapi.generator.crd.CrdReader;
import dev.providerapi.generator.graphql.GraphQlReader;
import dev.providerapi.generator.graphql.GraphQlStarter;
import dev.providerapi.generator.inputs.GeneratorVersion;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.openapi.OpenApiReader;
import dev.providerapi.generator.template.TemplateRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import graphql.schema.GraphQLSchema;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "new",
    header = "Scaffolds a new provider from its spec, schema or CRD.",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Scaffolds a provider from its OpenAPI spec, GraphQL schema or Kubernetes CRD:",
        "specs/<name>/provider.yaml with every binding it can infer and a TODO list, the spec (for GraphQL",
        "also starter operation documents in specs/<name>/operations/), the module providers/<name> (pom,",
        "generated client, adapter skeleton, a first adapter test) and its entry in the parent pom.",
        "In a single-module project (a pom.xml without <modules>): src/main/provider-api/<name>/ (provider.yaml and",
        "the spec), the adapter in src/main/java registered in META-INF/services, a first test, and the BOM,",
        "provider-api-runtime, provider-api-testing and the Maven plugin added to pom.xml."})
final class NewCommand implements Callable<Integer> {
  static final String PROVIDER_YAML = "new-provider-yaml.mustache";
  static final String MODULE_POM = "new-module-pom.mustache";
  static final String ADAPTER_TEST = "new-adapter-test.mustache";

  @Parameters(index = "0", paramLabel = "<name>", description = "Provider name: lower case, digits, '-'.")
  String name;

  @ArgGroup(exclusive = true, multiplicity = "1")
  SpecSource from;

  /** Exactly one spec to start from. */
  static final class SpecSource {
    @Option(names = "--openapi", paramLabel = "FILE", required = true, description = "The provider's OpenAPI spec.")
    Path openapi;

    @Option(names = "--graphql", paramLabel = "SCHEMA", required = true,
        description = "The provider's GraphQL schema (SDL).")
    Path graphql;

    @Option(names = "--crd", paramLabel = "FILE", required = true,
        description = "A Kubernetes CustomResourceDefinition (apiextensions.k8s.io/v1); subresource calls such as "
            + "start/stop are declared in its provider-api.dev/actions annotation.")
    Path crd;
  }

  @Option(names = "--base-url", paramLabel = "URL",
      description = "The API's base URL (GraphQL: its endpoint; CRD: the default API server, the kubeconfig's "
          + "server wins). Default for OpenAPI: servers[0].")
  String baseUrl;

  @Option(names = "--source", paramLabel = "URL", description = "Where the spec comes from (default: FILE).")
  String source;

  @Option(names = "--package", paramLabel = "P",
      description = "Java package of the provider (default: dev.providerapi.<name without '-'>; in a single-module "
          + "project the pom's groupId.<name without '-'>).")
  String javaPackage;

  @ParentCommand ProviderApiCommand parent;

  @Spec CommandLine.Model.CommandSpec spec;

  /** The spec as written to specs/<name>/ when it differs from the file given (operations marked); null: as is. */
  private String specCopy;

  /** OpenAPI: where the shared 4xx error body keeps code and message (null: not found). */
  private SpecInference.ErrorPointers errorPointers;

  @Override
  public Integer call() {
    if (!name.matches("[a-z][a-z0-9-]*")) {
      throw new UserInputException("invalid provider name '" + name + "'; allowed: lower case letters, digits and "
          + "'-', starting with a letter");
    }
    Path root = parent.projectRoot();
    Path rootPom = root.resolve("pom.xml");
    String pomText;
    try {
      if (!Files.isRegularFile(rootPom)) {
        throw new UserInputException(root + " has no pom.xml: new scaffolds into a Maven project (this repository, or "
            + "a single-module project of yours); nothing was written");
      }
      pomText = Files.readString(rootPom);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + rootPom + ": " + e.getMessage(), e);
    }
    // A multi-module build like this repository gets specs/<name> and the module providers/<name>; a
    // single-module project gets its provider.yaml and spec under src/main/provider-api/<name>, the adapter in its
    // own src/main/java (registered in META-INF/services), and the Maven plugin in its pom.
    boolean single = !pomText.contains("</modules>");
    Path specDir = single ? root.resolve("src/main/provider-api").resolve(name) : root.resolve("specs").resolve(name);
    Path module = single ? root : root.resolve("providers").resolve(name);
    if (!single && (Files.exists(specDir) || Files.exists(module))) {
      throw new UserInputException("specs/" + name + " or providers/" + name + " already exists; new only scaffolds "
          + "a provider that is not there yet (use update to change a spec)");
    }
    if (single && Files.exists(specDir)) {
      throw new UserInputException(root.relativize(specDir) + " already exists; new only scaffolds a provider that is "
          + "not there yet (use update to change a spec)");
    }
    Path given = from.openapi != null ? from.openapi : from.graphql != null ? from.graphql : from.crd;
    Path file = given.toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw new UserInputException(given + ": spec file not found");
    }
    Scaffold scaffold = from.graphql != null ? graphQl(file) : from.crd != null ? crd(file) : openApi(file);
    String prefix = classPrefix(name);
    String pkg = javaPackage != null ? javaPackage
        : single ? packageFromGroupId(pomText, rootPom) : "dev.providerapi." + name.replace("-", "");
    if (!javax.lang.model.SourceVersion.isName(pkg)) {
      throw new UserInputException("invalid Java package '" + pkg + "' (--package); allowed: dot-separated Java "
          + "identifiers that are not keywords, e.g. com.example." + name.replace("-", ""));
    }
    List<String> todos = new ArrayList<>(scaffold.todos());
    todos.add("rateLimits: the provider's documented limits, e.g. [{limit: 10, per: 1s}]");
    todos.add(switch (scaffold.kind()) {
      case GRAPHQL -> "errors: rules mapping error messages or extensions.code to error kinds (where they live is set "
          + "below)";
      case CRD -> "errors: the general Kubernetes Status rules are below; add the reasons and messages the "
          + "provider's controllers and admission webhooks return";
      default -> errorPointers == null
          ? "errors: where code and message live in error bodies, and rules mapping them to error kinds"
          : "errors: code and message below were read from " + errorPointers.schema() + ", the body of most 4xx "
              + "answers; add rules mapping its codes or messages to error kinds (capacity, quota, not found...)";
    });
    todos.add(scaffold.kind() == Kind.CRD
        ? "status: conditions are provider-specific: choose the condition whose reason is the instance status (e.g. "
            + "the Ready condition) and map each reason the provider's controller sets to ours (RUNNING, "
            + "PROVISIONING, STOPPED, TERMINATING, FAILED, ...); see specs/coreweave/provider.yaml"
        : "status: map each provider instance status to ours (RUNNING, PENDING, STOPPED, TERMINATED, ...)");
    todos.add("capabilities: confirm; add SPOT, STARTUP_SCRIPT, ENV_VARS, CUSTOM_IMAGE, DISK_SIZE, SSH_KEYS, "
        + "BILLING_VERIFICATION where the API supports them");
    todos.add("gpuAliases / gpuNamePattern: how the provider names GPUs");
    todos.add("fixtures: specs/" + name + "/fixtures/<operationId>.response.json for operations without examples");
    todos.add("the adapter " + (single ? "" : "providers/" + name + "/") + "src/main/java/" + pkg.replace('.', '/')
        + "/" + prefix + "Provider.java: replace each UnsupportedOperationException, with MockWebServer tests like "
        + "providers/lambda's in the provider-api repository");
    Path adapter = module.resolve("src/main/java/" + pkg.replace('.', '/') + "/" + prefix + "Provider.java");
    Path adapterTest = module.resolve("src/test/java/" + pkg.replace('.', '/') + "/" + prefix + "ProviderTest.java");
    if (single && (Files.exists(adapter) || Files.exists(adapterTest))) {
      throw new UserInputException(root.relativize(Files.exists(adapter) ? adapter : adapterTest) + " already exists; "
          + "new never overwrites a hand-written file; nothing was written");
    }
    if (single && scaffold.kind() == Kind.CRD) {
      todos.add("pom.xml: add dev.providerapi:provider-api-kube for the adapter to read kubeconfigs (Kubeconfig; see"
          + " providers/coreweave in the provider-api repository)");
    }
    List<Capability> caps = scaffold.capabilities();
    Map<String, String> bound = scaffold.bindings();

    String specFileName = scaffold.specFileName();
    String upstream = source != null ? source : file.toString();
    Map<String, Object> scope = new HashMap<>();
    scope.put("name", name);
    scope.put("displayName", scaffold.displayName());
    scope.put("displayNameYaml", quote(scaffold.displayName()));
    scope.put("javaPackage", pkg);
    scope.put("classPrefix", prefix);
    scope.put("specKind", scaffold.kind().name().toLowerCase(Locale.ROOT));
    scope.put("specFile", specFileName);
    scope.put("specSource", upstream);
    scope.put("specSourceYaml", quote(upstream));
    scope.put("specVersionYaml", quote(scaffold.version()));
    scope.put("baseUrl", scaffold.baseUrl());
    scope.put("auth", scaffold.auth());
    scope.put("graphqlErrors", scaffold.kind() == Kind.GRAPHQL);
    scope.put("openapiErrors", errorPointers != null);
    scope.put("errorsCode", errorPointers == null || errorPointers.code() == null ? "" : errorPointers.code());
    scope.put("hasErrorsCode", errorPointers != null && errorPointers.code() != null);
    scope.put("errorsMessage", errorPointers == null ? "" : errorPointers.message());
    scope.put("errorsSchema", errorPointers == null ? "" : errorPointers.schema());
    scope.put("kubernetes", scaffold.kind() == Kind.CRD);
    scope.put("todos", todos);
    scope.put("hasOperations", !bound.isEmpty());
    scope.put("operations", bound.entrySet().stream().map(e -> Map.of("ours", e.getKey(),
        "operationId", e.getValue().substring(0, e.getValue().indexOf(' ')),
        "note", e.getValue().substring(e.getValue().indexOf(' ') + 1))).toList());
    scope.put("hasCapabilities", !caps.isEmpty());
    scope.put("capabilities", caps.stream().map(Enum::name).collect(Collectors.joining(", ")));
    scope.put("capabilityConstants", caps.stream().map(c -> "dev.providerapi.Capability." + c.name())
        .collect(Collectors.joining(", ")));
    scope.put("version", GeneratorVersion.get());

    TemplateRenderer templates = new TemplateRenderer(null);
    List<Path> written = new ArrayList<>();
    Path services = root.resolve("src/main/resources/META-INF/services/dev.providerapi.Provider");
    String servicesBefore = null;
    try {
      if (specCopy != null) {
        write(specDir.resolve(specFileName), specCopy, written);
      } else {
        write(specDir.resolve(specFileName), Files.readAllBytes(file), written);
      }
      for (Map.Entry<String, String> doc : scaffold.extraFiles().entrySet()) {
        write(specDir.resolve(doc.getKey()), doc.getValue(), written);
      }
      write(specDir.resolve("provider.yaml"), templates.render(PROVIDER_YAML, scope), written);
      if (single) {
        dev.providerapi.generator.ProviderLayout layout = new dev.providerapi.generator.ProviderLayout(root, specDir,
            root.resolve("target/provider-api"), specDir.resolve("templates"));
        Generator generator = parent.generators.get();
        generator.planProvider(layout, name); // the plugin generates at build time; fail now if it could not
        write(adapter, generator.adapterSkeleton(layout, name, false), written);
        write(adapterTest, templates.render(ADAPTER_TEST, scope), written);
        servicesBefore = Files.isRegularFile(services) ? Files.readString(services) : null;
        String entry = pkg + "." + prefix + "Provider";
        if (servicesBefore == null || servicesBefore.lines().map(String::strip).noneMatch(entry::equals)) {
          Files.createDirectories(services.getParent());
          String before = servicesBefore == null ? "" : servicesBefore;
          Files.writeString(services, before + (before.isEmpty() || before.endsWith("\n") ? "" : "\n") + entry + "\n");
        }
        Files.writeString(rootPom, withPlugin(pomText, root.relativize(specDir.resolve("provider.yaml"))));
      } else {
        write(module.resolve("pom.xml"), templates.render(MODULE_POM, scope), written);
        write(adapterTest, templates.render(ADAPTER_TEST, scope), written);
        parent.generators.get().generateProvider(root, name, Generator.Mode.WRITE);
        addModule(root.resolve("pom.xml"), "providers/" + name);
      }
    } catch (IOException e) {
      undo(single, specDir, module, written, rootPom, pomText, services, servicesBefore);
      throw new UncheckedIOException("cannot scaffold " + name + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // A half-made provider would only confuse the next run: take it all back.
      undo(single, specDir, module, written, rootPom, pomText, services, servicesBefore);
      throw e;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (single) {
      String pkgPath = pkg.replace('.', '/');
      out.println("provider-api new " + name + ": wrote " + root.relativize(specDir) + "/ (provider.yaml, " + specFileName
          + (scaffold.kind() == Kind.GRAPHQL ? ", " + scaffold.extraFiles().size() + " starter document(s) in operations/"
          : "") + "), src/main/java/" + pkgPath + "/" + prefix + "Provider.java (registered in "
          + root.relativize(services) + "), src/test/java/" + pkgPath + "/" + prefix + "ProviderTest.java, and added "
          + "provider-api-maven-plugin, provider-api-runtime and provider-api-testing to pom.xml; `mvn verify` "
          + "generates the client into target/generated-sources/provider-api and runs the tests");
    } else {
      out.println("provider-api new " + name + ": wrote specs/" + name + "/provider.yaml, specs/" + name + "/"
          + specFileName + (scaffold.kind() == Kind.GRAPHQL ? ", " + scaffold.extraFiles().size() + " starter document(s) in specs/"
          + name + "/operations/" : "") + ", providers/" + name + " (pom, generated client, adapter skeleton, "
          + prefix + "ProviderTest) and added the module to pom.xml");
    }
    out.println("inferred: " + bound.size() + " operation binding(s)"
        + (bound.isEmpty() ? "" : " (" + String.join(", ", bound.keySet()) + ")") + ", auth "
        + scaffold.authStyle() + (caps.isEmpty() ? "" : ", capabilities " + caps));
    out.println("TODO (also at the top of " + root.relativize(specDir.resolve("provider.yaml")) + "):");
    todos.forEach(t -> out.println("  - " + t));
    out.flush();
    return Main.OK;
  }

  /** Takes a failed scaffold back: what it wrote is deleted, the pom and the services file are as they were. */
  private static void undo(boolean single, Path specDir, Path module, List<Path> written, Path rootPom, String pomText,
      Path services, @org.jspecify.annotations.Nullable String servicesBefore) {
    deleteQuietly(specDir);
    if (!single) {
      deleteQuietly(module);
      return;
    }
    for (Path p : written) {
      deleteQuietly(p);
    }
    try {
      Files.writeString(rootPom, pomText);
      if (servicesBefore != null) {
        Files.writeString(services, servicesBefore);
      } else {
        Files.deleteIfExists(services);
      }
    } catch (IOException ignored) {
      // best effort: the message of the failure that brought us here matters more
    }
  }

  /** The project's groupId (or its parent's) plus the provider name: the default package outside this repository. */
  private String packageFromGroupId(String pom, Path rootPom) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<project[^>]*>.*?<groupId>\\s*([^<\\s]+)\\s*</groupId>",
        java.util.regex.Pattern.DOTALL).matcher(pom);
    if (!m.find()) {
      throw new UserInputException(rootPom + " has no groupId to derive the Java package from; pass --package, e.g. "
          + "--package com.example." + name.replace("-", ""));
    }
    return m.group(1) + "." + name.replace("-", "");
  }

  /** {@code pom} with the BOM, the runtime and testing dependencies and the Maven plugin added where missing. */
  static String withPlugin(String pom, Path providerYaml) {
    String version = GeneratorVersion.get();
    PomEditor editor = new PomEditor(pom);
    if (!editor.sectionContains("project/dependencyManagement", "provider-api-bom")) {
      editor.append("project/dependencyManagement/dependencies", "<dependency>\n"
          + "  <groupId>dev.providerapi</groupId>\n  <artifactId>provider-api-bom</artifactId>\n"
          + "  <version>" + version + "</version>\n  <type>pom</type>\n  <scope>import</scope>\n</dependency>");
    }
    if (!editor.sectionContains("project/dependencies", "provider-api-runtime")) {
      editor.append("project/dependencies", "<dependency>\n  <groupId>dev.providerapi</groupId>\n"
          + "  <artifactId>provider-api-runtime</artifactId>\n</dependency>");
    }
    if (!editor.sectionContains("project/dependencies", "provider-api-testing")) {
      editor.append("project/dependencies", "<!-- JUnit 5, AssertJ and mockwebserver3 for the generated client tests -->\n"
          + "<dependency>\n  <groupId>dev.providerapi</groupId>\n  <artifactId>provider-api-testing</artifactId>\n"
          + "  <scope>test</scope>\n</dependency>");
    }
    if (!editor.sectionContains("project/build/plugins", "provider-api-maven-plugin")) {
      editor.append("project/build/plugins", "<!-- generates the client and the adapter base into target/generated-sources"
          + "/provider-api, its tests into target/generated-test-sources/provider-api -->\n<plugin>\n"
          + "  <groupId>dev.providerapi</groupId>\n  <artifactId>provider-api-maven-plugin</artifactId>\n"
          + "  <version>" + version + "</version>\n  <configuration>\n"
          + "    <providerYaml>" + providerYaml.toString().replace('\\', '/') + "</providerYaml>\n  </configuration>\n"
          + "  <executions>\n    <execution>\n      <goals><goal>generate</goal></goals>\n    </execution>\n"
          + "  </executions>\n</plugin>");
    }
    return editor.text();
  }

  /**
   * The spec kinds new starts from ({@code spec.kind} in provider.yaml, lower case). */
  enum Kind { OPENAPI, GRAPHQL, CRD }

  /**
   * What a spec kind contributes to the scaffold.
   *
   * @param bindings our operation -> "operationId note" (the note follows it as a comment in provider.yaml)
   * @param extraFiles more files for specs/<name>/, by relative path (GraphQL operation documents)
   */
  private record Scaffold(Kind kind, String specFileName, String displayName, String version, String baseUrl,
      String auth, String authStyle, Map<String, String> bindings, List<Capability> capabilities, List<String> todos,
      Map<String, String> extraFiles) {}

  private Scaffold openApi(Path file) {
    ApiModel model = new OpenApiReader().read(file, null);
    // swagger-parser reports a missing servers list as "/": only an absolute URL is a base URL.
    String url = baseUrl != null ? baseUrl : model.servers().isEmpty() ? "" : model.servers().get(0);
    if (!url.matches("https?://.+")) {
      throw new UserInputException(file + ": the spec declares no servers with an absolute URL, so there is no base "
          + "URL to infer; pass --base-url https://... or add servers: [{url: https://...}] to a copy of it");
    }
    OperationGuesser.Guess guess = OperationGuesser.guess(model);
    Map<String, OperationDef> guessed = new LinkedHashMap<>(guess.bound());
    List<Capability> caps = new ArrayList<>();
    if (guessed.containsKey("stop") && guessed.containsKey("start")) {
      caps.add(Capability.STOP_START);
    } else {
      guessed.remove("stop");
      guessed.remove("start");
    }
    if (guessed.containsKey("restart")) {
      caps.add(Capability.RESTART);
    }
    AuthSpec auth = SpecAuth.of(model.auth(), name);
    List<String> todos = new ArrayList<>();
    for (String ours : OperationGuesser.OURS) {
      if (!guessed.containsKey(ours) && !List.of("stop", "start", "restart").contains(ours)) {
        todos.add("operations." + ours + ": no operation of the spec looks like it; bind it or implement it by hand");
      }
    }
    todos.add("check every inferred operation binding below (method and path are noted after each)"
        + (guess.instanceCollection() == null ? "" : "; instances were taken to live at "
            + guess.instanceCollection()));
    guess.runnersUp().forEach((ours, rest) -> {
      if (guessed.containsKey(ours)) {
        todos.add("operations." + ours + ": runners-up " + rest.stream().map(OperationGuesser.Candidate::describe)
            .collect(Collectors.joining(", ")));
      }
    });
    // A GET that stops, starts or reboots must never be retried blindly: the copy of the spec says so.
    String specText = guess.stateChangingGets().isEmpty() ? "" : read(file);
    boolean specHadMarks = specText.contains("x-idempotent");
    java.util.Set<String> marked = new java.util.LinkedHashSet<>();
    for (String ours : guess.stateChangingGets()) {
      OperationDef op = guessed.get(ours);
      if (op == null) {
        continue;
      }
      if (!op.idempotent()) {
        todos.add("operations." + ours + ": " + op.id() + " is a GET that changes state; the spec already marks it "
            + "not idempotent, so it is never retried blindly");
        continue;
      }
      // An x-idempotent anywhere in the upstream text may be this operation's own: then a person edits it.
      String edited = specHadMarks ? null : SpecMarks.notIdempotent(specText, op.id());
      if (edited == null) {
        todos.add("operations." + ours + ": " + op.id() + " is a GET that changes state; mark it x-idempotent: false "
            + "in specs/" + name + "/openapi" + extension(file) + " (it could not be marked automatically) so it is "
            + "never retried blindly");
        continue;
      }
      specText = edited;
      marked.add(op.id());
      todos.add("operations." + ours + ": " + op.id() + " is a GET that changes state: marked x-idempotent: false in "
          + "the copy of the spec, so it is never retried blindly; keep that mark when the spec is updated");
    }
    Map<String, String> bindings = new LinkedHashMap<>();
    guessed.forEach((ours, op) -> {
      OperationDef.Http http = (OperationDef.Http) op.transport();
      bindings.put(ours, op.id() + " " + http.method().toUpperCase(Locale.ROOT) + " " + http.path()
          + (guess.stateChangingGets().contains(ours) ? " (a GET that changes state: not idempotent)" : ""));
    });
    if (auth.style().name().equals("NONE")) {
      todos.add("auth: the spec declares no security scheme; add the provider's auth (bearer, header, query)");
    }
    specCopy = marked.isEmpty() ? null : specText;
    Map<Capability, String> fromBody = SpecInference.capabilities(guessed.get("launch"), model);
    fromBody.keySet().forEach(caps::add);
    if (!fromBody.isEmpty()) {
      todos.add("capabilities " + fromBody.keySet() + " were read off " + guessed.get("launch").id() + "'s body ("
          + fromBody.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "))
          + "): confirm the adapter fills each field");
    }
    errorPointers = SpecInference.errors(file);
    return new Scaffold(Kind.OPENAPI, "openapi" + extension(file), model.title().isBlank() ? name : model.title(),
        model.version(), url, auth(auth), auth.style().name().toLowerCase(Locale.ROOT), bindings, caps, todos,
        Map.of());
  }

  private Scaffold graphQl(Path file) {
    GraphQLSchema schema = GraphQlReader.schema(file);
    List<GraphQlStarter.Document> docs = GraphQlStarter.documents(schema);
    if (docs.isEmpty()) {
      throw new UserInputException(file + ": no field of the root Query type can be called without arguments, so "
          + "there is no starter operation to write. TODO: write one operation per file in operations/<Name>.graphql "
          + "next to a copy of the schema (e.g. query MyPods { myself { pods { id } } }), or add such a field, "
          + "and run again");
    }
    Map<String, GraphQlStarter.Document> guessed = GraphQlStarter.guess(docs);
    List<String> todos = new ArrayList<>();
    if (baseUrl == null) {
      todos.add("baseUrl: the provider's GraphQL endpoint (a schema does not name it; pass --base-url next time)");
    }
    todos.add("operations/: the starter queries select every leaf field; trim them to what the adapter needs and "
        + "write the mutations (launch, terminate, ...) with variables, one operation per file");
    for (String ours : OperationGuesser.OURS) {
      if (!guessed.containsKey(ours) && !List.of("stop", "start", "restart").contains(ours)) {
        todos.add("operations." + ours + ": no starter query looks like it; write its document and bind it");
      }
    }
    todos.add("auth: a schema declares no auth; add the provider's (bearer, header, query)");
    Map<String, String> bindings = new LinkedHashMap<>();
    guessed.forEach((ours, d) -> bindings.put(ours, d.name() + " query " + d.field()));
    Map<String, String> files = new LinkedHashMap<>();
    docs.forEach(d -> files.put(GraphQlReader.OPERATIONS_FOLDER + "/" + d.name() + ".graphql", d.text()));
    String url = baseUrl != null ? baseUrl : "https://api." + name + ".invalid/graphql";
    return new Scaffold(Kind.GRAPHQL, "schema.graphql", name, "sha256:" + sha256(file).substring(0, 12), url,
        "{style: none}", "none", bindings, List.of(), todos, files);
  }

  /**
   * A CRD names no API server and no auth: the kubeconfig supplies both at run time, so baseUrl is only a default
   * (a reserved placeholder unless --base-url gives one). The file keeps its own name, as CoreWeave's does.
   */
  private Scaffold crd(Path file) {
    ApiModel model = new CrdReader().read(file, null);
    CrdBindings bound = CrdBindings.of(model);
    List<String> todos = new ArrayList<>();
    if (baseUrl == null) {
      todos.add("baseUrl: a placeholder; the kubeconfig's server (KUBECONFIG, ~/.kube/config or in-cluster) wins at "
          + "run time; put the provider's default API server here (or pass --base-url next time)");
    }
    todos.add("displayName: the provider's name as people write it (the CRD only names its resource, "
        + model.title() + ")");
    todos.add("check every operation binding below (method and path are noted after each)");
    if (!bound.bindings().containsKey("stop")) {
      todos.add("operations.stop/start: if the provider can stop and start an instance through another resource's "
          + "subresources (e.g. KubeVirt's), declare them in the CRD's " + CrdReader.ACTIONS + " annotation as a "
          + "YAML list of {id, method, path, summary}, bind them and add STOP_START");
    }
    todos.add("operations.offers: a Kubernetes API has no offers: list them in offerCatalog (see "
        + "specs/coreweave/provider.yaml) or implement fetchOffers by hand");
    if (bound.namespaced()) {
      todos.add("namespace: every call takes one; the generated base passes " + name.toUpperCase(Locale.ROOT)
          .replaceAll("[^A-Z0-9]", "_") + "_NAMESPACE (secret or environment), else the kubeconfig context's");
    }
    String url = baseUrl != null ? baseUrl : "https://kubernetes.invalid";
    // provider.yaml sits next to the copy: a CRD file of that name must not overwrite it.
    String copy = file.getFileName().toString().equals("provider.yaml") ? "crd.yaml" : file.getFileName().toString();
    return new Scaffold(Kind.CRD, copy, name, model.version(), url, "{style: kubeconfig}",
        "kubeconfig", bound.bindings(), bound.capabilities(), todos, Map.of());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String sha256(Path file) {
    try {
      return java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String auth(AuthSpec a) {
    return switch (a.style()) {
      case BEARER -> "{style: bearer, apiKeyEnv: " + a.apiKeyEnv() + "}";
      case BASIC -> "{style: basic, apiKeyEnv: " + a.apiKeyEnv() + "}";
      case HEADER -> "{style: header, header: " + quote(a.headerName()) + ", apiKeyEnv: " + a.apiKeyEnv()
          + (a.valuePrefix() == null || a.valuePrefix().isEmpty() ? "" : ", prefix: " + quote(a.valuePrefix())) + "}";
      case QUERY -> "{style: query, queryParams: {" + a.queryParams().entrySet().stream()
          .map(e -> quote(e.getKey()) + ": " + e.getValue()).collect(Collectors.joining(", ")) + "}}";
      default -> "{style: none}";
    };
  }

  /** Inserts {@code <module>} after the last providers/ module (else before bench, else at the end). */
  static void addModule(Path pom, String module) throws IOException {
    String text = Files.readString(pom);
    String entry = "<module>" + module + "</module>";
    if (text.contains(entry)) {
      return;
    }
    int at = text.lastIndexOf("<module>providers/");
    int insert = at >= 0 ? text.indexOf('\n', at) + 1 : text.indexOf("    <module>bench</module>");
    if (insert <= 0) {
      insert = text.indexOf("  </modules>");
    }
    if (insert < 0) {
      throw new UserInputException(pom + " has no <modules> section to add " + module + " to");
    }
    Files.writeString(pom, text.substring(0, insert) + "    " + entry + "\n" + text.substring(insert));
  }

  private static void write(Path file, String text, List<Path> written) throws IOException {
    write(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), written);
  }

  private static void write(Path file, byte[] bytes, List<Path> written) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    written.add(file);
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // Best effort: the original error is what the user needs to see.
    }
  }

  private static String extension(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".json") ? ".json" : n.endsWith(".yml") ? ".yml" : ".yaml";
  }

  private static String classPrefix(String name) {
    StringBuilder sb = new StringBuilder();
    for (String part : name.split("-")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.toString();
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
