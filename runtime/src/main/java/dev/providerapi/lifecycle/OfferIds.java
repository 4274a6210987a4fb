package dev.providerapi.lifecycle;

/**
 * The offer-id format most providers share: {@code <instance type>@<region>} ({@code gpu_1x_h100_sxm5@us-east-1},
 * {@code A100-80G@ny2}). A malformed id is the caller's input, refused before anything is sent.
 */
public final class OfferIds {
  private OfferIds() {}

  public record TypeAtRegion(String instanceType, String region) {
    @Override
    public String toString() {
      return instanceType + "@" + region;
    }
  }

  public static TypeAtRegion typeAtRegion(String provider, String offerId, String example) {
    int at = offerId.lastIndexOf('@');
    if (at <= 0 || at == offerId.length() - 1) {
      throw new IllegalArgumentException(provider + " offer ids look like '" + example + "', got '" + offerId + "'");
    }
    return new TypeAtRegion(offerId.substring(0, at), offerId.substring(at + 1));
  }

  public static String typeAtRegion(String instanceType, String region) {
    return instanceType + "@" + region;
  }
}
