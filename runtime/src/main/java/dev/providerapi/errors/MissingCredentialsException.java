package dev.providerapi.errors;

/**
 * An adapter was configured without the credentials its provider needs; thrown by the adapter's constructor
 * (that is, by {@code configure} and {@code Providers.load(name, config)}) before anything is sent. The message
 * names the provider and what to set, never a value.
 */
public class MissingCredentialsException extends AuthenticationException {
  private static final long serialVersionUID = 1L;

  /** What to set to provide the credentials. */
  private final String howToFix;

  /**
   * Missing credentials for {@code provider}; the details have operation {@code configure}, status 0 and code
   * {@code NO_CREDENTIALS}.
   *
   * @param provider the provider's name
   * @param howToFix what to set, named but never with a value
   */
  public MissingCredentialsException(String provider, String howToFix) {
    super(new ErrorDetails(provider, "configure", 0, "NO_CREDENTIALS", "no credentials: " + howToFix, null, false,
        null), null);
    this.howToFix = howToFix;
  }

  /**
   * What to set, for example {@code set LAMBDA_API_KEY or ProviderConfig.apiKey}.
   *
   * @return the advice, never a credential
   */
  public String howToFix() {
    return howToFix;
  }

  @Override
  public String getMessage() {
    return details().provider() + ": no credentials: " + howToFix;
  }
}
