package dev.providerapi.broker.metrics;

import dev.providerapi.ProviderEvent;
import dev.providerapi.ProviderListener;
import dev.providerapi.broker.Finding;
import dev.providerapi.broker.ReconcileReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Micrometer meters for everything the providers and the reconciler report. Give it to every provider's
 * config ({@code ProviderConfig.builder().listener(metrics)}) and hand {@link #findings()} to the reconciler
 * (or call {@link #record(ReconcileReport)}). Thread-safe.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>provider.requests</td><td>timer</td><td>provider, operation, method, status, outcome</td></tr>
 *   <tr><td>provider.retries</td><td>counter</td><td>provider, operation, cause</td></tr>
 *   <tr><td>provider.rate.limited</td><td>counter (429s)</td><td>provider, operation</td></tr>
 *   <tr><td>provider.rate.limit.wait</td><td>timer</td><td>provider, operation</td></tr>
 *   <tr><td>provider.circuit.open</td><td>gauge, 1 while open</td><td>provider</td></tr>
 *   <tr><td>provider.deprecations</td><td>counter</td><td>provider, operation</td></tr>
 *   <tr><td>provider.launches</td><td>timer</td><td>provider, outcome</td></tr>
 *   <tr><td>broker.reconciler.findings</td><td>counter</td><td>provider, kind, action</td></tr>
 * </table>
 *
 * <p>Tags carry names, statuses and kinds only, never a client token, an instance id or a credential, so the
 * number of series stays bounded.
 */
public final class MicrometerMetrics implements ProviderListener {
  private final MeterRegistry registry;
  private final Map<String, AtomicInteger> circuits = new ConcurrentHashMap<>();

  /**
   * Metrics registered in {@code registry}.
   *
   * @param registry where the meters are registered, as events first need them
   */
  public MicrometerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void onEvent(ProviderEvent event) {
    if (event instanceof ProviderEvent.Attempt a) {
      Timer.builder("provider.requests").description("HTTP exchanges with a provider, retries counted apart")
          .tags("provider", a.provider(), "operation", a.operation(), "method", a.method(),
              "status", a.status() == 0 ? "none" : Integer.toString(a.status()),
              "outcome", a.error() == null ? "success" : lower(a.error().name()))
          .register(registry).record(a.duration());
    } else if (event instanceof ProviderEvent.Retry r) {
      Counter.builder("provider.retries").description("attempts repeated after a retryable failure")
          .tags("provider", r.provider(), "operation", r.operation(), "cause", lower(r.cause().name()))
          .register(registry).increment();
    } else if (event instanceof ProviderEvent.RateLimited r) {
      Counter.builder("provider.rate.limited").description("429 answers")
          .tags("provider", r.provider(), "operation", r.operation()).register(registry).increment();
    } else if (event instanceof ProviderEvent.RateLimitWait w) {
      Timer.builder("provider.rate.limit.wait").description("time requests waited for the client-side rate limit")
          .tags("provider", w.provider(), "operation", w.operation()).register(registry).record(w.waited());
    } else if (event instanceof ProviderEvent.CircuitChange c) {
      circuit(c.provider()).set(c.open() ? 1 : 0);
    } else if (event instanceof ProviderEvent.Deprecation d) {
      Counter.builder("provider.deprecations").description("operations the provider marked deprecated")
          .tags("provider", d.provider(), "operation", d.operation()).register(registry).increment();
    } else if (event instanceof ProviderEvent.Launch l) {
      Timer.builder("provider.launches").description("launches, by how they ended")
          .tags("provider", l.provider(), "outcome", lower(l.outcome().name())).register(registry).record(l.duration());
    }
  }

  /**
   * Counts one reconciler finding.
   *
   * @param finding the finding, counted under its provider, kind and action
   */
  public void record(Finding finding) {
    Counter.builder("broker.reconciler.findings").description("orphans, unknowns and recoveries the reconciler found")
        .tags("provider", finding.provider(), "kind", lower(finding.kind().name()),
            "action", lower(finding.action().name()))
        .register(registry).increment();
  }

  /**
   * Counts every finding of a reconcile run.
   *
   * @param report the run's report
   */
  public void record(ReconcileReport report) {
    report.findings().forEach(this::record);
  }

  /**
   * For {@code Reconciler.reconcile(terminate, grace, metrics.findings())}.
   *
   * @return a consumer that counts each finding it is given
   */
  public Consumer<Finding> findings() {
    return this::record;
  }

  private AtomicInteger circuit(String provider) {
    return circuits.computeIfAbsent(provider, p -> {
      AtomicInteger state = new AtomicInteger();
      Gauge.builder("provider.circuit.open", state, AtomicInteger::get)
          .description("1 while the provider's circuit breaker is open").tag("provider", p).register(registry);
      return state;
    });
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
