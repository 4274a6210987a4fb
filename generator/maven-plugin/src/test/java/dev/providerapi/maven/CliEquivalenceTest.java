package dev.providerapi.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.cli.Main;
import dev.providerapi.generator.Generator;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository generates providers/* with the CLI; this proves the plugin would write the very same bytes,
 * so either front end can be used and the committed tree is what both produce.
 */
class CliEquivalenceTest {
  @TempDir Path dir;

  @Test
  void pluginAndCliWriteByteIdenticalTreesForLambda() throws Exception {
    Path cliRepo = dir.resolve("cli");
    Mojos.copyTree(Mojos.REPO.resolve("specs/lambda"), cliRepo.resolve("specs/lambda"));
    Path pluginProject = dir.resolve("plugin");
    Mojos.copyTree(Mojos.REPO.resolve("specs/lambda"), pluginProject.resolve("specs/lambda"));

    int exit = Main.commandLine(Generator::new, cliRepo).execute("--repo", cliRepo.toString(), "lambda");
    GenerateMojo mojo = Mojos.configure(new GenerateMojo(), pluginProject, pluginProject.resolve("specs"), "out");
    mojo.execute();

    assertThat(exit).isZero();
    Map<String, String> byCli = Mojos.tree(cliRepo.resolve("providers/lambda"));
    Map<String, String> byPlugin = Mojos.tree(pluginProject.resolve("out"));
    assertThat(byPlugin.keySet()).containsExactlyElementsOf(byCli.keySet());
    assertThat(byPlugin).isEqualTo(byCli);

    // And both equal what is committed (the hand-written adapter aside, which replaced the skeleton).
    Map<String, String> committed = generatedPart(Mojos.tree(Mojos.REPO.resolve("providers/lambda")));
    assertThat(generatedPart(byPlugin)).isEqualTo(committed);
  }

  private static Map<String, String> generatedPart(Map<String, String> tree) {
    Map<String, String> out = new TreeMap<>();
    tree.forEach((path, text) -> {
      if (path.startsWith("src/generated/") || path.startsWith("src/generated-test/")
          || path.equals("generated.manifest")) {
        out.put(path, text);
      }
    });
    return out;
  }
}
