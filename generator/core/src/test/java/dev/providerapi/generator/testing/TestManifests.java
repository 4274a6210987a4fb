package dev.providerapi.generator.testing;

import dev.providerapi.Capability;
import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.descriptor.ErrorFormat;
import dev.providerapi.descriptor.ErrorRule;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.descriptor.RateLimitWindow;
import dev.providerapi.errors.ErrorKind;
import dev.providerapi.generator.manifest.ProviderManifest;
import dev.providerapi.model.BillingGranularity;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.Region;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Builds {@link ProviderManifest}s in code, so emitter tests do not depend on the provider.yaml reader. */
public final class TestManifests {
  private TestManifests() {}

  /** A manifest with a small descriptor (bearer auth, nothing else) for package {@code test.<name>}. */
  public static ProviderManifest minimal(String name, String classPrefix) {
    ProviderDescriptor d = ProviderDescriptor.builder(name).baseUrl("https://api.example.test").build();
    return manifest(d, "test." + name.replace("-", ""), classPrefix);
  }

  /** A descriptor exercising every field the adapter base emits, shaped like Lambda's provider.yaml. */
  public static ProviderManifest full(String name, String classPrefix) {
    ProviderDescriptor d = ProviderDescriptor.builder(name)
        .displayName("Full Cloud")
        .baseUrl("https://cloud.example.test")
        .consoleUrl("https://cloud.example.test/instances")
        .auth(AuthSpec.bearer("FULL_API_KEY"))
        .rateLimit(new RateLimitWindow(1, Duration.ofSeconds(1), 1))
        .operationRateLimit("launchInstance", new RateLimitWindow(1, Duration.ofSeconds(12), 1))
        .operationRateLimit("launchInstance", new RateLimitWindow(5, Duration.ofMinutes(1), 1))
        .errorFormat(new ErrorFormat("/error/code", "/error/message", null, null, null, List.of(
            ErrorRule.code("global/object-does-not-exist", ErrorKind.NOT_FOUND),
            new ErrorRule(null, null, "provider/", null, ErrorKind.PROVIDER_UNAVAILABLE, true))))
        .status("booting", InstanceStatus.PROVISIONING)
        .status("active", InstanceStatus.RUNNING)
        .status("preempted", InstanceStatus.TERMINATED)
        .preemptedStatus("preempted")
        .capability(Capability.SSH_KEYS)
        .capability(Capability.RESTART)
        .capability(Capability.STOP_START)
        .capability(Capability.BILLING_VERIFICATION)
        .billingGranularity(BillingGranularity.perMinute())
        .offersCacheTtl(Duration.ofSeconds(30))
        .region(new Region("us-east-1", "us-east", "Virginia, USA"))
        .region(new Region("eu-1", "eu-central", null))
        .gpuAlias("h100_sxm5", "H100-SXM-80GB")
        .gpuNamePattern("^gpu_(?<count>\\d+)x_(?<name>.+)$")
        .specSource("https://cloud.example.test/openapi.json")
        .specVersion("1.8.3")
        .build();
    return manifest(d, "test." + name.replace("-", ""), classPrefix);
  }

  public static ProviderManifest manifest(ProviderDescriptor d, String javaPackage, String classPrefix) {
    return new ProviderManifest(Path.of("specs", d.name(), "provider.yaml"), d, javaPackage, classPrefix,
        new ProviderManifest.SpecRef("openapi", Path.of("specs", d.name(), "openapi.yaml"), null, null), null,
        Map.of());
  }
}
