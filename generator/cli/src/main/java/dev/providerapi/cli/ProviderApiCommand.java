package dev.providerapi.cli;

import dev.providerapi.generator.Generator;
import dev.providerapi.generator.write.Drift;
import dev.providerapi.generator.write.WriteResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "provider-api",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    subcommands = {GenerateCommand.class, DiffCommand.class, UpdateCommand.class, NewCommand.class,
        SandboxCommand.class},
    sortOptions = false,
    optionListHeading = "%nOptions:%n",
    commandListHeading = "%nCommands:%n",
    description = {
        "Generates typed GPU-provider clients from specs/<provider>/provider.yaml",
        "and its spec into providers/<provider>/: src/generated/java,",
        "src/generated-test/java and, once, the hand-written adapter skeleton.",
        "",
        "Examples:",
        "  provider-api lambda            regenerate one provider",
        "  provider-api --all             regenerate every provider under specs/",
        "  provider-api --check           exit 1 and list the files that would change",
        "  provider-api generate --spec openapi.json --out /tmp/x",
        "  provider-api diff old.yaml new.yaml   exit 1 on breaking changes",
        "  provider-api update lambda --from new.json",
        "  provider-api new acme --openapi acme.json",
        "  provider-api sandbox --port 8787      keyless fakes on 127.0.0.1"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:--check found drift", "2:bad input (spec, provider.yaml, arguments)",
        "3:unexpected failure"})
final class ProviderApiCommand implements Callable<Integer> {

  @Parameters(paramLabel = "<provider>", arity = "0..*", description = "Providers to generate (folders under specs/).")
  List<String> providers = new ArrayList<>();

  @Option(names = "--all", description = "Every provider with a specs/<provider>/provider.yaml.")
  boolean all;

  @Option(names = "--check", description = "Write nothing; list drifted files and exit 1 if any (all providers when none is named).")
  boolean check;

  @Option(names = "--repo", paramLabel = "DIR", description = "The repository (default: the nearest folder upwards that has specs/).")
  Path repo;

  @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces on failure.")
  boolean verbose;

  @Spec CommandLine.Model.CommandSpec spec;

  final Supplier<Generator> generators;
  final Path workingDir;

  ProviderApiCommand(Supplier<Generator> generators, Path workingDir) {
    this.generators = generators;
    this.workingDir = workingDir;
  }

  @Override
  public Integer call() {
    long start = System.nanoTime();
    if (all && !providers.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "Name providers or use --all, not both");
    }
    if (!all && !check && providers.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Name at least one provider, or use --all or --check");
    }
    Path root = repoRoot();
    Generator generator = generators.get();
    Generator.Mode mode = check ? Generator.Mode.CHECK : Generator.Mode.WRITE;
    List<Generator.Result> results = new ArrayList<>();
    if (providers.isEmpty()) {
      results.addAll(generator.generateAll(root, mode));
    } else {
      for (String p : providers) {
        results.add(generator.generateProvider(root, p, mode));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    for (Generator.Result r : results) {
      Main.printWarnings(spec.commandLine().getErr(), r.warnings());
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    int code = check ? reportCheck(out, results, ms) : reportWrite(out, root, results, ms);
    out.flush();
    return code;
  }

  private static int reportWrite(PrintWriter out, Path root, List<Generator.Result> results, long ms) {
    int written = 0;
    int unchanged = 0;
    int deleted = 0;
    for (Generator.Result r : results) {
      WriteResult w = r.written();
      written += w.written();
      unchanged += w.unchanged();
      deleted += w.deleted();
      for (String created : w.created()) {
        out.println("created " + display(root, r.targetDir().resolve(created))
            + " (adapter skeleton: hand-written from now on)");
      }
    }
    out.println("provider-api: " + names(results) + ": " + written + " files written, " + unchanged + " unchanged"
        + (deleted > 0 ? ", " + deleted + " stale deleted" : "") + " (" + ms + " ms)");
    return Main.OK;
  }

  private static int reportCheck(PrintWriter out, List<Generator.Result> results, long ms) {
    int drifted = 0;
    List<String> stale = new ArrayList<>();
    for (Generator.Result r : results) {
      for (Drift d : r.drift()) {
        out.println(r.provider() + ": " + d);
      }
      if (!r.drift().isEmpty()) {
        drifted += r.drift().size();
        stale.add(r.provider());
      }
    }
    if (drifted == 0) {
      out.println("provider-api --check: " + names(results) + " up to date (" + ms + " ms)");
      return Main.OK;
    }
    out.println("provider-api --check: " + drifted + " file(s) drifted; run ./provider-api "
        + String.join(" ", stale) + " (" + ms + " ms)");
    return Main.DRIFT;
  }

  private static String names(List<Generator.Result> results) {
    return String.join(", ", results.stream().map(Generator.Result::provider).toList());
  }

  private static String display(Path root, Path file) {
    return file.startsWith(root) ? root.relativize(file).toString() : file.toString();
  }

  /**
   * Where {@code new} scaffolds: the repository ({@link #repoRoot}) when there is one, else the working folder
   * when it is a Maven project (a single-module project of the user's).
   */
  Path projectRoot() {
    if (repo != null) {
      Path r = repo.toAbsolutePath().normalize();
      if (!Files.isDirectory(r.resolve("specs")) && Files.isRegularFile(r.resolve("pom.xml"))) {
        return r;
      }
    } else {
      for (Path p = workingDir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
        if (Files.isDirectory(p.resolve("specs"))) {
          return p;
        }
      }
      Path here = workingDir.toAbsolutePath().normalize();
      if (Files.isRegularFile(here.resolve("pom.xml"))) {
        return here;
      }
    }
    return repoRoot();
  }

  Path repoRoot() {
    if (repo != null) {
      Path r = repo.toAbsolutePath().normalize();
      if (!Files.isDirectory(r.resolve("specs"))) {
        throw new UserInputException("--repo " + repo + ": " + r + " has no specs/ folder");
      }
      return r;
    }
    for (Path p = workingDir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("specs"))) {
        return p;
      }
    }
    // The launcher passes its own checkout, so ./provider-api works when called from anywhere.
    String home = System.getProperty("provider-api.home");
    if (home != null && Files.isDirectory(Path.of(home, "specs"))) {
      return Path.of(home).toAbsolutePath().normalize();
    }
    throw new UserInputException("no specs/ folder in " + workingDir + " or any folder above it; run inside the "
        + "repository or pass --repo DIR");
  }
}
