package dev.providerapi.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs the operations CLI in-process with an environment of the test's own; keeps what it printed. */
final class Cli {
  final Map<String, String> env = new LinkedHashMap<>();
  final Path home;

  Cli(Path home) {
    this.home = home;
  }

  Cli env(String k, String v) {
    env.put(k, v);
    return this;
  }

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = OpsMain.run(new Env(env, home, "Linux", new PrintWriter(out, true), new PrintWriter(err, true)), args);
    return new Run(code, out.toString(), err.toString());
  }

  record Run(int code, String out, String err) {
    JsonNode json() {
      try {
        return new ObjectMapper().readTree(out);
      } catch (Exception e) {
        throw new AssertionError("stdout is not JSON: " + out + "\nstderr: " + err, e);
      }
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
