package org.fugong.logistics.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.fugong.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class GreenPassTransitionsTest {

    static GreenPass pending() {
        GreenPass p = new GreenPass();
        p.status = PassStatus.PENDING_REVIEW;
        return p;
    }

    @Test
    void aPassUnderReviewIsApprovedOrRefusedOnceWithWhoAndWhy() {
        Instant now = Instant.parse("2020-02-25T03:00:00Z");
        GreenPass approved = pending();
        approved.approve("official-1", "checked", now);
        assertThat(approved.status).isEqualTo(PassStatus.APPROVED);
        assertThat(approved.decidedBy).isEqualTo("official-1");
        assertThat(approved.decisionReason).isEqualTo("checked");
        assertThat(approved.decidedAt).isEqualTo(now);
        assertThatThrownBy(() -> approved.refuse("official-2", "no", now)).isInstanceOf(ProblemException.class)
                .matches(e -> ((ProblemException) e).problem().status() == 409);
        assertThat(approved.status).isEqualTo(PassStatus.APPROVED);

        GreenPass refused = pending();
        refused.refuse("official-1", "no manifest", now);
        assertThat(refused.status).isEqualTo(PassStatus.REFUSED);
        assertThatThrownBy(() -> refused.approve("official-1", "after all", now)).isInstanceOf(ProblemException.class);
    }

    @Test
    void onlyAnApprovedPassCarriesACodeAndOnlyOne() {
        GreenPass p = pending();
        assertThatThrownBy(() -> p.carryCode("a.b.c", "kid")).isInstanceOf(IllegalStateException.class);
        p.approve("official", "ok", Instant.now());
        p.carryCode("a.b.c", "kid");
        assertThat(p.code).isEqualTo("a.b.c");
        assertThatThrownBy(() -> p.carryCode("d.e.f", "kid")).isInstanceOf(IllegalStateException.class);
        assertThat(p.code).isEqualTo("a.b.c");
    }
}
