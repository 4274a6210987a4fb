package dev.providerapi.model;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to launch. Either {@code offerId} (from {@link Offer#id()}) or {@code instanceType} (+ {@code region})
 * says where. {@code clientToken} tags the instance (label or name) so an ambiguous failure can be resolved
 * by looking it up; the builder makes one when none is given.
 *
 * <p>{@link #toString()} shows neither environment values nor the startup script: both often hold secrets.
 */
public record LaunchRequest(
    @Nullable String offerId,
    @Nullable String instanceType,
    @Nullable String region,
    @Nullable String gpu,
    int gpuCount,
    @Nullable String image,
    List<String> sshKeys,
    @Nullable String startupScript,
    Map<String, String> env,
    @Nullable Integer diskGb,
    Market market,
    @Nullable BigDecimal spotBidPerHour,
    String clientToken,
    @Nullable String name) {

  private static final SecureRandom RANDOM = new SecureRandom();

  public LaunchRequest {
    if (offerId == null && instanceType == null && gpu == null) {
      throw new IllegalArgumentException("a launch needs an offerId, an instanceType or a gpu");
    }
    Objects.requireNonNull(market, "market");
    Objects.requireNonNull(clientToken, "clientToken");
    if (clientToken.isBlank()) {
      throw new IllegalArgumentException("clientToken must not be blank");
    }
    if (spotBidPerHour != null && market != Market.SPOT) {
      throw new IllegalArgumentException("spotBidPerHour is only for market SPOT");
    }
    sshKeys = List.copyOf(sshKeys);
    env = Map.copyOf(env);
  }

  /** The name to give the instance: the explicit name, else the client token. */
  public String effectiveName() {
    return name != null ? name : clientToken;
  }

  /** A fresh client token: {@code pa-} and 16 random hex digits (fits every provider's name rules). */
  public static String newClientToken() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return "pa-" + HexFormat.of().formatHex(bytes);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "LaunchRequest[offerId=" + offerId + ", instanceType=" + instanceType + ", region=" + region
        + ", gpu=" + gpu + ", gpuCount=" + gpuCount + ", image=" + image + ", sshKeys=" + sshKeys.size()
        + " key(s), startupScript=" + (startupScript == null ? "none" : startupScript.length() + " chars")
        + ", env=" + env.keySet() + ", diskGb=" + diskGb + ", market=" + market
        + ", spotBidPerHour=" + spotBidPerHour + ", clientToken=" + clientToken + ", name=" + name + "]";
  }

  public static final class Builder {
    private @Nullable String offerId;
    private @Nullable String instanceType;
    private @Nullable String region;
    private @Nullable String gpu;
    private int gpuCount = 1;
    private @Nullable String image;
    private final List<String> sshKeys = new ArrayList<>();
    private @Nullable String startupScript;
    private final Map<String, String> env = new LinkedHashMap<>();
    private @Nullable Integer diskGb;
    private Market market = Market.ON_DEMAND;
    private @Nullable BigDecimal spotBidPerHour;
    private @Nullable String clientToken;
    private @Nullable String name;

    public Builder offerId(@Nullable String v) { this.offerId = v; return this; }
    public Builder instanceType(@Nullable String v) { this.instanceType = v; return this; }
    public Builder region(@Nullable String v) { this.region = v; return this; }
    public Builder gpu(@Nullable String v) { this.gpu = v; return this; }
    public Builder gpuCount(int v) { this.gpuCount = v; return this; }
    public Builder image(@Nullable String v) { this.image = v; return this; }
    public Builder sshKey(String v) { this.sshKeys.add(v); return this; }
    public Builder sshKeys(List<String> v) { this.sshKeys.addAll(v); return this; }
    public Builder startupScript(@Nullable String v) { this.startupScript = v; return this; }
    public Builder env(String key, String value) { this.env.put(key, value); return this; }
    public Builder env(Map<String, String> v) { this.env.putAll(v); return this; }
    public Builder diskGb(@Nullable Integer v) { this.diskGb = v; return this; }
    public Builder market(Market v) { this.market = v; return this; }
    /** A spot bid in USD per hour for the whole instance; sets the market to SPOT. */
    public Builder spotBidPerHour(@Nullable BigDecimal v) {
      this.spotBidPerHour = v;
      if (v != null) {
        this.market = Market.SPOT;
      }
      return this;
    }
    public Builder clientToken(@Nullable String v) { this.clientToken = v; return this; }
    public Builder name(@Nullable String v) { this.name = v; return this; }

    public LaunchRequest build() {
      return new LaunchRequest(offerId, instanceType, region, gpu, gpuCount, image, sshKeys, startupScript, env,
          diskGb, market, spotBidPerHour, clientToken != null ? clientToken : newClientToken(), name);
    }
  }
}
