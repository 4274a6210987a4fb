package dev.providerapi.cli;

import dev.providerapi.generator.crd.CrdReader;
import dev.providerapi.generator.diff.Usage;
import dev.providerapi.generator.manifest.ManifestReader;
import dev.providerapi.generator.manifest.ProviderManifest;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.openapi.OpenApiReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
    name = "diff",
    header = "Classifies the changes between two specs (exit 1 when breaking).",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Compares two versions of an API, field by field: two OpenAPI specs, two CRDs, or two GraphQL",
        "schemas (.graphql/.graphqls, or SDL by content). Each change is named (added/removed/retyped field,",
        "parameter, enum value, operation, success status) and classified as breaking, dangerous (old clients",
        "work but may see unexpected values) or non-breaking.",
        "With --provider, OLD and NEW are two upstream versions (OLD defaults to the snapshot recorded in",
        "provider.yaml) and each change says whether our spec covers it and which of our bound operations it",
        "touches; the exit code then counts only the changes our spec covers."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no change, or non-breaking (or dangerous) changes only", "1:breaking changes", "2:bad input"})
final class DiffCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "1", paramLabel = "OLD",
      description = "The spec as it was (with --provider and no NEW: the spec as it is now).")
  Path first;

  @Parameters(index = "1", arity = "0..1", paramLabel = "NEW", description = "The spec as it is now.")
  @Nullable Path second;

  @Option(names = "--provider", paramLabel = "P",
      description = "Map the changes onto specs/P (our spec and provider.yaml bindings).")
  @Nullable String provider;

  @ParentCommand ProviderApiCommand parent;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    SpecDiff diff;
    if (provider == null) {
      if (second == null) {
        throw new UserInputException("diff needs OLD and NEW, or --provider P and NEW (OLD is then the upstream "
            + "snapshot recorded in specs/P/provider.yaml)");
      }
      diff = SpecDiff.compare(first, second);
    } else {
      ProviderManifest manifest = manifest(parent.repoRoot(), provider);
      Path oldSpec = second == null ? snapshot(parent.repoRoot(), manifest) : first;
      Path newSpec = second == null ? first : second;
      diff = SpecDiff.compare(oldSpec, newSpec, usage(manifest), graphQlUsage(manifest), manifest.responseEnvelope());
    }
    PrintWriter out = spec.commandLine().getOut();
    print(out, diff, "provider-api diff");
    return diff.verdict() == SpecDiff.Verdict.BREAKING ? Main.DRIFT : Main.OK;
  }

  static ProviderManifest manifest(Path root, String provider) {
    Path yaml = root.resolve("specs").resolve(provider).resolve("provider.yaml");
    if (!Files.isRegularFile(yaml)) {
      throw new UserInputException("provider '" + provider + "' not found: there is no specs/" + provider
          + "/provider.yaml under " + root);
    }
    return new ManifestReader().read(yaml);
  }

  static Path snapshot(Path root, ProviderManifest manifest) {
    Path snap = manifest.spec().upstreamSnapshot();
    if (snap == null) {
      throw new UserInputException(root.relativize(manifest.file().toAbsolutePath()) + " records no upstream "
          + "snapshot (spec.upstream.snapshot): give OLD and NEW, or run `provider-api update " + manifest.name()
          + " --from FILE` once to store FILE as the baseline");
    }
    if (!Files.isRegularFile(snap)) {
      throw new UserInputException(manifest.file() + " at spec.upstream.snapshot: the snapshot " + snap
          + " is missing; restore it, or write 'snapshot: none' and run `provider-api update " + manifest.name()
          + " --from FILE` to store a new baseline");
    }
    return snap;
  }

  /** What our spec and its bindings use (null for GraphQL: see {@link #graphQlUsage}). */
  static @Nullable Usage usage(ProviderManifest manifest) {
    Path file = manifest.spec().file();
    ApiModel ours = switch (manifest.spec().kind()) {
      case "openapi" -> new OpenApiReader().read(file, manifest.responseEnvelope());
      case "crd" -> new CrdReader().read(file, manifest.responseEnvelope());
      default -> null;
    };
    return ours == null ? null : new Usage(ours, manifest.operations());
  }

  /** What our GraphQL operation documents use; null for the other kinds. */
  static @Nullable GraphQlUsage graphQlUsage(ProviderManifest manifest) {
    return manifest.spec().kind().equals("graphql") ? GraphQlUsage.of(manifest) : null;
  }

  static void print(PrintWriter out, SpecDiff diff, String prefix) {
    diff.lines().forEach(l -> out.println("  " + l));
    out.println(prefix + ": " + diff.summary());
    out.flush();
  }

  static List<String> touched(SpecDiff diff) {
    if (diff.graphQlBound() != null) {
      return diff.graphQlBound().stream().distinct().sorted().toList();
    }
    return diff.boundImpacts().stream().flatMap(i -> i.boundOperations().stream()).distinct().sorted().toList();
  }
}
