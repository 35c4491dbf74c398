package org.fugong.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fugong.gateway.support.ApiKeysForTests;
import org.fugong.gateway.support.GatewayTestResources;
import org.fugong.gateway.support.RawHttp;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * The per-address limits in front of authentication, with tight budgets that barely refill. The
 * test client is 127.0.0.1, made a trusted proxy here, so each test speaks for addresses of its
 * own through X-Forwarded-For.
 */
@QuarkusTest
@GatewayTestResources
@TestProfile(AddressLimitTest.TightLimits.class)
class AddressLimitTest {

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fugong.gateway.trusted-proxies", "127.0.0.1,::1",
                    "fugong.gateway.rate-limit.per-address.rate", "0.001",
                    "fugong.gateway.rate-limit.per-address.burst", "30",
                    "fugong.gateway.rate-limit.per-address.failure-rate", "0.001",
                    "fugong.gateway.rate-limit.per-address.failure-burst", "3");
        }
    }

    @Test
    void failedAuthenticationsUseUpTheAddressBudgetEvenForAGoodKeyAndForAdminAndHealth() {
        String key = ApiKeysForTests.issue("READER", null, null);
        String from = "198.51.100.7";
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", from).header("X-Api-Key", "fg_guess_" + i).get("/api/v1/regions").then()
                    .statusCode(401);
        }
        given().header("X-Forwarded-For", from).header("X-Api-Key", key).get("/api/v1/regions").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("status", equalTo(429));
        given().header("X-Forwarded-For", from).header("X-Api-Key", "fg_guess_again").get("/admin/api-keys").then()
                .statusCode(429);
        given().header("X-Forwarded-For", from).get("/health").then().statusCode(429);
        given().header("X-Forwarded-For", from).get("/openapi").then().statusCode(429);
        // Another address is not affected.
        given().header("X-Forwarded-For", "198.51.100.8").header("X-Api-Key", key).get("/api/v1/regions").then()
                .statusCode(200);
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        for (int i = 1; i <= 3; i++) {
            given().header("X-Forwarded-For", "2001:db8:1:2::" + i).header("X-Api-Key", "fg_guess")
                    .get("/api/v1/regions").then().statusCode(401);
        }
        given().header("X-Forwarded-For", "2001:db8:1:2:ffff:ffff:ffff:ffff").get("/api/v1/regions").then().statusCode(429);
        given().header("X-Forwarded-For", "2001:db8:1:3::1").get("/api/v1/regions").then().statusCode(200);
    }

    @Test
    void everyRequestCountsAgainstTheAddressBeforeAuthentication() {
        String from = "203.0.113.9";
        for (int i = 0; i < 30; i++) {
            given().header("X-Forwarded-For", from).get("/health").then().statusCode(200);
        }
        given().header("X-Forwarded-For", from).get("/health").then().statusCode(429).contentType("application/problem+json");
    }

    @Test
    void everyForwardedForLineCountsNotOnlyTheFirst() {
        // A proxy that adds its own X-Forwarded-For line leaves the client's line first: believing
        // that one would let a client pick a fresh address for every guess.
        for (int i = 0; i < 3; i++) {
            assertThat(RawHttp.send(RestAssured.port, "GET", "/api/v1/regions", "X-Forwarded-For: 192.0.2." + (10 + i),
                    "X-Forwarded-For: 198.51.100.61", "X-Api-Key: fg_guess").status()).isEqualTo(401);
        }
        assertThat(RawHttp.send(RestAssured.port, "GET", "/api/v1/regions", "X-Forwarded-For: 192.0.2.99",
                "X-Forwarded-For: 198.51.100.61").status()).isEqualTo(429);
    }

    @Test
    void aServicesOwn401IsNotAFailedGuess() {
        String key = ApiKeysForTests.issue("READER", null, null);
        for (int i = 0; i < 4; i++) {
            given().header("X-Forwarded-For", "198.51.100.70").header("X-Api-Key", key).get("/api/v1/regions?status=401")
                    .then().statusCode(401);
        }
        given().header("X-Forwarded-For", "198.51.100.70").header("X-Api-Key", key).get("/api/v1/regions").then()
                .statusCode(200);
    }

    @Test
    void guessesSentAtOnceWithSlowBodiesAreCountedBeforeTheNextIsAdmitted() throws Exception {
        // Each request's headers go out first, its body only later: the gateway must answer a bad
        // key from the headers alone, or every one of them would pass the failure budget at once.
        List<Socket> sockets = new ArrayList<>();
        List<Integer> answeredBeforeTheBody = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                Socket socket = new Socket("127.0.0.1", RestAssured.port);
                sockets.add(socket);
                socket.getOutputStream().write(("POST /admin/api-keys HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                        + "X-Forwarded-For: 198.51.100.80\r\nX-Api-Key: fg_guess_" + i + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                answeredBeforeTheBody.add(statusWithin(socket, 3_000));
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        assertThat(answeredBeforeTheBody).containsExactly(401, 401, 401, 429, 429, 429);
    }

    /** The status of the answer on the socket, or -1 when none came within the time. */
    private static int statusWithin(Socket socket, int millis) throws java.io.IOException {
        socket.setSoTimeout(millis);
        byte[] line = new byte[12];
        int read = 0;
        try {
            while (read < line.length) {
                int n = socket.getInputStream().read(line, read, line.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
        } catch (java.net.SocketTimeoutException noAnswerYet) {
            return -1;
        }
        return read < 12 ? -1 : Integer.parseInt(new String(line, 9, 3, StandardCharsets.US_ASCII));
    }

    @Test
    void onlyTheRightMostUntrustedHopCounts() {
        // A client cannot pick its own address by writing X-Forwarded-For: the proxy appends the real one.
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "192.0.2." + i + ", 198.51.100.44").header("X-Api-Key", "fg_guess")
                    .get("/api/v1/regions").then().statusCode(401);
        }
        given().header("X-Forwarded-For", "192.0.2.200, 198.51.100.44").get("/api/v1/regions").then().statusCode(429);
    }
}
