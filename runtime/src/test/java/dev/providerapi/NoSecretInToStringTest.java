package dev.providerapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.model.LaunchRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoSecretInToStringTest {
  static final String KEY = "sk-live-0123456789";

  @Test
  void secretHidesItsValue() {
    Secret s = Secret.of(KEY);
    assertThat(s.toString()).isEqualTo("Secret[***]").doesNotContain(KEY);
    assertThat(s.reveal()).isEqualTo(KEY);
  }

  @Test
  void providerConfigHidesKeysAndSecretValues() {
    ProviderConfig config = ProviderConfig.builder().apiKey(KEY).secret("TD_TOKEN", "tok-987654")
        .environment(Map.of("LAMBDA_API_KEY", "env-secret-555")).build();
    assertThat(config.toString()).doesNotContain(KEY).doesNotContain("tok-987654").doesNotContain("env-secret-555")
        .contains("TD_TOKEN");
    assertThat(config.apiKey("LAMBDA_API_KEY")).contains(Secret.of(KEY));
    ProviderConfig fromEnv = ProviderConfig.builder().environment(Map.of("LAMBDA_API_KEY", "env-secret-555")).build();
    assertThat(fromEnv.apiKey("LAMBDA_API_KEY").map(Secret::reveal)).contains("env-secret-555");
    assertThat(fromEnv.toString()).doesNotContain("env-secret-555");
  }

  @Test
  void launchRequestHidesEnvValuesAndTheStartupScript() {
    LaunchRequest r = LaunchRequest.builder().instanceType("gpu_1x_a10").env("HF_TOKEN", "hf_secret_abc")
        .startupScript("export TOKEN=script_secret_xyz").sshKey("ssh-ed25519 AAAAC3 me").build();
    assertThat(r.toString()).doesNotContain("hf_secret_abc").doesNotContain("script_secret_xyz")
        .doesNotContain("AAAAC3").contains("HF_TOKEN").contains(r.clientToken());
  }
}
