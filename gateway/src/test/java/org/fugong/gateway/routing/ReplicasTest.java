package org.fugong.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ReplicasTest {

    final AtomicLong now = new AtomicLong(1_000_000);

    Replica replica(int port) {
        return new Replica("http://10.0.0.1:" + port, "10.0.0.1", port,
                new CircuitBreaker(2, Duration.ofSeconds(5), now::get));
    }

    static List<Integer> ports(Replicas replicas, int calls) {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            Replica chosen = replicas.acquire(Set.of());
            ports.add(chosen == null ? null : chosen.port());
        }
        return ports;
    }

    @Test
    void replicasAreTakenInTurn() {
        Replicas replicas = new Replicas(List.of(replica(1), replica(2), replica(3)));
        assertThat(ports(replicas, 6)).containsExactly(1, 2, 3, 1, 2, 3);
    }

    @Test
    void aReplicaWhoseCircuitOpenedIsSkippedUntilATrialSucceeds() {
        Replica failing = replica(2);
        Replicas replicas = new Replicas(List.of(replica(1), failing));
        failing.breaker().onFailure();
        failing.breaker().onFailure(); // the threshold: open
        assertThat(ports(replicas, 4)).containsExactly(1, 1, 1, 1);
        now.addAndGet(5_000); // the open period is over: one trial call goes to it
        assertThat(ports(replicas, 3)).containsExactly(1, 2, 1);
        failing.breaker().onSuccess();
        assertThat(ports(replicas, 4)).containsExactly(2, 1, 2, 1);
    }

    @Test
    void noReplicaWhenEveryCircuitIsOpenAndTheRetryAfterIsTheSoonest() {
        Replica a = replica(1);
        Replica b = replica(2);
        a.breaker().onFailure();
        a.breaker().onFailure();
        now.addAndGet(3_000);
        b.breaker().onFailure();
        b.breaker().onFailure();
        Replicas replicas = new Replicas(List.of(a, b));
        assertThat(replicas.acquire(Set.of())).isNull();
        assertThat(replicas.retryAfterSeconds()).isEqualTo(2); // a reopens in 2 s, b in 5 s
    }

    @Test
    void aReplicaAlreadyTriedForTheRequestIsNotTakenAgain() {
        Replica a = replica(1);
        Replica b = replica(2);
        Replicas replicas = new Replicas(List.of(a, b));
        assertThat(replicas.acquire(Set.of(a))).isSameAs(b);
        assertThat(replicas.acquire(Set.of(a))).isSameAs(b);
        assertThat(replicas.acquire(Set.of(a, b))).isNull();
    }

    @Test
    void urlsAreCheckedWhenTheGatewayStarts() {
        assertThat(Replica.of(" http://registry-2:8081 ", 5, Duration.ofSeconds(10)).address()).isEqualTo("registry-2:8081");
        assertThat(Replica.of("http://registry", 5, Duration.ofSeconds(10)).port()).isEqualTo(80);
        assertThatThrownBy(() -> Replica.of("registry:8081", 5, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Replicas(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
