/**
 * The HTTP chain's parts (OkHttp style: small interceptors over immutable {@link
 * dev.providerapi.http.internal.HttpCall} / {@link dev.providerapi.http.internal.HttpResult} values). Public
 * only so {@link dev.providerapi.http.ApiClient} and adapters' tests can reach them; not a stable API.
 */
package dev.providerapi.http.internal;
