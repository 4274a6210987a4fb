package dev.providerapi.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.providerapi.ProviderConfig;
import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.errors.ConflictException;
import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.lifecycle.ErrorMatch;
import dev.providerapi.model.Instance;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The launch step for providers whose instance name derives from the client token: a create answered "name taken"
 * is this token's earlier instance when the lookup finds it carrying the token, else a conflict that says whose.
 */
class NameTakenTest {
  private static final ProviderDescriptor KUBE_LIKE = ProviderDescriptor.builder("kubelike").displayName("Kube Like")
      .baseUrl("https://k8s.example.invalid").auth(AuthSpec.kubeconfig()).build();

  /** Objects named after the token (lower-cased: names are restricted), labelled with that name, as CoreWeave does. */
  static class Named extends AbstractProvider {
    final Map<String, Instance> objects = new LinkedHashMap<>();
    final ErrorMatch nameTaken;
    int creates;
    int lookups;

    Named(ErrorMatch nameTaken) {
      super(KUBE_LIKE, ProviderConfig.builder().environment(Map.of()).credentialsDeferred(true).build());
      this.nameTaken = nameTaken;
    }

    static String nameOf(String token) {
      return token.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    protected List<Offer> fetchOffers(OfferFilter filter) {
      return List.of();
    }

    @Override
    protected Instance launchInstance(LaunchRequest request) {
      creates++;
      String name = nameOf(request.clientToken());
      if (objects.containsKey(name)) {
        throw new ConflictException(new ErrorDetails("kubelike", "createThing", 409, "AlreadyExists",
            "things \"" + name + "\" already exists", "req-1", false, null), null);
      }
      Instance i = Instance.builder("kubelike", name).name(name).clientToken(name).status(InstanceStatus.PENDING).build();
      objects.put(name, i);
      return i;
    }

    @Override
    protected void terminateInstance(String instanceId) {
      objects.remove(instanceId);
    }

    @Override
    public Optional<Instance> get(String instanceId) {
      return Optional.ofNullable(objects.get(instanceId));
    }

    @Override
    public List<Instance> list() {
      return List.copyOf(objects.values());
    }

    @Override
    public List<Instance> findByClientToken(String clientToken) {
      lookups++;
      return get(nameOf(clientToken)).stream().toList();
    }

    @Override
    protected ErrorMatch launchNameTaken() {
      return nameTaken;
    }

    @Override
    protected String clientTokenCarrier() {
      return "example/client-token label";
    }

    @Override
    protected boolean launchedWith(Instance instance, String clientToken) {
      return super.launchedWith(instance, clientToken) || nameOf(clientToken).equals(instance.clientToken());
    }
  }

  private static final ErrorMatch ALREADY_EXISTS = ErrorMatch.of(List.of(), List.of("AlreadyExists"));

  private static LaunchRequest request(String token) {
    return LaunchRequest.builder().instanceType("t").region("r").clientToken(token).build();
  }

  @Test
  void aRepeatedLaunchWithTheSameTokenReturnsTheInstanceItsFirstCreateMade() {
    Named p = new Named(ALREADY_EXISTS);
    Instance first = p.launch(request("Job_42"));
    Instance again = p.launch(request("Job_42"));
    assertThat(again).isEqualTo(first);
    assertThat(again.id()).isEqualTo("job-42");
    assertThat(p.creates).as("the second create was sent and answered AlreadyExists").isEqualTo(2);
    assertThat(p.lookups).isEqualTo(1);
    assertThat(p.objects).hasSize(1);
  }

  @Test
  void aNameTakenByAnInstanceWithAnotherTokenIsARealConflictThatSaysWhose() {
    Named p = new Named(ALREADY_EXISTS);
    p.objects.put("vs-1", Instance.builder("kubelike", "vs-1").clientToken("someone-else").build());
    assertThatThrownBy(() -> p.launch(request("vs-1")))
        .isInstanceOfSatisfying(ConflictException.class, e -> {
          assertThat(e.providerCode()).contains("AlreadyExists");
          assertThat(e.httpStatus()).isEqualTo(409);
          assertThat(e.getCause()).isInstanceOf(ConflictException.class);
          assertThat(e.isRetryable()).isFalse();
        })
        .hasMessageContaining("an instance named vs-1 already exists but was not launched with client token vs-1"
            + " (its example/client-token label is 'someone-else')");
    p.objects.put("vs-2", Instance.builder("kubelike", "vs-2").build());
    assertThatThrownBy(() -> p.launch(request("vs-2"))).isInstanceOf(ConflictException.class)
        .hasMessageContaining("(its example/client-token label is missing)");
    assertThat(p.objects).hasSize(2);
  }

  @Test
  void aTakenNameWhoseInstanceIsGoneByTheLookupStaysTheConflictAsAnswered() {
    ConflictException answered = new ConflictException(new ErrorDetails("kubelike", "createThing", 409,
        "AlreadyExists", "things \"x\" already exists", null, false, null), null);
    Named p = new Named(ALREADY_EXISTS) {
      @Override
      protected Instance launchInstance(LaunchRequest request) {
        throw answered;
      }
    };
    assertThatThrownBy(() -> p.launch(request("x"))).isSameAs(answered);
    assertThat(p.lookups).isEqualTo(1);
  }

  @Test
  void withoutNameTakenOrForAnotherAnswerTheConflictIsNotLookedUp() {
    for (ErrorMatch match : List.of(ErrorMatch.NONE, ErrorMatch.of(List.of(), List.of("Conflict")))) {
      Named p = new Named(match);
      p.launch(request("a"));
      assertThatThrownBy(() -> p.launch(request("a"))).isInstanceOf(ConflictException.class)
          .hasMessageContaining("things \"a\" already exists")
          .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.getCause()).isNull());
      assertThat(p.lookups).isZero();
    }
  }

  @Test
  void theDefaultsAreNoStepAndTheMappedTokenAsIs() {
    AbstractProvider defaults = new AbstractProviderTest().provider();
    assertThat(defaults.launchNameTaken()).isEqualTo(ErrorMatch.NONE);
    assertThat(defaults.clientTokenCarrier()).isEqualTo("client token");
    assertThat(defaults.launchedWith(Instance.builder("lambda", "i").clientToken("t").build(), "t")).isTrue();
    assertThat(defaults.launchedWith(Instance.builder("lambda", "i").clientToken("T").build(), "t")).isFalse();
    assertThat(defaults.launchedWith(Instance.builder("lambda", "i").build(), "t")).isFalse();
  }
}
