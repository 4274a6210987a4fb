package dev.providerapi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SandboxCommandTest {
  @TempDir Path dir;

  @Test
  void printsEachProvidersBaseUrlAndEnvironmentAndWritesAKubeconfigForCoreweave() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cmd = Main.commandLine(() -> {
      throw new AssertionError("the sandbox generates nothing");
    }, dir);
    cmd.setOut(new PrintWriter(out, true));
    int code = cmd.execute("sandbox", "--no-wait", "--dir", dir.toString(), "lambda", "coreweave");

    assertThat(code).isZero();
    String text = out.toString();
    Matcher port = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+) ").matcher(text);
    assertThat(port.find()).as(text).isTrue();
    String base = "http://127.0.0.1:" + port.group(1);
    assertThat(text).contains("serving [lambda, coreweave]")
        .contains("#   base URL: " + base + "/lambda ")
        .containsPattern("export LAMBDA_API_KEY=sandbox-lambda-[0-9a-f-]{36}\n")
        .contains("export COREWEAVE_NAMESPACE=tenant-sandbox")
        .contains("export KUBECONFIG=" + dir.resolve("coreweave-kubeconfig.yaml"));
    String kubeconfig = Files.readString(dir.resolve("coreweave-kubeconfig.yaml"));
    assertThat(kubeconfig).contains("server: " + base + "/coreweave\n").contains("namespace: tenant-sandbox")
        .containsPattern("token: sandbox-coreweave-[0-9a-f-]{36}\n");
  }

  @Test
  void anUnknownProviderIsABadArgument() {
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.commandLine(() -> {
      throw new AssertionError("the sandbox generates nothing");
    }, dir);
    cmd.setErr(new PrintWriter(err, true));
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    assertThat(cmd.execute("sandbox", "--no-wait", "acme")).isEqualTo(2);
    assertThat(err.toString()).contains("the sandbox has no fake of 'acme'");
  }
}
