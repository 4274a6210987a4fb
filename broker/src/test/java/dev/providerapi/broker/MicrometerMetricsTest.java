package dev.providerapi.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.providerapi.ProviderConfig;
import dev.providerapi.ProviderEvent;
import dev.providerapi.broker.metrics.MicrometerMetrics;
import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.http.ApiClient;
import dev.providerapi.http.ApiRequest;
import dev.providerapi.http.Operation;
import dev.providerapi.model.InstanceStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The meters a broker gets from MicrometerMetrics, fed by real calls and a real reconcile. */
class MicrometerMetricsTest {
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final MicrometerMetrics metrics = new MicrometerMetrics(registry);

  @Test
  void requestsRetriesAndDeprecationsOfRealCallsAreMetered() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/things/", exchange -> {
      boolean first = calls.getAndIncrement() == 0;
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      if (!first) {
        exchange.getResponseHeaders().add("Deprecation", "true");
      }
      exchange.sendResponseHeaders(first ? 503 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      ApiClient client = ApiClient.create(ProviderDescriptor.builder("acme").baseUrl("https://api.acme.invalid")
          .auth(AuthSpec.none()).build(), ProviderConfig.builder().environment(Map.of())
          .baseUrl("http://127.0.0.1:" + server.getAddress().getPort()).rateLimited(false)
          .retryBaseDelay(Duration.ofMillis(1)).listener(metrics).build());
      client.execute(new Operation("getThing", "GET", "/v1/things/{id}", true, null),
          ApiRequest.builder().path("id", 7).build());
    } finally {
      server.stop(0);
    }

    assertThat(registry.get("provider.requests").tags("provider", "acme", "operation", "getThing", "status", "503",
        "outcome", "provider_unavailable").timer().count()).isEqualTo(1);
    assertThat(registry.get("provider.requests").tags("status", "200", "outcome", "success", "method", "GET")
        .timer().count()).isEqualTo(1);
    assertThat(registry.get("provider.retries").tags("provider", "acme", "cause", "provider_unavailable")
        .counter().count()).isEqualTo(1);
    assertThat(registry.get("provider.deprecations").tags("operation", "getThing").counter().count()).isEqualTo(1);
  }

  @Test
  void circuitStateLaunchesAnd429sAreMetered() {
    metrics.onEvent(new ProviderEvent.CircuitChange("acme", true));
    assertThat(registry.get("provider.circuit.open").tags("provider", "acme").gauge().value()).isEqualTo(1.0);
    metrics.onEvent(new ProviderEvent.CircuitChange("acme", false));
    assertThat(registry.get("provider.circuit.open").tags("provider", "acme").gauge().value()).isEqualTo(0.0);

    metrics.onEvent(new ProviderEvent.Launch("acme", "pa-1", ProviderEvent.LaunchOutcome.CREATED, Duration.ofSeconds(3)));
    metrics.onEvent(new ProviderEvent.Launch("acme", "pa-2", ProviderEvent.LaunchOutcome.OUTCOME_UNKNOWN,
        Duration.ofSeconds(9)));
    assertThat(registry.get("provider.launches").tags("outcome", "created").timer().totalTime(
        java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(3.0);
    assertThat(registry.get("provider.launches").tags("outcome", "outcome_unknown").timer().count()).isEqualTo(1);
    assertThat(registry.find("provider.launches").meters()).allSatisfy(m ->
        assertThat(m.getId().getTags()).noneMatch(t -> t.getValue().startsWith("pa-")));

    metrics.onEvent(new ProviderEvent.RateLimited("acme", "listThings", Duration.ofSeconds(1)));
    metrics.onEvent(new ProviderEvent.RateLimitWait("acme", "listThings", Duration.ofMillis(250)));
    assertThat(registry.get("provider.rate.limited").tags("operation", "listThings").counter().count()).isEqualTo(1);
    assertThat(registry.get("provider.rate.limit.wait").timer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
        .isEqualTo(250.0);
  }

  @Test
  void reconcilerFindingsAreCountedByProviderKindAndAction(@TempDir Path dir) {
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    JdbcLaunchLedger ledger = JdbcLaunchLedger.sqlite(dir.resolve("ledger.db"));
    ScriptedProvider alpha = new ScriptedProvider("alpha");
    alpha.existing("pa-orphan-old", InstanceStatus.RUNNING, now.minus(Duration.ofHours(3)));
    alpha.existing("pa-orphan-young", InstanceStatus.RUNNING, now.minus(Duration.ofMinutes(3)));
    Reconciler reconciler = new Reconciler(Fleet.builder().provider(alpha).build(), ledger, "pa-",
        Clock.fixed(now, ZoneOffset.UTC));

    reconciler.reconcile(true, Duration.ofHours(1), metrics.findings());

    assertThat(registry.get("broker.reconciler.findings").tags("provider", "alpha", "kind", "orphan",
        "action", "terminated").counter().count()).isEqualTo(1);
    assertThat(registry.get("broker.reconciler.findings").tags("kind", "orphan", "action", "reported")
        .counter().count()).isEqualTo(1);
  }
}
