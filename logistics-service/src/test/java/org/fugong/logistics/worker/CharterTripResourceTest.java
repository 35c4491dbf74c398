package org.fugong.logistics.worker;

import static org.fugong.logistics.support.Workers.REQUESTS;
import static org.fugong.logistics.support.Workers.TRIPS;
import static org.fugong.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.fugong.logistics.pass.PassDecision;
import org.fugong.logistics.support.Api;
import org.fugong.logistics.support.LogisticsTest;
import org.fugong.logistics.support.RegistryFeed;
import org.fugong.logistics.support.Workers;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** {@code /api/v1/charter-trips}: planning, assignments under the seat cap, the life cycle with its pass, scopes. */
@QuarkusTest
@LogisticsTest
class CharterTripResourceTest {

    static final String HOME = "330111"; // Fuyang, Hangzhou: where these tests' enterprises are
    static final String ORIGIN = "411524"; // Shangcheng county, Xinyang
    static final String HANGZHOU = TestJwt.authority("3301");

    static Map<String, Object> with(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = Workers.trip(ORIGIN, HOME, 45);
        change.accept(body);
        return body;
    }

    static String assignments(String trip) {
        return TRIPS + "/" + trip + "/assignments";
    }

    @Test
    void anAuthorityOfTheDestinationPlansATripThatFillsAtMostHalfItsSeats() {
        ExtractableResponse<Response> created = Api.as(HANGZHOU).body(with(b -> b.put("plate", "浙 a８８８８８")))
                .post(TRIPS).then().statusCode(201).header("Location", containsString(TRIPS + "/"))
                .body("plate", equalTo("浙A88888")).body("seats", equalTo(45)).body("max_passengers", equalTo(22))
                .body("passengers", equalTo(0)).body("requests", equalTo(0)).body("status", equalTo("PLANNED"))
                .body("origin_region", equalTo(ORIGIN)).body("destination_region", equalTo(HOME))
                .body("via", equalTo(List.of("340000"))).body("enterprise_id", nullValue())
                .body("driver.masked", equalTo(false)).body("driver.id_number", equalTo(Workers.TRIP_DRIVER_ID))
                .body("pass_id", nullValue()).extract();
        Api.as(HANGZHOU).get(TRIPS + "/" + created.path("id")).then().statusCode(200)
                .header("ETag", equalTo("\"" + created.path("version") + "\"")).body("status", equalTo("PLANNED"));
    }

    @Test
    void badInputIs400NamingTheFieldAndWritesNothing() {
        String tonglu = "330122"; // only this test plans trips there
        String authority = TestJwt.authority(tonglu);
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("plate", trip(tonglu, b -> b.put("plate", "浙I88888")));
        cases.put("plate ", trip(tonglu, b -> b.put("plate", "浙A".repeat(20))));
        cases.put("driver.id_number", trip(tonglu, b -> driver(b).put("id_number", "110105194912310021")));
        cases.put("driver.phone", trip(tonglu, b -> driver(b).put("phone", "555")));
        cases.put("driver", trip(tonglu, b -> b.remove("driver")));
        cases.put("seats", trip(tonglu, b -> b.put("seats", 0)));
        cases.put("seats ", trip(tonglu, b -> b.put("seats", 101)));
        cases.put("seats  ", trip(tonglu, b -> b.put("seats", "many")));
        cases.put("travel_date", trip(tonglu, b -> b.put("travel_date", Api.today().minusDays(1).toString())));
        cases.put("travel_date ", trip(tonglu, b -> b.put("travel_date", Api.today().plusDays(31).toString())));
        cases.put("origin_region", trip(tonglu, b -> b.put("origin_region", "999999")));
        cases.put("origin_region ", trip(tonglu, b -> b.put("origin_region", "410000")));
        cases.put("destination_region", trip(tonglu, b -> b.put("origin_region", tonglu)));
        cases.put("destination_region ", trip(tonglu, b -> b.put("destination_region", "330100")));
        cases.put("via[0]", trip(tonglu, b -> b.put("via", List.of("999999"))));
        cases.put("via[1]", trip(tonglu, b -> b.put("via", List.of("340000", "34"))));
        cases.put("via", trip(tonglu, b -> b.put("via", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"))));
        cases.forEach((field, body) -> problem(Api.as(authority).body(body).post(TRIPS).then(), 400)
                .body("errors.field", hasItem(field.strip())));
        Api.as(authority).get(TRIPS).then().statusCode(200).body("items", hasSize(0));
        Workers.plan(authority, trip(tonglu, b -> b.remove("via"))); // via is optional
    }

    static Map<String, Object> trip(String destination, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = Workers.trip(ORIGIN, destination, 45);
        change.accept(body);
        return body;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> driver(Map<String, Object> body) {
        return (Map<String, Object>) body.get("driver");
    }

    @Test
    void outsideItsScopeAnAuthorityIs403AndAnEnterprisePlansOnlyIntoItsOwnCounty() {
        problem(Api.as(TestJwt.authority("42")).body(Workers.trip(ORIGIN, HOME, 45)).post(TRIPS).then(), 403);
        problem(Api.as(TestJwt.authority("4115")).body(Workers.trip(ORIGIN, HOME, 45)).post(TRIPS).then(), 403);
        problem(Api.as(TestJwt.reader()).body(Workers.trip(ORIGIN, HOME, 45)).post(TRIPS).then(), 403);
        problem(Api.as(TestJwt.admin()).body(Workers.trip(ORIGIN, HOME, 45)).post(TRIPS).then(), 403);
        UUID enterprise = RegistryFeed.essentialEnterprise(HOME);
        problem(Api.as(Api.enterprise(enterprise)).body(Workers.trip(ORIGIN, "330106", 45)).post(TRIPS).then(), 403);
        problem(Api.as(Api.enterprise(UUID.randomUUID())).body(Workers.trip(ORIGIN, HOME, 45)).post(TRIPS).then(), 409);
        UUID suspended = RegistryFeed.organisation(HOME, "SUSPENDED", "ESSENTIAL", false);
        problem(Api.as(Api.enterprise(suspended)).body(Workers.trip(ORIGIN, HOME, 45)).post(TRIPS).then(), 409);
        Api.as(Api.enterprise(enterprise)).body(Workers.trip(ORIGIN, HOME, 45)).post(TRIPS).then().statusCode(201)
                .body("enterprise_id", equalTo(enterprise.toString())).body("driver.masked", equalTo(false));
    }

    @Test
    void anEnterprisesOwnTripCarriesItsOwnRequestsOnly() {
        UUID enterprise = RegistryFeed.essentialEnterprise(HOME);
        UUID neighbour = RegistryFeed.essentialEnterprise(HOME);
        String trip = Workers.plan(Api.enterprise(enterprise), Workers.trip(ORIGIN, HOME, 45));
        String own = Workers.submit(enterprise, Workers.request(ORIGIN, 4));
        String theirs = Workers.submit(neighbour, Workers.request(ORIGIN, 4));
        problem(Api.as(Api.enterprise(enterprise)).body(Map.of("request_id", theirs)).post(assignments(trip)).then(), 404);
        problem(Api.as(Api.enterprise(neighbour)).body(Map.of("request_id", theirs)).post(assignments(trip)).then(), 404);
        // Even the authority of the destination puts only the enterprise's own requests on its trip.
        problem(Api.as(HANGZHOU).body(Map.of("request_id", theirs)).post(assignments(trip)).then(), 404);
        Api.as(Api.enterprise(enterprise)).body(Map.of("request_id", own)).post(assignments(trip)).then().statusCode(201)
                .header("Location", containsString(REQUESTS + "/" + own)).body("status", equalTo("ASSIGNED"))
                .body("trip_id", equalTo(trip)).body("manifest_masked", equalTo(false));
        Api.as(Api.enterprise(neighbour)).get(TRIPS + "/" + trip).then().statusCode(404);
    }

    @Test
    void assignmentsMatchOriginDestinationAndDateAndNeverFillMoreThanHalfTheSeats() {
        LocalDate day = Api.today().plusDays(6);
        UUID enterprise = RegistryFeed.essentialEnterprise(HOME);
        UUID elsewhere = RegistryFeed.essentialEnterprise("330106");
        String trip = Workers.plan(HANGZHOU, Workers.trip(ORIGIN, HOME, day, 11)); // at most 5 passengers
        String three = Workers.submit(enterprise, Workers.request(ORIGIN, day, 0, 3));
        String threeMore = Workers.submit(enterprise, Workers.request(ORIGIN, day, 10, 3));
        String two = Workers.submit(enterprise, Workers.request(ORIGIN, day, 20, 2));
        String otherOrigin = Workers.submit(enterprise, Workers.request("411525", day, 30, 1));
        String otherDay = Workers.submit(enterprise, Workers.request(ORIGIN, day.plusDays(1), 40, 1));
        String otherDestination = Workers.submit(elsewhere, Workers.request(ORIGIN, day, 50, 1));

        Workers.assign(HANGZHOU, trip, three);
        problem(Api.as(HANGZHOU).body(Map.of("request_id", threeMore)).post(assignments(trip)).then(), 409)
                .body("errors[0].field", equalTo("request_id"))
                .body("errors[0].message", containsString("at most 5 (50 %)"));
        problem(Api.as(HANGZHOU).body(Map.of("request_id", otherOrigin)).post(assignments(trip)).then(), 409)
                .body("errors[0].field", equalTo("origin_region"));
        problem(Api.as(HANGZHOU).body(Map.of("request_id", otherDay)).post(assignments(trip)).then(), 409)
                .body("errors[0].field", equalTo("travel_date"));
        problem(Api.as(Workers.zhejiang()).body(Map.of("request_id", otherDestination)).post(assignments(trip)).then(), 409)
                .body("errors[0].field", equalTo("destination_region"));
        problem(Api.as(HANGZHOU).body(Map.of("request_id", three)).post(assignments(trip)).then(), 409)
                .body("errors[0].field", equalTo("request_id"));
        problem(Api.as(HANGZHOU).body(Map.of("request_id", UUID.randomUUID().toString())).post(assignments(trip)).then(), 404);
        problem(Api.as(HANGZHOU).body(Map.of("request_id", "nope")).post(assignments(trip)).then(), 400)
                .body("errors[0].field", equalTo("request_id"));
        problem(Api.as(HANGZHOU).body(Map.of()).post(assignments(trip)).then(), 400)
                .body("errors[0].field", equalTo("request_id"));
        problem(Api.as(HANGZHOU).body(Map.of("request_id", two)).post(assignments(UUID.randomUUID().toString())).then(), 404);

        String key = UUID.randomUUID().toString();
        Api.as(HANGZHOU).header("Idempotency-Key", key).body(Map.of("request_id", two)).post(assignments(trip)).then()
                .statusCode(201).body("status", equalTo("ASSIGNED")).body("manifest_masked", equalTo(true));
        Api.as(HANGZHOU).header("Idempotency-Key", key).body(Map.of("request_id", two)).post(assignments(trip)).then()
                .statusCode(201).header("Idempotent-Replayed", "true");
        Api.as(HANGZHOU).get(TRIPS + "/" + trip).then().statusCode(200).body("passengers", equalTo(5))
                .body("requests", equalTo(2)).body("max_passengers", equalTo(5))
                .body("passengers_by_enterprise", equalTo(List.of(Map.of("enterprise_id", enterprise.toString(),
                        "passengers", 5))));
        Api.as(Api.enterprise(enterprise)).queryParam("trip_id", trip).get(REQUESTS).then()
                .body("items.id", org.hamcrest.Matchers.containsInAnyOrder(three, two));
    }

    @Test
    void aHighOriginIsRefusedAtPlanningAtAssignmentAndAtDispatch() {
        String county = "411527"; // Huaibin county: only this test uses it
        UUID enterprise = RegistryFeed.essentialEnterprise(HOME);
        RegistryFeed.riskLevel(county, "HIGH", 1);
        problem(Api.as(HANGZHOU).body(Workers.trip(county, HOME, 45)).post(TRIPS).then(), 409)
                .body("errors[0].field", equalTo("origin_region"))
                .body("errors[0].message", containsString(OriginRule.ORIGIN_HIGH_RISK_REFUSED));
        RegistryFeed.riskLevel(county, "LOW", 2);
        String trip = Workers.plan(HANGZHOU, Workers.trip(county, HOME, 45));
        String first = Workers.submit(enterprise, Workers.request(county, 2));
        String second = Workers.submit(enterprise, Workers.request(county, Api.today().plusDays(2), 10, 2));
        Workers.assign(HANGZHOU, trip, first);
        RegistryFeed.riskLevel(county, "HIGH", 3);
        problem(Api.as(HANGZHOU).body(Map.of("request_id", second)).post(assignments(trip)).then(), 409)
                .body("errors[0].field", equalTo("origin_region"));
        problem(Api.as(HANGZHOU).put(TRIPS + "/" + trip + "/dispatch").then(), 409)
                .body("errors[0].field", equalTo("origin_region"));
        Api.as(HANGZHOU).get(TRIPS + "/" + trip).then().body("passengers", equalTo(2)).body("status", equalTo("PLANNED"));
        RegistryFeed.riskLevel(county, "LOW", 4);
        Workers.assign(HANGZHOU, trip, second);
    }

    @Test
    void aTripIsDispatchedWithItsReturningWorkersPassThenArrives() {
        LocalDate day = Api.today().plusDays(1);
        String origin = "411526"; // Huangchuan county
        UUID enterprise = RegistryFeed.essentialEnterprise(HOME);
        String trip = Workers.plan(HANGZHOU, Workers.trip(origin, HOME, day, 45));
        String request = Workers.submit(enterprise, Workers.request(origin, day, 0, 12));
        String path = TRIPS + "/" + trip;
        problem(Api.as(HANGZHOU).put(path + "/arrival").then(), 409);
        Workers.assign(HANGZHOU, trip, request);

        ExtractableResponse<Response> dispatched = Api.as(HANGZHOU).put(path + "/dispatch").then().statusCode(200)
                .body("status", equalTo("DISPATCHED")).body("dispatched_at", notNullValue())
                .body("pass_id", notNullValue()).body("pass_number", matchesPattern(origin + "[0-9]{6}"))
                .body("pass_status", equalTo("PENDING_REVIEW")).extract();
        String pass = dispatched.path("pass_id");
        Api.as(TestJwt.admin()).get("/api/v1/green-passes/" + pass).then().statusCode(200)
                .body("cargo_category", equalTo("RETURNING_WORKERS")).body("vehicle_type", equalTo("BUS"))
                .body("enterprise_id", equalTo(enterprise.toString())).body("plate", equalTo("浙A88888"))
                .body("route", equalTo(List.of(origin, "340000", HOME)))
                .body("valid_from", equalTo(day.toString())).body("valid_until", equalTo(day.plusDays(1).toString()))
                .body("rule", equalTo(PassDecision.CARGO_NOT_PRIORITY))
                .body("driver.id_number", equalTo(Workers.TRIP_DRIVER_ID));
        problem(Api.as(HANGZHOU).put(path + "/dispatch").then(), 409);
        String late = Workers.submit(enterprise, Workers.request(origin, day, 100, 1));
        problem(Api.as(HANGZHOU).body(Map.of("request_id", late)).post(assignments(trip)).then(), 409);

        // The origin's authority reviews the pass, as every RETURNING_WORKERS pass; then the bus carries a code.
        Api.as(TestJwt.authority("4115")).body(Map.of("outcome", "APPROVED", "reason", "Manifest checked at Huangchuan"))
                .put("/api/v1/green-passes/" + pass + "/decision").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("code", notNullValue());
        Api.as(HANGZHOU).get(path).then().body("pass_status", equalTo("APPROVED"));

        // Dispatch and arrival read no body: a client that sends none, and no Content-Type, is answered too.
        io.restassured.RestAssured.given().auth().oauth2(HANGZHOU).put(path + "/arrival").then().statusCode(200)
                .body("status", equalTo("ARRIVED"))
                .body("arrived_at", notNullValue()).body("passengers", equalTo(12));
        Api.as(Api.enterprise(enterprise)).get(REQUESTS + "/" + request).then().body("status", equalTo("ARRIVED"));
        problem(Api.as(HANGZHOU).put(path + "/arrival").then(), 409);
        problem(Api.as(HANGZHOU).body(Map.of("reason", "too late")).put(path + "/cancellation").then(), 409);
    }

    @Test
    void anEmptyTripIsNotDispatchedAndACancelledOneFreesItsRequestsAndRevokesItsPass() {
        String origin = "411528"; // Xi county
        UUID enterprise = RegistryFeed.essentialEnterprise(HOME);
        String trip = Workers.plan(HANGZHOU, Workers.trip(origin, HOME, 45));
        String path = TRIPS + "/" + trip;
        problem(Api.as(HANGZHOU).put(path + "/dispatch").then(), 409).body("detail", containsString("no passengers"));
        String request = Workers.submit(enterprise, Workers.request(origin, 5));
        Workers.assign(HANGZHOU, trip, request);
        String pass = Api.as(HANGZHOU).put(path + "/dispatch").then().statusCode(200).extract().path("pass_id");

        problem(Api.as(HANGZHOU).body(Map.of()).put(path + "/cancellation").then(), 400)
                .body("errors[0].field", equalTo("reason"));
        problem(Api.as(HANGZHOU).body(Map.of("reason", "x".repeat(501))).put(path + "/cancellation").then(), 400)
                .body("errors[0].field", equalTo("reason"));
        Api.as(HANGZHOU).body(Map.of("reason", "The bus failed its inspection")).put(path + "/cancellation").then()
                .statusCode(200).body("status", equalTo("CANCELLED")).body("passengers", equalTo(0))
                .body("requests", equalTo(0)).body("cancellation_reason", equalTo("The bus failed its inspection"))
                .body("pass_status", equalTo("REVOKED"));
        Api.as(TestJwt.admin()).get("/api/v1/green-passes/" + pass).then()
                .body("revocation_reason", equalTo("Charter trip cancelled: The bus failed its inspection"));
        Api.as(Api.enterprise(enterprise)).get(REQUESTS + "/" + request).then().body("status", equalTo("SUBMITTED"))
                .body("trip_id", nullValue());
        problem(Api.as(HANGZHOU).body(Map.of("reason", "again")).put(path + "/cancellation").then(), 409);
        problem(Api.as(HANGZHOU).put(path + "/dispatch").then(), 409);
        // The freed request rides on the next bus.
        String next = Workers.plan(HANGZHOU, Workers.trip(origin, HOME, 45));
        Workers.assign(HANGZHOU, next, request);
    }

    @Test
    void whoSeesATripAndWhoRunsIt() {
        String origin = "411571"; // Xinyang high-tech zone
        UUID enterprise = RegistryFeed.essentialEnterprise(HOME);
        UUID neighbour = RegistryFeed.essentialEnterprise(HOME);
        String trip = Workers.plan(HANGZHOU, Workers.trip(origin, HOME, 45));
        Workers.assign(HANGZHOU, trip, Workers.submit(enterprise, Workers.request(origin, 3)));
        Workers.assign(HANGZHOU, trip, Workers.submit(neighbour, Workers.request(origin, 4)));
        String path = TRIPS + "/" + trip;
        String spare = Workers.submit(enterprise, Workers.request(origin, Api.today().plusDays(2), 50, 1));

        Api.as(Api.enterprise(enterprise)).get(path).then().statusCode(200).body("passengers", equalTo(7))
                .body("passengers_by_enterprise", equalTo(List.of(Map.of("enterprise_id", enterprise.toString(),
                        "passengers", 3))))
                .body("driver.masked", equalTo(true)).body("driver.name", equalTo("王**"));
        Api.as(TestJwt.authority("4115")).get(path).then().statusCode(200).body("passengers_by_enterprise", hasSize(2))
                .body("driver.masked", equalTo(true)).body("driver.phone", equalTo("137****1111"));
        Api.as(TestJwt.admin()).get(path).then().statusCode(200).body("driver.masked", equalTo(false));
        for (String outsider : List.of(Api.enterprise(UUID.randomUUID()), TestJwt.authority("42"),
                TestJwt.authority("3302"))) {
            problem(Api.as(outsider).get(path).then(), 404);
            problem(Api.as(outsider).body(Map.of("request_id", spare)).post(path + "/assignments").then(), 404);
            problem(Api.as(outsider).put(path + "/dispatch").then(), 404);
            problem(Api.as(outsider).put(path + "/arrival").then(), 404);
            problem(Api.as(outsider).body(Map.of("reason", "no")).put(path + "/cancellation").then(), 404);
        }
        // Those who see it without running it: the origin's authority, an enterprise riding on it.
        for (String onlooker : List.of(TestJwt.authority("4115"), Api.enterprise(enterprise))) {
            problem(Api.as(onlooker).body(Map.of("request_id", spare)).post(path + "/assignments").then(), 403);
            problem(Api.as(onlooker).put(path + "/dispatch").then(), 403);
            problem(Api.as(onlooker).put(path + "/arrival").then(), 403);
            problem(Api.as(onlooker).body(Map.of("reason", "no")).put(path + "/cancellation").then(), 403);
        }
        problem(Api.as(TestJwt.as("CHECKPOINT").regionScope("33").token()).get(path).then(), 403);
        Api.as(HANGZHOU).get(path).then().body("status", equalTo("PLANNED")).body("passengers", equalTo(7));
    }

    @Test
    void listsArePagedByCursorFilteredAndScoped() {
        String home = "330112"; // Lin'an: only this test's trips go there
        String authority = TestJwt.authority(home);
        UUID enterprise = RegistryFeed.essentialEnterprise(home);
        LocalDate day = Api.today().plusDays(3);
        String first = Workers.plan(authority, Workers.trip(ORIGIN, home, day, 45));
        Workers.plan(authority, Workers.trip(ORIGIN, home, day.plusDays(1), 45));
        String third = Workers.plan(authority, Workers.trip("411602", home, day, 45));
        Workers.plan(Api.enterprise(enterprise), Workers.trip("411602", home, day, 30));
        Workers.assign(authority, first, Workers.submit(enterprise, Workers.request(ORIGIN, day, 0, 2)));
        Api.as(authority).body(Map.of("reason", "no driver")).put(TRIPS + "/" + third + "/cancellation").then()
                .statusCode(200);

        ExtractableResponse<Response> page = Api.as(authority).queryParam("limit", 3).get(TRIPS).then().statusCode(200)
                .body("items", hasSize(3)).body("next_cursor", notNullValue()).extract();
        Api.as(authority).queryParam("limit", 3).queryParam("cursor", page.<String>path("next_cursor")).get(TRIPS).then()
                .body("items", hasSize(1)).body("next_cursor", nullValue());
        Api.as(authority).queryParam("travel_date", day.toString()).get(TRIPS).then().body("items", hasSize(3));
        Api.as(authority).queryParam("origin_region", "4116").get(TRIPS).then().body("items", hasSize(2));
        Api.as(authority).queryParam("status", "cancelled").get(TRIPS).then().body("items", hasSize(1))
                .body("items[0].id", equalTo(third));
        Api.as(authority).queryParam("destination_region", "330106").get(TRIPS).then().body("items", hasSize(0));
        // The enterprise sees its own trip and the one carrying its request.
        Api.as(Api.enterprise(enterprise)).get(TRIPS).then().body("items", hasSize(2))
                .body("items.destination_region", everyItem(equalTo(home)));
        Api.as(Api.enterprise(UUID.randomUUID())).get(TRIPS).then().body("items", hasSize(0));
        Api.as(TestJwt.authority("42")).queryParam("limit", 100).get(TRIPS).then()
                .body("items.destination_region", everyItem(org.hamcrest.Matchers.not(equalTo(home))));
        problem(Api.as(authority).queryParam("status", "GONE").get(TRIPS).then(), 400).body("errors[0].field", equalTo("status"));
        problem(Api.as(authority).queryParam("destination_region", "3").get(TRIPS).then(), 400)
                .body("errors[0].field", equalTo("destination_region"));
        problem(Api.as(authority).queryParam("limit", 0).get(TRIPS).then(), 400).body("errors[0].field", equalTo("limit"));
        problem(Api.as(authority).queryParam("cursor", "x").get(TRIPS).then(), 400).body("errors[0].field", equalTo("cursor"));
    }
}
