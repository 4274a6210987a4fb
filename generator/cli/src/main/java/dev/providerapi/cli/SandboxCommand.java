package dev.providerapi.cli;

import dev.providerapi.sandbox.Sandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "sandbox",
    header = "Serves keyless fakes of the providers' APIs on 127.0.0.1.",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Serves keyless, stateful fakes of the providers' APIs on 127.0.0.1 (all six when none is",
        "named) until interrupted, and prints per provider its base URL and the environment that points",
        "an adapter (or a broker) at it; for coreweave a kubeconfig file is written.",
        "",
        "Example:",
        "  provider-api sandbox --port 8787 lambda coreweave"})
final class SandboxCommand implements Callable<Integer> {
  @Parameters(paramLabel = "<provider>", arity = "0..*", description = "Providers to fake (default: all of them).")
  List<String> providers = new ArrayList<>();

  @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (default: any free port).")
  int port;

  @Option(names = "--dir", paramLabel = "DIR", description = "Where to write the kubeconfig (default: a new temporary folder).")
  Path dir;

  @Option(names = "--no-wait", hidden = true, description = "Print and stop at once (tests).")
  boolean noWait;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    for (String p : providers) {
      if (!Sandbox.PROVIDERS.contains(p)) {
        throw new UserInputException("the sandbox has no fake of '" + p + "'; it has " + Sandbox.PROVIDERS);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    Sandbox sandbox = Sandbox.start(port, providers);
    CountDownLatch stopped = new CountDownLatch(1);
    if (!noWait) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        sandbox.close();
        stopped.countDown();
      }));
    }
    out.println("provider-api sandbox: serving " + sandbox.providers() + " on http://127.0.0.1:" + sandbox.port()
        + " (state lives in memory; Ctrl-C ends it)");
    for (String p : sandbox.providers()) {
      out.println();
      out.println("# " + p);
      out.println("#   base URL: " + sandbox.baseUrl(p) + "  (ProviderConfig.builder().baseUrl(...))");
      Map<String, String> env = new TreeMap<>(sandbox.environment(p));
      if (sandbox.usesKubeconfig(p)) {
        Path folder = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("provider-api-sandbox");
        Path kubeconfig = folder.resolve("coreweave-kubeconfig.yaml");
        Files.writeString(kubeconfig, sandbox.kubeconfig(p));
        env.put("KUBECONFIG", kubeconfig.toString());
      }
      env.forEach((k, v) -> out.println("export " + k + "=" + v));
    }
    out.flush();
    if (!noWait) {
      stopped.await();
    } else {
      sandbox.close();
    }
    return Main.OK;
  }
}
