package dev.providerapi.model;

/** Where an offer's price comes from. */
public enum PriceSource {
  /** Quoted by the provider's API just now. */
  LIVE,
  /** Taken from a price list declared in provider.yaml (with the date it was taken); not a live quote. */
  CATALOG
}
