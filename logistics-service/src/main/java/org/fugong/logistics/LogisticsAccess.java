package org.fugong.logistics;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.fugong.logistics.checkpoint.Checkpoint;
import org.fugong.logistics.pass.GreenPass;
import org.fugong.logistics.shipment.Shipment;
import org.fugong.logistics.worker.CharterTrip;
import org.fugong.logistics.worker.WorkerTransportRequest;
import org.fugong.platform.paging.ScopedFilter;
import org.fugong.platform.paging.ScopedFilter.Scope;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;

/**
 * Who may see and act on logistics' objects, for one object and for lists alike. Administrators
 * see everything. A pass is its enterprise's, and an authority's whose scope covers either end of
 * its route; only an authority covering its origin (or an administrator) decides one under review,
 * and any authority who sees it (one covering either end) revokes one.
 * A shipment is its supplier's and its receiver's, and an authority's whose scope covers either
 * end; the supplier assigns its vehicle and reports the pick-up, the receiver signs for it.
 * The driver is shown to the enterprise (the supplier) and administrators only. A worker transport request is its
 * enterprise's and an authority's covering either end; a charter trip likewise, and also the
 * enterprises' whose requests ride on it; a trip is run (assignments, dispatch, arrival,
 * cancellation) by an authority covering its destination or the enterprise that planned it.
 * Objects outside the caller's view are answered 404 by the services, so ids cannot be probed.
 */
@ApplicationScoped
public class LogisticsAccess {

    public boolean canSee(Caller caller, GreenPass p) {
        return caller.isAdmin() || caller.actsFor(p.enterpriseId) || isAuthorityOver(caller, p.origin)
                || isAuthorityOver(caller, p.destination);
    }

    /** Driver data in full: the applying enterprise and administrators; everyone else sees it masked. */
    public boolean seesDriver(Caller caller, GreenPass p) {
        return caller.isAdmin() || caller.actsFor(p.enterpriseId);
    }

    /** An authority covering only the destination sees the pass but does not decide it: 403. */
    public void requireReviewerOf(Caller caller, GreenPass p) {
        if (!caller.isAdmin() && !isAuthorityOver(caller, p.origin)) {
            throw ProblemException.forbidden("Only an authority whose scope covers the origin " + p.origin
                    + " decides this pass");
        }
    }

    /** The enterprise a pass is applied for: the caller's own organisation, never one named in the body. */
    public UUID applyingEnterprise(Caller caller) {
        return caller.orgId().orElseThrow(
                () -> ProblemException.forbidden("Passes are applied for by an enterprise's own people (a token with org_id)"));
    }

    public ScopedFilter passesVisibleTo(Caller caller, String cursor) {
        return ScopedFilter.forCaller(caller,
                new Scope("origin like :region or destination like :region", "enterpriseId = :own"), cursor);
    }

    /**
     * A checkpoint is seen by administrators, by authorities whose scope covers its county and by its
     * officers (CHECKPOINT people whose scope covers it); its figures likewise.
     */
    public boolean canSee(Caller caller, Checkpoint c) {
        return caller.isAdmin() || isAuthorityOver(caller, c.countyCode) || isOfficerAt(caller, c.countyCode);
    }

    /** A scan is made by an officer of the checkpoint: a CHECKPOINT caller whose scope covers its county. */
    public boolean isOfficerAt(Caller caller, Checkpoint c) {
        return isOfficerAt(caller, c.countyCode);
    }

    /**
     * The JPQL condition (with its parameters added to {@code params}) limiting checkpoints to those
     * the caller sees: all for administrators, those in the scope for authorities and officers,
     * none for a caller without a scope.
     */
    public String checkpointsVisibleTo(Caller caller, java.util.Map<String, Object> params) {
        if (caller.isAdmin()) {
            return "1 = 1";
        }
        if ((caller.hasRole(Role.AUTHORITY) || caller.hasRole(Role.CHECKPOINT)) && caller.regionScope().isPresent()) {
            params.put("region", org.fugong.platform.security.RegionScope.prefixOf(caller.regionScope().get()) + "%");
            return "countyCode like :region";
        }
        return "1 = 0";
    }

    /** A worker transport request is asked for by an enterprise's own people, for their organisation. */
    public UUID requestingEnterprise(Caller caller) {
        return caller.orgId().orElseThrow(() -> ProblemException.forbidden(
                "Worker transport is requested by an enterprise's own people (a token with org_id)"));
    }

    public boolean canSee(Caller caller, WorkerTransportRequest r) {
        return caller.isAdmin() || caller.actsFor(r.enterpriseId) || isAuthorityOver(caller, r.origin)
                || isAuthorityOver(caller, r.destination);
    }

    /** Passengers' names, ID numbers and phones in full: the enterprise and administrators; masked for the rest. */
    public boolean seesManifest(Caller caller, WorkerTransportRequest r) {
        return caller.isAdmin() || caller.actsFor(r.enterpriseId);
    }

    public ScopedFilter requestsVisibleTo(Caller caller, String cursor) {
        return ScopedFilter.forCaller(caller,
                new Scope("origin like :region or destination like :region", "enterpriseId = :own"), cursor);
    }

    /**
     * An authority plans trips into its scope; an enterprise (whose county the caller cannot choose:
     * it is the read model's) plans trips for its own requests, so only into its own county.
     */
    public void requirePlannerOf(Caller caller, String destination, String enterpriseCounty) {
        if (caller.hasRole(Role.AUTHORITY)) {
            if (!caller.covers(destination)) {
                throw ProblemException.forbidden("Only an authority whose scope covers the destination " + destination
                        + " plans trips to it");
            }
        } else if (!destination.equals(enterpriseCounty)) {
            throw ProblemException.forbidden("An enterprise plans trips to its own county " + enterpriseCounty
                    + " only");
        }
    }

    /**
     * @param carriesCallersRequest whether one of the caller's organisation's requests rides on the trip
     */
    public boolean canSee(Caller caller, CharterTrip t, boolean carriesCallersRequest) {
        return runs(caller, t) || isAuthorityOver(caller, t.origin) || carriesCallersRequest;
    }

    /** Whether the caller runs the trip: assigns requests to it, dispatches it, marks it arrived, cancels it. */
    public boolean runs(Caller caller, CharterTrip t) {
        return caller.isAdmin() || isAuthorityOver(caller, t.destination) || caller.actsFor(t.enterpriseId);
    }

    /** Those who see a trip without running it (an authority of the origin, an enterprise riding on it): 403. */
    public void requireRunnerOf(Caller caller, CharterTrip t) {
        if (!runs(caller, t)) {
            throw ProblemException.forbidden("Only an authority whose scope covers the destination " + t.destination
                    + (t.enterpriseId == null ? "" : " or the enterprise that planned it") + " runs this trip");
        }
    }

    /** Every enterprise's passenger count: administrators and authorities; an enterprise sees only its own. */
    public boolean seesEveryEnterpriseOn(Caller caller, CharterTrip t) {
        return caller.isAdmin() || isAuthorityOver(caller, t.origin) || isAuthorityOver(caller, t.destination);
    }

    public ScopedFilter tripsVisibleTo(Caller caller, String cursor) {
        return ScopedFilter.forCaller(caller, new Scope("origin like :region or destination like :region",
                "enterpriseId = :own or id in (select r.tripId from WorkerTransportRequest r where r.enterpriseId = :own)"),
                cursor);
    }

    /**
     * A shipment is its supplier's and its receiver's (the people of either organisation), and an
     * authority's whose scope covers its origin or its destination; administrators see all.
     */
    public boolean canSee(Caller caller, Shipment s) {
        return caller.isAdmin() || caller.actsFor(s.supplierId) || caller.actsFor(s.receiverId)
                || isAuthorityOver(caller, s.originRegion) || isAuthorityOver(caller, s.destinationRegion);
    }

    /** The shipment's driver in full: its supplier (whose vehicle it is) and administrators; masked for everyone else. */
    public boolean seesDriver(Caller caller, Shipment s) {
        return caller.isAdmin() || caller.actsFor(s.supplierId);
    }

    /** Vehicle, driver and pick-up are the supplier's: an enterprise acting for it. Others who see the shipment: 403. */
    public void requireSupplierOf(Caller caller, Shipment s) {
        if (!(caller.hasRole(Role.ENTERPRISE) && caller.actsFor(s.supplierId))) {
            throw ProblemException.forbidden("Only the supplier assigns the vehicle and reports the pick-up");
        }
    }

    /**
     * The proof of delivery is the receiving institution's: a health institution or enterprise
     * acting for the receiver. A shipment of an authority's request has no receiving organisation;
     * an authority covering its destination signs for it then. Others who see it: 403.
     */
    public void requireReceiverOf(Caller caller, Shipment s) {
        boolean receiver = s.receiverId != null
                ? (caller.hasRole(Role.HEALTH_INSTITUTION) || caller.hasRole(Role.ENTERPRISE)) && caller.actsFor(s.receiverId)
                : isAuthorityOver(caller, s.destinationRegion);
        if (!receiver) {
            throw ProblemException.forbidden(s.receiverId != null ? "Only the receiving institution records the delivery"
                    : "Only an authority covering the destination " + s.destinationRegion + " records this delivery");
        }
    }

    public ScopedFilter shipmentsVisibleTo(Caller caller, String cursor) {
        return ScopedFilter.forCaller(caller, new Scope("originRegion like :region or destinationRegion like :region",
                "supplierId = :own or receiverId = :own"), cursor);
    }

    private static boolean isOfficerAt(Caller caller, String county) {
        return caller.hasRole(Role.CHECKPOINT) && caller.covers(county);
    }

    private static boolean isAuthorityOver(Caller caller, String regionCode) {
        return caller.hasRole(Role.AUTHORITY) && caller.covers(regionCode);
    }
}
