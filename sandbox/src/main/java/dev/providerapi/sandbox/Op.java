package dev.providerapi.sandbox;

/** The operations of a fake a fault can target (each fake maps its API's requests onto these). */
public enum Op {
  /** Listing offers (instance types, prices, availability). */
  OFFERS,
  /** Creating an instance. */
  CREATE,
  /** Reading one instance. */
  GET,
  /** Listing instances (each page is one request). */
  LIST,
  /** Terminating an instance. */
  TERMINATE,
  /** Stopping an instance. */
  STOP,
  /** Starting a stopped instance. */
  START,
  /** Restarting an instance. */
  RESTART,
  /** Reading billing or usage (Vast). */
  BILLING,
  /** Everything else (SSH keys, images, templates, startup scripts, events). */
  OTHER
}
