package org.fugong.logistics.shipment;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.fugong.logistics.LogisticsAccess;
import org.fugong.logistics.checkpoint.ValidScan;
import org.fugong.logistics.pass.CargoCategory;
import org.fugong.logistics.pass.GreenPass;
import org.fugong.logistics.pass.PassService;
import org.fugong.logistics.pass.Revocations;
import org.fugong.logistics.pass.api.NewPass;
import org.fugong.logistics.region.Region;
import org.fugong.logistics.shipment.api.DeliveryProof;
import org.fugong.logistics.shipment.api.ShipmentView;
import org.fugong.logistics.shipment.api.VehicleAssignment;
import org.fugong.platform.idempotency.Created;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.idempotency.IdempotentResponse;
import org.fugong.platform.paging.Page;
import org.fugong.platform.paging.ScopedFilter;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.jboss.logging.Logger;

/**
 * The life of a shipment: planned from a confirmed allocation, a vehicle and its green pass, pick-up,
 * the checkpoints its pass passes, the proof of delivery, or cancellation with the allocation. The
 * transitions and their preconditions are {@link Shipment}'s; this locks, calls, tracks and publishes.
 */
@ApplicationScoped
public class ShipmentService {

    private static final Logger LOG = Logger.getLogger(ShipmentService.class);

    /** Who revokes the green pass of a shipment cancelled with its allocation. */
    static final String BY_ALLOCATION_CANCELLED = "logistics (allocation cancelled)";
    static final String CANCELLED_WITH_ALLOCATION = "Allocation cancelled";

    @Inject
    ShipmentEvents events;

    @Inject
    PassService passes;

    @Inject
    Revocations revocations;

    @Inject
    LogisticsAccess access;

    @Inject
    IdempotencyKeys idempotency;

    /** A confirmed allocation becomes a PLANNED shipment, once however often supply says so. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void plan(Shipment.ConfirmedAllocation allocation, CargoCategory cargo) {
        if (Shipment.count("allocationId", allocation.allocationId()) > 0) {
            return;
        }
        Instant now = GreenPass.now();
        Shipment s = Shipment.planned(allocation, cargo, now);
        s.persist();
        track(s, TrackingKind.PLANNED, now);
        Shipment.flush();
        events.planned(s);
    }

    /**
     * The allocation was cancelled: so is its shipment, unless delivered (logged, not retried:
     * retrying cannot change it), and its pass, if still good, is revoked — the vehicle no longer
     * carries the channel's cargo.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void allocationCancelled(UUID allocationId) {
        Shipment s = Shipment.<Shipment>find("allocationId", allocationId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        if (s == null) {
            return;
        }
        Instant now = GreenPass.now();
        try {
            if (!s.cancel(CANCELLED_WITH_ALLOCATION, now)) {
                return;
            }
        } catch (ProblemException refused) {
            LOG.warnf("Cancellation of the shipment of allocation %s ignored: %s", allocationId, refused.getMessage());
            return;
        }
        if (s.passId != null) {
            GreenPass pass = GreenPass.findById(s.passId, LockModeType.PESSIMISTIC_WRITE);
            if (pass.isLive()) {
                revocations.revoke(pass, BY_ALLOCATION_CANCELLED, "Shipment cancelled: its allocation was cancelled");
            }
        }
        track(s, TrackingKind.CANCELLED, now);
        Shipment.flush();
        events.cancelled(s);
    }

    public Shipment visible(Caller caller, UUID id) {
        Shipment s = Shipment.findById(id);
        if (s == null || !access.canSee(caller, s)) {
            throw ProblemException.notFound("Shipment " + id);
        }
        return s;
    }

    /** A single shipment with its vehicle and tracking, as the caller may see it. */
    public ShipmentView view(Caller caller, Shipment s) {
        GreenPass pass = s.passId == null ? null : GreenPass.findById(s.passId);
        List<ShipmentTracking> tracking = ShipmentTracking.list("shipmentId = ?1 order by at, id", s.id);
        return ShipmentView.of(s, pass, access.seesDriver(caller, s), tracking);
    }

    /** A page of the caller's shipments; their passes are loaded in one query, not one per shipment. */
    public Page<ShipmentView> list(Caller caller, ShipmentStatus status, UUID allocationId, String cursor, int limit) {
        ScopedFilter where = access.shipmentsVisibleTo(caller, cursor).equal("status", status)
                .equal("allocationId", allocationId);
        List<Shipment> rows = Shipment.<Shipment>find(where.query(), where.params()).range(0, limit).list();
        List<UUID> passIds = rows.stream().map(s -> s.passId).filter(id -> id != null).toList();
        Map<UUID, GreenPass> passesById = passIds.isEmpty() ? Map.of()
                : GreenPass.<GreenPass>list("id in ?1", passIds).stream()
                        .collect(Collectors.toMap(p -> p.id, Function.identity()));
        return Page.of(rows, limit, s -> ShipmentView.of(s, s.passId == null ? null : passesById.get(s.passId),
                access.seesDriver(caller, s), null), s -> s.id.toString());
    }

    /**
     * The supplier names vehicle and driver; a green pass for the shipment's route and cargo is
     * issued by the pass rules (the same checks, decision, number and code as an application), in
     * the supplier's name. Honours Idempotency-Key.
     */
    @Transactional
    public IdempotentResponse assignVehicle(Caller caller, UUID id, VehicleAssignment body, String idempotencyKey) {
        return idempotency.run(idempotencyKey, caller.subject() + " POST /api/v1/shipments/" + id + "/vehicle-assignment",
                body, () -> {
                    Shipment s = lockedVisible(caller, id);
                    access.requireSupplierOf(caller, s);
                    s.requirePlanned();
                    List<String> route = route(s, body.via());
                    NewPass application = new NewPass(body.plate(), body.vehicleType(), body.driver(), s.cargoCategory,
                            s.quantity + " × " + s.itemCode + " (shipment " + s.id + ", allocation " + s.allocationId + ")",
                            route, body.validFrom(), body.validUntil());
                    GreenPass pass = passes.issue(s.supplierId, application, i -> "via[" + (i - 1) + "]");
                    Instant now = GreenPass.now();
                    s.assignVehicle(pass, now);
                    track(s, TrackingKind.VEHICLE_ASSIGNED, now);
                    Shipment.flush();
                    events.vehicleAssigned(s);
                    return new Created<>(URI.create("/api/v1/shipments/" + s.id), view(caller, s),
                            Long.toString(s.version));
                });
    }

    /** The supplier reports the pick-up; reporting it again changes nothing. */
    @Transactional
    public ShipmentView pickUp(Caller caller, UUID id) {
        Shipment s = lockedVisible(caller, id);
        access.requireSupplierOf(caller, s);
        Instant now = GreenPass.now();
        if (s.pickUp(now)) {
            track(s, TrackingKind.PICKED_UP, now);
            Shipment.flush();
            events.pickedUp(s);
        }
        return view(caller, s);
    }

    /** The receiving institution records what arrived; the same proof again changes nothing. */
    @Transactional
    public ShipmentView deliver(Caller caller, UUID id, DeliveryProof body) {
        Shipment s = lockedVisible(caller, id);
        access.requireReceiverOf(caller, s);
        Instant now = GreenPass.now();
        if (s.deliver(body.receivedQuantity(), body.receiverName().strip(), caller.subject(), now)) {
            track(s, TrackingKind.DELIVERED, now);
            Shipment.flush();
            events.delivered(s);
        }
        return view(caller, s);
    }

    /** A checkpoint scanned a pass VALID: if it is a shipment's, the shipment tracks it. In the scan's transaction. */
    void onValidScan(@Observes ValidScan scan) {
        Shipment s = Shipment.<Shipment>find("passId", scan.passId()).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        if (s == null || !s.passCheckpoint(scan.scannedAt())) {
            return;
        }
        ShipmentTracking t = ShipmentTracking.of(s, TrackingKind.CHECKPOINT_PASSED, scan.scannedAt());
        t.checkpointId = scan.checkpointId();
        t.countyCode = scan.countyCode();
        t.scanId = scan.scanId();
        t.persist();
        Shipment.flush();
        events.checkpointPassed(s, scan);
    }

    private Shipment lockedVisible(Caller caller, UUID id) {
        Shipment s = Shipment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null || !access.canSee(caller, s)) {
            throw ProblemException.notFound("Shipment " + id);
        }
        return s;
    }

    /**
     * The pass's route: the shipment's origin, the regions the supplier says the vehicle passes
     * through, its destination. The two ends come from supply, not from the caller, so an end that
     * cannot carry a pass (not a county in logistics' regions) is a conflict, not bad input.
     */
    private static List<String> route(Shipment s, List<String> via) {
        requireCounty(s.originRegion, "origin_region");
        requireCounty(s.destinationRegion, "destination_region");
        List<String> route = new ArrayList<>();
        route.add(s.originRegion);
        if (via != null) {
            route.addAll(via);
        }
        route.add(s.destinationRegion);
        return route;
    }

    private static void requireCounty(String code, String end) {
        Region r = Region.findById(code);
        if (r == null || !r.countyLevel) {
            throw ProblemException.conflict("The shipment's " + end + " " + code + " is not a county; a green pass runs "
                    + "from county to county, so this shipment cannot have one");
        }
    }

    private static void track(Shipment s, TrackingKind kind, Instant at) {
        ShipmentTracking.of(s, kind, at).persist();
    }
}
