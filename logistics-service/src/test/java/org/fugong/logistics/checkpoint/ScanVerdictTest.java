package org.fugong.logistics.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.fugong.logistics.checkpoint.ScanVerdict.KnownPass;
import org.fugong.logistics.code.PassClaims;
import org.fugong.logistics.code.PassCodeVerifier.Outcome;
import org.fugong.logistics.code.PassCodeVerifier.Result;
import org.fugong.logistics.pass.PassStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every result of a scan, and which wins when several apply. */
class ScanVerdictTest {

    static final String PLATE = "浙A12345";
    static final List<String> ROUTE = List.of("330106", "420000", "420102");
    static final PassClaims CLAIMS = new PassClaims("330106000001", PLATE, ROUTE, Instant.EPOCH,
            Instant.EPOCH.plusSeconds(86400));
    static final KnownPass APPROVED = new KnownPass(PassStatus.APPROVED, PLATE);
    static final KnownPass REVOKED = new KnownPass(PassStatus.REVOKED, PLATE);
    static final String ON_ROUTE = "421181"; // Macheng, Huanggang: in Hubei
    static final String OFF_ROUTE = "410102"; // Zhongyuan, Zhengzhou: Henan is not on the route

    static Result verified(Outcome outcome) {
        return new Result(outcome, outcome == Outcome.FORGED ? null : CLAIMS);
    }

    @Test
    void aGoodCodeOfAnApprovedPassOnItsVehicleAndRouteIsValid() {
        assertThat(ScanVerdict.decide(verified(Outcome.VALID), APPROVED, PLATE, ON_ROUTE)).isEqualTo(ScanResult.VALID);
    }

    @Test
    void aBadSignatureIsForgedWhateverElse() {
        assertThat(ScanVerdict.decide(verified(Outcome.FORGED), null, "鄂A00000", OFF_ROUTE)).isEqualTo(ScanResult.FORGED);
        assertThat(ScanVerdict.decide(verified(Outcome.FORGED), APPROVED, PLATE, ON_ROUTE)).isEqualTo(ScanResult.FORGED);
    }

    @Test
    void aValidlySignedCodeOfNoKnownPassIsUnknownBeforeItsDatesVehicleOrRoute() {
        assertThat(ScanVerdict.decide(verified(Outcome.VALID), null, PLATE, ON_ROUTE)).isEqualTo(ScanResult.UNKNOWN);
        assertThat(ScanVerdict.decide(verified(Outcome.EXPIRED), null, "鄂A00000", OFF_ROUTE)).isEqualTo(ScanResult.UNKNOWN);
    }

    @Test
    void aRevokedPassIsRevokedEvenWhenAlsoExpiredOnTheWrongVehicleAndOffRoute() {
        assertThat(ScanVerdict.decide(verified(Outcome.VALID), REVOKED, PLATE, ON_ROUTE)).isEqualTo(ScanResult.REVOKED);
        assertThat(ScanVerdict.decide(verified(Outcome.EXPIRED), REVOKED, "鄂A00000", OFF_ROUTE)).isEqualTo(ScanResult.REVOKED);
        assertThat(ScanVerdict.decide(verified(Outcome.NOT_YET_VALID), REVOKED, PLATE, ON_ROUTE)).isEqualTo(ScanResult.REVOKED);
    }

    @Test
    void aPassSentBackToReviewDoesNotLetTheVehicleThrough() {
        assertThat(ScanVerdict.decide(verified(Outcome.VALID), new KnownPass(PassStatus.PENDING_REVIEW, PLATE), PLATE,
                ON_ROUTE)).isEqualTo(ScanResult.REVOKED);
    }

    @Test
    void anExpiredCodeIsExpiredBeforeTheVehicleAndTheRoute() {
        assertThat(ScanVerdict.decide(verified(Outcome.EXPIRED), APPROVED, PLATE, ON_ROUTE)).isEqualTo(ScanResult.EXPIRED);
        assertThat(ScanVerdict.decide(verified(Outcome.EXPIRED), APPROVED, "鄂A00000", OFF_ROUTE)).isEqualTo(ScanResult.EXPIRED);
    }

    @Test
    void aPassTheSweepMarkedExpiredIsExpiredNotRevokedWhateverTheClockSays() {
        KnownPass expired = new KnownPass(PassStatus.EXPIRED, PLATE);
        assertThat(ScanVerdict.decide(verified(Outcome.EXPIRED), expired, PLATE, ON_ROUTE)).isEqualTo(ScanResult.EXPIRED);
        assertThat(ScanVerdict.decide(verified(Outcome.VALID), expired, PLATE, ON_ROUTE)).isEqualTo(ScanResult.EXPIRED);
        assertThat(ScanVerdict.decide(verified(Outcome.FORGED), expired, PLATE, ON_ROUTE)).isEqualTo(ScanResult.FORGED);
        assertThat(ScanVerdict.decide(verified(Outcome.VALID), new KnownPass(PassStatus.REFUSED, PLATE), PLATE,
                ON_ROUTE)).isEqualTo(ScanResult.REVOKED);
    }

    @Test
    void aCodeNotYetValidIsSoBeforeTheVehicleAndTheRoute() {
        assertThat(ScanVerdict.decide(verified(Outcome.NOT_YET_VALID), APPROVED, PLATE, ON_ROUTE))
                .isEqualTo(ScanResult.NOT_YET_VALID);
        assertThat(ScanVerdict.decide(verified(Outcome.NOT_YET_VALID), APPROVED, "鄂A00000", OFF_ROUTE))
                .isEqualTo(ScanResult.NOT_YET_VALID);
    }

    @Test
    void anotherPlateIsTheWrongVehicleBeforeTheRoute() {
        assertThat(ScanVerdict.decide(verified(Outcome.VALID), APPROVED, "浙A12346", ON_ROUTE))
                .isEqualTo(ScanResult.WRONG_VEHICLE);
        assertThat(ScanVerdict.decide(verified(Outcome.VALID), APPROVED, "浙A12346", OFF_ROUTE))
                .isEqualTo(ScanResult.WRONG_VEHICLE);
    }

    @Test
    void aCheckpointInACountyTheRouteDoesNotCoverIsOffRoute() {
        assertThat(ScanVerdict.decide(verified(Outcome.VALID), APPROVED, PLATE, OFF_ROUTE)).isEqualTo(ScanResult.OFF_ROUTE);
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            "420000, 421181, true", // a province covers its counties
            "420000, 410102, false",
            "420100, 420102, true", // a prefecture its own
            "420100, 420202, false",
            "420102, 420102, true", // a county itself
            "420102, 420103, false",
            "420102, 420100, false", // a county does not cover its prefecture
            "110000, 110105, true",
            "110000, 120101, false" })
    void aRouteEntryCoversTheCountiesUnderItsSignificantPrefix(String entry, String county, boolean covered) {
        assertThat(ScanVerdict.routeCovers(List.of(entry), county)).isEqualTo(covered);
    }

    @Test
    void anyEntryOfTheRouteCovers() {
        assertThat(ScanVerdict.routeCovers(ROUTE, "330106")).isTrue();
        assertThat(ScanVerdict.routeCovers(ROUTE, "330108")).isFalse();
        assertThat(ScanVerdict.routeCovers(ROUTE, "429004")).isTrue();
    }

    @ParameterizedTest(name = "{0} °C: health check {1}")
    @CsvSource({ "36.6, false", "37.2, false", "37.29, false", "37.3, true", "37.30, true", "39.0, true" })
    void aTemperatureOf373OrMoreCallsForAHealthCheck(String celsius, boolean required) {
        assertThat(ScanVerdict.healthCheckRequired(new BigDecimal(celsius))).isEqualTo(required);
    }

    @Test
    void noTemperatureTakenNoHealthCheck() {
        assertThat(ScanVerdict.healthCheckRequired(null)).isFalse();
    }
}
