package dev.providerapi.ops;

import dev.providerapi.broker.LaunchRecord;
import dev.providerapi.broker.LaunchState;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ledger", header = "Show the launch ledger.",
    mixinStandardHelpOptions = true,
    description = {"The launch ledger's rows: one per launch attempt, written before the create is sent",
        "(PENDING) and after it returns (CREATED, FAILED, UNKNOWN), and TERMINATED by terminate or reconcile.",
        "Requests are stored without environment values or the startup script."})
final class LedgerCommand implements Callable<Integer> {
  private final Env env;
  @Mixin GlobalOptions global;

  @Option(names = "--client-token", paramLabel = "TOKEN", description = "Only this launch's attempts.")
  String clientToken;

  @Option(names = "--state", paramLabel = "STATE", split = ",",
      description = "Only rows in these states (PENDING, CREATED, FAILED, UNKNOWN, TERMINATED).")
  List<String> states = List.of();

  LedgerCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    LaunchState[] wanted = states.stream().map(LedgerCommand::state).toArray(LaunchState[]::new);
    try (Session s = Session.open(env, global)) {
      List<LaunchRecord> rows = clientToken != null ? s.ledger().find(clientToken)
          : wanted.length > 0 ? s.ledger().inState(wanted) : s.ledger().all();
      if (clientToken != null && wanted.length > 0) {
        List<LaunchState> w = List.of(wanted);
        rows = rows.stream().filter(r -> w.contains(r.state())).toList();
      }
      if (global.json) {
        Render.json(env.out(), Map.of("ledger", s.ledgerName(), "rows", rows.stream().map(Render::record).toList()));
      } else if (rows.isEmpty()) {
        env.err().println("ledger " + s.ledgerName() + ": no rows");
      } else {
        Table t = new Table("CLIENT-TOKEN", "ATTEMPT", "PROVIDER", "OFFER", "STATE", "INSTANCE", "UPDATED", "ERROR");
        for (LaunchRecord r : rows) {
          t.row(r.clientToken(), r.attempt(), r.provider(), r.offerId(), r.state(), r.instanceId(),
              Render.time(r.updatedAt()), r.error());
        }
        t.print(env.out());
      }
      env.err().flush();
      return ExitCode.OK;
    }
  }

  private static LaunchState state(String s) {
    try {
      return LaunchState.valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--state " + s + ": unknown state; use " + List.of(LaunchState.values()));
    }
  }
}
