package org.fugong.platform.problem;

import static io.restassured.RestAssured.given;
import static org.fugong.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.fugong.platform.PlatformTest;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The error mapping every service inherits from the platform, tested once here (each service's
 * tests keep their own endpoints' cases), with the defaults of the platform's own configuration:
 * these also show that build-time settings (Jackson's, deny-unannotated-endpoints) apply from
 * platform-core's META-INF/microprofile-config.properties.
 */
@QuarkusTest
@PlatformTest
class GenericErrorsTest {

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestJwt.admin()).contentType(ContentType.JSON);
    }

    @Test
    void aValidBodyIsAccepted() {
        admin().body("{\"colour\": \"RED\", \"name\": \"rose\"}").post("/test/echo").then().statusCode(200)
                .body("colour", equalTo("RED"));
    }

    @Test
    void malformedJsonIs400NamingTheBody() {
        problem(admin().body("{\"colour\": ").post("/test/echo").then(), 400).body("errors[0].field", equalTo("body"));
    }

    @Test
    void anUnknownPropertyIs400NamingIt() {
        problem(admin().body("{\"colour\": \"RED\", \"surprise\": 1}").post("/test/echo").then(), 400)
                .body("errors.field", hasItem("surprise"));
    }

    @Test
    void anUnknownEnumValueIs400NamingTheField() {
        problem(admin().body("{\"colour\": \"PURPLE\"}").post("/test/echo").then(), 400)
                .body("errors.field", hasItem("colour"));
    }

    @Test
    void aConstraintViolationIs400NamingTheField() {
        problem(admin().body("{\"colour\": \"RED\", \"name\": \"far too long a name\"}").post("/test/echo").then(), 400)
                .body("errors.field", hasItem("name"));
    }

    @Test
    void anOversizedBodyIs413() {
        problem(admin().body("{\"colour\": \"RED\", \"name\": \"" + "x".repeat(2048) + "\"}").post("/test/echo").then(),
                413);
    }

    @Test
    void anotherMediaTypeIs415() {
        problem(given().auth().oauth2(TestJwt.admin()).contentType(ContentType.TEXT).body("RED").post("/test/echo")
                .then(), 415);
    }

    @Test
    void noTokenIs401AndAnotherRoleIs403() {
        problem(given().contentType(ContentType.JSON).body("{\"colour\": \"RED\"}").post("/test/echo").then(), 401);
        problem(given().auth().oauth2(TestJwt.reader()).contentType(ContentType.JSON).body("{\"colour\": \"RED\"}")
                .post("/test/echo").then(), 403);
    }

    @Test
    void anEndpointWithoutASecurityAnnotationIsClosed() {
        given().auth().oauth2(TestJwt.admin()).get("/test/echo/forgotten").then().statusCode(403);
    }
}
