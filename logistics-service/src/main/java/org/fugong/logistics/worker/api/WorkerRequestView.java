package org.fugong.logistics.worker.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.logistics.privacy.Masking;
import org.fugong.logistics.worker.Passenger;
import org.fugong.logistics.worker.RequestStatus;
import org.fugong.logistics.worker.WorkerTransportRequest;

/**
 * A worker transport request as the API shows it. The manifest is shown in full to the enterprise
 * and to administrators; everyone else sees it masked ({@link Masking}) with {@code manifest_masked}.
 */
@Schema(name = "WorkerTransportRequest")
public record WorkerRequestView(UUID id, UUID enterpriseId, @Schema(example = "411502") String originRegion,
        @Schema(description = "The enterprise's county in the registry", example = "330106") String destinationRegion,
        LocalDate travelDate, @Schema(description = "How many people the manifest lists") int passengerCount,
        RequestStatus status, @Schema(description = "The charter trip it rides on, once assigned") UUID tripId,
        Instant assignedAt, List<PassengerView> passengers, boolean manifestMasked, Instant createdAt,
        Instant updatedAt, long version) {

    @Schema(name = "Passenger")
    public record PassengerView(String name, String idNumber, String phone) {
    }

    public static WorkerRequestView of(WorkerTransportRequest r, List<Passenger> manifest, boolean showManifest) {
        List<PassengerView> passengers = manifest.stream()
                .map(p -> showManifest ? new PassengerView(p.name, p.idNumber, p.phone)
                        : new PassengerView(Masking.name(p.name), Masking.idNumber(p.idNumber), Masking.phone(p.phone)))
                .toList();
        return new WorkerRequestView(r.id, r.enterpriseId, r.origin, r.destination, r.travelDate, r.passengers,
                r.status, r.tripId, r.assignedAt, passengers, !showManifest, r.createdAt, r.updatedAt, r.version);
    }
}
