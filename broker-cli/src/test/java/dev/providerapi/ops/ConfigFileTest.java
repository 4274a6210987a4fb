package dev.providerapi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where credentials come from, the config file's mode check, and that no credential is ever printed. */
class ConfigFileTest {
  static Sandbox sandbox;

  @TempDir Path home;
  Path defaultFile;
  Cli cli;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start("lambda", "tensordock");
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void setUp() throws Exception {
    defaultFile = home.resolve(".config/provider-api/config.yaml");
    Files.createDirectories(defaultFile.getParent());
    cli = new Cli(home).env("PROVIDER_API_LEDGER", home.resolve("ledger.db").toString());
  }

  private String newKey(String provider) {
    String key = "sk-" + provider + "-" + UUID.randomUUID();
    sandbox.fake(provider).acceptKey(key);
    return key;
  }

  private static void write(Path file, String yaml, String mode) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
  }

  private String lambdaYaml(String key) {
    return "providers:\n  lambda:\n    apiKey: " + key + "\n    baseUrl: " + sandbox.baseUrl("lambda") + "\n";
  }

  @Test
  void theDefaultFileIsReadWhenOnlyItsOwnerMayReadIt() throws Exception {
    write(defaultFile, lambdaYaml(newKey("lambda")), "rw-------");
    Cli.Run r = cli.run("offers", "--json");
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
    assertThat(r.json().get("providers").findValuesAsText("provider")).containsExactly("lambda");
    assertThat(r.json().get("skipped").toString()).contains("coreweave", "hyperstack", "paperspace", "runpod", "tensordock", "vast");
  }

  @Test
  void aFileOthersMayReadIsRefusedWithTheFix() throws Exception {
    String key = newKey("lambda");
    write(defaultFile, lambdaYaml(key), "rw-r--r--");
    Cli.Run r = cli.run("offers");
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains(defaultFile + " may be read or written by its group and others (mode rw-r--r--);"
        + " it can hold API keys, so provider-api will not read it. Run: chmod 600 " + defaultFile);
    assertThat(r.out() + r.err()).doesNotContain(key);

    write(defaultFile, lambdaYaml(key), "rw-rw----");
    assertThat(cli.run("offers").err()).contains("may be read or written by its group (mode rw-rw----)");
    write(defaultFile, lambdaYaml(key), "rw-----w-");
    assertThat(cli.run("offers").err()).contains("may be read or written by others (mode rw-----w-)");
    write(defaultFile, lambdaYaml(key), "r--------");
    assertThat(cli.run("offers").code()).isEqualTo(ExitCode.OK);
  }

  @Test
  void configOverridesTheDefaultFileAndMustExist() throws Exception {
    write(defaultFile, lambdaYaml("not-even-read"), "rw-r--r--"); // would be refused if read
    Path mine = home.resolve("elsewhere/ops.yaml");
    write(mine, lambdaYaml(newKey("lambda")), "rw-------");
    Cli.Run r = cli.run("offers", "--config", mine.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);

    Cli.Run missing = cli.run("offers", "--config", home.resolve("nope.yaml").toString());
    assertThat(missing.code()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).contains(home.resolve("nope.yaml") + ": no such config file (given with --config)");
  }

  @Test
  void xdgConfigHomeMovesTheDefaultFile() throws Exception {
    Path xdg = home.resolve("xdg");
    write(xdg.resolve("provider-api/config.yaml"), lambdaYaml(newKey("lambda")), "rw-------");
    Cli.Run r = cli.env("XDG_CONFIG_HOME", xdg.toString()).run("offers");
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
  }

  @Test
  void mistakesInTheFileNameTheKeyAndNeverEchoTheValue() throws Exception {
    String key = newKey("lambda");
    write(defaultFile, "providers:\n  lambda:\n    apiKy: " + key + "\n", "rw-------");
    Cli.Run typo = cli.run("offers");
    assertThat(typo.code()).isEqualTo(ExitCode.USAGE);
    assertThat(typo.err()).contains(defaultFile + " at providers.lambda.apiKy: unknown key; allowed: [apiKey, baseUrl,"
        + " deadline, enabled, kubeconfig, namespace]").doesNotContain(key);

    write(defaultFile, "providers:\n  lambda:\n    apiKey: [" + key + "]\n", "rw-------");
    Cli.Run shape = cli.run("offers");
    assertThat(shape.code()).isEqualTo(ExitCode.USAGE);
    assertThat(shape.err()).contains("at providers.lambda.apiKey: a string is needed, got a array").doesNotContain(key);

    write(defaultFile, "providers:\n  aws:\n    apiKey: " + key + "\n", "rw-------");
    Cli.Run unknown = cli.run("offers");
    assertThat(unknown.code()).isEqualTo(ExitCode.USAGE);
    assertThat(unknown.err()).contains("at providers.aws: no provider named 'aws'").doesNotContain(key);

    write(defaultFile, "providers:\n  lambda: {apiKey: " + key + ", deadline: soon}\n", "rw-------");
    assertThat(cli.run("offers").err()).contains("at providers.lambda.deadline: 'soon' is not a duration");

    write(defaultFile, "providers: [\n", "rw-------");
    Cli.Run yaml = cli.run("offers");
    assertThat(yaml.code()).isEqualTo(ExitCode.USAGE);
    assertThat(yaml.err()).contains(defaultFile + ": not valid YAML at line");
  }

  @Test
  void theEnvironmentWinsOverTheFileWithTheSameNamesForEveryProvider() throws Exception {
    write(defaultFile, lambdaYaml("sk-wrong-" + UUID.randomUUID()), "rw-------");
    String good = newKey("lambda");
    Cli.Run r = cli.env("LAMBDA_API_KEY", good).run("offers", "-p", "lambda");
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);

    // TensorDock declares TENSORDOCK_API_TOKEN; the uniform <NAME>_API_KEY works as well, as does <NAME>_BASE_URL
    Cli.Run uniform = new Cli(home).env("TENSORDOCK_API_KEY", newKey("tensordock"))
        .env("TENSORDOCK_BASE_URL", sandbox.baseUrl("tensordock")).run("offers", "--json");
    // lambda still has the file's wrong key: partial, with tensordock's offers
    assertThat(uniform.code()).as(uniform.toString()).isEqualTo(ExitCode.PARTIAL);
    assertThat(uniform.json().get("providers").findValuesAsText("provider")).containsExactly("lambda", "tensordock");
    assertThat(uniform.json().get("providers").findValuesAsText("outcome")).containsExactly("FAILED", "OK");
    Cli.Run declared = new Cli(home).env("TENSORDOCK_API_TOKEN", newKey("tensordock"))
        .env("TENSORDOCK_BASE_URL", sandbox.baseUrl("tensordock")).run("offers", "-p", "tensordock");
    assertThat(declared.code()).as(declared.toString()).isEqualTo(ExitCode.OK);
  }

  @Test
  void aNamedProviderWithoutCredentialsSaysWhatToSet() {
    Cli.Run r = cli.run("offers", "-p", "tensordock");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("tensordock is not configured: set TENSORDOCK_API_KEY (or TENSORDOCK_API_TOKEN),"
        + " or providers.tensordock.apiKey in the config file");
    Cli.Run k8s = cli.run("offers", "-p", "coreweave");
    assertThat(k8s.err()).contains("coreweave is not configured: set KUBECONFIG and COREWEAVE_NAMESPACE");
  }

  @Test
  void aRefusedKeyIsReportedWithoutTheKey() throws Exception {
    String wrong = "sk-refused-" + UUID.randomUUID();
    write(defaultFile, lambdaYaml(wrong), "rw-------");
    Cli.Run r = cli.run("offers", "--json");
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.FAILED);
    assertThat(r.json().at("/providers/0/error/type").asText()).isEqualTo("AuthenticationException");
    Cli.Run launch = cli.run("launch", "--ssh-key", "yubikey");
    assertThat(launch.code()).as(launch.toString()).isEqualTo(ExitCode.FAILED);
    for (Cli.Run run : List.of(r, launch)) {
      assertThat(run.out() + run.err()).doesNotContain(wrong).doesNotContain(wrong.substring(10));
    }
  }

  @Test
  void theLedgerPasswordIsNeverPrinted() throws Exception {
    write(defaultFile, lambdaYaml(newKey("lambda"))
        + "ledger: {url: 'jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=1', user: broker, password: hunter2-pw}\n",
        "rw-------");
    Cli.Run r = new Cli(home).run("ledger");
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.FAILED);
    assertThat(r.err()).contains("ledger: cannot open the ledger jdbc:postgresql://127.0.0.1:1/nowhere")
        .doesNotContain("hunter2-pw");
  }
}
