package dev.providerapi.ops;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every operations command takes. */
final class GlobalOptions {
  @Option(names = "--json", description = "Print JSON on stdout instead of a table.")
  boolean json;

  @Option(names = {"-p", "--provider"}, paramLabel = "NAME", split = ",",
      description = "Only these providers (repeat or comma-separate; default: every configured one).")
  List<String> providers = new ArrayList<>();

  @Option(names = "--config", paramLabel = "FILE",
      description = "Config file (default: ~/.config/provider-api/config.yaml; it must be mode 600).")
  Path config;

  @Option(names = "--sandbox",
      description = "Run against in-process fakes of the providers (no keys, nothing billed); the ledger is a"
          + " temporary file unless --ledger names one.")
  boolean sandbox;

  @Option(names = "--ledger", paramLabel = "FILE|JDBC-URL",
      description = "The launch ledger: a SQLite file or a jdbc:postgresql:// URL (default: $PROVIDER_API_LEDGER,"
          + " the config's ledger, else ~/.local/share/provider-api/ledger.db).")
  String ledger;

  @Option(names = "--deadline", paramLabel = "DURATION", converter = Durations.class,
      description = "Each provider's deadline for a fleet-wide call (default: the config's, else 20s).")
  Duration deadline;

  @Option(names = "--verbose", description = "Log the HTTP calls (redacted) and print stack traces.")
  boolean verbose;

  @Option(names = "--sandbox-boot", hidden = true, converter = Durations.class,
      description = "How long a sandbox instance boots before it runs (default 3s).")
  Duration sandboxBoot = Duration.ofSeconds(3);
}
