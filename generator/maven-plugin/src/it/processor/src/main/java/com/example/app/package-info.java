/** javac generates the Acme client from api/provider.yaml (and the spec it names). */
@GenerateProvider(manifest = "api/provider.yaml")
package com.example.app;

import dev.providerapi.processor.GenerateProvider;
