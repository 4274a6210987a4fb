package dev.providerapi.broker;

import dev.providerapi.Provider;
import dev.providerapi.model.Instance;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Several providers used as one. Each fleet-wide call runs on every provider at once, each with its own
 * deadline counted from the call's start: the call costs the slowest provider's time (or its deadline), not
 * the sum, and one slow or failing provider never delays or fails the rest.
 *
 * <p>Calls run on virtual threads on Java 21 and later, on a cached pool of daemon threads on 17, or on the
 * executor given to the builder (which the fleet then does not shut down).
 *
 * <p>Thread-safe: one fleet serves concurrent calls; the providers it holds must be (the runtime's are).
 */
public final class Fleet implements AutoCloseable {
  /** The deadline of a provider that has none of its own. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(20);

  private final Map<String, Provider> providers;
  private final Map<String, Duration> deadlines;
  private final Duration defaultDeadline;
  private final ExecutorService executor;
  private final boolean ownsExecutor;

  private Fleet(Builder b) {
    this.providers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.providers));
    this.deadlines = Map.copyOf(b.deadlines);
    this.defaultDeadline = b.defaultDeadline;
    this.ownsExecutor = b.executor == null;
    this.executor = b.executor != null ? b.executor : defaultExecutor();
  }

  /**
   * A builder with no providers, the {@link #DEFAULT_DEADLINE} and the fleet's own executor.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The fleet's providers in the order they were added.
   *
   * @return an unmodifiable copy
   */
  public List<Provider> providers() {
    return List.copyOf(providers.values());
  }

  /**
   * The provider named {@code name}.
   *
   * @param name the provider's name
   * @return the provider, or empty when the fleet has none by that name
   */
  public Optional<Provider> provider(String name) {
    return Optional.ofNullable(providers.get(name));
  }

  /**
   * The provider named {@code name}; the message lists the fleet's names when it is not there.
   *
   * @param name the provider's name
   * @return the provider
   * @throws IllegalArgumentException when the fleet has no provider by that name
   */
  public Provider require(String name) {
    Provider p = providers.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no provider named '" + name + "' in the fleet; it has "
          + providers.keySet());
    }
    return p;
  }

  /**
   * How long a fleet-wide call waits for {@code provider}.
   *
   * @param provider the provider's name
   * @return its own deadline, else the fleet's default
   */
  public Duration deadline(String provider) {
    return deadlines.getOrDefault(provider, defaultDeadline);
  }

  /**
   * Offers from every provider matching {@code filter}, merged and sorted by the filter's sort.
   *
   * @param filter what to ask every provider for; the hardware part is also checked on each answer
   * @return the merged offers and each provider's own result (failed and timed-out ones included)
   */
  public FleetOffers offers(OfferFilter filter) {
    List<ProviderResult<List<Offer>>> results = each(p -> p.offers(filter).stream()
        .filter(o -> filter.matchesHardware(o, p::canonicalRegion))
        .toList());
    List<Offer> merged = new ArrayList<>();
    for (ProviderResult<List<Offer>> r : results) {
      if (r.ok()) {
        merged.addAll(r.value());
      }
    }
    merged.sort(filter.effectiveSort().comparator(filter.market()));
    return new FleetOffers(merged, results);
  }

  /**
   * Every instance of every provider's account.
   *
   * @return one result per provider, in the fleet's order
   */
  public List<ProviderResult<List<Instance>>> instances() {
    return each(Provider::list);
  }

  /**
   * Runs {@code call} on every provider at once. The results come back in the fleet's order, each ok with its
   * value, failed with the exception, or timed out (the call is then cancelled, its thread interrupted).
   *
   * @param call what to run on each provider
   * @param <T> what the call returns
   * @return one result per provider, in the fleet's order
   * @throws IllegalStateException when the calling thread is interrupted while waiting (the calls are cancelled)
   */
  public <T> List<ProviderResult<T>> each(Function<Provider, T> call) {
    Objects.requireNonNull(call, "call");
    long start = System.nanoTime();
    Map<String, Future<Timed<T>>> futures = new LinkedHashMap<>();
    for (Provider p : providers.values()) {
      futures.put(p.name(), executor.submit(() -> {
        T value = call.apply(p);
        return new Timed<>(value, System.nanoTime());
      }));
    }
    List<ProviderResult<T>> results = new ArrayList<>(futures.size());
    for (Map.Entry<String, Future<Timed<T>>> e : futures.entrySet()) {
      String name = e.getKey();
      Duration deadline = deadline(name);
      long left = deadline.toNanos() - (System.nanoTime() - start);
      Future<Timed<T>> f = e.getValue();
      try {
        Timed<T> t = f.get(Math.max(0, left), TimeUnit.NANOSECONDS);
        results.add(ProviderResult.ok(name, t.value(), Duration.ofNanos(t.doneAt() - start)));
      } catch (TimeoutException timeout) {
        f.cancel(true);
        results.add(ProviderResult.timedOut(name, deadline, Duration.ofNanos(System.nanoTime() - start)));
      } catch (ExecutionException failed) {
        results.add(ProviderResult.failed(name, failed.getCause(), Duration.ofNanos(System.nanoTime() - start)));
      } catch (CancellationException cancelled) {
        results.add(ProviderResult.failed(name, cancelled, Duration.ofNanos(System.nanoTime() - start)));
      } catch (InterruptedException interrupted) {
        futures.values().forEach(other -> other.cancel(true));
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the fleet's providers", interrupted);
      }
    }
    return results;
  }

  /** Closes the providers and, when the fleet made it, its executor. */
  @Override
  public void close() {
    if (ownsExecutor) {
      executor.shutdownNow();
    }
    for (Provider p : providers.values()) {
      p.close();
    }
  }

  /**
   * True when calls run on virtual threads (Java 21+, and no executor was given).
   *
   * @return whether the fleet's own executor makes a virtual thread per call
   */
  public boolean usesVirtualThreads() {
    return ownsExecutor && executor.getClass().getName().contains("ThreadPerTask");
  }

  private record Timed<T>(T value, long doneAt) {}

  /**
   * Virtual threads where the running JVM has them (checked by its feature version, no reflection over the
   * class path; the factory is looked up as a method handle since this code compiles for Java 17), else a
   * cached pool of daemon threads.
   */
  static ExecutorService defaultExecutor() {
    if (Runtime.version().feature() >= 21) {
      try {
        MethodHandle factory = MethodHandles.publicLookup().findStatic(Executors.class,
            "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class));
        return (ExecutorService) factory.invoke();
      } catch (Throwable e) {
        // fall back to platform threads below
      }
    }
    AtomicInteger n = new AtomicInteger();
    ThreadFactory threads = r -> {
      Thread t = new Thread(r, "fleet-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    return Executors.newCachedThreadPool(threads);
  }

  /** Collects a fleet's providers, deadlines and executor. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Provider> providers = new LinkedHashMap<>();
    private final Map<String, Duration> deadlines = new HashMap<>();
    private Duration defaultDeadline = DEFAULT_DEADLINE;
    private @Nullable ExecutorService executor;

    private Builder() {}

    /**
     * Adds {@code provider} after those already added.
     *
     * @param provider a provider, with a name not yet in the fleet
     * @return this builder
     * @throws IllegalArgumentException when a provider of the same name was added already
     */
    public Builder provider(Provider provider) {
      if (providers.putIfAbsent(provider.name(), provider) != null) {
        throw new IllegalArgumentException("provider '" + provider.name() + "' is in the fleet twice");
      }
      return this;
    }

    /**
     * Adds every provider of {@code all}, in its iteration order.
     *
     * @param all providers with names not yet in the fleet
     * @return this builder
     * @throws IllegalArgumentException when two providers share a name
     */
    public Builder providers(Collection<? extends Provider> all) {
      all.forEach(this::provider);
      return this;
    }

    /**
     * The deadline of every provider that has none of its own (default 20 s).
     *
     * @param deadline how long a fleet-wide call waits for each provider, counted from the call's start
     * @return this builder
     * @throws IllegalArgumentException when the deadline is zero or negative
     */
    public Builder deadline(Duration deadline) {
      this.defaultDeadline = positive(deadline);
      return this;
    }

    /**
     * The deadline of one provider.
     *
     * @param provider the provider's name
     * @param deadline how long a fleet-wide call waits for it, counted from the call's start
     * @return this builder
     * @throws IllegalArgumentException when the deadline is zero or negative
     */
    public Builder deadline(String provider, Duration deadline) {
      deadlines.put(provider, positive(deadline));
      return this;
    }

    /**
     * Runs calls on {@code executor}; the fleet does not shut it down.
     *
     * @param executor the executor every provider call is submitted to
     * @return this builder
     */
    public Builder executor(ExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * A fleet of the providers added so far.
     *
     * @return a new fleet; closing it closes its providers
     */
    public Fleet build() {
      return new Fleet(this);
    }

    private static Duration positive(Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("a deadline must be positive, was " + d);
      }
      return d;
    }
  }
}
