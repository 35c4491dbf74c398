package org.fugong.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

import net.jqwik.api.sessions.JqwikSession;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 17 item 4: requests generated from the gateway's merged OpenAPI document over every
 * operation, each broken one way ({@link FuzzCases}), sent through the gateway with a key of a role
 * the operation allows (so they reach the service's validation, not only the role check). Expected:
 * no 5xx (nor a 429, nor no answer) whatever the input, and a request the API refused changed
 * nothing: the row count of every table of every service's database is the same after it; and a
 * body that is not one well-formed JSON value was never accepted.
 *
 * <p>{@code -Dfuzz.tries} cases (1,000 in {@code ./mvnw verify}; the full run is 10,000, see
 * docs/reliability.md), from seed {@code -Dfuzz.seed}; {@code -Dfuzz.case=n} replays one case.
 * The tally is written to {@code target/reliability/fuzz.md}.
 */
@CrossServiceTest
class ContractFuzzTest {

    private static final Logger LOG = Logger.getLogger(ContractFuzzTest.class.getName());
    static final int TRIES = Integer.getInteger("fuzz.tries", 1_000);
    static final long SEED = Long.getLong("fuzz.seed", 20_200_223L);
    private static final Integer ONLY = Integer.getInteger("fuzz.case");
    /** The test's own parser of what a body is: one JSON value, nothing after it. */
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Duration SETTLE = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;

    ContractFuzzTest(RunningSuite suite) {
        this.gateway = suite.gatewayUrl();
    }

    @Test
    void noInputBreaksAServiceAndNoRefusedRequestChangesState(RunningSuite suite) throws Exception {
        Contract contract = Contract.of(suite);
        Tenant tenant = Tenant.of(suite, "FZ" + SEED % 1000, "42", "420102").withRecords();
        FuzzCases cases = new FuzzCases(contract, pathIds(tenant), SEED);

        List<String> broken = new ArrayList<>();
        List<String> changedState = new ArrayList<>();
        List<String> acceptedMalformed = new ArrayList<>();
        Map<String, Map<String, Integer>> tally = new TreeMap<>();
        Map<String, Integer> perOperation = new TreeMap<>();
        int sent = 0;
        Instant began = Instant.now();
        JqwikSession.start();
        try (RowCounts rows = new RowCounts(suite.database())) {
            Map<String, Long> before = rows.settled(SETTLE);
            int first = ONLY == null ? 0 : ONLY;
            int last = ONLY == null ? TRIES : ONLY + 1;
            for (int n = first; n < last; n++) {
                FuzzCases.Case c = cases.make(n);
                List<String> roles = new ArrayList<>(c.operation().roles());
                String role = roles.get((n / contract.operations().size()) % roles.size());
                int status = send(c, tenant.keys.get(role));
                sent++;
                perOperation.merge(c.operation().name(), 1, Integer::sum);
                tally.computeIfAbsent(c.mutation(), m -> new TreeMap<>()).merge(status / 100 + "xx", 1, Integer::sum);
                if (status >= 500 || status == 429 || status < 0) {
                    broken.add(c.describe() + " as " + role + " → " + (status < 0 ? "no answer" : status));
                } else if (status < 300 && c.mutation().equals("MALFORMED_JSON") && !oneJsonValue(c.body())) {
                    acceptedMalformed.add(c.describe() + " as " + role + " → " + status);
                    before = rows.settled(SETTLE);
                } else if (status >= 400) {
                    List<String> changes = rows.changedIn(c.operation().service(), before);
                    if (!changes.isEmpty()) {
                        changedState.add(c.describe() + " as " + role + " → " + status + " changed " + changes);
                        before = rows.settled(SETTLE);
                    }
                } else if (!c.method().equals("GET")) {
                    // Accepted: its effects (the outbox, other services' consumers) may go on after the answer.
                    before = rows.settled(SETTLE);
                }
            }
        } finally {
            JqwikSession.finish();
        }
        Duration took = Duration.between(began, Instant.now());
        String report = report(sent, took, tally, perOperation, contract.operations().size(), broken, changedState,
                acceptedMalformed);
        Path out = Files.createDirectories(Path.of("target", "reliability")).resolve("fuzz.md");
        Files.writeString(out, report);
        LOG.info(report);

        assertThat(broken).as("answered 5xx, 429 or not at all").isEmpty();
        assertThat(changedState).as("refused, yet the rows changed").isEmpty();
        assertThat(acceptedMalformed).as("a body that is not one well-formed JSON value, accepted").isEmpty();
        if (ONLY == null) {
            assertThat(perOperation).as("every operation fuzzed").hasSize(contract.operations().size());
        }
    }

    /** What a valid path parameter is: the tenant's own records, by collection and by parameter name. */
    private static Map<String, String> pathIds(Tenant tenant) {
        Map<String, String> ids = new LinkedHashMap<>();
        tenant.records.forEach((collection, path) -> ids.put(collection, path.substring(path.lastIndexOf('/') + 1)));
        ids.put("enterprises", tenant.enterpriseId);
        ids.put("enterpriseId", tenant.enterpriseId);
        ids.put("org", tenant.lenderId);
        ids.put("lenders", tenant.lenderId);
        ids.put("regions", tenant.county);
        ids.put("filingId", ids.get("resumption-filings"));
        return ids;
    }

    /** The answer's status; -1 when there was none in time, -2 when the connection closed without one. */
    private int send(FuzzCases.Case c, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + c.target())).timeout(Duration.ofSeconds(30)).header("X-Api-Key", apiKey)
                .header("Accept", "application/json, */*;q=0.1");
        c.headers().forEach(request::header);
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        request.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            return -1;
        } catch (java.io.IOException e) {
            // The connection closed without an answer: as much a failure as a timeout.
            LOG.warning(c.describe() + ": " + e);
            return -2;
        }
    }

    /**
     * Whether the body is one well-formed JSON value and nothing after it. A leading byte order mark
     * is allowed: RFC 8259 lets a parser ignore it, so a service that reads past it is right.
     */
    private static boolean oneJsonValue(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            STRICT.readTree(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }


    private static String report(int sent, Duration took, Map<String, Map<String, Integer>> tally,
            Map<String, Integer> perOperation, int operations, List<String> broken, List<String> changed,
            List<String> acceptedMalformed) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Contract fuzzing: %d requests over %d of %d operations, seed %d, in %.1f s%n%n", sent,
                perOperation.size(), operations, SEED, took.toMillis() / 1000.0));
        out.append("| mutation | 2xx | 3xx | 4xx | 5xx |\n|---|---:|---:|---:|---:|\n");
        tally.forEach((mutation, counts) -> out.append(String.format("| %s | %d | %d | %d | %d |%n", mutation,
                counts.getOrDefault("2xx", 0), counts.getOrDefault("3xx", 0), counts.getOrDefault("4xx", 0),
                counts.getOrDefault("5xx", 0))));
        out.append(String.format("%n5xx, 429 or no answer: %d%nrefused yet state changed: %d%n"
                + "malformed body accepted: %d%n", broken.size(), changed.size(), acceptedMalformed.size()));
        broken.forEach(b -> out.append("- ").append(b).append('\n'));
        changed.forEach(c -> out.append("- ").append(c).append('\n'));
        acceptedMalformed.forEach(m -> out.append("- ").append(m).append('\n'));
        return out.toString();
    }
}
