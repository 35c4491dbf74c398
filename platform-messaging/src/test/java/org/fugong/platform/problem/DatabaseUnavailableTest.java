package org.fugong.platform.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.fugong.platform.PlatformTest;
import org.fugong.devstack.EmbeddedDatabase;
import org.fugong.testing.SharedInfrastructure;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

/**
 * The real PostgreSQL server paused (SIGSTOP on the postmaster and every backend): requests get
 * a 503 problem with Retry-After within the configured limit instead of waiting, readiness goes
 * DOWN, and both recover without a restart once the server runs again.
 * <p>
 * The server is the one all tests of this JVM share, so the test always resumes it and then
 * waits until readiness is UP again before it ends.
 */
@QuarkusTest
@PlatformTest
class DatabaseUnavailableTest {

    /** The limit is 2 s (fugong.db.timeout-seconds); this bound leaves room for a loaded machine. */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(8);

    /** Today's code waits much longer than this; the client gives up here so the test fails rather than hangs. */
    static final RestAssuredConfig CLIENT = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 20_000));

    @Test
    void aPausedDatabaseAnswers503WithRetryAfterAndReadinessDownUntilItRuns() throws Exception {
        EmbeddedDatabase database = SharedInfrastructure.controllableDatabase().orElse(null);
        Assumptions.assumeTrue(database != null, "FUGONG_DB_URL points at an external database this test cannot pause");
        given().get("/test/database").then().statusCode(200);
        awaitReadiness(200);

        PausedServer paused = PausedServer.pause(database.server());
        try {
            // The first request gets a pooled connection whose query blocks; the second may need a new connection.
            for (int i = 0; i < 2; i++) {
                Instant start = Instant.now();
                Response response = given().config(CLIENT).get("/test/database");
                Duration took = Duration.between(start, Instant.now());
                assertThat(response.statusCode()).as("status while the database is paused").isEqualTo(503);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.jsonPath().getString("type")).isEqualTo("urn:fugong:problem:database-unavailable");
                assertThat(response.jsonPath().getInt("status")).isEqualTo(503);
                assertThat(Integer.parseInt(response.header("Retry-After"))).isPositive();
                assertThat(took).as("time to the 503").isLessThan(ANSWER_WITHIN);
            }

            Instant start = Instant.now();
            Response ready = given().config(CLIENT).get("/q/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.jsonPath().getString("status")).isEqualTo("DOWN");
            assertThat(Duration.between(start, Instant.now())).as("time to readiness DOWN").isLessThan(ANSWER_WITHIN);
        } finally {
            paused.resume();
        }

        awaitReadiness(200);
        given().config(CLIENT).get("/test/database").then().statusCode(200);
    }

    static void awaitReadiness(int status) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (given().config(CLIENT).get("/q/health/ready").statusCode() != status) {
            assertThat(Instant.now()).as("readiness answers " + status + " in time").isBefore(deadline);
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    /** The postmaster and its backends stopped with SIGSTOP; {@link #resume()} continues them all. */
    record PausedServer(ProcessHandle postmaster) {

        static PausedServer pause(ProcessHandle postmaster) throws IOException, InterruptedException {
            PausedServer paused = new PausedServer(postmaster);
            try {
                // The postmaster first, so it starts no backend that the signal to the others would miss.
                signal("STOP", List.of(postmaster));
                signal("STOP", postmaster.descendants().toList());
            } catch (IOException | InterruptedException | RuntimeException e) {
                paused.resume();
                throw e;
            }
            return paused;
        }

        void resume() throws IOException, InterruptedException {
            List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
            all.add(postmaster);
            signal("CONT", all);
        }

        private static void signal(String signal, List<ProcessHandle> processes) throws IOException, InterruptedException {
            if (processes.isEmpty()) {
                return;
            }
            List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
            processes.forEach(p -> command.add(Long.toString(p.pid())));
            Process kill = new ProcessBuilder(command).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        }
    }
}
