package dev.providerapi.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.providerapi.Capability;
import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.errors.ErrorKind;
import dev.providerapi.errors.LaunchOutcomeUnknownException;
import dev.providerapi.model.OfferFilter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailoverLauncherTest {
  static final String H100 = "NVIDIA H100 80GB HBM3";

  @TempDir Path dir;
  JdbcLaunchLedger ledger;
  ScriptedProvider cheap;
  ScriptedProvider dear;

  @BeforeEach
  void setUp() {
    ledger = JdbcLaunchLedger.sqlite(dir.resolve("ledger.db"));
    cheap = new ScriptedProvider("cheap").offer("c1", H100, 1, "1.00").offer("c2", H100, 1, "1.50");
    dear = new ScriptedProvider("dear").offer("d1", H100, 1, "3.00");
  }

  LaunchResult launch(LaunchPlan plan, List<String> events) {
    try (Fleet fleet = Fleet.builder().provider(dear).provider(cheap).build()) {
      return new FailoverLauncher(fleet, ledger).launch(plan, new LaunchProgress() {
        @Override public void attempting(int attempt, dev.providerapi.model.Offer offer,
            dev.providerapi.model.LaunchRequest request) {
          events.add("attempt " + attempt + " " + offer.id() + " ledger=" + ledger.find(request.clientToken())
              .get(attempt - 1).state());
        }
        @Override public void created(int attempt, dev.providerapi.model.Instance instance) {
          events.add("created " + instance.id());
        }
        @Override public void step(LaunchStep step) {
          events.add("step " + step.attempt() + " " + step.result());
        }
      });
    }
  }

  @Test
  void theCheapestOfferIsLaunchedAndTheLedgerSaysPendingBeforeAndCreatedAfter() {
    List<String> events = new ArrayList<>();
    LaunchPlan plan = LaunchPlan.builder(OfferFilter.builder().gpu("H100").build()).image("ubuntu")
        .env("HF_TOKEN", "secret-value").startupScript("echo secret-script").clientToken("pa-one").build();

    LaunchResult result = launch(plan, events);

    assertThat(result.outcome()).isEqualTo(LaunchResult.Outcome.LAUNCHED);
    assertThat(result.instance().id()).isEqualTo("cheap-i1");
    assertThat(result.steps()).singleElement().satisfies(s -> {
      assertThat(s.provider()).isEqualTo("cheap");
      assertThat(s.offerId()).isEqualTo("c1");
      assertThat(s.pricePerHour()).isEqualByComparingTo("1.00");
      assertThat(s.result()).isEqualTo(LaunchStep.Result.LAUNCHED);
      assertThat(s.instanceId()).isEqualTo("cheap-i1");
    });
    assertThat(events).containsExactly("attempt 1 c1 ledger=PENDING", "created cheap-i1", "step 1 LAUNCHED");
    assertThat(cheap.launches).singleElement().satisfies(r -> {
      assertThat(r.offerId()).isEqualTo("c1");
      assertThat(r.clientToken()).isEqualTo("pa-one");
      assertThat(r.image()).isEqualTo("ubuntu");
      assertThat(r.env()).containsEntry("HF_TOKEN", "secret-value");
    });
    LaunchRecord record = ledger.find("pa-one").get(0);
    assertThat(record.state()).isEqualTo(LaunchState.CREATED);
    assertThat(record.instanceId()).isEqualTo("cheap-i1");
    assertThat(record.request()).contains("\"offerId\":\"c1\"", "\"envKeys\":[\"HF_TOKEN\"]",
        "\"startupScriptChars\":18").doesNotContain("secret-value", "secret-script");
    assertThat(dear.launches).isEmpty();
  }

  @Test
  void noCapacityMovesToTheNextOfferAcrossProvidersAndRecordsEveryStep() {
    cheap.noCapacity("c1").noCapacity("c2");
    List<String> events = new ArrayList<>();
    LaunchResult result = launch(LaunchPlan.builder(OfferFilter.any()).clientToken("pa-fo").build(), events);

    assertThat(result.outcome()).isEqualTo(LaunchResult.Outcome.LAUNCHED);
    assertThat(result.instance().provider()).isEqualTo("dear");
    assertThat(result.steps()).extracting(LaunchStep::offerId, LaunchStep::result).containsExactly(
        org.assertj.core.groups.Tuple.tuple("c1", LaunchStep.Result.NO_CAPACITY),
        org.assertj.core.groups.Tuple.tuple("c2", LaunchStep.Result.NO_CAPACITY),
        org.assertj.core.groups.Tuple.tuple("d1", LaunchStep.Result.LAUNCHED));
    assertThat(result.steps().get(0).error())
        .isEqualTo("CapacityUnavailableException: cheap launch: HTTP 400 [insufficient-capacity] no capacity for c1");
    assertThat(ledger.find("pa-fo")).extracting(LaunchRecord::state)
        .containsExactly(LaunchState.FAILED, LaunchState.FAILED, LaunchState.CREATED);
    assertThat(cheap.instances).isEmpty();
    assertThat(dear.instances).hasSize(1);
  }

  @Test
  void anUnknownOutcomeStopsTheLaunchSoNoSecondInstanceCanExist() {
    cheap.launchErrors.put("c1", r -> new LaunchOutcomeUnknownException(
        new ErrorDetails("cheap", "launch", 0, null, "read timed out", null, true, null), r.clientToken(), null));
    LaunchResult result = launch(LaunchPlan.builder(OfferFilter.any()).clientToken("pa-unk").build(),
        new ArrayList<>());

    assertThat(result.outcome()).isEqualTo(LaunchResult.Outcome.OUTCOME_UNKNOWN);
    assertThat(result.instance()).isNull();
    assertThat(result.steps()).singleElement().extracting(LaunchStep::result)
        .isEqualTo(LaunchStep.Result.OUTCOME_UNKNOWN);
    assertThat(ledger.find("pa-unk")).singleElement().satisfies(r -> {
      assertThat(r.state()).isEqualTo(LaunchState.UNKNOWN);
      assertThat(r.error()).isEqualTo("cheap launch: no response read timed out");
    });
    assertThat(dear.launches).isEmpty();
    assertThat(cheap.launches).hasSize(1);
  }

  @Test
  void anotherRefusalStopsWithoutFailingOver() {
    cheap.fails("c1", ErrorKind.QUOTA_EXCEEDED, "GPU quota reached");
    LaunchResult result = launch(LaunchPlan.builder(OfferFilter.any()).clientToken("pa-q").build(),
        new ArrayList<>());

    assertThat(result.outcome()).isEqualTo(LaunchResult.Outcome.FAILED);
    assertThat(result.steps()).singleElement().satisfies(s -> {
      assertThat(s.result()).isEqualTo(LaunchStep.Result.FAILED);
      assertThat(s.error()).isEqualTo("QuotaExceededException: cheap launch: HTTP 500 GPU quota reached");
    });
    assertThat(ledger.find("pa-q")).extracting(LaunchRecord::state).containsExactly(LaunchState.FAILED);
    assertThat(dear.launches).isEmpty();
  }

  @Test
  void anUntypedErrorIsRecordedUnknownAndStops() {
    cheap.launchErrors.put("c1", r -> new IllegalStateException("adapter bug"));
    LaunchResult result = launch(LaunchPlan.builder(OfferFilter.any()).clientToken("pa-bug").build(),
        new ArrayList<>());
    assertThat(result.outcome()).isEqualTo(LaunchResult.Outcome.OUTCOME_UNKNOWN);
    assertThat(ledger.find("pa-bug")).extracting(LaunchRecord::state).containsExactly(LaunchState.UNKNOWN);
    assertThat(dear.launches).isEmpty();
  }

  @Test
  void aProviderLackingACapabilityIsSkippedWithoutSendingAndWithoutUsingAnAttempt() {
    cheap.unsupported("c1", Capability.SSH_KEYS).unsupported("c2", Capability.SSH_KEYS);
    LaunchResult r = launch(LaunchPlan.builder(OfferFilter.any()).sshKey("ssh-ed25519 AAAA me").maxAttempts(1)
        .clientToken("pa-caps").build(), new ArrayList<>());
    assertThat(r.outcome()).isEqualTo(LaunchResult.Outcome.LAUNCHED);
    assertThat(r.instance().provider()).isEqualTo("dear");
    assertThat(r.steps()).extracting(LaunchStep::offerId, LaunchStep::result).containsExactly(
        org.assertj.core.groups.Tuple.tuple("c1", LaunchStep.Result.UNSUPPORTED),
        org.assertj.core.groups.Tuple.tuple("d1", LaunchStep.Result.LAUNCHED));
    assertThat(r.steps().get(0).error()).isEqualTo("UnsupportedCapabilityException: cheap does not support SSH_KEYS"
        + " (check provider.supports(Capability.SSH_KEYS) first)");
    assertThat(ledger.find("pa-caps")).extracting(LaunchRecord::state)
        .containsExactly(LaunchState.FAILED, LaunchState.CREATED);
    assertThat(ledger.find("pa-caps").get(0).error()).endsWith("; nothing was sent");
    assertThat(cheap.launches).hasSize(1); // c2 was never tried: the same provider would refuse the same way
  }

  @Test
  void attemptsAreBoundedAndNoOffersIsSaid() {
    cheap.noCapacity("c1").noCapacity("c2");
    LaunchResult bounded = launch(LaunchPlan.builder(OfferFilter.any()).maxAttempts(2).clientToken("pa-b").build(),
        new ArrayList<>());
    assertThat(bounded.outcome()).isEqualTo(LaunchResult.Outcome.NO_CAPACITY);
    assertThat(bounded.steps()).hasSize(2);
    assertThat(dear.launches).isEmpty();

    LaunchResult none = launch(LaunchPlan.builder(OfferFilter.builder().maxPricePerHour(new BigDecimal("0.5"))
        .build()).clientToken("pa-n").build(), new ArrayList<>());
    assertThat(none.outcome()).isEqualTo(LaunchResult.Outcome.NO_OFFERS);
    assertThat(none.steps()).isEmpty();
    assertThat(ledger.find("pa-n")).isEmpty();
  }

  @Test
  void aTokenLaunchesOnce() {
    launch(LaunchPlan.builder(OfferFilter.any()).clientToken("pa-twice").build(), new ArrayList<>());
    assertThatThrownBy(() -> launch(LaunchPlan.builder(OfferFilter.any()).clientToken("pa-twice").build(),
        new ArrayList<>())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("client token pa-twice was already used for 1 launch attempt(s); a plan's token launches once");
    assertThat(cheap.instances).hasSize(1);
  }

  @Test
  void thePlanHidesSecretsInToString() {
    LaunchPlan plan = LaunchPlan.builder(OfferFilter.any()).env("K", "v4lue").startupScript("s3cret").build();
    assertThat(plan.toString()).doesNotContain("v4lue", "s3cret").contains("env=[K]", "startupScript=6 chars");
    assertThat(plan.clientToken()).matches("pa-[0-9a-f]{16}");
  }
}
