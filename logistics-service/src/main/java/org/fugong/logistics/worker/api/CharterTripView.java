package org.fugong.logistics.worker.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.logistics.pass.PassStatus;
import org.fugong.logistics.privacy.Masking;
import org.fugong.logistics.worker.CharterTrip;
import org.fugong.logistics.worker.TripStatus;

/**
 * A charter trip as the API shows it: counts of who is on board, never names. The driver is shown
 * in full to those who run the trip (administrators, authorities covering the destination, the
 * enterprise that planned it) and masked for everyone else.
 */
@Schema(name = "CharterTrip")
public record CharterTripView(UUID id,
        @Schema(description = "The enterprise that planned it for its own requests; absent when an authority did") UUID enterpriseId,
        String plate, int seats,
        @Schema(description = "The most passengers it may carry: the configured share of its seats, rounded down") int maxPassengers,
        @Schema(description = "Seats taken by the assigned requests") int passengers, int requests,
        LocalDate travelDate, String originRegion, String destinationRegion, List<String> via, DriverView driver,
        TripStatus status,
        @Schema(description = "Passengers per enterprise (an enterprise sees only its own line)") List<EnterpriseCount> passengersByEnterprise,
        @Schema(description = "The RETURNING_WORKERS pass applied for at dispatch") UUID passId, String passNumber,
        PassStatus passStatus, Instant dispatchedAt, Instant arrivedAt, Instant cancelledAt, String cancellationReason,
        Instant createdAt, Instant updatedAt, long version) {

    @Schema(name = "CharterTripDriver")
    public record DriverView(String name, String phone, String idNumber, boolean masked) {
    }

    @Schema(name = "CharterTripEnterpriseCount")
    public record EnterpriseCount(UUID enterpriseId, int passengers) {
    }

    /** What a view needs besides the trip: its counts and its pass, loaded for a whole page at once. */
    public record Extras(int requests, List<EnterpriseCount> byEnterprise, String passNumber, PassStatus passStatus) {
    }

    public static CharterTripView of(CharterTrip t, int maxPassengers, Extras extras, boolean showDriver) {
        DriverView driver = showDriver ? new DriverView(t.driverName, t.driverPhone, t.driverIdNumber, false)
                : new DriverView(Masking.name(t.driverName), Masking.phone(t.driverPhone),
                        Masking.idNumber(t.driverIdNumber), true);
        return new CharterTripView(t.id, t.enterpriseId, t.plate, t.seats, maxPassengers, t.passengers,
                extras.requests(), t.travelDate, t.origin, t.destination, t.viaCodes(), driver, t.status,
                extras.byEnterprise(), t.passId, extras.passNumber(), extras.passStatus(), t.dispatchedAt, t.arrivedAt,
                t.cancelledAt, t.cancellationReason, t.createdAt, t.updatedAt, t.version);
    }
}
