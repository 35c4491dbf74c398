package org.fugong.logistics.pass;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fugong.platform.problem.ProblemException;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One vehicle, one pass, one route: a green-channel pass and its decision. Its transitions are
 * methods here, except the two that change many passes at once and are therefore single SQL
 * statements whose WHERE clause is the precondition: going back to review when an end of the route
 * turns HIGH ({@link Revocations#suspendThrough}) and expiry ({@link PassExpirySweep}) — a county
 * turning HIGH can catch thousands of passes.
 */
@Entity
@Table(name = "green_pass")
public class GreenPass extends PanacheEntityBase {
    @Id
    public UUID id;
    public String number;
    public UUID enterpriseId;
    public String plate;
    @Enumerated(EnumType.STRING)
    public VehicleType vehicleType;
    public String driverName;
    public String driverPhone;
    public String driverIdNumber;
    @Enumerated(EnumType.STRING)
    public CargoCategory cargoCategory;
    public String cargoDescription;
    /** GB/T 2260 codes, comma-separated, origin first and destination last. */
    public String route;
    public String origin;
    public String destination;
    public LocalDate validFrom;
    public LocalDate validUntil;
    @Enumerated(EnumType.STRING)
    public PassStatus status;
    public String rule;
    public String decidedBy;
    public String decisionReason;
    public Instant decidedAt;
    public String code;
    public String codeKeyId;
    public Instant revokedAt;
    public String revokedBy;
    public String revocationReason;
    /** Its place in the public delta list: taken anew whenever its listing changes (revoked, suspended, approved again). */
    public Long revocationSeq;
    public Instant listedAt;
    /** When an approved pass was sent back to review because an end of its route turned HIGH, and why. */
    public Instant suspendedAt;
    public String suspensionReason;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    /** Now, to the microsecond PostgreSQL keeps: what a write answers equals what a later read shows. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public List<String> routeCodes() {
        return List.of(route.split(","));
    }

    /**
     * An authority approves a pass under review; 409 once it has been decided. A pass that was
     * suspended keeps the code it had: its number, plate, route and validity are the same.
     */
    public void approve(String authority, String reason, Instant now) {
        decide(PassStatus.APPROVED, authority, reason, now);
    }

    /** Listed in the public delta list (revoked or suspended once): a change of its status gets a new entry. */
    public boolean isListed() {
        return revocationSeq != null;
    }

    /** A new entry in the public delta list for this pass, showing its status now. */
    public void relist(LongSupplier nextSeq, Instant now) {
        revocationSeq = nextSeq.getAsLong();
        listedAt = now;
    }

    /** An authority refuses a pass under review; 409 once it has been decided. */
    public void refuse(String authority, String reason, Instant now) {
        decide(PassStatus.REFUSED, authority, reason, now);
    }

    /** The signed code of an approved pass, once: a pass has one code for its life. */
    public void carryCode(String signedCode, String keyId) {
        if (status != PassStatus.APPROVED || code != null) {
            throw new IllegalStateException("only an approved pass without a code gets one");
        }
        code = signedCode;
        codeKeyId = keyId;
    }

    /**
     * Withdraws an approved pass, or one still under review so that it is never approved.
     *
     * @return false when it is revoked already: asking again changes nothing
     * @throws ProblemException 409 for a refused pass, which was never good
     */
    public boolean revoke(String by, String reason, LongSupplier nextSeq, Instant now) {
        if (status == PassStatus.REVOKED) {
            return false;
        }
        if (!isLive()) {
            throw ProblemException.conflict("The pass is " + status + "; only an approved pass or one under review is revoked");
        }
        status = PassStatus.REVOKED;
        revokedBy = by;
        revocationReason = reason;
        relist(nextSeq, now); // taken only once the revocation is certain
        revokedAt = now;
        updatedAt = now;
        return true;
    }

    /** Approved or under review: what a revocation withdraws. */
    public boolean isLive() {
        return status == PassStatus.APPROVED || status == PassStatus.PENDING_REVIEW;
    }

    private void decide(PassStatus outcome, String authority, String reason, Instant now) {
        if (status != PassStatus.PENDING_REVIEW) {
            throw ProblemException.conflict("The pass is " + status + ", not under review");
        }
        status = outcome;
        decidedBy = authority;
        decisionReason = reason;
        decidedAt = now;
        updatedAt = now;
    }
}
