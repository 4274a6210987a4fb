package dev.providerapi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.providerapi.Provider;
import dev.providerapi.Providers;
import dev.providerapi.broker.JdbcLaunchLedger;
import dev.providerapi.broker.LaunchRecord;
import dev.providerapi.broker.LaunchState;
import dev.providerapi.model.Instance;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.sandbox.FakeInstance;
import dev.providerapi.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Launch, list, stop, start, terminate and reconcile across several commands, against a sandbox that outlives
 * each one, reached through the config file (the path real keys take).
 */
class LifecycleTest {
  static Sandbox sandbox;

  @TempDir Path dir;
  Path config;
  Path ledger;
  Cli cli;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start("vast", "lambda");
    sandbox.fake("vast").bootTime(Duration.ofMillis(200));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void setUp() throws Exception {
    sandbox.reset();
    config = TestSandbox.config(sandbox, dir, List.of("vast", "lambda"));
    ledger = dir.resolve("ledger.db");
    cli = new Cli(dir).env("PROVIDER_API_LEDGER", ledger.toString());
  }

  private Cli.Run run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--config";
    all[args.length + 1] = config.toString();
    return cli.run(all);
  }

  @Test
  void launchListStopStartTerminateKeepTheLedgerInStep() {
    Cli.Run launch = run("launch", "-p", "vast", "--image", SandboxModeTest.VAST_IMAGE, "--client-token", "pa-life1",
        "--poll", "50ms", "--json");
    assertThat(launch.code()).as(launch.toString()).isEqualTo(ExitCode.OK);
    String id = launch.json().at("/instance/id").asText();
    assertThat(launch.json().at("/instance/status").asText()).isEqualTo("RUNNING");
    assertThat(sandbox.fake("vast").state().withToken("pa-life1")).hasSize(1);

    Cli.Run instances = run("instances");
    assertThat(instances.code()).as(instances.toString()).isEqualTo(ExitCode.OK);
    assertThat(instances.out().lines().filter(l -> l.startsWith("vast")).toList()).singleElement()
        .asString().contains(id, "RUNNING", "pa-life1");
    assertThat(instances.err()).containsPattern("(?m)^  lambda +ok in \\d+ ms, 0 instances$")
        .containsPattern("(?m)^  vast +ok in \\d+ ms, 1 instances$");

    Cli.Run stop = run("stop", id); // the provider comes from the ledger
    assertThat(stop.code()).as(stop.toString()).isEqualTo(ExitCode.OK);
    assertThat(stop.out()).contains(id);
    assertThat(stop.err()).contains("stop: vast " + id);

    Cli.Run start = run("start", id, "--wait", "--poll", "50ms", "--json");
    assertThat(start.code()).as(start.toString()).isEqualTo(ExitCode.OK);
    assertThat(start.json().at("/instances/0/status").asText()).isEqualTo("RUNNING");
    assertThat(start.err()).contains("waiting for vast " + id + " to be RUNNING");

    Cli.Run terminate = run("terminate", id, "--json");
    assertThat(terminate.code()).as(terminate.toString()).isEqualTo(ExitCode.OK);
    JsonNode result = terminate.json().at("/results/0");
    assertThat(result.get("result").asText()).isEqualTo("TERMINATED");
    assertThat(result.at("/ledger/clientToken").asText()).isEqualTo("pa-life1");
    assertThat(sandbox.fake("vast").state().live()).isEmpty();
    try (JdbcLaunchLedger l = JdbcLaunchLedger.sqlite(ledger)) {
      LaunchRecord row = l.find("pa-life1").get(0);
      assertThat(row.state()).isEqualTo(LaunchState.TERMINATED);
      assertThat(row.instanceId()).isEqualTo(id);
      assertThat(row.error()).isEqualTo("terminated by provider-api terminate");
    }

    Cli.Run ledgerRows = run("ledger", "--client-token", "pa-life1");
    assertThat(ledgerRows.code()).isEqualTo(ExitCode.OK);
    assertThat(ledgerRows.out()).contains("pa-life1", "vast", "TERMINATED", id);
  }

  @Test
  void terminateByClientTokenFindsTheInstanceThroughTheLedger() {
    Cli.Run launch = run("launch", "-p", "vast", "--image", SandboxModeTest.VAST_IMAGE, "--client-token", "pa-life2",
        "--no-wait");
    assertThat(launch.code()).as(launch.toString()).isEqualTo(ExitCode.OK);
    Cli.Run terminate = run("terminate", "--client-token", "pa-life2", "--wait", "--poll", "50ms");
    assertThat(terminate.code()).as(terminate.toString()).isEqualTo(ExitCode.OK);
    assertThat(terminate.out()).contains("TERMINATED (pa-life2 attempt 1)");
    assertThat(sandbox.fake("vast").state().withToken("pa-life2")).noneMatch(FakeInstance::live);
  }

  @Test
  void terminateOfSeveralWhereOneFailsIsPartial() {
    Cli.Run launch = run("launch", "-p", "vast", "--image", SandboxModeTest.VAST_IMAGE, "--no-wait", "--json");
    String id = launch.json().at("/instance/id").asText();
    sandbox.fake("vast").faults().times(dev.providerapi.sandbox.Op.TERMINATE,
        dev.providerapi.sandbox.FaultKind.STATUS_401, 1);
    Cli.Run r = run("terminate", "-p", "vast", "77777", id);
    // the first terminate meets the 401; the second goes through
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.PARTIAL);
    assertThat(r.out()).containsPattern("vast +77777 +FAILED").containsPattern("vast +" + id + " +TERMINATED");
    assertThat(r.err()).contains("vast 77777: AuthenticationException");
  }

  @Test
  void reconcileReportsAnOrphanThenTerminatesIt() throws Exception {
    Instance orphan;
    try (Provider vast = Providers.load("vast", sandbox.config("vast").build())) {
      var offer = vast.offers(OfferFilter.any()).get(0);
      orphan = vast.launch(LaunchRequest.builder().offerId(offer.id()).image(SandboxModeTest.VAST_IMAGE)
          .clientToken("pa-orphan01").build()); // launched by a broker that then lost its ledger
    }
    Cli.Run report = run("reconcile");
    assertThat(report.code()).as(report.toString()).isEqualTo(ExitCode.FINDINGS);
    assertThat(report.out()).containsPattern("ORPHAN +vast +pa-orphan01 +" + orphan.id())
        .contains("not in the ledger").contains("REPORTED");
    assertThat(report.err()).contains("ORPHAN vast pa-orphan01 " + orphan.id() + ": not in the ledger");
    assertThat(sandbox.fake("vast").state().live()).hasSize(1);

    Cli.Run young = run("reconcile", "--terminate-orphans"); // default grace 30m: just launched, left alone
    assertThat(young.code()).as(young.toString()).isEqualTo(ExitCode.FINDINGS);
    assertThat(young.out()).contains("younger than the grace period");
    assertThat(sandbox.fake("vast").state().live()).hasSize(1);

    Cli.Run cleaned = run("reconcile", "--terminate-orphans", "--grace", "0s", "--json");
    assertThat(cleaned.code()).as(cleaned.toString()).isEqualTo(ExitCode.OK);
    assertThat(cleaned.json().at("/findings/0/action").asText()).isEqualTo("TERMINATED");
    assertThat(sandbox.fake("vast").state().live()).isEmpty();
  }

  @Test
  void reconcileRecoversACrashedLaunchAndReportsAnUnknown() {
    Instance crashed;
    try (Provider vast = Providers.load("vast", sandbox.config("vast").build());
        JdbcLaunchLedger l = JdbcLaunchLedger.sqlite(ledger)) {
      var offer = vast.offers(OfferFilter.any()).get(0);
      Instant t = Instant.now().minusSeconds(60);
      l.pending(new LaunchRecord("pa-crash01", 1, "vast", offer.id(), "{}", LaunchState.PENDING, null, null, t, t));
      crashed = vast.launch(LaunchRequest.builder().offerId(offer.id()).image(SandboxModeTest.VAST_IMAGE)
          .clientToken("pa-crash01").build()); // ...and the broker died before recording it
      l.pending(new LaunchRecord("pa-lost01", 1, "lambda", "x", "{}", LaunchState.PENDING, null, null, t, t));
    }
    Cli.Run r = run("reconcile", "--json");
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.FINDINGS); // the unknown needs a look
    JsonNode findings = r.json().get("findings");
    assertThat(findings).hasSize(2);
    assertThat(findings.findValuesAsText("kind")).containsExactly("UNKNOWN", "RECOVERED");
    assertThat(findings.get(1).get("instanceId").asText()).isEqualTo(crashed.id());
    try (JdbcLaunchLedger l = JdbcLaunchLedger.sqlite(ledger)) {
      assertThat(l.find("pa-crash01").get(0).state()).isEqualTo(LaunchState.CREATED);
    }
  }

  @Test
  void aProviderThatFailsMakesOffersPartialAndAllFailingMakesThemFail() throws Exception {
    sandbox.fake("lambda").faults().times(dev.providerapi.sandbox.Op.OFFERS,
        dev.providerapi.sandbox.FaultKind.STATUS_401, 100);
    Cli.Run partial = run("offers", "--json");
    assertThat(partial.code()).as(partial.toString()).isEqualTo(ExitCode.PARTIAL);
    JsonNode lambda = partial.json().get("providers").get(0); // providers by name
    assertThat(lambda.get("provider").asText()).isEqualTo("lambda");
    assertThat(lambda.get("outcome").asText()).isEqualTo("FAILED");
    assertThat(lambda.at("/error/type").asText()).isEqualTo("AuthenticationException");
    assertThat(partial.json().get("offers").findValuesAsText("provider")).containsOnly("vast");
    assertThat(partial.err()).containsPattern("(?m)^  lambda +AuthenticationException: ");

    sandbox.fake("vast").faults().times(dev.providerapi.sandbox.Op.OFFERS,
        dev.providerapi.sandbox.FaultKind.STATUS_401, 100);
    Cli.Run none = run("offers");
    assertThat(none.code()).as(none.toString()).isEqualTo(ExitCode.FAILED);
    for (String p : List.of("vast", "lambda")) {
      String key = TestSandbox.key(config, p);
      assertThat(partial.out() + partial.err() + none.out() + none.err()).doesNotContain(key);
    }
  }

  @Test
  void aLaunchWhoseOutcomeIsUnknownExitsFiveAndReconcileRecoversIt() {
    var vast = sandbox.fake("vast");
    vast.faults().once(dev.providerapi.sandbox.Op.CREATE, dev.providerapi.sandbox.FaultKind.CREATED_DESPITE_ERROR)
        .times(dev.providerapi.sandbox.Op.LIST, dev.providerapi.sandbox.FaultKind.STATUS_401, 100)
        .times(dev.providerapi.sandbox.Op.GET, dev.providerapi.sandbox.FaultKind.STATUS_401, 100);
    Cli.Run launch = run("launch", "-p", "vast", "--image", SandboxModeTest.VAST_IMAGE, "--client-token", "pa-unk01",
        "--no-wait");
    assertThat(launch.code()).as(launch.toString()).isEqualTo(ExitCode.OUTCOME_UNKNOWN);
    assertThat(launch.err()).contains("recorded UNKNOWN")
        .contains("launch pa-unk01: the outcome is unknown").contains("run provider-api reconcile before launching again");
    assertThat(vast.state().withToken("pa-unk01")).hasSize(1); // it was created after all
    try (JdbcLaunchLedger l = JdbcLaunchLedger.sqlite(ledger)) {
      assertThat(l.find("pa-unk01")).extracting(LaunchRecord::state).containsExactly(LaunchState.UNKNOWN);
    }

    vast.faults().clear();
    Cli.Run reconcile = run("reconcile");
    assertThat(reconcile.code()).as(reconcile.toString()).isEqualTo(ExitCode.OK); // recovered needs no one
    assertThat(reconcile.out()).containsPattern("RECOVERED +vast +pa-unk01");
    try (JdbcLaunchLedger l = JdbcLaunchLedger.sqlite(ledger)) {
      assertThat(l.find("pa-unk01")).extracting(LaunchRecord::state).containsExactly(LaunchState.CREATED);
    }
  }
}
