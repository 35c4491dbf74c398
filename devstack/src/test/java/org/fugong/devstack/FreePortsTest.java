package org.fugong.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void portsAreBindableDifferentAndBelowTheEphemeralRangeWhereOutgoingConnectionsCannotTakeThem() throws Exception {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.next();
            assertThat(port).isBetween(FreePorts.FIRST, FreePorts.ephemeralRangeStart() - 1);
            try (ServerSocket bound = new ServerSocket(port)) {
                assertThat(bound.getLocalPort()).isEqualTo(port);
            }
            ports.add(port);
        }
        assertThat(ports).hasSize(50);
    }

    @Test
    void aPortInUseIsNotHandedOut() throws Exception {
        int first = FreePorts.next();
        try (ServerSocket taken = new ServerSocket(first + 1)) {
            // the next candidate in turn is first + 1 (unless the range wrapped): it must be skipped
            assertThat(FreePorts.next()).isNotEqualTo(taken.getLocalPort());
        }
    }
}
