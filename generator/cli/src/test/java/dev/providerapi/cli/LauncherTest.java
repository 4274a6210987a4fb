package dev.providerapi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./provider-api} launcher, run by bash in a copy of the repository's skeleton with a fake
 * {@code mvn} (counts builds, takes three seconds) and a fake {@code java} (prints its arguments).
 */
class LauncherTest {
  @TempDir Path root;
  Path bin;

  private static final String POM = """
      <project>
        <modules>
          <module>runtime</module>
        </modules>
        <properties><jackson.version>2.18.2</jackson.version></properties>
      </project>
      """;

  @BeforeEach
  void skeleton() throws IOException {
    Files.copy(Path.of("../../provider-api"), root.resolve("provider-api"));
    Files.copy(Path.of("../../provider-api-ops"), root.resolve("provider-api-ops"));
    Files.createDirectories(root.resolve("scripts"));
    Files.copy(Path.of("../../scripts/launcher-build.sh"), root.resolve("scripts/launcher-build.sh"));
    Files.writeString(root.resolve("pom.xml"), POM);
    for (String dir : List.of("runtime/src/main/java", "generator/core/src/main/java", "generator/cli/src/main/java",
        "generator/maven-plugin/src/main/java", "sandbox/src/main/java", "testing/src/main/java", "templates",
        "broker/src/main/java", "broker-cli/src/main/java", "providers/acme/src/main/java", "providers/acme/src/test/java",
        "specs/acme")) {
      Files.createDirectories(root.resolve(dir));
    }
    Files.writeString(root.resolve("generator/core/src/main/java/A.java"), "class A {}");
    bin = Files.createDirectories(root.resolve("fake-bin"));
    script("mvn", """
        #!/usr/bin/env bash
        echo build >> builds.log
        sleep 3
        if [[ " $* " == *" broker-cli "* ]]; then
          mkdir -p broker-cli/target
          echo jar > broker-cli/target/provider-api-ops.jar
        else
          mkdir -p generator/cli/target
          echo jar > generator/cli/target/provider-api.jar
        fi
        """);
    script("java", """
        #!/usr/bin/env bash
        echo "ran ${@: -1}"
        """);
  }

  private void script(String name, String text) throws IOException {
    Path p = Files.writeString(bin.resolve(name), text);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** PATH for the launcher: the fakes first; {@code null} for the rest: the system's. */
  private String path = null;

  private Process start(String arg) throws IOException {
    ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("provider-api").toString(), arg)
        .directory(root.toFile()).redirectErrorStream(true);
    pb.environment().put("PATH", bin + ":" + (path != null ? path : System.getenv("PATH")));
    return pb.start();
  }

  /** A PATH with only the tools the launcher uses besides flock, as on a machine without util-linux (macOS). */
  private void withoutFlock() throws IOException {
    Path tools = Files.createDirectories(root.resolve("tools"));
    for (String tool : List.of("bash", "dirname", "find", "sed", "cksum", "cat", "mkdir", "rm", "sleep", "touch")) {
      for (String dir : System.getenv("PATH").split(":")) {
        Path p = Path.of(dir, tool);
        if (Files.isExecutable(p)) {
          Files.createSymbolicLink(tools.resolve(tool), p);
          break;
        }
      }
    }
    path = tools.toString();
  }

  private String run(String arg) throws Exception {
    Process p = start(arg);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private long builds() throws IOException {
    Path log = root.resolve("builds.log");
    return Files.exists(log) ? Files.readAllLines(log).size() : 0;
  }

  /** Moves {@code file}'s time stamp past the jar's, as an edit after the build would. */
  private void editedAfterTheBuild(String file, String text) throws IOException {
    editedAfter("generator/cli/target/provider-api.jar", file, text);
  }

  private void editedAfter(String jarFile, String file, String text) throws IOException {
    Path p = root.resolve(file);
    Files.writeString(p, text);
    FileTime jar = Files.getLastModifiedTime(root.resolve(jarFile));
    Files.setLastModifiedTime(p, FileTime.fromMillis(jar.toMillis() + 5_000));
  }

  @Test
  void rebuildsOnlyWhenWhatTheCliIsBuiltFromChanged() throws Exception {
    assertThat(run("lambda")).contains("building the CLI").endsWith("ran lambda\n");
    assertThat(builds()).isEqualTo(1);
    assertThat(run("lambda")).isEqualTo("ran lambda\n");

    // `provider-api new` adds a module to the parent pom; the CLI does not change.
    editedAfterTheBuild("pom.xml", POM.replace("</modules>", "  <module>providers/acme</module>\n  </modules>"));
    // Modules the CLI does not compile, and tests, do not count either.
    editedAfterTheBuild("generator/maven-plugin/src/main/java/M.java", "class M {}");
    Files.createDirectories(root.resolve("generator/core/src/test/java"));
    editedAfterTheBuild("generator/core/src/test/java/T.java", "class T {}");
    assertThat(run("lambda")).isEqualTo("ran lambda\n");
    assertThat(builds()).isEqualTo(1);

    editedAfterTheBuild("pom.xml", POM.replace("2.18.2", "2.18.3"));
    assertThat(run("lambda")).contains("building the CLI");
    assertThat(builds()).isEqualTo(2);
    editedAfterTheBuild("generator/core/src/main/java/A.java", "class A { int x; }");
    assertThat(run("lambda")).contains("building the CLI");
    assertThat(builds()).isEqualTo(3);
  }

  @Test
  void withoutFlockTwoRunsAtOnceStillBuildOnce() throws Exception {
    withoutFlock();
    twoRunsAtOnceBuildOnceAndBothRun();
    assertThat(root.resolve("generator/cli/target/.provider-api-build.lock.d")).doesNotExist();
  }

  /** Starts the launcher with {@code one} and with {@code two} at once; both must run, after one build. */
  private String twoAtOnce(String one, String two) throws Exception {
    Process first = start(one);
    Process second = start(two);
    String a = new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String b = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(first.waitFor(60, TimeUnit.SECONDS) && second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(builds()).isEqualTo(1);
    assertThat(a).endsWith("ran " + one + "\n");
    assertThat(b).endsWith("ran " + two + "\n");
    return a + b;
  }

  @Test
  void twoRunsAtOnceBuildOnceAndBothRun() throws Exception {
    assertThat(twoAtOnce("one", "two")).contains("another provider-api is building the CLI; waiting for it...");
  }

  @Test
  void theOperationsLauncherRebuildsOnlyForWhatItsJarIsBuiltFromAndOneAtATime() throws Exception {
    assertThat(twoAtOnce("offers", "instances")).contains("another provider-api is building the operations CLI; waiting for it...")
        .contains("building the operations CLI (broker-cli/target/provider-api-ops.jar)...");

    String ops = "broker-cli/target/provider-api-ops.jar";
    // Not in the operations jar: a module added to the parent pom, specs, the generator, an adapter's tests.
    editedAfter(ops, "pom.xml", POM.replace("</modules>", "  <module>providers/acme</module>\n  </modules>"));
    editedAfter(ops, "specs/acme/provider.yaml", "name: acme\n");
    editedAfter(ops, "generator/core/src/main/java/A.java", "class A { int y; }");
    editedAfter(ops, "providers/acme/src/test/java/T.java", "class T {}");
    assertThat(run("offers")).isEqualTo("ran offers\n");
    assertThat(builds()).isEqualTo(1);

    editedAfter(ops, "providers/acme/src/main/java/P.java", "class P {}");
    assertThat(run("offers")).contains("building the operations CLI").endsWith("ran offers\n");
    assertThat(builds()).isEqualTo(2);
  }
}
