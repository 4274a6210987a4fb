package dev.providerapi.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.providerapi.Capability;
import dev.providerapi.ProviderConfig;
import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.descriptor.AuthStyle;
import dev.providerapi.descriptor.ErrorFormat;
import dev.providerapi.descriptor.ErrorRule;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.descriptor.RateLimitWindow;
import dev.providerapi.errors.ErrorKind;
import dev.providerapi.generator.manifest.ProviderManifest;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.model.BillingGranularity;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.Region;
import dev.providerapi.spi.AbstractProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * The abstract {@code <Prefix>ProviderBase}: the provider.yaml as a {@link ProviderDescriptor} constant (nothing
 * parsed at run time), the typed API client, and every Provider method a declared capability makes mandatory
 * redeclared abstract, so forgetting one is a compile error in the hand-written adapter, not a runtime surprise.
 */
final class AdapterBaseEmitter {
  private final ClassName base;
  private final ClassName api;
  private final ClassName impl;

  AdapterBaseEmitter(ClassName base, ClassName api, ClassName impl) {
    this.base = base;
    this.api = api;
    this.impl = impl;
  }

  TypeSpec emit(ProviderManifest manifest, ApiModel model, TypeMapper types) {
    ProviderDescriptor d = manifest.descriptor();
    TypeSpec.Builder type = TypeSpec.classBuilder(base)
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .superclass(AbstractProvider.class)
        .addJavadoc("Everything {@code $L} declares for $L; the hand-written adapter extends this and adds only"
            + " behaviour.\n", "provider.yaml", Naming.javadoc(d.displayName()))
        .addField(FieldSpec.builder(ProviderDescriptor.class, "DESCRIPTOR", Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL)
            .addJavadoc("What provider.yaml declares: auth, base URL, rate limits, error rules, statuses, capabilities,"
                + " regions and GPU names.\n")
            .initializer(descriptor(d))
            .build())
        .addField(FieldSpec.builder(api, "api", Modifier.PRIVATE, Modifier.VOLATILE)
            .addAnnotation(Naming.NULLABLE_ANNOTATION).build())
        .addMethod(MethodSpec.methodBuilder("api")
            .addJavadoc("The typed client, created on first use over the shared HTTP client.\n\n"
                + "@return the one client of this adapter\n")
            .addModifiers(Modifier.PROTECTED)
            .returns(api)
            // Double-checked locking on a volatile field: one client per adapter, no lock once created.
            .addStatement("$T local = api", api)
            .beginControlFlow("if (local == null)")
            .beginControlFlow("synchronized (this)")
            .addStatement("local = api")
            .beginControlFlow("if (local == null)")
            .addStatement("local = new $T(apiClient())", impl)
            .addStatement("api = local")
            .endControlFlow()
            .endControlFlow()
            .endControlFlow()
            .addStatement("return local")
            .build());
    if (KubeconfigEmitter.applies(manifest)) {
      new KubeconfigEmitter(manifest).emit(type);
    } else {
      type.addMethod(MethodSpec.constructorBuilder()
          .addJavadoc("The base of an adapter that runs with {@code config}.\n\n@param config credentials, base URL,"
              + " timeouts and limits this adapter runs with\n")
          .addModifiers(Modifier.PROTECTED)
          .addParameter(ProviderConfig.class, "config")
          .addStatement("super(DESCRIPTOR, config)")
          .build());
    }
    new LifecycleEmitter(manifest, model, types).emit(type);
    new NameTakenEmitter(manifest).emit(type);
    for (Capability c : new TreeSet<>(d.capabilities())) {
      for (CapabilityHooks.Hook h : CapabilityHooks.mandatory(manifest, c)) {
        type.addMethod(mandatory(h.name(), h.returns(), c));
      }
    }
    return type.build();
  }

  private static MethodSpec mandatory(String name, Class<?> returns, Capability capability) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc("Mandatory: provider.yaml declares {@code $L}.\n\n@param instanceId the provider's id of the"
            + " instance\n@return what the capability promises for it\n", capability.name())
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .returns(returns)
        .addParameter(String.class, "instanceId")
        .build();
  }

  private static CodeBlock descriptor(ProviderDescriptor d) {
    CodeBlock.Builder b = CodeBlock.builder().add("$T.builder($S)\n", ProviderDescriptor.class, d.name())
        .indent().indent();
    b.add(".displayName($S)\n", d.displayName());
    b.add(".baseUrl($S)\n", d.baseUrl().toString());
    if (d.consoleUrl() != null) {
      b.add(".consoleUrl($S)\n", d.consoleUrl().toString());
    }
    b.add(".auth($L)\n", auth(d.auth()));
    for (RateLimitWindow w : d.rateLimits()) {
      b.add(".rateLimit($L)\n", window(w));
    }
    for (Map.Entry<String, List<RateLimitWindow>> e : new TreeMap<>(d.operationRateLimits()).entrySet()) {
      for (RateLimitWindow w : e.getValue()) {
        b.add(".operationRateLimit($S, $L)\n", e.getKey(), window(w));
      }
    }
    if (!d.errorFormat().equals(ErrorFormat.defaults())) {
      b.add(".errorFormat($L)\n", errorFormat(d.errorFormat()));
    }
    for (Map.Entry<String, InstanceStatus> e : new TreeMap<>(d.statusMapping().values()).entrySet()) {
      b.add(".status($S, $T.$L)\n", e.getKey(), InstanceStatus.class, e.getValue().name());
    }
    for (String p : new TreeSet<>(d.statusMapping().preempted())) {
      b.add(".preemptedStatus($S)\n", p);
    }
    for (String c : new TreeSet<>(d.capabilities().stream().map(Enum::name).toList())) {
      b.add(".capability($T.$L)\n", Capability.class, c);
    }
    b.add(".billingGranularity(new $T($L, $L))\n", BillingGranularity.class,
        duration(d.billingGranularity().increment()), duration(d.billingGranularity().minimum()));
    if (!d.offersCacheTtl().isZero()) {
      b.add(".offersCacheTtl($L)\n", duration(d.offersCacheTtl()));
    }
    for (Region r : d.regions()) {
      b.add(".region(new $T($S, $S, $L))\n", Region.class, r.providerName(), r.canonicalName(),
          string(r.description()));
    }
    for (Map.Entry<String, String> e : new TreeMap<>(d.gpuAliases()).entrySet()) {
      b.add(".gpuAlias($S, $S)\n", e.getKey(), e.getValue());
    }
    if (d.gpuNamePattern() != null) {
      b.add(".gpuNamePattern($S)\n", d.gpuNamePattern());
    }
    if (d.specSource() != null) {
      b.add(".specSource($S)\n", d.specSource());
    }
    if (d.specVersion() != null) {
      b.add(".specVersion($S)\n", d.specVersion());
    }
    if (d.offerCatalog() != null) {
      b.add(".offerCatalog($L)\n", offerCatalog(d.offerCatalog()));
    }
    return b.add(".build()").unindent().unindent().build();
  }

  private static CodeBlock offerCatalog(dev.providerapi.descriptor.OfferCatalog c) {
    CodeBlock.Builder entries = CodeBlock.builder();
    for (int i = 0; i < c.entries().size(); i++) {
      dev.providerapi.descriptor.OfferCatalog.Entry e = c.entries().get(i);
      entries.add("$L\n    new $T($S, $T.of($L), $T.of($L), new $T($S))", i == 0 ? "" : ",",
          dev.providerapi.descriptor.OfferCatalog.Entry.class, e.gpu(), java.util.List.class,
          CodeBlock.join(e.counts().stream().map(n -> CodeBlock.of("$L", n)).toList(), ", "), java.util.List.class,
          CodeBlock.join(e.regions().stream().map(r -> CodeBlock.of("$S", r)).toList(), ", "),
          java.math.BigDecimal.class, e.perGpuHour().toPlainString());
    }
    return CodeBlock.of("new $T($T.parse($S), $L, $L, $T.of($L))", dev.providerapi.descriptor.OfferCatalog.class,
        java.time.LocalDate.class, c.asOf().toString(), string(c.source()), string(c.note()), java.util.List.class,
        entries.build());
  }

  private static CodeBlock auth(AuthSpec a) {
    if (a.apiKeyEnv() != null && a.equals(AuthSpec.bearer(a.apiKeyEnv()))) {
      return CodeBlock.of("$T.bearer($S)", AuthSpec.class, a.apiKeyEnv());
    }
    if (a.apiKeyEnv() != null && a.equals(AuthSpec.basic(a.apiKeyEnv()))) {
      return CodeBlock.of("$T.basic($S)", AuthSpec.class, a.apiKeyEnv());
    }
    if (a.style() == AuthStyle.NONE && a.equals(AuthSpec.none())) {
      return CodeBlock.of("$T.none()", AuthSpec.class);
    }
    if (a.style() == AuthStyle.KUBECONFIG && a.equals(AuthSpec.kubeconfig())) {
      return CodeBlock.of("$T.kubeconfig()", AuthSpec.class);
    }
    return CodeBlock.of("new $T($T.$L, $L, $L, $L, $L)", AuthSpec.class, AuthStyle.class, a.style().name(),
        string(a.apiKeyEnv()), string(a.headerName()), string(a.valuePrefix()), stringMap(a.queryParams()));
  }

  private static CodeBlock errorFormat(ErrorFormat f) {
    List<CodeBlock> rules = new ArrayList<>();
    // Rule order is meaning (the first match wins), so it is kept as declared.
    for (ErrorRule r : f.rules()) {
      rules.add(CodeBlock.of("new $T($L, $L, $L, $L, $T.$L, $L)", ErrorRule.class,
          r.status() == null ? "null" : r.status().toString(), string(r.code()), string(r.codePrefix()),
          string(r.messageContains()), ErrorKind.class, r.kind().name(),
          r.retryable() == null ? "null" : r.retryable().toString()));
    }
    CodeBlock list = rules.isEmpty() ? CodeBlock.of("$T.of()", List.class)
        : CodeBlock.builder().add("$T.of(\n", List.class).indent().indent()
            .add(CodeBlock.join(rules, ",\n")).add(")").unindent().unindent().build();
    return CodeBlock.of("new $T($L, $L, $L, $L, $L, $L)", ErrorFormat.class, string(f.codePointer()),
        string(f.messagePointer()), string(f.requestIdHeader()), string(f.okErrorPointer()),
        string(f.okErrorEquals()), list);
  }

  private static CodeBlock window(RateLimitWindow w) {
    return CodeBlock.of("new $T($L, $L, $L)", RateLimitWindow.class, w.limit(), duration(w.period()), w.burst());
  }

  static CodeBlock duration(Duration d) {
    if (d.isZero()) {
      return CodeBlock.of("$T.ZERO", Duration.class);
    }
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0) {
      return CodeBlock.of("$T.ofHours($L)", Duration.class, ms / 3_600_000);
    }
    if (ms % 60_000 == 0) {
      return CodeBlock.of("$T.ofMinutes($L)", Duration.class, ms / 60_000);
    }
    if (ms % 1000 == 0) {
      return CodeBlock.of("$T.ofSeconds($L)", Duration.class, ms / 1000);
    }
    return CodeBlock.of("$T.ofMillis($L)", Duration.class, ms);
  }

  private static CodeBlock string(@Nullable String s) {
    return s == null ? CodeBlock.of("null") : CodeBlock.of("$S", s);
  }

  private static CodeBlock stringMap(Map<String, String> map) {
    if (map.isEmpty()) {
      return CodeBlock.of("$T.of()", Map.class);
    }
    List<CodeBlock> entries = new ArrayList<>();
    new TreeMap<>(map).forEach((k, v) -> entries.add(CodeBlock.of("$T.entry($S, $S)", Map.class, k, v)));
    return CodeBlock.of("$T.ofEntries($L)", Map.class, CodeBlock.join(entries, ", "));
  }
}
