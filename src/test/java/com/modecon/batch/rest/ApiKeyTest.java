package com.modecon.batch.rest;

import static com.modecon.batch.rest.BatchesApiTest.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.modecon.testing.Roots;
import com.modecon.testing.TempRootResource;
import com.modecon.testing.TestRoot;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With batch.api-key set, every change but the legacy endpoint needs the key; reads stay open. */
@QuarkusTest
@WithTestResource(value = TempRootResource.class,
        initArgs = @ResourceArg(name = "batch.api-key", value = "s3cret-key"))
class ApiKeyTest {

    @TestRoot
    Path root;

    @BeforeEach
    void freshRoot() {
        Roots.reset(root);
    }

    @Test
    void changesWithoutOrWithAWrongKey_are401WithAChallenge() {
        problem(given().when().post("/batches").then(), 401, "unauthorized")
                .header("WWW-Authenticate", "Bearer");
        problem(given().header("Authorization", "Bearer wrong").when().delete("/batches/1").then(), 401,
                "unauthorized");
        problem(given().header("Authorization", "s3cret-key").when().post("/batches/1/clone").then(), 401,
                "unauthorized");
    }

    @Test
    void theRightKey_isAcceptedAndRecordedAsTheAuthor() {
        given()
                .header("Authorization", "Bearer s3cret-key")
                .header("X-User", "somebody-else")
                .when()
                .post("/batches")
                .then()
                .statusCode(201)
                .body("createdBy", equalTo("api-key"));
    }

    @Test
    void readsAndTheLegacyEndpoint_needNoKey() {
        given().when().post("/create_new_batch").then().statusCode(200);
        given().when().get("/batches").then().statusCode(200);
        given().when().get("/batches/1").then().statusCode(200);
        given().when().get("/templates").then().statusCode(200);
    }
}
