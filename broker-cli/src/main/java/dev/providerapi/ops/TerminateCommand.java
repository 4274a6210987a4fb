package dev.providerapi.ops;

import dev.providerapi.broker.LaunchRecord;
import dev.providerapi.broker.LaunchState;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.model.Instance;
import dev.providerapi.model.InstanceStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "terminate", header = "Terminate instances and mark their ledger rows.",
    mixinStandardHelpOptions = true,
    description = {"Terminates instances (an instance already gone counts as terminated) and marks their launch",
        "ledger rows TERMINATED. The provider is --provider's, else the one the ledger recorded the id under.",
        "",
        "Exit: 0 all terminated, 1 all failed, 3 some failed, 4 --wait timed out.",
        "",
        "  provider-api terminate -p lambda 0920582c7ff041399e34823a0be62549",
        "  provider-api terminate --client-token pa-5f0c2a9e1b7d3c44 --wait"})
final class TerminateCommand implements Callable<Integer> {
  private final Env env;
  @Mixin GlobalOptions global;

  @Parameters(paramLabel = "INSTANCE-ID", arity = "0..*", description = "Instances to terminate.")
  List<String> ids = new ArrayList<>();

  @Option(names = "--client-token", paramLabel = "TOKEN", description = "Terminate what this launch created (found through the ledger).")
  String clientToken;

  @Option(names = "--wait", description = "Wait until each instance is TERMINATED or gone.")
  boolean waitGone;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class,
      description = "How long --wait waits (default 10m).")
  Duration timeout = Duration.ofMinutes(10);

  @Option(names = "--poll", paramLabel = "DURATION", converter = Durations.class,
      description = "How often --wait looks (default 5s).")
  Duration poll = Duration.ofSeconds(5);

  TerminateCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (ids.isEmpty() && clientToken == null) {
      throw new UsageException("name the instances to terminate, or give --client-token");
    }
    PrintWriter err = env.err();
    try (Session s = Session.open(env, global)) {
      List<Targets.Target> targets = new ArrayList<>();
      for (String id : ids) {
        targets.add(Targets.resolve(s, global, id));
      }
      if (clientToken != null) {
        targets.addAll(Targets.byClientToken(s, clientToken));
      }
      List<Map<String, Object>> results = new ArrayList<>();
      Table table = new Table("PROVIDER", "ID", "RESULT", "LEDGER");
      int ok = 0;
      int failed = 0;
      boolean timedOut = false;
      for (Targets.Target t : targets) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("provider", t.provider().name());
        r.put("id", t.instanceId());
        err.println("terminate: " + t.provider().name() + " " + t.instanceId() + "...");
        err.flush();
        String result;
        try {
          t.provider().terminate(t.instanceId());
          result = "TERMINATED";
          ok++;
        } catch (ProviderException e) {
          err.println("  " + t.provider().name() + " " + t.instanceId() + ": " + e.getClass().getSimpleName() + ": "
              + e.getMessage());
          r.put("error", Render.error(e));
          result = "FAILED";
          failed++;
        }
        String ledgerNote = "not in the ledger";
        if (result.equals("TERMINATED")) {
          LaunchRecord row = ledgerRow(t);
          if (row != null) {
            s.ledger().resolve(row.clientToken(), row.attempt(), LaunchState.TERMINATED, t.instanceId(),
                "terminated by provider-api terminate");
            ledgerNote = "TERMINATED (" + row.clientToken() + " attempt " + row.attempt() + ")";
            r.put("ledger", Map.of("clientToken", row.clientToken(), "attempt", row.attempt(), "state", "TERMINATED"));
          } else {
            err.println("  note: " + t.instanceId() + " is not in the ledger " + s.ledgerName());
            r.put("ledger", null);
          }
          if (waitGone) {
            Instance now = t.provider().get(t.instanceId()).orElse(null);
            if (now != null && now.status() != InstanceStatus.TERMINATED) {
              Waiter.Outcome w = new Waiter(err, timeout, poll).untilGone(t.provider(), now);
              if (w.result() == Waiter.Result.TIMED_OUT) {
                timedOut = true;
                result = "TERMINATING";
              }
            }
          }
        }
        r.put("result", result);
        results.add(r);
        table.row(t.provider().name(), t.instanceId(), result, ledgerNote);
      }
      if (global.json) {
        Render.json(env.out(), Map.of("results", results));
      } else {
        table.print(env.out());
      }
      err.flush();
      if (timedOut && failed == 0) {
        return ExitCode.TIMEOUT;
      }
      return ExitCode.of(ok, failed);
    }
  }

  /** The row to mark: the one recording this instance id, else (found by token) the token's last attempt. */
  private static LaunchRecord ledgerRow(Targets.Target t) {
    return t.records().stream().filter(r -> t.instanceId().equals(r.instanceId()))
        .max(Comparator.comparingInt(LaunchRecord::attempt))
        .orElseGet(() -> t.records().stream().max(Comparator.comparingInt(LaunchRecord::attempt)).orElse(null));
  }
}
