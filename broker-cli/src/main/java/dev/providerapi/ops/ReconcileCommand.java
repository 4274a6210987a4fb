package dev.providerapi.ops;

import dev.providerapi.Provider;
import dev.providerapi.broker.Finding;
import dev.providerapi.broker.ReconcileReport;
import dev.providerapi.broker.Reconciler;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reconcile", header = "Find orphans and unknowns between the providers and the ledger.",
    mixinStandardHelpOptions = true,
    description = {"Compares every provider's instances that carry our client-token prefix with the launch ledger:",
        "ORPHAN   running, and not in the ledger or the ledger says failed or terminated (billed, unowned);",
        "UNKNOWN  the ledger says pending or unknown and the provider has no such instance;",
        "RECOVERED the ledger said pending and the provider has it (a crash after create); the ledger is updated.",
        "With --terminate-orphans, orphans older than --grace are terminated.",
        "",
        "Exit: 0 clean (or every orphan terminated), 6 orphans or unknowns left, 3 some providers could not be",
        "listed (their rows were not judged), 1 none could."})
final class ReconcileCommand implements Callable<Integer> {
  private final Env env;
  @Mixin GlobalOptions global;

  @Option(names = "--terminate-orphans", description = "Terminate orphans older than --grace.")
  boolean terminateOrphans;

  @Option(names = "--grace", paramLabel = "DURATION", converter = Durations.class,
      description = "Orphans younger than this are only reported (default 30m).")
  Duration grace = Duration.ofMinutes(30);

  @Option(names = "--token-prefix", paramLabel = "PREFIX",
      description = "The client-token prefix that marks our instances (default pa-).")
  String tokenPrefix = Reconciler.DEFAULT_TOKEN_PREFIX;

  ReconcileCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (tokenPrefix.isBlank()) {
      throw new UsageException("--token-prefix must not be empty: every instance of the account would be judged");
    }
    if (grace.isNegative()) {
      throw new UsageException("--grace must not be negative, got " + grace);
    }
    PrintWriter err = env.err();
    try (Session s = Session.open(env, global)) {
      err.println("reconcile: listing " + s.fleet().providers().stream().map(Provider::name).toList()
          + OffersCommand.skipped(s) + " against the ledger " + s.ledgerName()
          + (terminateOrphans ? "; terminating orphans older than " + Durations.human(grace) : "; reporting only"));
      err.flush();
      Reconciler reconciler = new Reconciler(s.fleet(), s.ledger(), tokenPrefix, Clock.systemUTC());
      ReconcileReport report = reconciler.reconcile(terminateOrphans, grace, f -> {
        err.println("  " + f.kind() + " " + f.provider() + " " + f.clientToken()
            + (f.instanceId() == null ? "" : " " + f.instanceId()) + ": " + f.detail());
        err.flush();
      });
      Render.providerLines(err, report.providers(), "of ours", r -> r.ok() ? (Integer) r.value() : 0);
      if (global.json) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("findings", report.findings().stream().map(Render::finding).toList());
        json.put("providers", report.providers().stream()
            .map(r -> Render.providerResult(r, r.ok() ? r.value() : null)).toList());
        json.put("clean", report.clean());
        json.put("skipped", s.skipped());
        Render.json(env.out(), json);
      } else if (report.findings().isEmpty()) {
        err.println("reconcile: nothing found");
      } else {
        Table t = new Table("KIND", "PROVIDER", "CLIENT-TOKEN", "INSTANCE", "STATUS", "LEDGER", "AGE", "ACTION", "DETAIL");
        for (Finding f : report.findings()) {
          t.row(f.kind(), f.provider(), f.clientToken(), f.instanceId(), f.status(), f.ledgerState(),
              Render.age(f.age()), f.action(), f.detail());
        }
        t.print(env.out());
      }
      err.flush();
      long failed = report.providers().stream().filter(r -> !r.ok()).count();
      if (failed == report.providers().size()) {
        return ExitCode.FAILED;
      }
      boolean attention = report.findings().stream().anyMatch(ReconcileCommand::needsAttention);
      if (attention) {
        return ExitCode.FINDINGS;
      }
      return failed > 0 ? ExitCode.PARTIAL : ExitCode.OK;
    }
  }

  /** An orphan left running (or whose terminate failed), or an unknown: someone should look. */
  static boolean needsAttention(Finding f) {
    return switch (f.kind()) {
      case RECOVERED -> false;
      case UNKNOWN -> true;
      case ORPHAN -> f.action() != Finding.Action.TERMINATED;
    };
  }
}
