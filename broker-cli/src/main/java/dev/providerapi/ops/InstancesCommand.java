package dev.providerapi.ops;

import dev.providerapi.Provider;
import dev.providerapi.broker.ProviderResult;
import dev.providerapi.model.Instance;
import dev.providerapi.model.InstanceStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "instances", header = "Every instance of every provider account.",
    mixinStandardHelpOptions = true,
    description = {"Every instance of every configured provider's account (all pages), listed at once.",
        "Exit 3 when some providers failed to list (the others are shown), 1 when all did."})
final class InstancesCommand implements Callable<Integer> {
  private final Env env;
  @Mixin GlobalOptions global;

  @Option(names = "--all", description = "Include TERMINATED instances (hidden by default).")
  boolean all;

  InstancesCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try (Session s = Session.open(env, global)) {
      env.err().println("instances: listing " + s.fleet().providers().stream().map(Provider::name).toList()
          + OffersCommand.skipped(s) + "...");
      env.err().flush();
      List<ProviderResult<List<Instance>>> results = s.fleet().instances();
      List<Instance> instances = new ArrayList<>();
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (ProviderResult<List<Instance>> r : results) {
        if (r.ok()) {
          List<Instance> shown = r.value().stream().filter(i -> all || i.status() != InstanceStatus.TERMINATED).toList();
          counts.put(r.provider(), shown.size());
          instances.addAll(shown);
        }
      }
      instances.sort(Comparator.comparing(Instance::provider).thenComparing(Instance::id));
      Render.providerLines(env.err(), results, "instances", r -> counts.getOrDefault(r.provider(), 0));
      if (global.json) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("instances", instances.stream().map(Render::instance).toList());
        json.put("providers", results.stream().map(r -> Render.providerResult(r, counts.get(r.provider()))).toList());
        json.put("skipped", s.skipped());
        Render.json(env.out(), json);
      } else if (instances.isEmpty()) {
        env.err().println("instances: none");
      } else {
        Render.instancesTable(instances).print(env.out());
      }
      env.err().flush();
      long failed = results.stream().filter(r -> !r.ok()).count();
      return ExitCode.of(results.size() - (int) failed, (int) failed);
    }
  }
}
