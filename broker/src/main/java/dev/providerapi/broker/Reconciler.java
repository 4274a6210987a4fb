package dev.providerapi.broker;

import dev.providerapi.Provider;
import dev.providerapi.model.Instance;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.LaunchRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Compares each provider's instances that carry our client-token prefix with the ledger and reports
 * <ul>
 *   <li>orphans: running (any state but TERMINATED), and not in the ledger, or the ledger says failed or
 *       terminated; optionally terminated when older than a grace period;
 *   <li>unknowns: the ledger says pending or unknown and the provider has no instance with the token;
 *   <li>recovered: the ledger says pending or unknown and the provider has the instance; the ledger is updated.
 * </ul>
 * A crash between create and ledger update thus loses nothing: the next reconcile finds the instance.
 *
 * <p>Thread-safe; run one reconcile at a time per ledger if orphans are terminated (two would both try).
 */
public final class Reconciler {
  /** The prefix of {@link LaunchRequest#newClientToken()}. */
  public static final String DEFAULT_TOKEN_PREFIX = "pa-";

  private final Fleet fleet;
  private final LaunchLedger ledger;
  private final String tokenPrefix;
  private final Clock clock;

  /**
   * A reconciler for instances whose client token starts with {@link #DEFAULT_TOKEN_PREFIX}, on the system
   * UTC clock.
   *
   * @param fleet the providers whose instances are listed
   * @param ledger the launches to compare them with
   */
  public Reconciler(Fleet fleet, LaunchLedger ledger) {
    this(fleet, ledger, DEFAULT_TOKEN_PREFIX, Clock.systemUTC());
  }

  /**
   * A reconciler for instances whose client token starts with {@code tokenPrefix}.
   *
   * @param fleet the providers whose instances are listed
   * @param ledger the launches to compare them with
   * @param tokenPrefix the prefix that marks an instance as launched by us; others are ignored
   * @param clock the clock ages are measured on
   */
  public Reconciler(Fleet fleet, LaunchLedger ledger, String tokenPrefix, Clock clock) {
    this.fleet = Objects.requireNonNull(fleet, "fleet");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.tokenPrefix = Objects.requireNonNull(tokenPrefix, "tokenPrefix");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Reports only; terminates nothing. Recovered rows are still updated in the ledger.
   *
   * @return the findings and each provider's listing result
   */
  public ReconcileReport reconcile() {
    return reconcile(false, Duration.ZERO, f -> {});
  }

  /**
   * Reconciles; with {@code terminateOrphans}, an orphan whose age (the provider's creation time, else the
   * ledger's) is known and at least {@code grace} is terminated. Each finding goes to {@code onFinding} as
   * it is made.
   *
   * @param terminateOrphans whether to terminate orphans old enough
   * @param grace the age an orphan must reach before it is terminated
   * @param onFinding told of each finding as it is made, on the calling thread
   * @return the findings and each provider's listing result
   */
  public ReconcileReport reconcile(boolean terminateOrphans, Duration grace, Consumer<Finding> onFinding) {
    List<ProviderResult<List<Instance>>> listings = fleet.each(Provider::list);
    Map<String, List<LaunchRecord>> byToken = new HashMap<>();
    for (LaunchRecord r : ledger.all()) {
      byToken.computeIfAbsent(r.clientToken(), k -> new ArrayList<>()).add(r);
    }
    Instant now = clock.instant();
    List<Finding> findings = new ArrayList<>();
    List<ProviderResult<Integer>> providers = new ArrayList<>();
    for (ProviderResult<List<Instance>> listing : listings) {
      String name = listing.provider();
      if (!listing.ok()) {
        providers.add(new ProviderResult<>(name, listing.outcome(), null, listing.error(), listing.elapsed()));
        continue;
      }
      Provider provider = fleet.require(name);
      List<Instance> ours = listing.value().stream()
          .filter(i -> token(i) != null && token(i).startsWith(tokenPrefix))
          .filter(i -> i.status() != InstanceStatus.TERMINATED)
          .toList();
      providers.add(ProviderResult.ok(name, ours.size(), listing.elapsed()));
      Map<String, List<Instance>> liveByToken = new HashMap<>();
      for (Instance i : ours) {
        liveByToken.computeIfAbsent(token(i), k -> new ArrayList<>()).add(i);
        Finding f = judge(provider, i, byToken.getOrDefault(token(i), List.of()), now, terminateOrphans, grace);
        if (f != null) {
          findings.add(f);
          onFinding.accept(f);
        }
      }
      for (List<LaunchRecord> records : byToken.values()) {
        for (LaunchRecord r : records) {
          if (r.provider().equals(name) && r.state().open() && !liveByToken.containsKey(r.clientToken())) {
            Finding f = new Finding(Finding.Kind.UNKNOWN, name, r.clientToken(), r.instanceId(), null, r.state(),
                Duration.between(r.createdAt(), now), Finding.Action.REPORTED,
                "ledger says " + r.state() + " (attempt " + r.attempt() + ", offer " + r.offerId()
                    + ") and " + name + " has no instance with this token");
            findings.add(f);
            onFinding.accept(f);
          }
        }
      }
    }
    findings.sort(Comparator.comparing(Finding::provider).thenComparing(Finding::clientToken));
    return new ReconcileReport(findings, providers);
  }

  private @Nullable Finding judge(Provider provider, Instance i, List<LaunchRecord> records, Instant now,
      boolean terminateOrphans, Duration grace) {
    String token = token(i);
    LaunchRecord record = records.stream().filter(r -> r.provider().equals(provider.name()))
        .max(Comparator.comparingInt(LaunchRecord::attempt)).orElse(null);
    if (record != null && record.state() == LaunchState.CREATED) {
      return null;
    }
    if (record != null && record.state().open()) {
      ledger.resolve(record.clientToken(), record.attempt(), LaunchState.CREATED, i.id(),
          "recovered by reconcile: the ledger said " + record.state());
      return new Finding(Finding.Kind.RECOVERED, provider.name(), token, i.id(), i.status(), record.state(),
          age(i, record, now), Finding.Action.LEDGER_UPDATED,
          "ledger said " + record.state() + "; " + provider.name() + " has instance " + i.id() + " ("
              + i.status() + "); the ledger now says CREATED");
    }
    Duration age = age(i, record, now);
    String why = record == null ? "not in the ledger" : "ledger says " + record.state();
    if (!terminateOrphans) {
      return new Finding(Finding.Kind.ORPHAN, provider.name(), token, i.id(), i.status(),
          record == null ? null : record.state(), age, Finding.Action.REPORTED, why);
    }
    if (age == null || age.compareTo(grace) < 0) {
      return new Finding(Finding.Kind.ORPHAN, provider.name(), token, i.id(), i.status(),
          record == null ? null : record.state(), age, Finding.Action.REPORTED,
          why + "; " + (age == null ? "age unknown" : "younger than the grace period of " + grace)
              + ", left running");
    }
    try {
      provider.terminate(i.id());
    } catch (RuntimeException e) {
      return new Finding(Finding.Kind.ORPHAN, provider.name(), token, i.id(), i.status(),
          record == null ? null : record.state(), age, Finding.Action.TERMINATE_FAILED,
          why + "; terminate failed: " + e.getMessage());
    }
    if (record != null) {
      ledger.resolve(record.clientToken(), record.attempt(), LaunchState.TERMINATED, i.id(),
          "orphan terminated by reconcile");
    }
    return new Finding(Finding.Kind.ORPHAN, provider.name(), token, i.id(), i.status(),
        record == null ? null : record.state(), age, Finding.Action.TERMINATED, why + "; terminated");
  }

  private static @Nullable Duration age(Instance i, @Nullable LaunchRecord record, Instant now) {
    Instant since = i.createdAt() != null ? i.createdAt() : record == null ? null : record.createdAt();
    return since == null ? null : Duration.between(since, now);
  }

  /** The instance's client token: the one the adapter read back, else its name. */
  static @Nullable String token(Instance i) {
    return i.clientToken() != null ? i.clientToken() : i.name();
  }
}
