package org.fugong.logistics.pass.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.logistics.pass.CargoCategory;
import org.fugong.logistics.pass.GreenPass;
import org.fugong.logistics.pass.PassStatus;
import org.fugong.logistics.pass.VehicleType;
import org.fugong.logistics.privacy.Masking;

/**
 * A green pass as the API shows it. The driver is shown in full to the applying enterprise and to
 * administrators only; everyone else sees it masked ({@link Masking}).
 */
@Schema(name = "GreenPass")
public record PassView(UUID id, @Schema(example = "420102000001") String number, UUID enterpriseId, String plate,
        VehicleType vehicleType, DriverView driver, CargoCategory cargoCategory, String cargoDescription,
        List<String> route, String origin, String destination, LocalDate validFrom, LocalDate validUntil,
        PassStatus status, @Schema(description = "The rule that decided at application") String rule,
        String decisionReason, Instant decidedAt,
        @Schema(description = "The signed code (compact JWS, ES256) once approved; the QR image holds it") String code,
        String keyId, String revocationReason, Instant revokedAt,
        @Schema(description = "When an approved pass went back to review because an end of its route turned HIGH") Instant suspendedAt,
        String suspensionReason, Instant createdAt, Instant updatedAt, long version) {

    @Schema(name = "GreenPassDriver")
    public record DriverView(String name, String phone, String idNumber, boolean masked) {

        /** The pass's driver, in full or masked: the one place driver data is shown, for passes and shipments alike. */
        public static DriverView of(GreenPass p, boolean show) {
            return show ? new DriverView(p.driverName, p.driverPhone, p.driverIdNumber, false)
                    : new DriverView(Masking.name(p.driverName), Masking.phone(p.driverPhone),
                            Masking.idNumber(p.driverIdNumber), true);
        }
    }

    public static PassView of(GreenPass p, boolean showDriver) {
        return new PassView(p.id, p.number, p.enterpriseId, p.plate, p.vehicleType, DriverView.of(p, showDriver),
                p.cargoCategory, p.cargoDescription, p.routeCodes(), p.origin, p.destination, p.validFrom, p.validUntil,
                p.status, p.rule, p.decisionReason, p.decidedAt, p.code, p.codeKeyId, p.revocationReason, p.revokedAt,
                p.suspendedAt, p.suspensionReason, p.createdAt, p.updatedAt, p.version);
    }
}
