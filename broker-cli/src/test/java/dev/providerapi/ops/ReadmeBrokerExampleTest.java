package dev.providerapi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.Providers;
import dev.providerapi.broker.FailoverLauncher;
import dev.providerapi.broker.Fleet;
import dev.providerapi.broker.FleetOffers;
import dev.providerapi.broker.JdbcLaunchLedger;
import dev.providerapi.broker.LaunchPlan;
import dev.providerapi.broker.LaunchResult;
import dev.providerapi.broker.LaunchState;
import dev.providerapi.broker.ReconcileReport;
import dev.providerapi.broker.Reconciler;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's broker example, as written there, so it keeps compiling and doing what it says. */
class ReadmeBrokerExampleTest {
  @TempDir Path dir;

  @Test
  void theReadmeExampleLaunchesOnceAndReconcilesClean() {
    // --- README: Broker toolkit ---
    try (Sandbox sandbox = Sandbox.start("lambda", "vast", "runpod");
        Fleet fleet = Fleet.builder()
            .providers(Stream.of("lambda", "vast", "runpod")
                .map(p -> Providers.load(p, sandbox.config(p).build())).toList())
            .deadline(Duration.ofSeconds(5))              // each provider's own; a slow one is cut off, not waited for
            .build();
        JdbcLaunchLedger ledger = JdbcLaunchLedger.sqlite(dir.resolve("ledger.db"))) { // or openDefault()
      OfferFilter filter = OfferFilter.builder().gpu("H100").gpuCount(8).build();
      FleetOffers offers = fleet.offers(filter);        // all three at once, cheapest per GPU-hour first
      offers.failures().forEach(f -> System.err.println(f.provider() + ": " + f.describe()));

      LaunchResult launched = new FailoverLauncher(fleet, ledger).launch(LaunchPlan.builder(filter)
          .image("pytorch/pytorch:2.4.0-cuda12.4-cudnn9-runtime")
          .sshKey("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample me@laptop")
          .build());                 // no capacity or no SSH-key support: next offer; never two instances
      ReconcileReport report = new Reconciler(fleet, ledger).reconcile(); // orphans, unknowns, recovered
      // --- end of README example ---

      assertThat(offers.failures()).isEmpty();
      assertThat(offers.offers()).isNotEmpty().allMatch(o -> o.gpuCount() == 8);
      assertThat(launched.outcome()).as(launched.steps().toString()).isEqualTo(LaunchResult.Outcome.LAUNCHED);
      String provider = launched.instance().provider();
      assertThat(sandbox.fake(provider).state().withToken(launched.clientToken())).hasSize(1);
      // vast has the cheapest 8x H100 but takes no SSH keys: skipped before anything was sent, recorded FAILED
      assertThat(launched.steps()).extracting(s -> s.provider(), s -> s.result()).containsExactly(
          org.assertj.core.groups.Tuple.tuple("vast", dev.providerapi.broker.LaunchStep.Result.UNSUPPORTED),
          org.assertj.core.groups.Tuple.tuple(provider, dev.providerapi.broker.LaunchStep.Result.LAUNCHED));
      assertThat(sandbox.fake("vast").state().created()).isZero();
      assertThat(ledger.find(launched.clientToken())).extracting(r -> r.state())
          .containsExactly(LaunchState.FAILED, LaunchState.CREATED);
      assertThat(report.clean()).isTrue();
    }
  }
}
