package org.fugong.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * Issue 17 item 5, the OWASP API Security Top 10's scope probes, through the gateway with keys of
 * the partner tier (a 429 is a failed probe: it never reached the scope check), every operation
 * taken from the contract ({@link Contract}):
 * <ul>
 * <li>API1 (BOLA): tenant B's keys, every role, try every operation on tenant A's records — read,
 * change, delete — and must get 404 or 403 (405 for a DELETE the contract does not have);</li>
 * <li>API5 (BFLA): every role tries every operation it is not allowed and must get 403;</li>
 * <li>API3 (mass assignment): privileged and derived fields that a request body does not declare
 * ({@code size_class}, {@code priority_tier}, {@code status}, {@code key_enterprise}, pass numbers,
 * scores, ...) added to every writing operation's body are refused with a 400 naming them;</li>
 * <li>API4 (resource consumption): {@code limit=100000}, deep and garbage cursors, a body with a
 * 10^6-element array are refused, quickly;</li>
 * <li>API7 (SSRF): every string input of every writing operation, and every query parameter, is
 * sent a URL of a listener of this test; nothing ever calls it.</li>
 * </ul>
 * No refused probe changes a row in any service's database. The tally is written to
 * {@code target/reliability/probes.md}.
 */
@CrossServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeProbeTest {

    private static final Logger LOG = Logger.getLogger(ScopeProbeTest.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a request body must not set: derived by the service or granted by someone else. */
    static final List<String> PRIVILEGED = List.of("size_class", "priority_tier", "status", "key_enterprise", "number",
            "pass_number", "green_pass_number", "score", "risk_score", "credit_score", "certified", "rule", "id", "org_id",
            "created_at", "version", "approved_by", "decided_by", "allocated", "delivered");
    private static final Pattern URL_LIKE = Pattern.compile("(?i).*(url|uri|link|callback|webhook|href|endpoint|image|"
            + "logo|website|jwks|source|avatar|redirect).*");
    private static final Duration QUICK = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final RunningSuite suite;
    private Contract contract;
    private Tenant owner;
    private Tenant intruder;
    private RowCounts rows;
    private Map<String, Long> before;
    private final Map<String, Map<String, Integer>> tally = new TreeMap<>();
    /** What the SSRF probe checked, for the report. */
    private final List<String> ssrf = new ArrayList<>();
    /** Failed probes by kind: each test asserts its own kinds have none. */
    private final Map<String, List<String>> failed = new TreeMap<>();

    ScopeProbeTest(RunningSuite suite) {
        this.suite = suite;
    }

    @BeforeAll
    void tenants() throws Exception {
        contract = Contract.of(suite);
        owner = Tenant.of(suite, "PA", "42", "420103").withRecords();
        intruder = Tenant.of(suite, "PB", "33", "330106").withRecords();
        rows = new RowCounts(suite.database());
        before = rows.settled(Duration.ofSeconds(20));
    }

    @AfterAll
    void report() throws Exception {
        rows.close();
        StringBuilder out = new StringBuilder("Scope probes through the gateway\n\n| probe | answers |\n|---|---|\n");
        tally.forEach((probe, statuses) -> out.append("| ").append(probe).append(" | ").append(statuses).append(" |\n"));
        ssrf.forEach(line -> out.append("\nSSRF: ").append(line).append('\n'));
        out.append("\nfailed: ").append(failed.values().stream().mapToInt(List::size).sum()).append('\n');
        failed.forEach((kind, list) -> list.forEach(f -> out.append("- ").append(kind).append(": ").append(f).append('\n')));
        Files.writeString(Files.createDirectories(Path.of("target", "reliability")).resolve("probes.md"), out.toString());
        LOG.info(out.toString());
    }

    /** API1: every operation on each of the owner's records, by each of the intruder's roles it admits. */
    @Test
    void noRoleReachesAnotherOwnersRecords() throws Exception {
        List<String> wrong = new ArrayList<>();
        int probes = 0;
        for (Map.Entry<String, String> record : owner.records.entrySet()) {
            for (Contract.Operation operation : contract.operations()) {
                String target = onRecord(operation.path(), record.getValue());
                if (target == null) {
                    continue;
                }
                for (String role : operation.roles()) {
                    if (role.equals("ADMIN") || publicOperation(operation)) {
                        continue; // an administrator has no owner to be kept out of; public reads are everyone's
                    }
                    probes++;
                    Probe answer = send("BOLA", operation, operation.method(), target, validBody(operation), contentType(operation),
                            intruder.keys.get(role));
                    // A 400 is the body refused by validation before any lookup: nothing reached, and no
                    // row changed (send checks); the tally counts them apart from the 403/404s.
                    if (answer.status != 404 && answer.status != 403 && answer.status != 400) {
                        wrong.add(role + " of " + intruder.tag + ": " + answer);
                    }
                }
            }
            for (String role : List.of("AUTHORITY", "ENTERPRISE", "HEALTH_INSTITUTION", "LENDER", "CHECKPOINT", "READER")) {
                probes++;
                Probe answer = send("BOLA", recordOperation(record.getValue()), "DELETE", record.getValue(), null, null,
                        intruder.keys.get(role));
                if (answer.status != 404 && answer.status != 403 && answer.status != 405) {
                    wrong.add(role + " of " + intruder.tag + ": " + answer);
                }
            }
        }
        assertThat(probes).as("probes sent").isGreaterThan(owner.records.size() * 6);
        failures("BOLA").addAll(wrong);
        assertThat(failures("BOLA")).as("another owner's records reached (expected 404 or 403)").isEmpty();
    }

    /** API5: every operation, by every role it does not admit, is 403. */
    @Test
    void everyRoleIsRefusedEveryOperationItMayNotUse() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Contract.Operation operation : contract.operations()) {
            for (String role : Contract.ROLES) {
                if (operation.roles().contains(role)) {
                    continue;
                }
                String target = concrete(operation.path(), owner);
                Probe answer = send("BFLA", operation, operation.method(), target, validBody(operation), contentType(operation),
                        owner.keys.get(role));
                if (answer.status != 403) {
                    wrong.add(role + ": " + answer);
                }
            }
        }
        failures("BFLA").addAll(wrong);
        assertThat(failures("BFLA")).as("an operation a role may not use was not refused with 403").isEmpty();
    }

    /** API3: a privileged or derived field the body does not declare, first in the body, is a 400 naming it. */
    @Test
    void privilegedFieldsInBodiesAreRefused() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Contract.Operation operation : contract.operations()) {
            Schema<?> schema = contract.resolve(operation.body());
            if (schema == null || !"object".equals(Contract.type(schema))) {
                continue;
            }
            Set<String> declared = schema.getProperties() == null ? Set.of() : schema.getProperties().keySet();
            String role = ownerRole(operation);
            for (String field : PRIVILEGED) {
                if (declared.contains(field)) {
                    continue;
                }
                ObjectNode body = JSON.createObjectNode();
                body.put(field, field.equals("key_enterprise") || field.equals("certified") ? "true" : "CRITICAL");
                body.setAll((ObjectNode) JSON.readTree(validBody(operation)));
                Probe answer = send("mass assignment", operation, operation.method(), concrete(operation.path(), owner),
                        body.toString().getBytes(StandardCharsets.UTF_8), contentType(operation), owner.keys.get(role));
                if (answer.status != 400 || !answer.body.contains("\"" + field)) {
                    wrong.add(role + " with " + field + ": " + answer);
                }
            }
        }
        failures("mass assignment").addAll(wrong);
        assertThat(failures("mass assignment")).as("a privileged field not refused with a 400 naming it").isEmpty();
    }

    /** API4: huge pages, deep or garbage cursors and 10^6-element arrays are refused, and quickly. */
    @Test
    void oversizedPagesCursorsAndArraysAreRefused() throws Exception {
        List<String> wrong = new ArrayList<>();
        String codeKeyCursor = java.util.Base64.getUrlEncoder().encodeToString(("k:" + "9".repeat(40))
                .getBytes(StandardCharsets.UTF_8));
        List<String> cursors = List.of("x".repeat(3_000), "AAAAAAAAAAAAAAAA", "%00", "eyJvZmZzZXQiOjk5OTk5OTk5OTl9",
                codeKeyCursor,
                java.util.Base64.getUrlEncoder().encodeToString(UUID.randomUUID().toString().repeat(50)
                        .getBytes(StandardCharsets.UTF_8)));
        byte[] huge = ("{\"items\":[1" + ",1".repeat(999_999) + "]}").getBytes(StandardCharsets.UTF_8);
        for (Contract.Operation operation : contract.operations()) {
            String role = ownerRole(operation);
            String target = concrete(operation.path(), owner);
            if (has(operation, "limit")) {
                for (String limit : List.of("100000", "101", "0", "-1", "2147483648")) {
                    Probe answer = send("limit", operation, "GET", target + "?limit=" + limit, null, null, owner.keys.get(role));
                    if (answer.status != 400 || answer.took.compareTo(QUICK) > 0) {
                        wrong.add("limit=" + limit + " as " + role + ": " + answer);
                    }
                }
            }
            if (has(operation, "cursor")) {
                for (String cursor : cursors) {
                    Probe answer = send("cursor", operation, "GET", target + "?cursor=" + java.net.URLEncoder.encode(cursor,
                            StandardCharsets.UTF_8), null, null, owner.keys.get(role));
                    // Refused (400; 404 on a list below a record that is not there), or, on a list keyed by a
                    // code (regions, catalogue), a well-formed "after this code" read as one index seek:
                    // keyset paging has no depth to be expensive at.
                    boolean refused = answer.status == 400 || answer.status == 404;
                    boolean keysetRead = answer.status == 200 && cursor.equals(codeKeyCursor);
                    if (!(refused || keysetRead) || answer.took.compareTo(QUICK) > 0) {
                        wrong.add("cursor " + cursor.substring(0, Math.min(40, cursor.length())) + " as " + role + ": " + answer);
                    }
                }
            }
            if (operation.hasBody()) {
                Probe answer = send("10^6-element array", operation, operation.method(), target, huge, contentType(operation),
                        owner.keys.get(role));
                if (answer.status != 413 || answer.took.compareTo(QUICK) > 0) {
                    wrong.add("a 10^6-element array as " + role + ": " + answer);
                }
            }
        }
        List<String> all = new ArrayList<>(wrong);
        for (String kind : List.of("limit", "cursor", "10^6-element array")) {
            all.addAll(failures(kind));
        }
        assertThat(all).as("an oversized page, cursor or array not refused within " + QUICK.toSeconds() + " s").isEmpty();
    }

    /**
     * API7: a URL of this test's own listener in every string of every writing operation's body and
     * in every query parameter; the services must never call it. The inputs whose names suggest a
     * URL are listed in the report.
     */
    @Test
    void noInputIsFetchedAsAUrl() throws Exception {
        List<String> fetched = new CopyOnWriteArrayList<>();
        HttpServer canary = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        canary.createContext("/", exchange -> {
            fetched.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        canary.start();
        Set<String> urlLike = new TreeSet<>();
        int inputs = 0;
        try {
            String url = "http://127.0.0.1:" + canary.getAddress().getPort() + "/ssrf-canary";
            for (Contract.Operation operation : contract.operations()) {
                String role = ownerRole(operation);
                String target = concrete(operation.path(), owner);
                List<String> query = new ArrayList<>();
                for (Parameter p : operation.parameters()) {
                    if ("query".equals(p.getIn())) {
                        query.add(p.getName() + "=" + java.net.URLEncoder.encode(url, StandardCharsets.UTF_8));
                        inputs++;
                        if (URL_LIKE.matcher(p.getName()).matches()) {
                            urlLike.add(operation.name() + " ?" + p.getName());
                        }
                    }
                }
                if (!query.isEmpty()) {
                    send("SSRF", operation, operation.method(), target + "?" + String.join("&", query), validBody(operation),
                            contentType(operation), owner.keys.get(role));
                }
                if (operation.hasBody()) {
                    JsonNode body = validBody(operation) == null ? null : JSON.readTree(validBody(operation));
                    if (body != null) {
                        inputs += withUrlInEveryString(body, url, operation.name(), "", urlLike);
                        send("SSRF", operation, operation.method(), target, JSON.writeValueAsBytes(body), contentType(operation),
                                owner.keys.get(role));
                    }
                }
            }
            // A service that fetched in the background would do it within moments of the request.
            Instant deadline = Instant.now().plusSeconds(3);
            while (fetched.isEmpty() && Instant.now().isBefore(deadline)) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        } finally {
            canary.stop(0);
        }
        ssrf.add(inputs + " inputs given the listener's URL; those named like a URL: "
                + (urlLike.isEmpty() ? "none" : String.join(", ", urlLike)));
        assertThat(inputs).as("inputs given the canary URL").isGreaterThan(100);
        failures("SSRF").addAll(fetched.stream().map(f -> "fetched " + f).toList());
        assertThat(failures("SSRF")).as("requests that reached the canary, or probes answered 5xx or 429").isEmpty();
    }

    private int withUrlInEveryString(JsonNode node, String url, String operation, String at, Set<String> urlLike) {
        int count = 0;
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (value.isTextual()) {
                    object.put(name, url);
                    count++;
                    if (URL_LIKE.matcher(name).matches()) {
                        urlLike.add(operation + " " + at + name);
                    }
                } else {
                    count += withUrlInEveryString(value, url, operation, at + name + ".", urlLike);
                }
            }
        } else if (node != null && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isTextual()) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, url);
                    count++;
                } else {
                    count += withUrlInEveryString(node.get(i), url, operation, at, urlLike);
                }
            }
        }
        return count;
    }

    private record Probe(String method, String target, int status, String body, Duration took) {
        @Override
        public String toString() {
            return method + " " + target + " → " + (status < 0 ? "no answer" : status) + " in " + took.toMillis() + " ms "
                    + body.substring(0, Math.min(body.length(), 300));
        }
    }

    /**
     * Sends one probe; a 429 (the limit, not the scope, answered), a 5xx or no answer is a failed
     * probe wherever it happens, and so is a refused probe that changed a row.
     */
    private Probe send(String kind, Contract.Operation operation, String method, String target, byte[] body,
            String contentType, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + target))
                .timeout(Duration.ofSeconds(30)).header("X-Api-Key", apiKey).header("Accept", "application/json, */*;q=0.1")
                .header("If-Match", "*");
        if (body != null) {
            request.header("Content-Type", contentType == null ? "application/json" : contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        Instant sent = Instant.now();
        Probe probe;
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            probe = new Probe(method, target, answer.statusCode(), answer.body(), Duration.between(sent, Instant.now()));
        } catch (java.io.IOException e) {
            probe = new Probe(method, target, -1, String.valueOf(e), Duration.between(sent, Instant.now()));
        }
        tally.computeIfAbsent(kind, k -> new TreeMap<>()).merge(String.valueOf(probe.status), 1, Integer::sum);
        if (probe.status == 429 || probe.status >= 500 || probe.status < 0) {
            failures(kind).add(probe.toString());
        } else if (probe.status >= 400) {
            List<String> changes = rows.changedIn(operation.service(), before);
            if (!changes.isEmpty()) {
                failures(kind).add("refused yet changed " + changes + ": " + probe);
                before = rows.settled(Duration.ofSeconds(20));
            }
        } else if (!method.equals("GET")) {
            before = rows.settled(Duration.ofSeconds(20));
        }
        return probe;
    }

    /** An operation on the record (for the service it belongs to). */
    private Contract.Operation recordOperation(String recordPath) {
        return contract.operations().stream().filter(o -> onRecord(o.path(), recordPath) != null).findFirst()
                .orElseThrow(() -> new IllegalStateException("No operation on " + recordPath));
    }

    private List<String> failures(String kind) {
        return failed.computeIfAbsent(kind, k -> new ArrayList<>());
    }

    /** The operation's path on the record, when the operation is on it or below it; else null. */
    private static String onRecord(String template, String recordPath) {
        String[] parts = template.split("/");
        String[] record = recordPath.split("/");
        if (parts.length < record.length) {
            return null;
        }
        StringBuilder concrete = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (i < record.length) {
                boolean variable = part.startsWith("{");
                if (!variable && !part.equals(record[i])) {
                    return null;
                }
                if (variable && !record[i].matches("[0-9a-fA-F-]{36}|\\d{4}-\\d{2}-\\d{2}")) {
                    return null;
                }
                concrete.append('/').append(record[i]);
            } else if (part.startsWith("{")) {
                return null; // a sub-record of its own (a payment of a claim): not one the owner made here
            } else {
                concrete.append('/').append(part);
            }
        }
        // Only the record's own path and what is below it; /enterprises/{id} must not match a list.
        return template.split("/").length >= record.length && !template.equals("/api/v1/" + record[3]) ? concrete.toString() : null;
    }

    private static boolean publicOperation(Contract.Operation operation) {
        return operation.roles().containsAll(Contract.ROLES);
    }

    private String concrete(String template, Tenant tenant) {
        String collection = template.split("/")[3];
        String path = template;
        String record = tenant.records.get(collection);
        String id = record == null ? UUID.randomUUID().toString() : record.substring(record.lastIndexOf('/') + 1);
        path = path.replace("{enterpriseId}", tenant.enterpriseId).replace("{org}", tenant.lenderId)
                .replace("{date}", LocalDate.now().toString()).replace("{code}", tenant.county);
        return path.replaceFirst("\\{[^}]+}", id).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    /** A role the operation admits, preferring the tenant's own people over the administrator. */
    private static String ownerRole(Contract.Operation operation) {
        for (String role : List.of("ENTERPRISE", "HEALTH_INSTITUTION", "LENDER", "AUTHORITY", "CHECKPOINT", "ADMIN", "READER")) {
            if (operation.roles().contains(role)) {
                return role;
            }
        }
        throw new IllegalStateException(operation.name() + " admits no role");
    }

    /** A body the operation's schema accepts as far as the schema says (a fixed seed: the same every run). */
    private byte[] validBody(Contract.Operation operation) throws Exception {
        if (!operation.hasBody()) {
            return null;
        }
        FuzzCases generator = new FuzzCases(contract, Map.of(), 17);
        JsonNode body = operation.body() == null ? JSON.createObjectNode()
                : generator.instance(operation.body(), new Random(operation.name().hashCode()), 0);
        return JSON.writeValueAsBytes(body);
    }

    private static String contentType(Contract.Operation operation) {
        return operation.hasBody() ? operation.mediaTypes().get(0) : null;
    }

    private static boolean has(Contract.Operation operation, String query) {
        return operation.parameters().stream().anyMatch(p -> "query".equals(p.getIn()) && query.equals(p.getName()));
    }
}
