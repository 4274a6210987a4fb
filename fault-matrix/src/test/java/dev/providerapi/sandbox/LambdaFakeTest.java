package dev.providerapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.providerapi.errors.AuthenticationException;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.model.Instance;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.Providers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LambdaFakeTest {
  @RegisterExtension
  static SandboxExtension sandbox = SandboxExtension.of("lambda")
      .withConfig(c -> c.rateLimited(false).maxAttempts(2));

  private static LaunchRequest request(String token) {
    return LaunchRequest.builder().offerId("gpu_8x_b200_sxm6@us-east-1").sshKey("yubikey").clientToken(token).build();
  }

  @Test
  void launchGetListTerminateAgainstTheStatefulFake() {
    List<Offer> offers = sandbox.provider().offers(OfferFilter.any());
    assertThat(offers).extracting(Offer::id).contains("gpu_8x_b200_sxm6@us-east-1");

    Instance launched = sandbox.provider().launch(request("tok-1"));
    assertThat(sandbox.state().live()).singleElement().satisfies(i -> {
      assertThat(i.id()).isEqualTo(launched.id());
      assertThat(i.token()).isEqualTo("tok-1");
    });
    assertThat(sandbox.provider().get(launched.id())).get().extracting(Instance::status)
        .isEqualTo(InstanceStatus.PROVISIONING);
    sandbox.sandbox().clock().advance(Duration.ofMinutes(1));
    assertThat(sandbox.provider().get(launched.id())).get().extracting(Instance::status)
        .isEqualTo(InstanceStatus.RUNNING);
    assertThat(sandbox.provider().list()).extracting(Instance::id).containsExactly(launched.id());
    assertThat(sandbox.provider().findByClientToken("tok-1")).extracting(Instance::id).containsExactly(launched.id());

    sandbox.provider().terminate(launched.id());
    assertThat(sandbox.state().live()).isEmpty();
    assertThat(sandbox.provider().get(launched.id())).isEmpty();
    assertThat(sandbox.state().refused()).isEmpty();
  }

  @Test
  void aCreateThatFailsAfterStoringIsResolvedByTokenLookupNotByASecondLaunch() {
    sandbox.faults().once(Op.CREATE, FaultKind.CREATED_DESPITE_ERROR);
    try {
      sandbox.provider().launch(request("tok-2"));
    } catch (ProviderException expected) {
      // either outcome is allowed here; what counts is that nothing was launched twice
    }
    assertThat(sandbox.state().duplicateTokens()).isEmpty();
    assertThat(sandbox.state().created()).isEqualTo(1);
    assertThat(sandbox.faults().served()).extracting(FaultSchedule.Served::kind)
        .containsExactly(FaultKind.CREATED_DESPITE_ERROR);
  }

  @Test
  void requestsOutsideTheSpecAreRefusedWithLambdasErrorFormat() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(sandbox.sandbox().baseUrl("lambda") + "/api/v1/instance-operations/launch"))
        .header("Authorization", "Bearer " + sandbox.fake().apiKey())
        .POST(HttpRequest.BodyPublishers.ofString("{\"region_name\":\"us-east-1\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"code\":\"global/invalid-parameters\"").contains("instance_type_name");
    assertThat(sandbox.state().created()).isZero();
    assertThat(sandbox.state().refused()).singleElement().asString().contains("instance_type_name");
  }

  @Test
  void aWrongKeyIsRefusedAsLambdaRefusesIt() {
    var wrong = Providers.load("lambda", sandbox.sandbox().config("lambda").apiKey("not-the-key").build());
    assertThatThrownBy(wrong::list).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void faultsAreServedOnceThenTheFakeAnswersNormally() {
    sandbox.faults().once(Op.LIST, FaultKind.STATUS_401);
    assertThatThrownBy(() -> sandbox.provider().list()).isInstanceOf(AuthenticationException.class);
    assertThat(sandbox.provider().list()).isEmpty();
    assertThat(sandbox.faults().remaining(Op.LIST)).isZero();
  }
}
