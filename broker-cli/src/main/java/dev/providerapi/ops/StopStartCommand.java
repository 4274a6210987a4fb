package dev.providerapi.ops;

import dev.providerapi.Capability;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.model.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stop} and {@code start}: the same shape, one call each. */
abstract class StopStartCommand implements Callable<Integer> {
  private final Env env;
  @Mixin GlobalOptions global;

  @Parameters(paramLabel = "INSTANCE-ID", arity = "1..*", description = "Instances to act on.")
  List<String> ids = new ArrayList<>();

  @Option(names = "--wait", description = "start: wait until RUNNING (progress on stderr).")
  boolean waitRunning;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class,
      description = "How long --wait waits (default 15m).")
  Duration timeout = Duration.ofMinutes(15);

  @Option(names = "--poll", paramLabel = "DURATION", converter = Durations.class,
      description = "How often --wait looks (default 5s).")
  Duration poll = Duration.ofSeconds(5);

  StopStartCommand(Env env) {
    this.env = env;
  }

  abstract String verb();

  abstract Instance act(dev.providerapi.Provider p, String id);

  @Override
  public Integer call() {
    try (Session s = Session.open(env, global)) {
      List<Targets.Target> targets = new ArrayList<>();
      for (String id : ids) {
        Targets.Target t = Targets.resolve(s, global, id);
        if (!t.provider().supports(Capability.STOP_START)) {
          throw new UsageException(t.provider().name() + " cannot stop and start instances (no STOP_START"
              + " capability); nothing was sent. Terminate the instance instead, or launch elsewhere.");
        }
        targets.add(t);
      }
      List<Instance> done = new ArrayList<>();
      List<Map<String, Object>> failures = new ArrayList<>();
      boolean timedOut = false;
      for (Targets.Target t : targets) {
        env.err().println(verb() + ": " + t.provider().name() + " " + t.instanceId() + "...");
        env.err().flush();
        try {
          Instance i = act(t.provider(), t.instanceId());
          if (waitRunning && verb().equals("start")) {
            Waiter.Outcome w = new Waiter(env.err(), timeout, poll).untilRunning(t.provider(), i);
            timedOut |= w.result() == Waiter.Result.TIMED_OUT;
            if (w.last() != null) {
              i = w.last();
            }
          }
          done.add(i);
        } catch (ProviderException e) {
          env.err().println("  " + t.provider().name() + " " + t.instanceId() + ": " + e.getClass().getSimpleName()
              + ": " + e.getMessage());
          Map<String, Object> f = new LinkedHashMap<>();
          f.put("provider", t.provider().name());
          f.put("id", t.instanceId());
          f.put("error", Render.error(e));
          failures.add(f);
        }
      }
      if (global.json) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("instances", done.stream().map(Render::instance).toList());
        json.put("failures", failures);
        Render.json(env.out(), json);
      } else if (!done.isEmpty()) {
        Render.instancesTable(done).print(env.out());
      }
      env.err().flush();
      if (timedOut && failures.isEmpty()) {
        return ExitCode.TIMEOUT;
      }
      return ExitCode.of(done.size(), failures.size());
    }
  }

  @Command(name = "stop", header = "Stop instances (STOP_START providers).",
      mixinStandardHelpOptions = true,
      description = {"Stops instances (providers with STOP_START: vast, paperspace, runpod, tensordock, coreweave, "
          + "hyperstack).",
          "Exit: 0 all stopped, 1 all failed, 2 the provider cannot stop instances, 3 some failed."})
  static final class Stop extends StopStartCommand {
    Stop(Env env) {
      super(env);
    }

    @Override
    String verb() {
      return "stop";
    }

    @Override
    Instance act(dev.providerapi.Provider p, String id) {
      return p.stop(id);
    }
  }

  @Command(name = "start", header = "Start stopped instances; --wait for RUNNING.",
      mixinStandardHelpOptions = true,
      description = {"Starts stopped instances; with --wait, until RUNNING (progress on stderr).",
          "Exit: 0 all started, 1 all failed, 2 the provider cannot start instances, 3 some failed, 4 --wait timed out."})
  static final class Start extends StopStartCommand {
    Start(Env env) {
      super(env);
    }

    @Override
    String verb() {
      return "start";
    }

    @Override
    Instance act(dev.providerapi.Provider p, String id) {
      return p.start(id);
    }
  }
}
