package com.modecon.batch.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same contract, run against the packaged artifact (the jar, or the native binary when built). */
@QuarkusIntegrationTest
class CreateNewBatchIT extends CreateNewBatchTest {
}
