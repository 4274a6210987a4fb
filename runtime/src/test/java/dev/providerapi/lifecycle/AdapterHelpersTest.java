package dev.providerapi.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.providerapi.descriptor.OfferCatalog;
import dev.providerapi.errors.CapacityUnavailableException;
import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.errors.ErrorKind;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.errors.UnexpectedResponseException;
import dev.providerapi.gpu.GpuType;
import dev.providerapi.model.Offer;
import dev.providerapi.model.PriceSource;
import dev.providerapi.spi.DockerEnv;
import dev.providerapi.spi.StartupScripts;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The helpers adapters share instead of copying: each decides what several adapters used to decide alone. */
class AdapterHelpersTest {
  private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB7 me@laptop";

  @Test
  void sshKeysAreOneKeyEitherPublicTextOrARegisteredName() {
    assertThat(SshKeys.isPublicKey(KEY)).isTrue();
    assertThat(SshKeys.isPublicKey("laptop")).isFalse();
    assertThat(SshKeys.exactlyOne("lambda", List.of(" laptop "), "a name")).isEqualTo("laptop");
    assertThatThrownBy(() -> SshKeys.exactlyOne("lambda", List.of("a", "b"), "a registered key name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lambda launches take exactly one SSH key (a registered key name), got 2");
    assertThat(SshKeys.material(KEY)).isEqualTo("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB7");
    assertThat(SshKeys.sameKey(KEY, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB7 other@desk")).isTrue();
    // the comment does not change the name a key is registered under
    // sha256("abc"), FIPS 180-2's example: the hex is the standard digest, so names agree across machines
    assertThat(Values.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(SshKeys.registeredName(KEY)).matches("provider-api-[0-9a-f]{16}")
        .isEqualTo(SshKeys.registeredName("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB7"));
  }

  @Test
  void wireValuesStayMissingWhenMissing() {
    assertThat(Values.usdFromCents(249)).isEqualByComparingTo("2.49");
    assertThat(Values.usdFromCents(null)).isNull();
    assertThat(Values.decimal(0.1d)).isEqualByComparingTo("0.1");
    assertThat(Values.decimal(7)).isEqualByComparingTo("7");
    assertThat(Values.epochSeconds(new BigDecimal("1700000000.5"))).isEqualTo(Instant.ofEpochMilli(1_700_000_000_500L));
    assertThat(Values.withoutQuery("https://j.example/lab?token=secret")).isEqualTo("https://j.example/lab");
    assertThat(Values.keyValue(List.of("A=1", "PROVIDER_API_CLIENT_TOKEN=t-1=x"), "PROVIDER_API_CLIENT_TOKEN"))
        .isEqualTo("t-1=x");
    assertThat(Values.keyValue(null, "A")).isNull();
    assertThat(Values.truncate("abcdef", 3)).isEqualTo("abc");
  }

  @Test
  void offerIdsOfEachSharedFormRoundTripOrAreRefusedWithAnExample() {
    assertThat(OfferIds.counted("runpod", "SECURE/2/NVIDIA H100 80GB/HBM3", "SECURE/1/X"))
        .isEqualTo(new OfferIds.Counted("SECURE", 2, "NVIDIA H100 80GB/HBM3"));
    assertThat(new OfferIds.Counted("A40", 1, "ORD1")).hasToString("A40/1/ORD1");
    for (String bad : List.of("A40/0/ORD1", "A40/x/ORD1", "A40/1", "/1/ORD1")) {
      assertThatThrownBy(() -> OfferIds.counted("coreweave", bad, "A40/1/ORD1"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("coreweave offer ids look like 'A40/1/ORD1', got '" + bad + "'");
    }
    assertThat(OfferIds.number("vast", " 42 ")).isEqualTo(42L);
    assertThatThrownBy(() -> OfferIds.number("vast", "h100")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("vast offer ids are numbers (the id of a search result), got 'h100'");
  }

  @Test
  void catalogPricesAreMarkedAsCatalogAndKnowTheCountsListed() {
    CatalogPrices prices = CatalogPrices.of(new OfferCatalog(LocalDate.of(2026, 11, 1), "price page", "GPU only",
        List.of(new OfferCatalog.Entry("A6000", List.of(1, 4), List.of("ny2"), new BigDecimal("1.89")))));
    assertThat(prices.perHourOfType("A6000")).contains(new BigDecimal("1.89"));
    assertThat(prices.perHourOfType("A6000x4")).contains(new BigDecimal("7.56"));
    assertThat(prices.perHourOfType("A6000x2")).isEmpty(); // not a count the catalog lists
    assertThat(prices.perHour("a6000", 2)).contains(new BigDecimal("3.78"));
    List<Offer> offers = prices.offers("acme", GpuType::unknown);
    assertThat(offers).extracting(Offer::id).containsExactly("A6000/1/ny2", "A6000/4/ny2");
    assertThat(offers.get(1).pricing().onDemandPerHour()).isEqualByComparingTo("7.56");
    assertThat(offers.get(0).priceSource()).isEqualTo(PriceSource.CATALOG);
    assertThat(offers.get(0).priceAsOf()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(CatalogPrices.of(null).offers("acme", GpuType::unknown)).isEmpty();
  }

  @Test
  void aFailedCreateThatNamesItsInstanceDestroysItAndKeepsTheError() {
    ObjectMapper json = new ObjectMapper();
    ProviderException failure = failure("{\"success\":false,\"error\":\"no_such_ask\",\"new_contract\":7835614}");
    List<String> destroyed = new ArrayList<>();
    assertThat(FailedCreates.destroyReported(failure, "/new_contract", json, destroyed::add)).isSameAs(failure);
    assertThat(destroyed).containsExactly("7835614");

    ProviderException without = failure("{\"success\":false,\"error\":\"no_such_ask\"}");
    assertThat(FailedCreates.destroyReported(without, "/new_contract", json, destroyed::add)).isSameAs(without);
    assertThat(destroyed).hasSize(1);

    ProviderException left = FailedCreates.destroyReported(failure, "/new_contract", json, id -> {
      throw new IllegalStateException("network down");
    });
    // no longer a capacity error: a failover broker must not think nothing was created
    assertThat(left).isInstanceOf(UnexpectedResponseException.class)
        .hasMessageEndingWith("vast still created instance 7835614 and destroying it failed (network down):"
            + " destroy instance 7835614 by hand");
    assertThat(left.getCause()).isSameAs(failure);
  }

  @Test
  void dockerFlagsCarryOnlyValuesTheyCanAndCloudConfigRunsTheScript() {
    DockerEnv.Split split = DockerEnv.split(Map.of("A", "1", "B", "two words"));
    assertThat(split.flags()).isEqualTo("-e A=1");
    assertThat(split.viaScript()).containsExactly(Map.entry("B", "two words"));

    String config = StartupScripts.asCloudConfig("echo hi", Map.of(), "/usr/local/bin/start.sh");
    assertThat(config).startsWith("#cloud-config\nwrite_files:\n  - path: /usr/local/bin/start.sh\n")
        .endsWith("runcmd:\n  - [/usr/local/bin/start.sh]\n");
    String b64 = config.lines().filter(l -> l.startsWith("    content: ")).findFirst().orElseThrow().substring(13);
    assertThat(new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8)).isEqualTo("echo hi");
    assertThat(StartupScripts.asCloudConfig(null, Map.of(), "/x")).isNull();
    assertThat(KubernetesNames.fromToken("Job_42", "vs-")).isEqualTo("job-42");
    assertThat(KubernetesNames.fromToken("7f3c", "vs-")).isEqualTo("vs-7f3c");
  }

  @Test
  void typedFailuresForWhatAProviderReportedAndForAnEmptyAnswer() {
    assertThat(Failures.reported(ErrorKind.CAPACITY_UNAVAILABLE, "paperspace", "createMachine", "error", "no capacity"))
        .isInstanceOf(CapacityUnavailableException.class).hasMessageContaining("HTTP 200 [error] no capacity");
    assertThatThrownBy(() -> Failures.requireBody(null, "hyperstack", "List_environments"))
        .isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("the answer had no body");
    assertThat(Failures.requireBody("x", "hyperstack", "List_environments")).isEqualTo("x");
  }

  private static ProviderException failure(String body) {
    return ProviderException.of(ErrorKind.CAPACITY_UNAVAILABLE, new ErrorDetails("vast", "createInstance", 410,
        "no_such_ask", "gone", null, false, null, body), null);
  }
}
