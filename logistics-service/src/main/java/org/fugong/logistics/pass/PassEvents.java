package org.fugong.logistics.pass;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.fugong.platform.outbox.OutboxWriter;

/**
 * What logistics publishes about green passes on {@code logistics.passes}: one type per
 * transition, each carrying the pass's state after it. Never the driver: name, phone and ID number
 * stay in logistics' database.
 */
@ApplicationScoped
public class PassEvents {

    public static final String TOPIC = "logistics.passes";
    public static final String AGGREGATE = "pass";
    /** Applied for and numbered: APPROVED at once by the rule, or PENDING_REVIEW. */
    public static final String ISSUED = "fugong.logistics.pass.issued";
    /** An authority approved a pass under review. */
    public static final String APPROVED = "fugong.logistics.pass.approved";
    /** An authority refused a pass under review. */
    public static final String REFUSED = "fugong.logistics.pass.refused";
    /** Revoked by an authority, or because the registry suspended or deregistered the enterprise. */
    public static final String REVOKED = "fugong.logistics.pass.revoked";
    /** An approved pass went back to review: an end of its route turned HIGH and its cargo does not stand there. */
    public static final String SUSPENDED = "fugong.logistics.pass.suspended";
    /** Its validity ended while approved or under review. */
    public static final String EXPIRED = "fugong.logistics.pass.expired";

    public record State(UUID id, String number, UUID enterpriseId, String plate, VehicleType vehicleType,
            CargoCategory cargoCategory, List<String> route, String origin, String destination, LocalDate validFrom,
            LocalDate validUntil, PassStatus status, String rule, String decisionReason, Instant decidedAt,
            String revocationReason, Instant revokedAt, Instant suspendedAt, String suspensionReason, long version,
            Instant updatedAt) {
        static State of(GreenPass p) {
            return new State(p.id, p.number, p.enterpriseId, p.plate, p.vehicleType, p.cargoCategory, p.routeCodes(),
                    p.origin, p.destination, p.validFrom, p.validUntil, p.status, p.rule, p.decisionReason,
                    p.decidedAt, p.revocationReason, p.revokedAt, p.suspendedAt, p.suspensionReason, p.version,
                    p.updatedAt);
        }
    }

    public record Payload(State pass) {
    }

    @Inject
    OutboxWriter outbox;

    public void issued(GreenPass p) {
        publish(p, ISSUED);
    }

    public void approved(GreenPass p) {
        publish(p, APPROVED);
    }

    public void refused(GreenPass p) {
        publish(p, REFUSED);
    }

    public void revoked(GreenPass p) {
        publish(p, REVOKED);
    }

    /** Passes sent back to review together (one county turned HIGH), in one batch. */
    public void suspended(List<GreenPass> passes) {
        publishAll(passes, SUSPENDED);
    }

    /** Passes whose validity ended, one sweep batch at a time. */
    public void expired(List<GreenPass> passes) {
        publishAll(passes, EXPIRED);
    }

    private void publishAll(List<GreenPass> passes, String type) {
        if (!passes.isEmpty()) {
            outbox.appendAll(passes.stream()
                    .map(p -> new OutboxWriter.Event(TOPIC, AGGREGATE, p.id.toString(), type, new Payload(State.of(p))))
                    .toList());
        }
    }

    private void publish(GreenPass p, String type) {
        outbox.append(TOPIC, AGGREGATE, p.id.toString(), type, new Payload(State.of(p)));
    }
}
