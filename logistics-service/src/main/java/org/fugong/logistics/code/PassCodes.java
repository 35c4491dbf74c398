package org.fugong.logistics.code;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.fugong.logistics.config.LogisticsConfig;

/** Signs an approved pass's code with the current key. */
@ApplicationScoped
public class PassCodes {

    @Inject
    PassKeys keys;

    @Inject
    LogisticsConfig config;

    /** The signed code; the validity dates become the first and the first-no-longer-valid instants in the zone. */
    public String sign(String number, String plate, List<String> route, LocalDate validFrom, LocalDate validUntil) {
        ZoneId zone = config.zone();
        PassClaims claims = new PassClaims(number, plate, route, validFrom.atStartOfDay(zone).toInstant(),
                validUntil.plusDays(1).atStartOfDay(zone).toInstant());
        return PassSigner.sign(claims, keys.signingKeyId(), keys.signing().getPrivate());
    }

    public String keyId() {
        return keys.signingKeyId();
    }
}
