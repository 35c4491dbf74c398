package org.fugong.supply.offer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import org.fugong.supply.support.Api;
import org.fugong.supply.support.RegistryFeed;
import org.fugong.supply.support.SupplyTest;
import org.fugong.testing.ProblemAssertions;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@SupplyTest
class OfferAndRequestEndpointsTest {

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return ProblemAssertions.problem(response, status);
    }

    @Test
    void theCatalogueIsSeededAndPublic() {
        Api.as(TestJwt.reader()).get("/api/v1/supply-items/MASK_MEDICAL_PROTECTIVE").then().statusCode(200)
                .body("required_standard", equalTo("GB 19083-2010")).body("category", equalTo("PROTECTIVE_GEAR"));
        Api.as(TestJwt.reader()).queryParam("category", "MEDICAL_EQUIPMENT").queryParam("limit", 100)
                .get("/api/v1/supply-items").then().statusCode(200)
                .body("items.code", hasItem("VENTILATOR_ICU")).body("items.code", not(hasItem("MASK_KN95")));
        problem(Api.as(TestJwt.reader()).get("/api/v1/supply-items/NOPE").then(), 404);
        problem(given().get("/api/v1/supply-items").then(), 401);
    }

    @Test
    void onlyAdministratorsAddItemsAndGtinsMustCheck() {
        Map<String, Object> item = Map.of("code", "TEST_GTIN_" + System.nanoTime() % 100000, "name", "x",
                "category", "DRUG", "unit", "box", "gtin", "6901234567893");
        problem(Api.as(TestJwt.admin()).body(item).post("/api/v1/supply-items").then(), 400)
                .body("errors[0].field", equalTo("gtin"));
        problem(Api.as(TestJwt.authority("42")).body(item).post("/api/v1/supply-items").then(), 403);
        Map<String, Object> good = new java.util.HashMap<>(item);
        good.put("gtin", "6901234567892");
        Api.as(TestJwt.admin()).body(good).post("/api/v1/supply-items").then().statusCode(201);
        problem(Api.as(TestJwt.admin()).body(good).post("/api/v1/supply-items").then(), 409);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "wrong standard|certificate.standard|YY 0469-2011",
            "expired certificate|certificate.valid_until|GB 19083-2010" })
    void certifiedItemsNeedAValidCertificateToTheirStandard(String name, String field, String standard) {
        String item = Api.newItem("GB 19083-2010");
        UUID supplier = RegistryFeed.organisation("ENTERPRISE", "420111", "ACTIVE", 0);
        Map<String, Object> offer = Api.certifiedOffer(item, 10, "420111");
        offer.put("certificate", Map.of("standard", standard, "number", "N-1",
                "valid_until", field.endsWith("valid_until") ? "2020-01-01" : "2099-01-01"));
        problem(Api.as(Api.supplier(supplier)).body(offer).post("/api/v1/supply-offers").then(), 400)
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void anOfferWithoutItsCertificateIsRecordedButNeverAllocated() {
        String item = Api.newItem("GB 19083-2010");
        UUID supplier = RegistryFeed.organisation("ENTERPRISE", "420102", "ACTIVE", 0);
        UUID hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "420102", "ACTIVE", 0);
        Map<String, Object> offer = Api.certifiedOffer(item, 100, "420102");
        offer.remove("certificate");
        String id = Api.as(Api.supplier(supplier)).body(offer).post("/api/v1/supply-offers").then().statusCode(201)
                .body("certified", equalTo(false)).extract().path("id");
        Api.as(Api.hospital(hospital)).body(Api.request(item, 10, "CRITICAL")).post("/api/v1/supply-requests").then()
                .statusCode(201).body("allocated", equalTo(0)).body("status", equalTo("OPEN"));
        Api.as(Api.supplier(supplier)).get("/api/v1/supply-offers/" + id).then().body("allocated", equalTo(0));
    }

    @Test
    void badOffersAre400() {
        UUID supplier = RegistryFeed.organisation("ENTERPRISE", "420111", "ACTIVE", 0);
        Map<String, Object> unknown = Api.certifiedOffer("NO_SUCH_ITEM", 10, "420111");
        problem(Api.as(Api.supplier(supplier)).body(unknown).post("/api/v1/supply-offers").then(), 400)
                .body("errors[0].field", equalTo("item_code"));
        Map<String, Object> negative = Api.certifiedOffer("MASK_MEDICAL_PROTECTIVE", -5, "420111");
        problem(Api.as(Api.supplier(supplier)).body(negative).post("/api/v1/supply-offers").then(), 400)
                .body("errors[0].field", equalTo("quantity"));
        problem(Api.as(Api.supplier(supplier)).body("{\"item_code\": ").post("/api/v1/supply-offers").then(), 400)
                .body("errors[0].field", equalTo("body"));
        Map<String, Object> huge = Api.certifiedOffer("MASK_MEDICAL_PROTECTIVE", 10, "420111");
        huge.put("quantity", "99999999999999999999999");
        problem(Api.as(Api.supplier(supplier)).body(huge).post("/api/v1/supply-offers").then(), 400)
                .body("errors[0].field", equalTo("quantity"));
    }

    @Test
    void unknownOrSuspendedSuppliersCannotOffer() {
        problem(Api.as(Api.supplier(UUID.randomUUID())).body(Api.certifiedOffer("MASK_MEDICAL_PROTECTIVE", 10, "420111"))
                .post("/api/v1/supply-offers").then(), 409).body("detail", containsString("not known"));
        UUID suspended = RegistryFeed.organisation("ENTERPRISE", "420111", "SUSPENDED", 0);
        problem(Api.as(Api.supplier(suspended)).body(Api.certifiedOffer("MASK_MEDICAL_PROTECTIVE", 10, "420111"))
                .post("/api/v1/supply-offers").then(), 409);
        problem(Api.as(TestJwt.reader()).body(Api.certifiedOffer("MASK_MEDICAL_PROTECTIVE", 10, "420111"))
                .post("/api/v1/supply-offers").then(), 403);
    }

    @Test
    void requestsAreSeenByTheirHospitalAndAuthorityOnly() {
        String item = Api.newItem(null);
        UUID hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "420102", "ACTIVE", 0);
        UUID otherHospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "420103", "ACTIVE", 0);
        String id = Api.as(Api.hospital(hospital)).body(Api.request(item, 10, "HIGH")).post("/api/v1/supply-requests")
                .then().statusCode(201).header("Location", containsString("/api/v1/supply-requests/")).extract().path("id");
        String path = "/api/v1/supply-requests/" + id;
        Api.as(Api.hospital(hospital)).get(path).then().statusCode(200).body("status", equalTo("OPEN"));
        problem(Api.as(Api.hospital(otherHospital)).get(path).then(), 404);
        problem(Api.as(TestJwt.authority("33")).get(path).then(), 404);
        Api.as(TestJwt.authority("4201")).get(path).then().statusCode(200);
        problem(Api.as(Api.hospital(otherHospital)).put(path + "/cancellation").then(), 404);
        Api.as(Api.hospital(hospital)).put(path + "/cancellation").then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void aHospitalsRequestsAreDeliveredToItsOwnCountyOnly() {
        // A hospital in Yichang cannot name Wuhan and take Wuhan's priority: only an authority names a region.
        String item = Api.newItem(null);
        UUID hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "420502", "ACTIVE", 0);
        Map<String, Object> toWuhan = Api.request(item, 10, "HIGH");
        toWuhan.put("delivery_region", "420102");
        problem(Api.as(Api.hospital(hospital)).body(toWuhan).post("/api/v1/supply-requests").then(), 403)
                .body("errors[0].field", equalTo("delivery_region"));
        Map<String, Object> own = Api.request(item, 10, "HIGH");
        own.put("delivery_region", "420502");
        Api.as(Api.hospital(hospital)).body(own).post("/api/v1/supply-requests").then().statusCode(201)
                .body("delivery_region", equalTo("420502"));
        Api.as(Api.hospital(hospital)).body(Api.request(item, 10, "HIGH")).post("/api/v1/supply-requests").then()
                .statusCode(201).body("delivery_region", equalTo("420502"));
        Map<String, Object> byAuthority = Api.request(item, 10, "HIGH");
        byAuthority.put("delivery_region", "420102");
        Api.as(TestJwt.authority("42")).body(byAuthority).post("/api/v1/supply-requests").then().statusCode(201)
                .body("delivery_region", equalTo("420102"));
    }

    @Test
    void badRequestsAre400AndAuthoritiesRequestOnlyInTheirScope() {
        String item = Api.newItem(null);
        UUID hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "420102", "ACTIVE", 0);
        Map<String, Object> unknownUrgency = Api.request(item, 10, "YESTERDAY");
        problem(Api.as(Api.hospital(hospital)).body(unknownUrgency).post("/api/v1/supply-requests").then(), 400)
                .body("errors[0].field", equalTo("urgency")).body("errors[0].message", containsString("CRITICAL"));
        Map<String, Object> past = Api.request(item, 10, "HIGH");
        past.put("needed_by", "2020-01-01");
        problem(Api.as(Api.hospital(hospital)).body(past).post("/api/v1/supply-requests").then(), 400)
                .body("errors[0].field", equalTo("needed_by"));
        Map<String, Object> zero = Api.request(item, 0, "HIGH");
        problem(Api.as(Api.hospital(hospital)).body(zero).post("/api/v1/supply-requests").then(), 400)
                .body("errors[0].field", equalTo("quantity"));
        Map<String, Object> noRegion = Api.request(item, 10, "HIGH");
        problem(Api.as(TestJwt.authority("42")).body(noRegion).post("/api/v1/supply-requests").then(), 400)
                .body("errors[0].field", equalTo("delivery_region"));
        Map<String, Object> elsewhere = Api.request(item, 10, "HIGH");
        elsewhere.put("delivery_region", "330106");
        problem(Api.as(TestJwt.authority("42")).body(elsewhere).post("/api/v1/supply-requests").then(), 403)
                .body("errors[0].field", equalTo("delivery_region"));
        problem(Api.as(Api.supplier(hospital)).body(Api.request(item, 10, "HIGH")).post("/api/v1/supply-requests")
                .then(), 403);
        problem(Api.as(TestJwt.admin()).queryParam("status", "DONE").get("/api/v1/supply-requests").then(), 400)
                .body("errors[0].field", equalTo("status"));
    }
}
