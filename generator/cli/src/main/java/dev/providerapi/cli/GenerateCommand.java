package dev.providerapi.cli;

import dev.providerapi.generator.Generator;
import dev.providerapi.generator.write.WriteResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "generate",
    header = "Generates a client from one spec file (OpenAPI, GraphQL, CRD).",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Generates a client from a spec file without a provider.yaml: an OpenAPI",
        "document (3.0, 3.1, 3.2 read as 3.1, or Swagger 2.0, converted; JSON or YAML),",
        "a GraphQL schema (.graphql, .graphqls, .gql, .sdl) or a Kubernetes",
        "CustomResourceDefinition (YAML with kind: CustomResourceDefinition). The name",
        "comes from the spec's title without words such as API or REST (Lambda Cloud",
        "API -> lambda-cloud), a CRD's kind (VirtualServer -> virtual-server), else the",
        "file name; --name overrides it. The package is generated.<name>; the base URL",
        "is --base-url or servers[0] (variables at their defaults; a relative one is",
        "resolved against --spec-url; none: a placeholder, with a warning); auth",
        "follows the spec's security schemes (key in <NAME>_API_KEY); there is no",
        "response envelope or operation binding."},
    optionListHeading = "%nOptions:%n")
final class GenerateCommand implements Callable<Integer> {

  @Option(names = "--spec", paramLabel = "FILE", required = true,
      description = "The spec file: OpenAPI or Swagger (JSON or YAML), GraphQL SDL or a CRD.")
  Path specFile;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where src/generated/java etc. go.")
  Path out;

  @Option(names = "--package", paramLabel = "P", description = "Java package (default: generated.<name>).")
  String javaPackage;

  @Option(names = "--name", paramLabel = "N", description = "Provider name (default: from the title or CRD kind).")
  String name;

  @Option(names = "--base-url", paramLabel = "URL", description = "The client's base URL (default: servers[0]).")
  String baseUrl;

  @Option(names = "--spec-url", paramLabel = "URL",
      description = "Where the spec was published; a relative servers URL is resolved against it.")
  String specUrl;

  @Option(names = "--check", description = "Write nothing; list drifted files and exit 1 if any.")
  boolean check;

  @ParentCommand ProviderApiCommand parent;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    Generator.Mode mode = check ? Generator.Mode.CHECK : Generator.Mode.WRITE;
    Generator.Result r = parent.generators.get()
        .generateSpec(specFile, out, new Generator.SpecOptions(name, javaPackage, mode, null, baseUrl, specUrl));
    long ms = (System.nanoTime() - start) / 1_000_000;
    PrintWriter w = spec.commandLine().getOut();
    Main.printWarnings(spec.commandLine().getErr(), r.warnings());
    try {
      if (check) {
        r.drift().forEach(d -> w.println(r.provider() + ": " + d));
        w.println("provider-api generate --check: " + (r.drift().isEmpty() ? "up to date"
            : r.drift().size() + " file(s) drifted") + " (" + ms + " ms)");
        return r.drift().isEmpty() ? Main.OK : Main.DRIFT;
      }
      WriteResult res = r.written();
      w.println("provider-api: " + r.provider() + " -> " + r.targetDir() + ": " + res.written() + " files written, "
          + res.unchanged() + " unchanged" + (res.deleted() > 0 ? ", " + res.deleted() + " stale deleted" : "")
          + " (" + ms + " ms)");
      return Main.OK;
    } finally {
      w.flush();
    }
  }
}
