package org.fugong.launcher.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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

import org.fugong.platform.standards.Uscc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A constant mix of writes through the gateway at a fixed rate, whatever the answers: an open
 * loop, as users keep coming when a service is down. Each write is sent once (no client retry:
 * what the client was told is what the checker holds the system to) and logged as an {@link Op}.
 * Out of every 20 writes: 5 registrations, 6 offers, 6 requests, 2 confirmations of an
 * allocation made for an earlier acknowledged request and 1 financing application.
 */
final class WriteLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Op.Kind[] MIX = mix();
    /** More in flight than this and the system is not answering: further sends would only measure the client. */
    private static final int MAX_IN_FLIGHT = 2_000;

    private final Fixture fixture;
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
    private final AtomicLong sent = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong skipped = new AtomicLong();
    private long began;

    /**
     * {@code prefix} makes every Idempotency-Key of this load unique to it; {@code usccBase} keeps its
     * registrations' codes apart from other loads' on the same registry.
     */
    WriteLoad(Fixture fixture, String prefix, int usccBase, int rate, Duration timeout) {
        this.fixture = fixture;
        this.prefix = prefix;
        this.usccBase = usccBase;
        this.rate = rate;
        this.timeout = timeout;
    }

    private static Op.Kind[] mix() {
        List<Op.Kind> kinds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            kinds.add(Op.Kind.REGISTRATION);
        }
        for (int i = 0; i < 6; i++) {
            kinds.add(Op.Kind.OFFER);
        }
        for (int i = 0; i < 6; i++) {
            kinds.add(Op.Kind.REQUEST);
        }
        kinds.add(Op.Kind.CONFIRMATION);
        kinds.add(Op.Kind.CONFIRMATION);
        kinds.add(Op.Kind.APPLICATION);
        // interleaved, so that every second of load has each kind
        Op.Kind[] order = new Op.Kind[kinds.size()];
        int[] positions = {0, 4, 8, 12, 16, 1, 5, 9, 13, 17, 2, 6, 10, 14, 18, 3, 7, 11, 15, 19};
        for (int i = 0; i < order.length; i++) {
            order[positions[i]] = kinds.get(i);
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
                case OFFER -> create(number, kind, fixture.maker(), "/api/v1/supply-offers", offer(number));
                case REQUEST -> create(number, kind, fixture.hospital(), "/api/v1/supply-requests", request(number));
                case CONFIRMATION -> confirmNext(number);
                case APPLICATION -> create(number, kind, fixture.maker(), "/api/v1/financing-applications",
                        Fixture.application(fixture.lenderId(), prefix + "-" + number));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not write a request body", e);
        }
    }

    private void create(long number, Op.Kind kind, String apiKey, String path, Map<String, Object> body)
            throws IOException {
        String key = prefix + "-" + number;
        Op op = new Op(number, kind, key, elapsedMillis());
        HttpRequest request = HttpRequest.newBuilder(URI.create(fixture.gatewayUrl() + path)).timeout(timeout)
                .header("X-Api-Key", apiKey).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        send(op, request, answer -> {
            if (kind == Op.Kind.REQUEST && answer != null) {
                acknowledgedRequests.add(answer);
            }
        });
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

    private void send(Op op, HttpRequest request, java.util.function.Consumer<String> onAcknowledged) {
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
                String id = null;
                if (response.statusCode() >= 200 && response.statusCode() < 300) {
                    id = idOf(response.body());
                }
                boolean problem = response.headers().firstValue("Content-Type")
                        .map(type -> type.startsWith("application/problem+json")).orElse(false);
                op.answered(response.statusCode(), id, latency, problem);
                if (id != null) {
                    onAcknowledged.accept(id);
                }
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    private static String idOf(String body) {
        try {
            JsonNode id = JSON.readTree(body).get("id");
            return id == null ? null : id.asText();
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
