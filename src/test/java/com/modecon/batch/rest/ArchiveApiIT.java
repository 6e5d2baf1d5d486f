package com.modecon.batch.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged artifact (the jar, or the native binary when built). */
@QuarkusIntegrationTest
class ArchiveApiIT extends ArchiveApiTest {
}
