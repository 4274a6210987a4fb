package dev.providerapi.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenNamesTest {
  private final TokenNames bracketed = TokenNames.of("{name} [{token}]");
  private final TokenNames dashed = TokenNames.of("{name}-{token}");
  private final TokenNames bare = TokenNames.of("{token}");

  @Test
  void aNamedRequestFillsTheFormatAndAnUnnamedOneIsTheBareToken() {
    assertThat(bracketed.name("train", "pa-1234")).isEqualTo("train [pa-1234]");
    assertThat(dashed.name("train", "pa-1234")).isEqualTo("train-pa-1234");
    assertThat(bare.name("train", "pa-1234")).isEqualTo("pa-1234");
    for (TokenNames names : new TokenNames[] {bracketed, dashed, bare}) {
      assertThat(names.name(null, "pa-1")).isEqualTo("pa-1");
      assertThat(names.name("  ", "pa-1")).isEqualTo("pa-1");
      assertThat(names.name("pa-1", "pa-1")).isEqualTo("pa-1");
    }
    assertThat(TokenNames.of("gpu-{name}.{token}!").name("a", "t")).isEqualTo("gpu-a.t!");
    assertThat(bracketed.format()).isEqualTo("{name} [{token}]");
  }

  @Test
  void everyNameWrittenCarriesItsTokenAndNoOther() {
    for (TokenNames names : new TokenNames[] {bracketed, dashed, bare}) {
      for (String requested : new String[] {null, "", "train", "a-b", "x [y]", "pa-1"}) {
        String name = names.name(requested, "pa-1");
        assertThat(names.carries(name, "pa-1")).as(names.format() + " " + name).isTrue();
        assertThat(names.carries(name, "pa-2")).as(names.format() + " " + name).isFalse();
      }
    }
    assertThat(dashed.carries("my-job-pa-1", "pa-1")).isTrue();
    assertThat(dashed.carries("my-job-pa-1", "1")).isTrue(); // an open-ended token: a shorter one is its tail
    assertThat(bracketed.carries("job [pa-1] old", "pa-1")).isFalse();
    assertThat(bracketed.carries("job pa-1", "pa-1")).isFalse();
    assertThat(bare.carries("train-pa-1", "pa-1")).isFalse();
    assertThat(dashed.carries(null, "pa-1")).isFalse();
    assertThat(TokenNames.of("<{name}|{token}>").carries("<|t>", "t")).isTrue();
    assertThat(TokenNames.of("<{name}|{token}>").carries("|t>", "t")).isFalse();
  }

  @Test
  void aClosedTokenIsReadBackAndAnyOtherNameIsTheBareToken() {
    assertThat(bracketed.token("job [pa-77]")).isEqualTo("pa-77");
    assertThat(bracketed.token("my [old] job [pa-77]")).isEqualTo("pa-77");
    assertThat(bracketed.token(" [pa-77]")).isEqualTo("pa-77");
    assertThat(bracketed.token("pa-4f2a9c1e7b3d5a60")).isEqualTo("pa-4f2a9c1e7b3d5a60");
    assertThat(bracketed.token("job []")).isEqualTo("job []");
    assertThat(bracketed.token("job [a]]")).isEqualTo("job [a]]");
    assertThat(bracketed.token(null)).isNull();
    assertThat(bracketed.token("")).isNull();
  }

  @Test
  void anOpenEndedTokenIsNotReadBackAndABareFormatReadsTheName() {
    assertThat(dashed.token("train-pa-1")).isNull();
    assertThat(dashed.token("pa-1")).isNull();
    assertThat(bare.token("pa-1")).isEqualTo("pa-1");
    assertThat(bare.token(null)).isNull();
  }

  @Test
  void formatsThatCannotBeReadAreRefused() {
    assertThatThrownBy(() -> TokenNames.of("{name}")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'{name}' must hold {token} exactly once");
    assertThatThrownBy(() -> TokenNames.of("{token}-{token}")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'{token}-{token}' must hold {token} exactly once");
    assertThatThrownBy(() -> TokenNames.of("{token}-{name}")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'{token}-{name}' must be {token} alone or hold {name} once, before {token}");
    assertThatThrownBy(() -> TokenNames.of("x{token}")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'x{token}' must be {token} alone or hold {name} once, before {token}");
    assertThatThrownBy(() -> TokenNames.of("{name}{token}")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'{name}{token}' needs text between {name} and {token}, or the name and the token cannot be"
            + " told apart");
  }
}
