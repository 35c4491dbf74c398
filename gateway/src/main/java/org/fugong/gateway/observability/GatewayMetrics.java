package org.fugong.gateway.observability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Prometheus metrics per route (the collection after /api/v1/): request count and latency
 * histogram by method and status class ({@code fugong_gateway_requests_seconds}), and
 * rate-limit rejections by tier ({@code fugong_gateway_rate_limited_total}). Meters are looked up
 * once per tag combination and then reused.
 */
@Singleton
public class GatewayMetrics {

    @Inject
    MeterRegistry registry;

    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejections = new ConcurrentHashMap<>();

    /** The tags of one timer; a record, so a lookup per request builds no string. */
    private record TimerKey(String route, String service, String method, int statusClass) {
    }

    public void request(String route, String service, String method, int status, long nanos) {
        timers.computeIfAbsent(new TimerKey(route, service, method, status / 100), key -> Timer.builder("fugong.gateway.requests")
                .description("Requests through the gateway, by route, method and status class")
                .tags("route", route, "service", service, "method", method, "status", key.statusClass() + "xx")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public void rateLimited(String route, String tier) {
        rejections.computeIfAbsent(route + '|' + tier, k -> Counter.builder("fugong.gateway.rate.limited")
                .description("Requests refused with 429, by route and client tier")
                .tags("route", route, "tier", tier).register(registry)).increment();
    }
}
