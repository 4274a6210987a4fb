package dev.providerapi.broker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.providerapi.Provider;
import dev.providerapi.errors.CapacityUnavailableException;
import dev.providerapi.errors.LaunchOutcomeUnknownException;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.errors.UnsupportedCapabilityException;
import dev.providerapi.model.Instance;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferSort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launches the best matching offer of a fleet and, when a provider proves it created nothing (it answered
 * {@link CapacityUnavailableException}), the next one: never two instances for one plan. Any other error ends
 * the launch, except {@link UnsupportedCapabilityException} (the provider lacks what the plan asks for; it is thrown
 * before anything is sent), which moves on to the next provider's offers; an ambiguous one ({@link LaunchOutcomeUnknownException}, or anything untyped) is recorded
 * UNKNOWN so the {@link Reconciler} settles it.
 *
 * <p>Every attempt is written to the ledger as PENDING before the create is sent and updated after it
 * returns. A broker that dies in between leaves PENDING, which the reconciler resolves against the provider.
 *
 * <p>Thread-safe: concurrent launches may share one launcher (each plan has its own client token).
 */
public final class FailoverLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(FailoverLauncher.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Fleet fleet;
  private final LaunchLedger ledger;
  private final Clock clock;

  /**
   * A launcher over {@code fleet} that records every attempt in {@code ledger}, on the system UTC clock.
   *
   * @param fleet the providers whose offers are tried
   * @param ledger where each attempt is written before its create is sent
   */
  public FailoverLauncher(Fleet fleet, LaunchLedger ledger) {
    this(fleet, ledger, Clock.systemUTC());
  }

  FailoverLauncher(Fleet fleet, LaunchLedger ledger, Clock clock) {
    this.fleet = Objects.requireNonNull(fleet, "fleet");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.clock = clock;
  }

  /**
   * Launches {@code plan} without progress reports; see {@link #launch(LaunchPlan, LaunchProgress)}.
   *
   * @param plan what to launch, with the client token that makes it launch once
   * @return the outcome, the instance when one was created, and every attempt made
   * @throws IllegalArgumentException when the plan's client token is already in the ledger
   */
  public LaunchResult launch(LaunchPlan plan) {
    return launch(plan, LaunchProgress.NONE);
  }

  /**
   * Launches the cheapest matching offer of the fleet, moving to the next offer only when a provider proves it
   * created nothing (no capacity, or a capability it lacks).
   *
   * @param plan what to launch, with the client token that makes it launch once
   * @param progress told of the offers found and of each attempt as it happens
   * @return the outcome, the instance when one was created, and every attempt made
   * @throws IllegalArgumentException when the plan's client token is already in the ledger
   */
  public LaunchResult launch(LaunchPlan plan, LaunchProgress progress) {
    int attempts = ledger.find(plan.clientToken()).size();
    if (attempts > 0) {
      throw new IllegalArgumentException("client token " + plan.clientToken() + " was already used for "
          + attempts + " launch attempt(s); a plan's token launches once");
    }
    FleetOffers offers = fleet.offers(plan.filter());
    List<Offer> candidates = offers.offers().stream()
        .filter(o -> OfferSort.perHour(o, plan.market()) != null)
        .toList();
    progress.offers(offers);
    if (candidates.isEmpty()) {
      return new LaunchResult(LaunchResult.Outcome.NO_OFFERS, plan.clientToken(), null, List.of(), offers, null);
    }
    List<LaunchStep> steps = new ArrayList<>();
    java.util.Set<String> incapable = new java.util.HashSet<>();
    int sent = 0;
    for (Offer offer : candidates) {
      if (sent == plan.maxAttempts()) {
        break;
      }
      if (incapable.contains(offer.provider())) {
        continue; // this provider cannot serve the plan: its other offers would refuse the same way
      }
      int attempt = steps.size() + 1;
      Provider provider = fleet.require(offer.provider());
      LaunchRequest request = plan.requestFor(offer);
      Instant now = clock.instant();
      ledger.pending(new LaunchRecord(plan.clientToken(), attempt, provider.name(), offer.id(), describe(request),
          LaunchState.PENDING, null, null, now, now));
      progress.attempting(attempt, offer, request);
      long start = System.nanoTime();
      Instance instance;
      try {
        instance = provider.launch(request);
      } catch (UnsupportedCapabilityException unsupported) {
        // Thrown before anything is sent (the plan asks for SSH keys, a startup script, ... the provider lacks):
        // nothing was created, so the next provider may be tried; this attempt is not counted against maxAttempts.
        LaunchStep step = step(attempt, offer, plan, LaunchStep.Result.UNSUPPORTED, null, unsupported, start);
        ledger.resolve(plan.clientToken(), attempt, LaunchState.FAILED, null,
            unsupported.getMessage() + "; nothing was sent");
        incapable.add(offer.provider());
        steps.add(step);
        progress.step(step);
        continue;
      } catch (CapacityUnavailableException noCapacity) {
        sent++;
        LaunchStep step = step(attempt, offer, plan, LaunchStep.Result.NO_CAPACITY, null, noCapacity, start);
        ledger.resolve(plan.clientToken(), attempt, LaunchState.FAILED, null, noCapacity.getMessage());
        steps.add(step);
        progress.step(step);
        continue;
      } catch (LaunchOutcomeUnknownException unknown) {
        return stop(plan, attempt, offer, LaunchStep.Result.OUTCOME_UNKNOWN, LaunchState.UNKNOWN, unknown, start,
            steps, offers, progress);
      } catch (ProviderException refused) {
        // A typed refusal other than capacity (auth, quota, invalid request, ...): the provider said no, but
        // nothing here proves another provider is what the caller wants; stop and say why.
        boolean ambiguous = refused.kind() == dev.providerapi.errors.ErrorKind.UNEXPECTED_RESPONSE
            || refused.kind() == dev.providerapi.errors.ErrorKind.PROVIDER_UNAVAILABLE;
        return stop(plan, attempt, offer, ambiguous ? LaunchStep.Result.OUTCOME_UNKNOWN : LaunchStep.Result.FAILED,
            ambiguous ? LaunchState.UNKNOWN : LaunchState.FAILED, refused, start, steps, offers, progress);
      } catch (RuntimeException untyped) {
        return stop(plan, attempt, offer, LaunchStep.Result.OUTCOME_UNKNOWN, LaunchState.UNKNOWN, untyped, start,
            steps, offers, progress);
      }
      progress.created(attempt, instance);
      LaunchStep step = step(attempt, offer, plan, LaunchStep.Result.LAUNCHED, instance.id(), null, start);
      steps.add(step);
      String warning = null;
      try {
        ledger.resolve(plan.clientToken(), attempt, LaunchState.CREATED, instance.id(), null);
      } catch (RuntimeException e) {
        // The instance exists: hand it back. The ledger still says PENDING, which the reconciler resolves.
        warning = "the ledger could not record instance " + instance.id() + ": " + e.getMessage();
        LOG.warn("{}; reconcile will find it by client token {}", warning, plan.clientToken());
      }
      progress.step(step);
      return new LaunchResult(LaunchResult.Outcome.LAUNCHED, plan.clientToken(), instance, steps, offers, warning);
    }
    return new LaunchResult(LaunchResult.Outcome.NO_CAPACITY, plan.clientToken(), null, steps, offers, null);
  }

  private LaunchResult stop(LaunchPlan plan, int attempt, Offer offer, LaunchStep.Result result, LaunchState state,
      RuntimeException error, long start, List<LaunchStep> steps, FleetOffers offers, LaunchProgress progress) {
    LaunchStep step = step(attempt, offer, plan, result, null, error, start);
    steps.add(step);
    String warning = null;
    try {
      ledger.resolve(plan.clientToken(), attempt, state, null, error.getMessage());
    } catch (RuntimeException e) {
      warning = "the ledger could not record the failed attempt: " + e.getMessage();
      LOG.warn(warning);
    }
    progress.step(step);
    LaunchResult.Outcome outcome = result == LaunchStep.Result.OUTCOME_UNKNOWN
        ? LaunchResult.Outcome.OUTCOME_UNKNOWN : LaunchResult.Outcome.FAILED;
    return new LaunchResult(outcome, plan.clientToken(), null, steps, offers, warning);
  }

  private static LaunchStep step(int attempt, Offer offer, LaunchPlan plan, LaunchStep.Result result,
      @Nullable String instanceId, @Nullable Throwable error, long start) {
    String message = error == null ? null : error.getClass().getSimpleName() + ": " + error.getMessage();
    return new LaunchStep(attempt, offer.provider(), offer.id(), OfferSort.perHour(offer, plan.market()), result,
        instanceId, message, Duration.ofNanos(System.nanoTime() - start));
  }

  /** The request as JSON for the ledger, without environment values or the startup script. */
  static String describe(LaunchRequest r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("offerId", r.offerId());
    m.put("instanceType", r.instanceType());
    m.put("region", r.region());
    m.put("gpu", r.gpu());
    m.put("gpuCount", r.gpuCount());
    m.put("image", r.image());
    m.put("sshKeys", r.sshKeys().size());
    m.put("startupScriptChars", r.startupScript() == null ? null : r.startupScript().length());
    m.put("envKeys", r.env().keySet().stream().sorted().toList());
    m.put("diskGb", r.diskGb());
    m.put("market", r.market().name());
    m.put("spotBidPerHour", r.spotBidPerHour());
    m.put("name", r.effectiveName());
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the launch request as JSON", e);
    }
  }
}
