package org.fugong.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AddressLimiterTest {

    @Test
    void theFailureBudgetRefusesAnAddressUntilItRefills() {
        AddressLimiter limiter = new AddressLimiter(new AddressLimiter.Limits(100, 100, 1, 2, 10));
        assertThat(limiter.admit("a", 0).allowed()).isTrue();
        limiter.failed("a", 0);
        assertThat(limiter.admit("a", 0).allowed()).isTrue();
        limiter.failed("a", 0);
        assertThat(limiter.admit("a", 0).allowed()).isFalse();
        assertThat(limiter.admit("a", 0).retryAfterSeconds()).isEqualTo(1);
        assertThat(limiter.admit("b", 0).allowed()).isTrue();
        assertThat(limiter.admit("a", 1_000).allowed()).isTrue();
    }

    @Test
    void theRequestBudgetRefusesPastTheBurst() {
        AddressLimiter limiter = new AddressLimiter(new AddressLimiter.Limits(1, 3, 0, 0, 10));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.admit("a", 0).allowed()).isTrue();
        }
        assertThat(limiter.admit("a", 0).allowed()).isFalse();
        assertThat(limiter.admit("a", 1_000).allowed()).isTrue();
    }

    @Test
    void rotatingAddressesCannotGrowTheMapPastItsBound() {
        AddressLimiter limiter = new AddressLimiter(new AddressLimiter.Limits(1, 1, 1, 1, 1_000));
        for (int i = 0; i < 50_000; i++) {
            limiter.failed("10." + (i >> 16) + "." + (i >> 8 & 0xff) + "." + (i & 0xff), 0);
        }
        assertThat(limiter.tracked()).isEqualTo(1_000);
    }

    @Test
    void theLeastRecentlySeenAddressIsForgottenFirst() {
        AddressLimiter limiter = new AddressLimiter(new AddressLimiter.Limits(1, 1, 1, 1, 2));
        limiter.failed("busy", 0);
        limiter.failed("old", 0);
        limiter.admit("busy", 0); // seen again: now the most recent
        limiter.failed("new", 0); // evicts "old", keeps the exhausted "busy"
        assertThat(limiter.admit("busy", 0).allowed()).isFalse();
    }

    @Test
    void clientAddressesComeFromTrustedProxiesOnly() {
        ClientAddress addresses = new ClientAddress(List.of("10.0.0.0/8", "fd00::/8"));
        assertThat(addresses.resolve("203.0.113.5", "1.2.3.4")).isEqualTo("203.0.113.5");
        assertThat(addresses.resolve("10.1.2.3", "1.2.3.4")).isEqualTo("1.2.3.4");
        assertThat(addresses.resolve("10.1.2.3", "6.6.6.6, 1.2.3.4, 10.9.9.9")).isEqualTo("1.2.3.4");
        assertThat(addresses.resolve("fd12::1", "2001:db8::7")).isEqualTo("2001:db8::7");
        assertThat(addresses.resolve("10.1.2.3", "evil.example, 1.2.3.4")).isEqualTo("1.2.3.4");
        assertThat(addresses.resolve("10.1.2.3", "not-an-address")).isEqualTo("10.1.2.3");
        assertThat(addresses.resolve("10.1.2.3", null)).isEqualTo("10.1.2.3");
        assertThat(new ClientAddress(List.of()).resolve("10.1.2.3", "1.2.3.4")).isEqualTo("10.1.2.3");
        // Some proxies write a port with the address.
        assertThat(addresses.resolve("10.1.2.3", "1.2.3.4:41234")).isEqualTo("1.2.3.4");
        assertThat(addresses.resolve("10.1.2.3", "[2001:db8::7]:443")).isEqualTo("2001:db8::7");
    }

    @Test
    void ipv6AddressesShareTheirSlash64() {
        assertThat(ClientAddress.limitKey("2001:db8:1:2::1")).isEqualTo(ClientAddress.limitKey("2001:db8:1:2:ffff::9"))
                .isNotEqualTo(ClientAddress.limitKey("2001:db8:1:3::1"));
        assertThat(ClientAddress.limitKey("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.limitKey("::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
    }
}
