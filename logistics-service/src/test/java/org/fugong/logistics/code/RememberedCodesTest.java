package org.fugong.logistics.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fugong.logistics.code.PassCodeVerifierTest.CLAIMS;
import static org.fugong.logistics.code.PassCodeVerifierTest.KEY;
import static org.fugong.logistics.code.PassCodeVerifierTest.jwks;
import static org.fugong.logistics.code.PassCodeVerifierTest.sign;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.fugong.logistics.code.PassCodeVerifier.Outcome;
import org.junit.jupiter.api.Test;

/** Remembering verified codes changes how often a signature is checked, never a scan's outcome. */
class RememberedCodesTest {

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aRememberedCodeIsStillJudgedByTheClockOnEveryScan() {
        MovingClock clock = new MovingClock(PassCodeVerifierTest.DURING.instant());
        RememberedCodes codes = new RememberedCodes(new PassCodeVerifier(jwks(KEY), clock), 10);
        String code = sign(CLAIMS, KEY);

        assertThat(codes.verify(code).outcome()).isEqualTo(Outcome.VALID);
        assertThat(codes.size()).isEqualTo(1);
        clock.now = CLAIMS.validUntil();
        assertThat(codes.verify(code).outcome()).as("remembered, and expired now").isEqualTo(Outcome.EXPIRED);
        clock.now = CLAIMS.validFrom().minusSeconds(1);
        PassCodeVerifier.Result early = codes.verify(code);
        assertThat(early.outcome()).isEqualTo(Outcome.NOT_YET_VALID);
        assertThat(early.claims()).isEqualTo(CLAIMS);
    }

    @Test
    void onlyTheExactStringThatVerifiedIsRememberedSoAnAlteredCodeIsStillForged() {
        RememberedCodes codes = new RememberedCodes(new PassCodeVerifier(jwks(KEY), PassCodeVerifierTest.DURING), 10);
        String code = sign(CLAIMS, KEY);
        assertThat(codes.verify(code).outcome()).isEqualTo(Outcome.VALID);

        String[] parts = code.split("\\.");
        String otherSignature = sign(new PassClaims("330106000002", "浙A12345", CLAIMS.route(), CLAIMS.validFrom(),
                CLAIMS.validUntil()), KEY).split("\\.")[2];
        assertThat(codes.verify(parts[0] + "." + parts[1] + "." + otherSignature).outcome())
                .as("the remembered payload under another code's signature").isEqualTo(Outcome.FORGED);
        assertThat(codes.verify(sign(CLAIMS, EcKeys.generate())).outcome()).as("same claims, another key")
                .isEqualTo(Outcome.FORGED);
        assertThat(codes.size()).as("forged codes are not remembered").isEqualTo(1);
    }

    @Test
    void theLeastRecentlyScannedCodeIsForgottenFirstAndNothingIsRememberedWithNoCapacity() {
        RememberedCodes codes = new RememberedCodes(new PassCodeVerifier(jwks(KEY), PassCodeVerifierTest.DURING), 2);
        List<String> three = List.of("330106000011", "330106000012", "330106000013").stream()
                .map(n -> sign(new PassClaims(n, "浙A12345", CLAIMS.route(), CLAIMS.validFrom(), CLAIMS.validUntil()), KEY))
                .toList();
        codes.verify(three.get(0));
        codes.verify(three.get(1));
        codes.verify(three.get(0));
        codes.verify(three.get(2));
        assertThat(codes.size()).isEqualTo(2);
        assertThat(codes.remembers(three.get(1))).as("scanned least recently").isFalse();
        assertThat(codes.remembers(three.get(0))).isTrue();
        assertThat(codes.remembers(three.get(2))).isTrue();
        three.forEach(code -> assertThat(codes.verify(code).outcome()).isEqualTo(Outcome.VALID));

        RememberedCodes none = new RememberedCodes(new PassCodeVerifier(jwks(KEY), PassCodeVerifierTest.DURING), 0);
        assertThat(none.verify(three.get(0)).outcome()).isEqualTo(Outcome.VALID);
        assertThat(none.size()).isZero();
        assertThatThrownBy(() -> new RememberedCodes(new PassCodeVerifier(jwks(KEY), PassCodeVerifierTest.DURING), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
