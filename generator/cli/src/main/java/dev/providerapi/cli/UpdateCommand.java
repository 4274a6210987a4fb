package dev.providerapi.cli;

import dev.providerapi.generator.Generator;
import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.manifest.ManifestReader;
import dev.providerapi.generator.manifest.ProviderManifest;
import dev.providerapi.generator.openapi.OpenApiReader;
import dev.providerapi.generator.write.WriteResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "update",
    header = "Replaces a provider's spec with a new upstream one and regenerates.",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Replaces a provider's spec with a new upstream version, prints what changed",
        "(breaking or not), records the upstream source and version in provider.yaml and",
        "regenerates. If regeneration fails, the old spec and provider.yaml are put back."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:updated; no change or non-breaking changes", "1:updated; the changes are BREAKING",
        "2:bad input (nothing changed)"})
final class UpdateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "<provider>", description = "A folder under specs/.")
  String provider;

  @Option(names = "--from", paramLabel = "FILE", required = true, description = "The new spec file.")
  Path from;

  @Option(names = "--source", paramLabel = "URL",
      description = "Where the spec comes from (default: the source already recorded, else FILE).")
  String source;

  @Option(names = "--spec-version", paramLabel = "V",
      description = "Upstream version (default: info.version of FILE; for GraphQL sha256:<first 12 hex of FILE>).")
  String version;

  @ParentCommand ProviderApiCommand parent;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Path root = parent.repoRoot();
    Path yaml = root.resolve("specs").resolve(provider).resolve("provider.yaml");
    if (!Files.isRegularFile(yaml)) {
      throw new UserInputException("provider '" + provider + "' not found: there is no specs/" + provider
          + "/provider.yaml under " + root);
    }
    ProviderManifest manifest = new ManifestReader().read(yaml);
    String kind = manifest.spec().kind();
    if (!kind.equals("openapi") && !kind.equals("graphql")) {
      throw new UserInputException("update compares OpenAPI specs and GraphQL schemas; " + provider
          + " has spec kind '" + kind + "'");
    }
    Path specFile = manifest.spec().file();
    Path newSpec = from.toAbsolutePath().normalize();
    if (!Files.isRegularFile(newSpec)) {
      throw new UserInputException(from + ": spec file not found");
    }
    if (kind.equals("graphql") != GraphQlSchemaDiff.isSchema(newSpec)) {
      throw new UserInputException(from + ": " + provider + " has spec kind '" + kind + "' but this file is "
          + (kind.equals("graphql") ? "not a GraphQL schema" : "a GraphQL schema"));
    }
    SpecDiff diff = SpecDiff.compare(specFile, newSpec);
    String upstreamVersion;
    if (version != null) {
      upstreamVersion = version;
    } else if (kind.equals("graphql")) {
      // SDL carries no version: name the schema by its content, so a later update shows whether it moved.
      upstreamVersion = "sha256:" + sha256(read(newSpec)).substring(0, 12);
    } else {
      upstreamVersion = new OpenApiReader().read(newSpec, manifest.responseEnvelope()).version();
    }
    String upstreamSource = source != null ? source
        : manifest.spec().upstreamSource() != null ? manifest.spec().upstreamSource() : newSpec.toString();

    byte[] oldSpec = read(specFile);
    byte[] oldYaml = read(yaml);
    Generator.Result result;
    try {
      write(specFile, read(newSpec));
      write(yaml, UpstreamEditor.record(new String(oldYaml, StandardCharsets.UTF_8), upstreamSource, upstreamVersion)
          .getBytes(StandardCharsets.UTF_8));
      result = parent.generators.get().generateProvider(root, provider, Generator.Mode.WRITE);
    } catch (SpecException e) {
      write(specFile, oldSpec);
      write(yaml, oldYaml);
      // E.g. an operation document that no longer validates against the new GraphQL schema.
      throw new UserInputException("the new spec cannot be generated from: " + e.getMessage() + "; "
          + root.relativize(specFile) + " and " + root.relativize(yaml) + " were put back as they were");
    } catch (RuntimeException e) {
      write(specFile, oldSpec);
      write(yaml, oldYaml);
      throw e;
    }
    PrintWriter out = spec.commandLine().getOut();
    DiffCommand.print(out, diff, "provider-api update " + provider);
    WriteResult w = result.written();
    out.println("provider-api update " + provider + ": spec " + root.relativize(specFile) + " <- " + newSpec
        + "; upstream " + upstreamSource + " version " + upstreamVersion + "; " + w.written() + " files written, "
        + w.unchanged() + " unchanged" + (w.deleted() > 0 ? ", " + w.deleted() + " stale deleted" : ""));
    out.flush();
    return diff.verdict() == SpecDiff.Verdict.BREAKING ? Main.DRIFT : Main.OK;
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
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
