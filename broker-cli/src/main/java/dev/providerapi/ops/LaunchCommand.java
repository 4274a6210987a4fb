package dev.providerapi.ops;

import dev.providerapi.Provider;
import dev.providerapi.broker.FailoverLauncher;
import dev.providerapi.broker.FleetOffers;
import dev.providerapi.broker.LaunchPlan;
import dev.providerapi.broker.LaunchProgress;
import dev.providerapi.broker.LaunchResult;
import dev.providerapi.broker.LaunchStep;
import dev.providerapi.broker.Reconciler;
import dev.providerapi.model.Instance;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.model.OfferSort;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "launch", header = "Launch the cheapest matching offer, failing over on no capacity; wait for RUNNING.",
    mixinStandardHelpOptions = true,
    description = {"Launches the cheapest matching offer of the configured providers; when a provider proves it",
        "created nothing (no capacity) the next offer is tried, never two instances for one launch. Every attempt",
        "is written to the launch ledger before it is sent and after it returns. Then waits (progress on stderr)",
        "until the instance is RUNNING, up to --timeout.",
        "",
        "Exit: 0 running, 1 no offer / no capacity / refused, 4 launched but not RUNNING in time,",
        "5 outcome unknown (an instance may exist: run reconcile before launching again).",
        "",
        "  provider-api launch --gpu H100 --count 8 --max-price 3 --image ubuntu22.04 --ssh-key me",
        "  provider-api launch --sandbox --provider vast --gpu RTX-4090 --image pytorch/pytorch"})
final class LaunchCommand implements Callable<Integer> {
  private final Env env;
  @Mixin GlobalOptions global;
  @Mixin FilterOptions filter;

  @Option(names = "--image", paramLabel = "IMAGE", description = "The image (a provider's image name, a container image, a PVC).")
  String image;

  @Option(names = "--ssh-key", paramLabel = "KEY", description = "A public key, or the name of a key registered with the provider (repeatable).")
  List<String> sshKeys = new ArrayList<>();

  @Option(names = "--startup-script", paramLabel = "FILE", description = "A script run at boot.")
  Path startupScript;

  @Option(names = "--env", paramLabel = "KEY=VALUE", description = "An environment variable on the instance (repeatable; values are never printed).")
  List<String> envs = new ArrayList<>();

  @Option(names = "--disk", paramLabel = "GB", description = "Disk size.")
  Integer diskGb;

  @Option(names = "--client-token", paramLabel = "TOKEN",
      description = "Tags the instance and its ledger rows (default: a new pa-<16 hex digits>); a token launches once.")
  String clientToken;

  @Option(names = "--max-attempts", paramLabel = "N", description = "Offers to try at most (default 5).")
  int maxAttempts = 5;

  @Option(names = "--no-wait", description = "Return once the provider accepted the launch.")
  boolean noWait;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class,
      description = "How long to wait for RUNNING (default 15m).")
  Duration timeout = Duration.ofMinutes(15);

  @Option(names = "--poll", paramLabel = "DURATION", converter = Durations.class,
      description = "How often to look while waiting (default 5s).")
  Duration poll = Duration.ofSeconds(5);

  LaunchCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (maxAttempts < 1) {
      throw new UsageException("--max-attempts must be at least 1, got " + maxAttempts);
    }
    OfferFilter f = filter.toFilter(1);
    LaunchPlan plan = plan(f);
    PrintWriter err = env.err();
    try (Session s = Session.open(env, global)) {
      if (!s.ledger().find(plan.clientToken()).isEmpty()) {
        throw new UsageException("client token " + plan.clientToken() + " was already used (see provider-api ledger"
            + " --client-token " + plan.clientToken() + "); a token launches once");
      }
      if (!plan.clientToken().startsWith(Reconciler.DEFAULT_TOKEN_PREFIX)) {
        err.println("note: reconcile looks for tokens starting with " + Reconciler.DEFAULT_TOKEN_PREFIX
            + " unless given --token-prefix");
      }
      err.println("launch " + plan.clientToken() + ": asking " + s.fleet().providers().stream().map(Provider::name)
          .toList() + " for offers; ledger " + s.ledgerName());
      err.flush();
      LaunchResult result = new FailoverLauncher(s.fleet(), s.ledger()).launch(plan, new Progress(err, plan));
      if (result.ledgerWarning() != null) {
        err.println("warning: " + result.ledgerWarning() + "; provider-api reconcile will record it");
      }
      Waiter.Outcome waited = null;
      Instance instance = result.instance();
      if (result.outcome() == LaunchResult.Outcome.LAUNCHED && !noWait) {
        waited = new Waiter(err, timeout, poll).untilRunning(s.fleet().require(instance.provider()), instance);
        if (waited.last() != null) {
          instance = waited.last();
        }
      }
      int code = exitCode(result, waited);
      if (global.json) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outcome", result.outcome().name());
        json.put("clientToken", result.clientToken());
        json.put("instance", instance == null ? null : Render.instance(instance));
        json.put("waited", waited == null ? null : Map.of("result", waited.result().name(),
            "seconds", waited.waited().toSeconds()));
        json.put("steps", result.steps().stream().map(Render::step).toList());
        json.put("providers", result.offers().providers().stream().map(r -> Render.providerResult(r, null)).toList());
        json.put("ledgerWarning", result.ledgerWarning());
        json.put("exitCode", code);
        Render.json(env.out(), json);
      } else if (instance != null) {
        Render.instancesTable(List.of(instance)).print(env.out());
      }
      err.println(summary(result, waited, instance));
      err.flush();
      return code;
    }
  }

  private LaunchPlan plan(OfferFilter f) {
    LaunchPlan.Builder b = LaunchPlan.builder(f).image(image).diskGb(diskGb).clientToken(clientToken)
        .maxAttempts(maxAttempts);
    sshKeys.forEach(b::sshKey);
    if (startupScript != null) {
      try {
        b.startupScript(Files.readString(startupScript));
      } catch (IOException e) {
        throw new UsageException("--startup-script " + startupScript + ": cannot read it: " + e.getMessage());
      }
    }
    for (String kv : envs) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        // the value may be a secret: never echo the argument
        throw new UsageException("--env takes KEY=VALUE with a non-empty KEY; got an argument "
            + (eq < 0 ? "without '='" : "starting with '='"));
      }
      b.env(kv.substring(0, eq), kv.substring(eq + 1));
    }
    if (diskGb != null && diskGb < 1) {
      throw new UsageException("--disk must be at least 1 GB, got " + diskGb);
    }
    return b.build();
  }

  static int exitCode(LaunchResult result, Waiter.Outcome waited) {
    return switch (result.outcome()) {
      case LAUNCHED -> waited == null || waited.result() == Waiter.Result.REACHED ? ExitCode.OK
          : waited.result() == Waiter.Result.TIMED_OUT ? ExitCode.TIMEOUT : ExitCode.FAILED;
      case OUTCOME_UNKNOWN -> ExitCode.OUTCOME_UNKNOWN;
      case NO_OFFERS, NO_CAPACITY, FAILED -> ExitCode.FAILED;
    };
  }

  private static String summary(LaunchResult r, Waiter.Outcome waited, Instance instance) {
    String t = "launch " + r.clientToken() + ": ";
    return switch (r.outcome()) {
      case LAUNCHED -> t + "launched " + instance.provider() + " " + instance.id() + " (" + instance.status() + ")"
          + (waited != null && waited.result() == Waiter.Result.TIMED_OUT
              ? "; not RUNNING in time, left as it is: provider-api terminate -p " + instance.provider() + " "
                  + instance.id() + " ends it" : "");
      case NO_OFFERS -> t + "no offer matches" + (r.offers().failures().isEmpty() ? ""
          : " (" + r.offers().failures().size() + " provider(s) failed to answer)");
      case NO_CAPACITY -> t + "nothing launched: every offer tried (" + r.steps().size() + ") had no capacity";
      case FAILED -> t + "nothing launched: " + last(r);
      case OUTCOME_UNKNOWN -> t + "the outcome is unknown (" + last(r) + "): an instance may exist; run"
          + " provider-api reconcile before launching again";
    };
  }

  private static String last(LaunchResult r) {
    return r.steps().isEmpty() ? "" : r.steps().get(r.steps().size() - 1).provider() + " said "
        + r.steps().get(r.steps().size() - 1).error();
  }

  /** Failover progress on stderr. */
  private static final class Progress implements LaunchProgress {
    private final PrintWriter err;
    private final LaunchPlan plan;

    Progress(PrintWriter err, LaunchPlan plan) {
      this.err = err;
      this.plan = plan;
    }

    @Override
    public void offers(FleetOffers offers) {
      long priced = offers.offers().stream().filter(o -> OfferSort.perHour(o, plan.market()) != null).count();
      err.println("  " + priced + " matching " + plan.market().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
          + " offer(s); trying at most " + plan.maxAttempts() + ", cheapest first");
      offers.failures().forEach(r -> err.println("  " + r.provider() + ": " + r.describe()));
      err.flush();
    }

    @Override
    public void attempting(int attempt, Offer offer, LaunchRequest request) {
      err.println("  attempt " + attempt + ": " + offer.provider() + " " + offer.id() + " (" + offer.gpuCount() + "x "
          + offer.gpu().canonicalName() + (offer.region() == null ? "" : ", " + offer.region()) + ") at $"
          + Render.money(OfferSort.perHour(offer, plan.market())) + "/h: recorded PENDING, sending");
      err.flush();
    }

    @Override
    public void created(int attempt, Instance instance) {
      err.println("  attempt " + attempt + ": created " + instance.provider() + " " + instance.id() + " ("
          + instance.status() + ")");
      err.flush();
    }

    @Override
    public void step(LaunchStep step) {
      String what = switch (step.result()) {
        case LAUNCHED -> "recorded CREATED";
        case NO_CAPACITY -> "no capacity (" + step.error() + "); recorded FAILED, trying the next offer";
        case FAILED -> "refused (" + step.error() + "); recorded FAILED";
        case UNSUPPORTED -> "skipped: " + step.error() + "; recorded FAILED, trying the next provider";
        case OUTCOME_UNKNOWN -> "outcome unknown (" + step.error() + "); recorded UNKNOWN";
      };
      err.println("  attempt " + step.attempt() + ": " + what + " in " + Durations.human(step.elapsed()));
      err.flush();
    }
  }
}
