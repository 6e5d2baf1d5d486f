package com.modecon.batch.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import com.modecon.testing.TempRootResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** With origins configured, as a production deployment should have them, only the front end's origin passes. */
@QuarkusTest
@WithTestResource(value = TempRootResource.class,
        initArgs = @ResourceArg(name = "quarkus.http.cors.origins", value = "https://modecon.example.com"))
class CorsOriginsTest {

    @Test
    void preflightFromTheConfiguredOrigin_isAllowed() {
        preflightFrom("https://modecon.example.com")
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "https://modecon.example.com");
    }

    @Test
    void preflightFromAnyOtherOrigin_getsNoPermission() {
        preflightFrom("https://elsewhere.example.org")
                .header("Access-Control-Allow-Origin", nullValue());
    }

    private static io.restassured.response.ValidatableResponse preflightFrom(String origin) {
        return given()
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .when()
                .options("/create_new_batch")
                .then();
    }
}
