package org.fugong.launcher.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.fugong.platform.standards.Uscc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A constant mix of writes through the gateway at a fixed rate, whatever the answers: an open
 * loop, as users keep coming when a service is down. Each write is sent once (no client retry:
 * what the client was told is what the checker holds the system to) and logged as an {@link Op}.
 * Out of every 20 writes: 4 registrations, 2 health reports (one in four of them with a confirmed
 * case, which raises an outbreak alert), 4 offers, 4 requests, 2 confirmations of an allocation made
 * for an earlier acknowledged request, 2 green passes, 1 scan of an earlier acknowledged pass's code
 * at the checkpoint and 1 financing application.
 */
final class WriteLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Op.Kind[] MIX = mix();
    private static final String REPORT = "-report-";
    /** More in flight than this and the system is not answering: further sends would only measure the client. */
    private static final int MAX_IN_FLIGHT = 2_000;

    private final Fixture fixture;
    private final Fixture.Reporter reporter;
    private final String prefix;
    private final int usccBase;
    private final int rate;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "write-load");
        thread.setDaemon(true);
        return thread;
    });
    private final Queue<Op> ops = new ConcurrentLinkedQueue<>();
    private final Queue<String> acknowledgedRequests = new ConcurrentLinkedQueue<>();
    /** An approved pass not scanned yet: its signed code and the plate it was issued for. */
    private record ToScan(String code, String plate) {
    }

    private final Queue<ToScan> passesToScan = new ConcurrentLinkedQueue<>();
    private final AtomicLong reports = new AtomicLong();
    /** The newest day the load reports: yesterday in China when it was made, so that no day is in the future. */
    private final LocalDate lastReportDay = LocalDate.now(CHINA).minusDays(1);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong skipped = new AtomicLong();
    private long began;

    /**
     * {@code prefix} makes every Idempotency-Key of this load unique to it; {@code usccBase} keeps its
     * registrations' codes (and its plates) apart from other loads' on the same suite; the
     * {@code reporter} reports one day after another, back from yesterday, one report per day.
     */
    WriteLoad(Fixture fixture, Fixture.Reporter reporter, String prefix, int usccBase, int rate, Duration timeout) {
        this.fixture = fixture;
        this.reporter = reporter;
        this.prefix = prefix;
        this.usccBase = usccBase;
        this.rate = rate;
        this.timeout = timeout;
    }

    /**
     * Twenty writes in an order that spreads each kind evenly over the cycle (smooth weighted
     * round-robin: each slot goes to the kind furthest behind its share), so every second of load
     * has each kind.
     */
    private static Op.Kind[] mix() {
        Map<Op.Kind, Integer> weights = new java.util.EnumMap<>(Op.Kind.class);
        weights.put(Op.Kind.REGISTRATION, 4);
        weights.put(Op.Kind.HEALTH_REPORT, 2);
        weights.put(Op.Kind.OFFER, 4);
        weights.put(Op.Kind.REQUEST, 4);
        weights.put(Op.Kind.CONFIRMATION, 2);
        weights.put(Op.Kind.PASS, 2);
        weights.put(Op.Kind.SCAN, 1);
        weights.put(Op.Kind.APPLICATION, 1);
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        Map<Op.Kind, Integer> credit = new java.util.EnumMap<>(Op.Kind.class);
        Op.Kind[] order = new Op.Kind[total];
        for (int slot = 0; slot < total; slot++) {
            weights.forEach((kind, weight) -> credit.merge(kind, weight, Integer::sum));
            Op.Kind next = credit.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            credit.merge(next, -total, Integer::sum);
            order[slot] = next;
        }
        return order;
    }

    /** Starts sending; {@link #elapsedMillis()} counts from now. */
    void start() {
        began = System.nanoTime();
        long periodMicros = 1_000_000L / rate;
        ticks.scheduleAtFixedRate(this::sendNext, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    long elapsedMillis() {
        return (System.nanoTime() - began) / 1_000_000;
    }

    /** Stops sending and waits for every answer (each has its timeout); returns the log. */
    List<Op> stop() throws InterruptedException {
        ticks.shutdown();
        ticks.awaitTermination(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + timeout.multipliedBy(3).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50); // answers arrive on the client's threads; nothing to join
        }
        return List.copyOf(ops);
    }

    /** Writes not sent because {@value #MAX_IN_FLIGHT} were already waiting for an answer. */
    long skipped() {
        return skipped.get();
    }

    private void sendNext() {
        long number = sent.getAndIncrement();
        if (inFlight.get() >= MAX_IN_FLIGHT) {
            skipped.incrementAndGet();
            return;
        }
        Op.Kind kind = MIX[(int) (number % MIX.length)];
        try {
            switch (kind) {
                case REGISTRATION -> create(number, kind, fixture.authority(), "/api/v1/enterprises", registration(number));
                case HEALTH_REPORT -> report(number);
                case OFFER -> create(number, kind, fixture.maker(), "/api/v1/supply-offers", offer(number));
                case REQUEST -> create(number, kind, fixture.hospital(), "/api/v1/supply-requests", request(number),
                        answer -> acknowledgedRequests.add(answer.get("id").asText()));
                case CONFIRMATION -> confirmNext(number);
                case PASS -> {
                    String plate = plate(number);
                    create(number, kind, fixture.maker(), "/api/v1/green-passes", Fixture.pass(plate), answer -> {
                        if (answer.hasNonNull("code")) {
                            passesToScan.add(new ToScan(answer.get("code").asText(), plate));
                        }
                    });
                }
                case SCAN -> scanNext(number);
                case APPLICATION -> create(number, kind, fixture.maker(), "/api/v1/financing-applications",
                        Fixture.application(fixture.lenderId(), prefix + "-" + number));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not write a request body", e);
        }
    }

    private void create(long number, Op.Kind kind, String apiKey, String path, Map<String, Object> body)
            throws IOException {
        create(number, kind, apiKey, path, body, answer -> {
        });
    }

    private void create(long number, Op.Kind kind, String apiKey, String path, Map<String, Object> body,
            Consumer<JsonNode> onAcknowledged) throws IOException {
        String key = prefix + "-" + number;
        Op op = new Op(number, kind, key, elapsedMillis());
        HttpRequest request = HttpRequest.newBuilder(URI.create(fixture.gatewayUrl() + path)).timeout(timeout)
                .header("X-Api-Key", apiKey).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        send(op, request, onAcknowledged);
    }

    /**
     * The reporter's next day, back from yesterday: a PUT of the day (it has no Idempotency-Key; a
     * second PUT of a day would correct it, and the load never sends one). Every fourth has a
     * confirmed case: an outbreak alert, once.
     */
    private void report(long number) throws IOException {
        long index = reports.getAndIncrement();
        LocalDate day = lastReportDay.minusDays(index);
        Op op = new Op(number, Op.Kind.HEALTH_REPORT, reportKey(prefix, day), elapsedMillis());
        Map<String, Object> figures = Map.of("confirmed", index % 4 == 0 ? 1 : 0, "suspected", 0, "fever", 1,
                "close_contacts", 0);
        send(op, HttpRequest.newBuilder(URI.create(fixture.gatewayUrl() + "/api/v1/enterprises/" + reporter.id()
                + "/health-reports/" + day)).timeout(timeout).header("X-Api-Key", reporter.key())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(figures))).build(), answer -> {
                });
    }

    /** What stands for a health report's key in the log: the load and the day. */
    static String reportKey(String prefix, LocalDate day) {
        return prefix + REPORT + day;
    }

    /** The day of a health report's key. */
    static LocalDate reportDay(String reportKey) {
        return LocalDate.parse(reportKey.substring(reportKey.lastIndexOf(REPORT) + REPORT.length()));
    }

    /** The officer scans the oldest approved pass not scanned yet, read off the truck it was issued to. */
    private void scanNext(long number) throws IOException {
        ToScan pass = passesToScan.poll();
        if (pass == null) {
            return;
        }
        create(number, Op.Kind.SCAN, fixture.officer(), "/api/v1/checkpoint-scans", Map.of(
                "checkpoint_id", fixture.checkpointId(), "code", pass.code(), "plate_read", pass.plate(),
                "waiting_minutes", (int) (number % 30), "driver_temperature", new java.math.BigDecimal("36.5")));
    }

    /** GA 36-2018: Hubei's 鄂, Wuhan's A and five digits, apart from other loads' by {@code usccBase}. */
    private String plate(long number) {
        return String.format("鄂A%05d", (usccBase + number) % 100_000);
    }

    /**
     * Confirms the allocations of the oldest acknowledged request not yet taken: its allocations are
     * read first (a read, not logged), then each confirmation is a logged write. Nothing when no
     * request is waiting or none of its allocations is proposed.
     */
    private void confirmNext(long number) {
        String requestId = acknowledgedRequests.poll();
        if (requestId == null) {
            return;
        }
        HttpRequest list = HttpRequest.newBuilder(URI.create(fixture.gatewayUrl() + "/api/v1/allocations?request_id="
                + requestId)).timeout(timeout).header("X-Api-Key", fixture.maker()).header("Accept", "application/json")
                .GET().build();
        inFlight.incrementAndGet();
        http.sendAsync(list, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            inFlight.decrementAndGet();
            if (failure != null || response.statusCode() != 200) {
                return; // a read that failed during a fault: this request's allocations go unconfirmed
            }
            try {
                for (JsonNode allocation : JSON.readTree(response.body()).path("items")) {
                    if ("PROPOSED".equals(allocation.path("status").asText())) {
                        String id = allocation.get("id").asText();
                        Op op = new Op(number, Op.Kind.CONFIRMATION, id, elapsedMillis());
                        send(op, HttpRequest.newBuilder(URI.create(fixture.gatewayUrl() + "/api/v1/allocations/" + id
                                + "/confirmation")).timeout(timeout).header("X-Api-Key", fixture.maker())
                                .header("Accept", "application/json").PUT(HttpRequest.BodyPublishers.noBody()).build(),
                                answer -> {
                                });
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("Supply answered its allocations with what is not JSON", e);
            }
        });
    }

    /** {@code onAcknowledged} gets the body of a 2xx answer. */
    private void send(Op op, HttpRequest request, Consumer<JsonNode> onAcknowledged) {
        ops.add(op);
        inFlight.incrementAndGet();
        long start = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            long latency = (System.nanoTime() - start) / 1_000_000;
            try {
                if (failure != null) {
                    op.unanswered(latency);
                    return;
                }
                JsonNode body = null;
                if (response.statusCode() >= 200 && response.statusCode() < 300) {
                    body = json(response.body());
                }
                boolean problem = response.headers().firstValue("Content-Type")
                        .map(type -> type.startsWith("application/problem+json")).orElse(false);
                String id = body == null || !body.hasNonNull("id") ? null : body.get("id").asText();
                op.answered(response.statusCode(), id, latency, problem);
                if (body != null) {
                    onAcknowledged.accept(body);
                }
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private Map<String, Object> registration(long number) {
        return Map.of("kind", "ENTERPRISE", "name", "故障测试企业 " + prefix + "-" + number,
                "uscc", Uscc.withCheckCharacter("91" + fixture.county() + String.format("%09d",
                        100_000_000 + (usccBase + number) * 7_654_321L % 900_000_000)),
                "region_code", fixture.county(), "industry", "PROTECTIVE_GEAR", "ownership", "PRIVATE",
                "employees", 120, "annual_revenue", "20000000.00", "contact", Map.of("name", "张经理", "phone", "13800001111"));
    }

    private Map<String, Object> offer(long number) {
        LocalDate today = LocalDate.now(CHINA);
        return Map.of("item_code", item(number), "quantity", 100, "origin_region", fixture.county(),
                "lot", prefix + "-" + number, "expiry_date", today.plusYears(2).toString(),
                "certificate", Map.of("standard", "GB 19083-2010", "number", "械注准" + fixture.county() + "0001",
                        "valid_until", today.plusYears(1).toString()));
    }

    /** The items in turn, a whole mix cycle each, so that requests meet offers of their item. */
    private String item(long number) {
        return fixture.itemCodes().get((int) (number / MIX.length % fixture.itemCodes().size()));
    }

    private Map<String, Object> request(long number) {
        return Map.of("item_code", item(number), "quantity", 100, "urgency", number % 2 == 0 ? "CRITICAL" : "HIGH",
                "days_of_supply_left", 5);
    }

    @Override
    public void close() {
        ticks.shutdownNow();
    }
}
