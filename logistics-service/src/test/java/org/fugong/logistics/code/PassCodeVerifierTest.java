package org.fugong.logistics.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import org.fugong.logistics.code.PassCodeVerifier.Outcome;
import org.junit.jupiter.api.Test;

/** The offline verifier: nothing but a key set and a clock. */
class PassCodeVerifierTest {

    static final Instant FROM = Instant.parse("2020-02-24T16:00:00Z");
    static final Instant UNTIL = Instant.parse("2020-03-09T16:00:00Z");
    static final PassClaims CLAIMS = new PassClaims("330106000001", "浙A12345", List.of("330106", "420000", "420102"),
            FROM, UNTIL);
    static final KeyPair KEY = EcKeys.generate();
    static final Clock DURING = Clock.fixed(Instant.parse("2020-03-01T00:00:00Z"), ZoneOffset.UTC);

    static String sign(PassClaims claims, KeyPair key) {
        return PassSigner.sign(claims, EcKeys.keyId((ECPublicKey) key.getPublic()), key.getPrivate());
    }

    static String jwks(KeyPair current, KeyPair... previous) {
        return PassKeys.jwks((ECPublicKey) current.getPublic(),
                java.util.Arrays.stream(previous).map(k -> (ECPublicKey) k.getPublic()).toList());
    }

    @Test
    void aCodeSignedWithAPublishedKeyIsValidWithinItsWindowAndTellsWhatItHolds() {
        PassCodeVerifier.Result result = new PassCodeVerifier(jwks(KEY), DURING).verify(sign(CLAIMS, KEY));
        assertThat(result.outcome()).isEqualTo(Outcome.VALID);
        assertThat(result.claims()).isEqualTo(CLAIMS);
    }

    @Test
    void aTamperedPayloadIsForged() {
        String code = sign(CLAIMS, KEY);
        String[] parts = code.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("浙A12345", "浙A99999");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(new PassCodeVerifier(jwks(KEY), DURING).verify(tampered).outcome()).isEqualTo(Outcome.FORGED);
        assertThat(new PassCodeVerifier(jwks(KEY), DURING).verify(tampered).claims()).isNull();
    }

    @Test
    void aTamperedSignatureIsForged() {
        String code = sign(CLAIMS, KEY);
        char last = code.charAt(code.length() - 10);
        String tampered = code.substring(0, code.length() - 10) + (last == 'A' ? 'B' : 'A') + code.substring(code.length() - 9);
        assertThat(new PassCodeVerifier(jwks(KEY), DURING).verify(tampered).outcome()).isEqualTo(Outcome.FORGED);
    }

    @Test
    void aCodeSignedWithAKeyNotInTheSetIsForgedEvenUnderAPublishedKeyId() {
        KeyPair forger = EcKeys.generate();
        assertThat(new PassCodeVerifier(jwks(KEY), DURING).verify(sign(CLAIMS, forger)).outcome())
                .as("its own key id, not published").isEqualTo(Outcome.FORGED);
        String underOurKeyId = PassSigner.sign(CLAIMS, EcKeys.keyId((ECPublicKey) KEY.getPublic()), forger.getPrivate());
        assertThat(new PassCodeVerifier(jwks(KEY), DURING).verify(underOurKeyId).outcome())
                .as("our key id, the forger's signature").isEqualTo(Outcome.FORGED);
    }

    @Test
    void anUnsignedCodeAndGarbageAreForged() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String payload = sign(CLAIMS, KEY).split("\\.")[1];
        PassCodeVerifier verifier = new PassCodeVerifier(jwks(KEY), DURING);
        assertThat(verifier.verify(header + "." + payload + ".").outcome()).isEqualTo(Outcome.FORGED);
        assertThat(verifier.verify("not a code").outcome()).isEqualTo(Outcome.FORGED);
        assertThat(verifier.verify("").outcome()).isEqualTo(Outcome.FORGED);
    }

    @Test
    void aCodeIsExpiredFromTheFirstInstantAfterItsWindowAndNotYetValidBeforeIt() {
        String code = sign(CLAIMS, KEY);
        assertThat(new PassCodeVerifier(jwks(KEY), Clock.fixed(UNTIL, ZoneOffset.UTC)).verify(code).outcome())
                .isEqualTo(Outcome.EXPIRED);
        assertThat(new PassCodeVerifier(jwks(KEY), Clock.fixed(UNTIL.minusSeconds(1), ZoneOffset.UTC)).verify(code)
                .outcome()).isEqualTo(Outcome.VALID);
        assertThat(new PassCodeVerifier(jwks(KEY), Clock.fixed(FROM.minusSeconds(1), ZoneOffset.UTC)).verify(code)
                .outcome()).isEqualTo(Outcome.NOT_YET_VALID);
        assertThat(new PassCodeVerifier(jwks(KEY), Clock.fixed(FROM, ZoneOffset.UTC)).verify(code).outcome())
                .isEqualTo(Outcome.VALID);
    }

    @Test
    void afterARotationCodesOfThePreviousKeyVerifyWhileItIsPublishedAndNotAfter() {
        KeyPair old = KEY;
        KeyPair rotated = EcKeys.generate();
        String oldCode = sign(CLAIMS, old);
        String newCode = sign(CLAIMS, rotated);
        PassCodeVerifier afterRotation = new PassCodeVerifier(jwks(rotated, old), DURING);
        assertThat(afterRotation.verify(oldCode).outcome()).isEqualTo(Outcome.VALID);
        assertThat(afterRotation.verify(newCode).outcome()).isEqualTo(Outcome.VALID);
        PassCodeVerifier oldKeyDropped = new PassCodeVerifier(jwks(rotated), DURING);
        assertThat(oldKeyDropped.verify(oldCode).outcome()).isEqualTo(Outcome.FORGED);
        assertThat(oldKeyDropped.verify(newCode).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void theHeaderHoldsOnlyTheAlgorithmAndTheKeyId() {
        String header = new String(Base64.getUrlDecoder().decode(sign(CLAIMS, KEY).split("\\.")[0]),
                StandardCharsets.UTF_8);
        assertThat(header).isEqualTo("{\"alg\":\"ES256\",\"kid\":\"" + EcKeys.keyId((ECPublicKey) KEY.getPublic()) + "\"}");
    }
}
