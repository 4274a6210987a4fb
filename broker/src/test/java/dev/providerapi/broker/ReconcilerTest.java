package dev.providerapi.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.OfferFilter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconcilerTest {
  static final String H100 = "NVIDIA H100 80GB HBM3";
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir Path dir;
  JdbcLaunchLedger ledger;
  ScriptedProvider alpha;
  ScriptedProvider beta;
  Fleet fleet;
  Reconciler reconciler;

  @BeforeEach
  void setUp() {
    ledger = JdbcLaunchLedger.sqlite(dir.resolve("ledger.db"));
    alpha = new ScriptedProvider("alpha").offer("a1", H100, 1, "1.00");
    beta = new ScriptedProvider("beta").offer("b1", H100, 1, "2.00");
    fleet = Fleet.builder().provider(alpha).provider(beta).build();
    reconciler = new Reconciler(fleet, ledger, "pa-", Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void aLaunchThatWasRecordedIsClean() {
    LaunchResult r = new FailoverLauncher(fleet, ledger).launch(LaunchPlan.builder(OfferFilter.any()).build());
    assertThat(r.outcome()).isEqualTo(LaunchResult.Outcome.LAUNCHED);
    alpha.existing("someone-elses", InstanceStatus.RUNNING, NOW.minusSeconds(9999)); // not our prefix

    ReconcileReport report = reconciler.reconcile();
    assertThat(report.findings()).isEmpty();
    assertThat(report.clean()).isTrue();
    assertThat(report.providers()).extracting(ProviderResult::provider, ProviderResult::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("alpha", 1), org.assertj.core.groups.Tuple.tuple("beta", 0));
  }

  @Test
  void orphansUnknownsAndRecoveredAreTold() {
    alpha.existing("pa-notinledger", InstanceStatus.RUNNING, NOW.minus(Duration.ofHours(2)));
    Instant t = NOW.minus(Duration.ofMinutes(30));
    ledger.pending(new LaunchRecord("pa-failed", 1, "beta", "b1", "{}", LaunchState.PENDING, null, null, t, t));
    ledger.resolve("pa-failed", 1, LaunchState.FAILED, null, "no capacity");
    beta.existing("pa-failed", InstanceStatus.RUNNING, t); // the provider said no, yet here it is
    ledger.pending(new LaunchRecord("pa-lost", 1, "alpha", "a1", "{}", LaunchState.PENDING, null, null, t, t));
    ledger.pending(new LaunchRecord("pa-crash", 1, "beta", "b1", "{}", LaunchState.PENDING, null, null, t, t));
    String crashed = beta.existing("pa-crash", InstanceStatus.PROVISIONING, t.plusSeconds(3)).id();
    alpha.existing("pa-gone", InstanceStatus.TERMINATED, t); // terminated: not billed, not reported

    ReconcileReport report = reconciler.reconcile();

    assertThat(report.findings()).extracting(Finding::kind, Finding::provider, Finding::clientToken).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Finding.Kind.UNKNOWN, "alpha", "pa-lost"),
        org.assertj.core.groups.Tuple.tuple(Finding.Kind.ORPHAN, "alpha", "pa-notinledger"),
        org.assertj.core.groups.Tuple.tuple(Finding.Kind.RECOVERED, "beta", "pa-crash"),
        org.assertj.core.groups.Tuple.tuple(Finding.Kind.ORPHAN, "beta", "pa-failed"));
    Finding orphan = report.of(Finding.Kind.ORPHAN).get(0);
    assertThat(orphan.age()).isEqualTo(Duration.ofHours(2));
    assertThat(orphan.detail()).isEqualTo("not in the ledger");
    assertThat(orphan.action()).isEqualTo(Finding.Action.REPORTED);
    assertThat(report.of(Finding.Kind.ORPHAN).get(1).detail()).isEqualTo("ledger says FAILED");
    assertThat(report.of(Finding.Kind.UNKNOWN).get(0).detail())
        .isEqualTo("ledger says PENDING (attempt 1, offer a1) and alpha has no instance with this token");
    Finding recovered = report.of(Finding.Kind.RECOVERED).get(0);
    assertThat(recovered.instanceId()).isEqualTo(crashed);
    assertThat(recovered.action()).isEqualTo(Finding.Action.LEDGER_UPDATED);
    assertThat(ledger.find("pa-crash").get(0).state()).isEqualTo(LaunchState.CREATED);
    assertThat(ledger.find("pa-crash").get(0).instanceId()).isEqualTo(crashed);
    assertThat(alpha.terminated).isEmpty();
    assertThat(beta.terminated).isEmpty();

    // a second pass no longer sees the recovered one
    assertThat(reconciler.reconcile().of(Finding.Kind.RECOVERED)).isEmpty();
  }

  @Test
  void orphansOlderThanTheGracePeriodAreTerminatedYoungerOnesLeftRunning() {
    String old = alpha.existing("pa-old", InstanceStatus.RUNNING, NOW.minus(Duration.ofHours(3))).id();
    String young = alpha.existing("pa-young", InstanceStatus.RUNNING, NOW.minus(Duration.ofMinutes(5))).id();
    String ageless = beta.existing("pa-ageless", InstanceStatus.RUNNING, null).id();
    List<Finding> heard = new ArrayList<>();

    ReconcileReport report = reconciler.reconcile(true, Duration.ofHours(1), heard::add);

    assertThat(alpha.terminated).containsExactly(old);
    assertThat(beta.terminated).isEmpty();
    assertThat(report.findings()).extracting(Finding::instanceId, Finding::action).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(old, Finding.Action.TERMINATED),
        org.assertj.core.groups.Tuple.tuple(young, Finding.Action.REPORTED),
        org.assertj.core.groups.Tuple.tuple(ageless, Finding.Action.REPORTED));
    assertThat(report.findings()).filteredOn(f -> f.instanceId().equals(young)).singleElement()
        .extracting(Finding::detail)
        .isEqualTo("not in the ledger; younger than the grace period of PT1H, left running");
    assertThat(report.findings()).filteredOn(f -> f.instanceId().equals(ageless)).singleElement()
        .extracting(Finding::detail).isEqualTo("not in the ledger; age unknown, left running");
    assertThat(heard).hasSize(3);
  }

  @Test
  void aProviderWhoseListingFailsIsReportedAndJudgedOnNothing() {
    Instant t = NOW.minus(Duration.ofMinutes(30));
    ledger.pending(new LaunchRecord("pa-b", 1, "beta", "b1", "{}", LaunchState.PENDING, null, null, t, t));
    ScriptedProvider broken = new ScriptedProvider("beta") {
      @Override public java.util.List<dev.providerapi.model.Instance> list() {
        throw new IllegalStateException("listing down");
      }
    };
    try (Fleet f = Fleet.builder().provider(alpha).provider(broken).build()) {
      ReconcileReport report = new Reconciler(f, ledger, "pa-", Clock.fixed(NOW, ZoneOffset.UTC)).reconcile();
      assertThat(report.findings()).isEmpty();
      assertThat(report.clean()).isFalse();
      assertThat(report.providers().get(1).outcome()).isEqualTo(ProviderResult.Outcome.FAILED);
      assertThat(report.providers().get(1).error()).hasMessage("listing down");
    }
  }

  /** The crash test: the launching thread dies after the create and before the ledger update. */
  @Test
  void aLauncherKilledBetweenCreateAndLedgerUpdateLosesNothing() throws Exception {
    alpha.afterCreate = () -> {
      throw new KilledThread();
    };
    AtomicReference<Throwable> died = new AtomicReference<>();
    LaunchPlan plan = LaunchPlan.builder(OfferFilter.any()).clientToken("pa-killed").build();
    Thread launcher = new Thread(() -> new FailoverLauncher(fleet, ledger).launch(plan), "doomed-launcher");
    launcher.setUncaughtExceptionHandler((th, e) -> died.set(e));
    launcher.start();
    launcher.join(10_000);

    assertThat(died.get()).isInstanceOf(KilledThread.class);
    assertThat(alpha.instances).hasSize(1);
    assertThat(ledger.find("pa-killed")).singleElement().extracting(LaunchRecord::state)
        .isEqualTo(LaunchState.PENDING);

    ReconcileReport report = new Reconciler(fleet, ledger).reconcile();
    assertThat(report.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Finding.Kind.RECOVERED);
      assertThat(f.clientToken()).isEqualTo("pa-killed");
      assertThat(f.instanceId()).isEqualTo(alpha.instances.keySet().iterator().next());
    });
    assertThat(ledger.find("pa-killed").get(0).state()).isEqualTo(LaunchState.CREATED);
  }

  /** Stands for the thread being killed: an Error nothing in the launcher catches. */
  static final class KilledThread extends Error {
    private static final long serialVersionUID = 1L;
  }
}
