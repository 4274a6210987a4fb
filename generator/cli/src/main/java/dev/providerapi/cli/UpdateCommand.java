package dev.providerapi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.providerapi.generator.Generator;
import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.diff.Change;
import dev.providerapi.generator.diff.UpstreamSpecs;
import dev.providerapi.generator.diff.Usage;
import dev.providerapi.generator.manifest.ProviderManifest;
import dev.providerapi.generator.write.WriteResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "update",
    header = "Follows upstream: carries its changes over, regenerates, verifies.",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Compares the new upstream file with the upstream snapshot recorded in provider.yaml",
        "(spec.upstream: source, version, sha256, snapshot), says which of our bound operations each change",
        "touches, carries the changes our spec covers into our spec (only those: our spec stays a trimmed",
        "description), records the new upstream, regenerates, then compiles and tests the provider module.",
        "If any step fails, every file under specs/<provider> and providers/<provider> is put back as it was.",
        "Without a recorded snapshot the file is stored as the baseline and our spec is left alone.",
        "A GraphQL schema is ours as a whole: it is replaced by the new one (then regenerated and verified)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:updated (or already up to date, or baseline recorded); nothing our spec uses breaks",
        "1:updated and verified, but what our spec uses changed in a BREAKING way: review it",
        "2:bad input (nothing changed)",
        "4:rolled back: the new upstream does not fit (a change needs a hand edit, generation, compilation or "
            + "tests failed); everything is as it was"})
final class UpdateCommand implements Callable<Integer> {
  static final int ROLLED_BACK = 4;

  @Parameters(index = "0", paramLabel = "<provider>", description = "A folder under specs/.")
  String provider;

  @Option(names = "--from", paramLabel = "FILE", required = true, description = "The new upstream spec file.")
  Path from;

  @Option(names = "--source", paramLabel = "URL",
      description = "Where the spec comes from (default: the source already recorded, else FILE).")
  @Nullable String source;

  @Option(names = "--spec-version", paramLabel = "V",
      description = "Upstream version (default: what FILE declares: info.version, the CRD's served versions; "
          + "for GraphQL sha256:<first 12 hex of FILE>).")
  @Nullable String version;

  @Option(names = "--verify", paramLabel = "HOW", defaultValue = "auto",
      description = "How to prove the provider still builds: mvn (verify of providers/<provider> with the "
          + "modules it needs, its own tests only), compile (in-process compile of its generated and main "
          + "sources, no tests), none, or auto (mvn when the repository's pom.xml lists the module, else "
          + "compile). Default: ${DEFAULT-VALUE}.")
  ProviderVerifier.Mode verify;

  @ParentCommand ProviderApiCommand parent;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Path root = parent.repoRoot();
    ProviderManifest manifest = DiffCommand.manifest(root, provider);
    Path yaml = manifest.file().toAbsolutePath().normalize();
    Path folder = yaml.getParent();
    String kind = manifest.spec().kind();
    Path newSpec = from.toAbsolutePath().normalize();
    if (Files.isDirectory(newSpec)) {
      throw new UserInputException(from + ": is a directory; expected the new upstream spec file");
    }
    if (!Files.isRegularFile(newSpec)) {
      throw new UserInputException(from + ": spec file not found");
    }
    boolean graphQl = kind.equals("graphql");
    if (graphQl != GraphQlSchemaDiff.isSchema(newSpec)
        || !graphQl && (kind.equals("crd") != (UpstreamSpecs.kind(newSpec) == UpstreamSpecs.Kind.CRD))) {
      throw new UserInputException(from + ": " + provider + " has spec kind '" + kind + "' but this file is "
          + (GraphQlSchemaDiff.isSchema(newSpec) ? "a GraphQL schema"
          : UpstreamSpecs.kind(newSpec) == UpstreamSpecs.Kind.CRD ? "a CRD" : "an OpenAPI spec"));
    }
    PrintWriter out = spec.commandLine().getOut();
    String prefix = "provider-api update " + provider;
    ProviderManifest.SpecRef recorded = manifest.spec();
    String sha = UpstreamSpecs.sha256(newSpec);
    String upstreamVersion = version != null ? version
        : graphQl ? "sha256:" + sha.substring(0, 12)
        : orElse(UpstreamSpecs.declaredVersion(newSpec, graphQl ? UpstreamSpecs.Kind.GRAPHQL
            : UpstreamSpecs.kind(newSpec)), "sha256:" + sha.substring(0, 12));
    String upstreamSource = source != null ? source
        : recorded.upstreamSource() != null ? recorded.upstreamSource() : newSpec.toString();
    Path snapshot = recorded.upstreamSnapshot() == null ? null : DiffCommand.snapshot(root, manifest);
    if (snapshot != null && sha.equals(recorded.upstreamSha256())) {
      out.println(prefix + ": upstream unchanged (version " + recorded.upstreamVersion() + ", sha256 "
          + sha.substring(0, 12) + "...): nothing to do");
      out.flush();
      return Main.OK;
    }
    Path snapshotFile = snapshot != null ? snapshot : folder.resolve("upstream").resolve(snapshotName(upstreamSource));
    UpstreamEditor.Upstream record = new UpstreamEditor.Upstream(upstreamSource, upstreamVersion, sha,
        folder.relativize(snapshotFile).toString().replace('\\', '/'));

    Path specFile = recorded.file();
    byte[] newSpecText = specFile.equals(newSpec) ? read(newSpec) : null;
    String ourText = new String(read(specFile), StandardCharsets.UTF_8);
    String patched = ourText;
    SpecDiff diff = null;
    List<String> notes = new ArrayList<>();
    if (snapshot == null) {
      // Never store as the baseline what is not a readable spec (a fetched HTML page, a truncated file).
      if (graphQl) {
        dev.providerapi.generator.graphql.GraphQlReader.schema(newSpec);
      } else {
        UpstreamSpecs.read(newSpec, UpstreamSpecs.kind(newSpec), manifest.responseEnvelope());
      }
      notes.add("no upstream snapshot was recorded: stored " + from + " as " + root.relativize(snapshotFile)
          + ", the baseline later updates compare against; our spec is unchanged");
    } else if (graphQl) {
      diff = GraphQlSchemaDiff.compare(snapshot, newSpec, DiffCommand.graphQlUsage(manifest));
      patched = new String(newSpecText != null ? newSpecText : read(newSpec), StandardCharsets.UTF_8);
    } else {
      Usage usage = DiffCommand.usage(manifest);
      diff = SpecDiff.compare(snapshot, newSpec, usage, manifest.responseEnvelope());
      SpecPatcher.Result result = SpecPatcher.apply(ourText, usage, diff.impacts(), tree(newSpec));
      patched = result.text();
      result.applied().forEach(a -> notes.add("carried into our spec: " + a));
      List<String> blocking = new ArrayList<>();
      for (Usage.Impact i : diff.impacts()) {
        if (i.covered() && result.manual().contains(i.change().describe())) {
          if (i.change().level() == Change.Level.BREAKING) {
            blocking.add(i.describe());
          } else {
            notes.add("not carried over (" + i.change().level().label() + "): " + i.describe());
          }
        }
      }
      if (!blocking.isEmpty()) {
        DiffCommand.print(out, diff, prefix);
        blocking.forEach(b -> out.println("  needs a hand edit of " + root.relativize(specFile) + ": " + b));
        touched(out, diff);
        out.println(prefix + ": not updated; nothing was changed (edit our spec by hand, then run update again)");
        out.flush();
        return ROLLED_BACK;
      }
    }
    if (diff != null) {
      DiffCommand.print(out, diff, prefix);
    }

    TreeBackup backup = TreeBackup.of(folder, root.resolve("providers").resolve(provider));
    Generator.Result generated;
    ProviderVerifier.Outcome verified;
    try {
      write(specFile, patched.getBytes(StandardCharsets.UTF_8));
      Files.createDirectories(snapshotFile.getParent());
      Files.copy(newSpec, snapshotFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      write(yaml, UpstreamEditor.record(Files.readString(yaml), record).getBytes(StandardCharsets.UTF_8));
      generated = parent.generators.get().generateProvider(root, provider, Generator.Mode.WRITE);
      ProviderVerifier.Mode how = ProviderVerifier.resolve(verify, root, provider);
      verified = ProviderVerifier.verify(how, root, provider, manifest.javaPackage());
    } catch (SpecException e) {
      backup.restore();
      touched(out, diff);
      out.flush();
      spec.commandLine().getErr().println(prefix + ": rolled back: the updated spec cannot be generated from: "
          + e.getMessage() + "; every file under " + root.relativize(folder) + " and providers/" + provider
          + " is as it was");
      spec.commandLine().getErr().flush();
      return ROLLED_BACK;
    } catch (IOException e) {
      backup.restore();
      throw new UncheckedIOException(e.getMessage(), e);
    } catch (RuntimeException e) {
      backup.restore();
      throw e;
    }
    if (!verified.passed()) {
      backup.restore();
      touched(out, diff);
      out.flush();
      PrintWriter err = spec.commandLine().getErr();
      err.println(prefix + ": rolled back: the regenerated provider fails " + verified.how() + ":");
      err.println(verified.output());
      err.println(prefix + ": every file under " + root.relativize(folder) + " and providers/" + provider
          + " is as it was");
      err.flush();
      return ROLLED_BACK;
    }
    notes.forEach(n -> out.println("  " + n));
    touched(out, diff);
    WriteResult w = generated.written();
    out.println(prefix + ": upstream " + upstreamSource + " version " + upstreamVersion + " (sha256 "
        + sha.substring(0, 12) + "...) recorded; " + w.written() + " files written, " + w.unchanged() + " unchanged"
        + (w.deleted() > 0 ? ", " + w.deleted() + " stale deleted" : "") + "; " + verified.how() + ": passed");
    out.flush();
    return diff != null && diff.verdict() == SpecDiff.Verdict.BREAKING ? Main.DRIFT : Main.OK;
  }

  private static void touched(PrintWriter out, @Nullable SpecDiff diff) {
    if (diff == null || !diff.scoped()) {
      return;
    }
    List<String> bound = DiffCommand.touched(diff);
    out.println("  bound operations touched: " + (bound.isEmpty() ? "none" : String.join(", ", bound)));
  }

  /** {@code openapi.json} from {@code https://x/api/v1/openapi.json}; else {@code upstream.<ext of FILE>}. */
  private String snapshotName(String upstreamSource) {
    String last = upstreamSource.replaceAll("[?#].*$", "");
    last = last.substring(last.lastIndexOf('/') + 1);
    if (last.matches("[A-Za-z0-9._-]+\\.(json|ya?ml|graphqls?|gql|sdl)")) {
      return last;
    }
    String name = from.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return "upstream" + (dot > 0 ? name.substring(dot) : ".txt");
  }

  private static String orElse(@Nullable String value, String fallback) {
    return value == null ? fallback : value;
  }

  private static JsonNode tree(Path file) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new UserInputException(file + ": cannot be parsed: " + e.getMessage());
    }
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path p, byte[] bytes) {
    try {
      Files.write(p, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + p + ": " + e.getMessage(), e);
    }
  }
}
