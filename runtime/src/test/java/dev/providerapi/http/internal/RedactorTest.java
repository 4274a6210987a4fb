package dev.providerapi.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private final Redactor redactor = Redactor.of(List.of("s3cr3t-KEY/+=", "tok_123456"));

  @Test
  void masksConfiguredSecretsRawAndUrlEncoded() {
    assertThat(redactor.redact("key s3cr3t-KEY/+= in text")).isEqualTo("key *** in text");
    assertThat(redactor.redact("https://x/y?auth=s3cr3t-KEY%2F%2B%3D&z=1")).isEqualTo("https://x/y?auth=***&z=1");
    assertThat(redactor.redact("value tok_123456")).isEqualTo("value ***");
  }

  @Test
  void masksWellKnownParametersWhateverTheirValue() {
    assertThat(redactor.redact("https://h/p?api_key=abc&api_token=def&page=2&token=x&key=k&password=p&secret=s"))
        .isEqualTo("https://h/p?api_key=***&api_token=***&page=2&token=***&key=***&password=***&secret=***");
  }

  @Test
  void masksAuthorizationHeadersAndJsonMembers() {
    assertThat(redactor.redact("Authorization: Bearer abc.def")).isEqualTo("Authorization: ***");
    assertThat(redactor.redact("{Authorization=Basic Zm9vOg==}")).isEqualTo("{Authorization=***}");
    assertThat(redactor.redact("{\"password\": \"hunter2\", \"name\": \"n\"}"))
        .isEqualTo("{\"password\": \"***\", \"name\": \"n\"}");
  }

  @Test
  void leavesOrdinaryTextAlone() {
    assertThat(redactor.redact("GET https://cloud.lambda.ai/api/v1/instances?page=2 -> 200"))
        .isEqualTo("GET https://cloud.lambda.ai/api/v1/instances?page=2 -> 200");
    assertThat(redactor.redact(null)).isNull();
    assertThat(Redactor.none().redact("monkey=1")).isEqualTo("monkey=1");
  }

  @Test
  void toStringShowsNoSecret() {
    assertThat(redactor.toString()).doesNotContain("s3cr3t").doesNotContain("tok_");
  }
}
