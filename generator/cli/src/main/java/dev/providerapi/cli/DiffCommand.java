package dev.providerapi.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "diff",
    header = "Classifies the changes between two specs (exit 1 when breaking).",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Compares two OpenAPI specs, or two GraphQL schemas (.graphql/.graphqls, or SDL by content),",
        "and classifies the changes as breaking, dangerous (GraphQL: old clients work but may see",
        "unexpected values) or non-breaking. Exit code 0: no change, non-breaking or dangerous only;",
        "1: breaking changes (for CI)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no change, or non-breaking (or dangerous) changes only", "1:breaking changes", "2:bad input"})
final class DiffCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "OLD", description = "The spec as it was.")
  Path oldSpec;

  @Parameters(index = "1", paramLabel = "NEW", description = "The spec as it is now.")
  Path newSpec;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    SpecDiff diff = SpecDiff.compare(oldSpec, newSpec);
    PrintWriter out = spec.commandLine().getOut();
    print(out, diff, "provider-api diff");
    return diff.verdict() == SpecDiff.Verdict.BREAKING ? Main.DRIFT : Main.OK;
  }

  static void print(PrintWriter out, SpecDiff diff, String prefix) {
    diff.lines().forEach(l -> out.println("  " + l));
    out.println(prefix + ": " + diff.summary());
    out.flush();
  }
}
