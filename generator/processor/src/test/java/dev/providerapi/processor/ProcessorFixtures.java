package dev.providerapi.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.net.URISyntaxException;
import java.nio.file.Path;
import javax.tools.JavaFileObject;

/** The fixture root ({@code src/test/resources/root}: specs/tiny, specs/broken, specs/nospec) and sources. */
final class ProcessorFixtures {
  private ProcessorFixtures() {}

  static Path root() {
    try {
      return Path.of(ProcessorFixtures.class.getResource("/root/specs").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(new ProviderApiProcessor())
        .withOptions("-A" + ProviderApiProcessor.ROOT_OPTION + "=" + root())
        .compile(sources);
  }

  static JavaFileObject packageInfo(String pkg, String manifest) {
    return JavaFileObjects.forSourceString(pkg + ".package-info", """
        @dev.providerapi.processor.GenerateProvider(manifest = "%s")
        package %s;
        """.formatted(manifest, pkg));
  }

  /** An adapter of the tiny provider; {@code hooks} are the capability methods it implements. */
  static JavaFileObject tinyAdapter(String name, String superclass, String hooks) {
    return JavaFileObjects.forSourceString("com.example.app." + name, """
        package com.example.app;

        import dev.providerapi.ProviderConfig;
        import dev.providerapi.model.BillingStatus;
        import dev.providerapi.model.Instance;
        import dev.providerapi.model.LaunchRequest;
        import dev.providerapi.model.Offer;
        import dev.providerapi.model.OfferFilter;
        import dev.providerapi.processor.ProviderAdapter;
        import java.util.List;
        import java.util.Optional;

        @ProviderAdapter("tiny")
        public class %1$s extends %2$s {
          public %1$s() {
            this(ProviderConfig.builder().build());
          }

          public %1$s(ProviderConfig config) {
            super(config);
          }

          @Override public %1$s configure(ProviderConfig config) { return new %1$s(config); }
          @Override protected List<Offer> fetchOffers(OfferFilter filter) { return List.of(); }
          @Override protected Instance launchInstance(LaunchRequest request) { throw new IllegalStateException(); }
          @Override protected void terminateInstance(String instanceId) { }
          @Override public Optional<Instance> get(String instanceId) { return Optional.empty(); }
          @Override public List<Instance> list() { return api().listMachines().stream().map(m -> (Instance) null).toList(); }
          %3$s
        }
        """.formatted(name, superclass, hooks));
  }

  static final String ALL_HOOKS = """
      @Override public Instance restart(String instanceId) { throw new IllegalStateException(); }
      @Override public BillingStatus billingStatus(String instanceId) { throw new IllegalStateException(); }
      """;
}
