package dev.providerapi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.providerapi.broker.JdbcLaunchLedger;
import dev.providerapi.broker.LaunchRecord;
import dev.providerapi.broker.LaunchState;
import dev.providerapi.sandbox.Sandbox;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command with --sandbox: no keys, no config file, nothing outside the JVM. */
class SandboxModeTest {
  static final String VAST_IMAGE = "pytorch/pytorch:2.4.0-cuda12.4-cudnn9-runtime";

  @TempDir Path home;
  Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(home); // an empty environment: no key anywhere
  }

  @Test
  void offersFromEveryFakeAsATableSortedByPricePerGpuHour() {
    Cli.Run r = cli.run("offers", "--sandbox");

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).startsWith("PROVIDER").contains("OFFER", "GPU", "N", "REGION", "$/GPU-H", "$/H",
        "SPOT $/H", "VCPU", "RAM GiB", "AVAIL");
    List<String> providers = lines.stream().skip(1).map(l -> l.split("\\s+")[0]).distinct().toList();
    assertThat(providers).containsExactlyInAnyOrderElementsOf(Sandbox.PROVIDERS);
    int priceColumn = lines.get(0).indexOf("$/GPU-H");
    List<BigDecimal> prices = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      String cell = l.substring(priceColumn).split("\\s+")[0];
      prices.add(new BigDecimal(cell));
    }
    assertThat(prices).isSorted();
    assertThat(r.err()).contains("sandbox: fakes of " + Sandbox.PROVIDERS + " on 127.0.0.1:");
    for (String p : Sandbox.PROVIDERS) {
      assertThat(r.err()).containsPattern("(?m)^  " + p + " +ok in \\d+ ms, \\d+ offers$");
    }
  }

  @Test
  void offersAsJsonHonourGpuCountAndMaxPricePerGpuHour() {
    Cli.Run all = cli.run("offers", "--sandbox", "--json", "--gpu", "H100");
    assertThat(all.code()).as(all.toString()).isEqualTo(ExitCode.OK);
    JsonNode offers = all.json().get("offers");
    assertThat(offers).isNotEmpty();
    for (JsonNode o : offers) {
      assertThat(o.at("/gpu/model").asText()).startsWith("H100");
    }
    assertThat(all.json().get("providers")).hasSize(Sandbox.PROVIDERS.size());
    assertThat(all.json().get("providers").findValuesAsText("outcome")).containsOnly("OK");

    Cli.Run cheap = cli.run("offers", "--sandbox", "--json", "--gpu", "H100", "--max-price", "2.5");
    assertThat(cheap.code()).as(cheap.toString()).isEqualTo(ExitCode.OK);
    JsonNode kept = cheap.json().get("offers");
    assertThat(kept.size()).isLessThan(offers.size());
    for (JsonNode o : kept) {
      BigDecimal perGpu = cheapest(o.get("onDemandPerGpuHour"), o.get("spotPerGpuHour"));
      assertThat(perGpu).isLessThanOrEqualTo(new BigDecimal("2.5"));
    }

    Cli.Run eight = cli.run("offers", "--sandbox", "--json", "--gpu", "H100", "--count", "8", "--provider", "lambda");
    assertThat(eight.code()).as(eight.toString()).isEqualTo(ExitCode.OK);
    assertThat(eight.json().get("offers")).isNotEmpty();
    assertThat(eight.json().get("offers").findValuesAsText("provider")).containsOnly("lambda");
    for (JsonNode o : eight.json().get("offers")) {
      assertThat(o.get("gpuCount").asInt()).isEqualTo(8);
    }
    assertThat(eight.err()).contains("sandbox: fakes of [lambda]");
  }

  @Test
  void spotOnlyShowsOffersWithASpotPrice() {
    Cli.Run r = cli.run("offers", "--sandbox", "--json", "--spot");
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
    assertThat(r.json().get("offers")).isNotEmpty();
    for (JsonNode o : r.json().get("offers")) {
      assertThat(o.get("spotPerHour").isNull()).as(o.toString()).isFalse();
    }
  }

  @Test
  void launchWritesTheLedgerWaitsForRunningWithProgressOnStderrAndPrintsTheInstance() {
    Path ledger = home.resolve("ledger.db");
    Cli.Run r = cli.run("launch", "--sandbox", "--provider", "vast", "--image", VAST_IMAGE, "--gpu", "RTX-4090",
        "--client-token", "pa-clitest0001", "--ledger", ledger.toString(), "--sandbox-boot", "300ms",
        "--poll", "50ms", "--env", "HF_TOKEN=hf_very_secret_value");

    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
    assertThat(r.err()).contains("launch pa-clitest0001: asking [vast] for offers; ledger jdbc:sqlite:" + ledger)
        .contains("attempt 1: vast ")
        .contains("recorded PENDING, sending")
        .containsPattern("attempt 1: created vast \\d+")
        .contains("attempt 1: recorded CREATED")
        .contains("waiting for vast ")
        .containsPattern("RUNNING after \\d+")
        .contains("launch pa-clitest0001: launched vast ");
    List<String> table = r.out().lines().toList();
    assertThat(table).hasSize(2);
    assertThat(table.get(0)).startsWith("PROVIDER").contains("STATUS");
    assertThat(table.get(1)).startsWith("vast").contains("RUNNING", "RTX-4090-24GB");
    assertThat(r.out() + r.err()).doesNotContain("hf_very_secret_value");

    try (JdbcLaunchLedger l = JdbcLaunchLedger.sqlite(ledger)) {
      List<LaunchRecord> rows = l.find("pa-clitest0001");
      assertThat(rows).hasSize(1);
      LaunchRecord row = rows.get(0);
      assertThat(row.provider()).isEqualTo("vast");
      assertThat(row.state()).isEqualTo(LaunchState.CREATED);
      assertThat(row.instanceId()).isNotBlank();
      assertThat(table.get(1).split("\\s+")[1]).isEqualTo(row.instanceId());
      assertThat(row.request()).contains("\"envKeys\":[\"HF_TOKEN\"]").doesNotContain("hf_very_secret_value");
    }
  }

  @Test
  void launchAsJsonCarriesOutcomeStepsAndExitCode() {
    Cli.Run r = cli.run("launch", "--sandbox", "--provider", "vast", "--image", VAST_IMAGE, "--json", "--no-wait");
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
    JsonNode j = r.json();
    assertThat(j.get("outcome").asText()).isEqualTo("LAUNCHED");
    assertThat(j.get("clientToken").asText()).matches("pa-[0-9a-f]{16}");
    assertThat(j.at("/instance/provider").asText()).isEqualTo("vast");
    assertThat(j.get("steps")).hasSize(1);
    assertThat(j.at("/steps/0/result").asText()).isEqualTo("LAUNCHED");
    assertThat(j.at("/steps/0/instanceId").asText()).isEqualTo(j.at("/instance/id").asText());
    assertThat(j.get("waited").isNull()).isTrue();
    assertThat(j.get("exitCode").asInt()).isZero();
    assertThat(r.err()).doesNotContain("waiting for");
  }

  @Test
  void launchThatIsNotRunningInTimeExitsFourAndSaysHowToEndIt() {
    Cli.Run r = cli.run("launch", "--sandbox", "--provider", "vast", "--image", VAST_IMAGE, "--sandbox-boot", "1h",
        "--timeout", "300ms", "--poll", "50ms");
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.TIMEOUT);
    assertThat(r.err()).containsPattern("not RUNNING after 300 ms; left as it is")
        .containsPattern("provider-api terminate -p vast \\d+ ends it");
    assertThat(r.out()).contains("PROVISIONING");
  }

  @Test
  void launchWithNoMatchingOfferExitsOneAndRecordsNothing() {
    Path ledger = home.resolve("l.db");
    Cli.Run r = cli.run("launch", "--sandbox", "--gpu", "B300-NOT-A-GPU", "--ledger", ledger.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.FAILED);
    assertThat(r.err()).contains("no offer matches");
    assertThat(r.out()).isEmpty();
    try (JdbcLaunchLedger l = JdbcLaunchLedger.sqlite(ledger)) {
      assertThat(l.all()).isEmpty();
    }
  }

  @Test
  void aClientTokenLaunchesOnce() {
    Path ledger = home.resolve("once.db");
    String[] args = {"launch", "--sandbox", "--provider", "vast", "--image", VAST_IMAGE, "--no-wait",
        "--client-token", "pa-once", "--ledger", ledger.toString()};
    assertThat(cli.run(args).code()).isEqualTo(ExitCode.OK);
    Cli.Run again = cli.run(args);
    assertThat(again.code()).as(again.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(again.err()).contains("client token pa-once was already used");
  }

  @Test
  void everyOtherCommandRunsAgainstTheSandbox() {
    Cli.Run instances = cli.run("instances", "--sandbox");
    assertThat(instances.code()).as(instances.toString()).isEqualTo(ExitCode.OK);
    assertThat(instances.err()).contains("instances: none");

    Cli.Run reconcile = cli.run("reconcile", "--sandbox", "--json");
    assertThat(reconcile.code()).as(reconcile.toString()).isEqualTo(ExitCode.OK);
    assertThat(reconcile.json().get("clean").asBoolean()).isTrue();
    assertThat(reconcile.json().get("providers")).hasSize(Sandbox.PROVIDERS.size());

    Cli.Run ledger = cli.run("ledger", "--sandbox", "--json");
    assertThat(ledger.code()).isEqualTo(ExitCode.OK);
    assertThat(ledger.json().get("rows")).isEmpty();

    Cli.Run stop = cli.run("stop", "--sandbox", "-p", "vast", "12345");
    assertThat(stop.code()).as(stop.toString()).isEqualTo(ExitCode.FAILED);
    assertThat(stop.err()).contains("vast 12345: NotFoundException");

    Cli.Run terminate = cli.run("terminate", "--sandbox", "-p", "vast", "12345");
    assertThat(terminate.code()).as(terminate.toString()).isEqualTo(ExitCode.OK); // gone counts as terminated
    assertThat(terminate.out()).contains("vast", "12345", "TERMINATED", "not in the ledger");
  }

  @Test
  void usageErrorsExitTwoWithOneLine() {
    assertThat(cli.run().code()).isEqualTo(ExitCode.USAGE);
    Cli.Run both = cli.run("offers", "--sandbox", "--spot", "--on-demand");
    assertThat(both.code()).isEqualTo(ExitCode.USAGE);
    assertThat(both.err()).contains("--spot and --on-demand exclude each other");
    Cli.Run unknown = cli.run("offers", "--sandbox", "--gpus", "H100");
    assertThat(unknown.code()).isEqualTo(ExitCode.USAGE);
    assertThat(unknown.err()).contains("Unknown options: '--gpus'").contains("Possible solutions: --gpu");
    Cli.Run badProvider = cli.run("offers", "--sandbox", "-p", "aws");
    assertThat(badProvider.code()).isEqualTo(ExitCode.USAGE);
    assertThat(badProvider.err()).contains("no provider named 'aws'; there are "
        + Sandbox.PROVIDERS.stream().sorted().toList());
    Cli.Run sort = cli.run("offers", "--sandbox", "--sort", "cheapest");
    assertThat(sort.code()).isEqualTo(ExitCode.USAGE);
    assertThat(sort.err()).contains("--sort cheapest: unknown order");
    Cli.Run duration = cli.run("launch", "--sandbox", "--timeout", "soon");
    assertThat(duration.code()).isEqualTo(ExitCode.USAGE);
    assertThat(duration.err()).contains("'soon' is not a duration");
    Cli.Run env = cli.run("launch", "--sandbox", "--env", "HF_TOKEN:hf_secret");
    assertThat(env.code()).isEqualTo(ExitCode.USAGE);
    assertThat(env.err()).contains("--env takes KEY=VALUE").doesNotContain("hf_secret");
    Cli.Run noStop = cli.run("stop", "--sandbox", "-p", "lambda", "i-1");
    assertThat(noStop.code()).isEqualTo(ExitCode.USAGE);
    assertThat(noStop.err()).contains("lambda cannot stop and start instances (no STOP_START capability); nothing was sent");
    for (Cli.Run r : List.of(both, unknown, badProvider, sort, duration, env, noStop)) {
      assertThat(r.err()).doesNotContain("\tat ");
    }
  }

  @Test
  void noProviderConfiguredIsAUsageErrorThatPointsAtTheFixes() {
    Cli.Run r = cli.run("offers");
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("no provider is configured: set a key such as LAMBDA_API_KEY")
        .contains(home.resolve(".config/provider-api/config.yaml").toString())
        .contains("or try --sandbox");
  }

  private static BigDecimal cheapest(JsonNode a, JsonNode b) {
    if (a.isNull()) {
      return b.decimalValue();
    }
    return b.isNull() ? a.decimalValue() : a.decimalValue().min(b.decimalValue());
  }
}
