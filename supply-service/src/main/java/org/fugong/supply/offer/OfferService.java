package org.fugong.supply.offer;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.fugong.platform.idempotency.Created;
import org.fugong.platform.idempotency.IdempotencyKeys;
import org.fugong.platform.idempotency.IdempotentResponse;
import org.fugong.platform.ids.UuidV7;
import org.fugong.platform.paging.Page;
import org.fugong.platform.paging.ScopedFilter;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Caller;
import org.fugong.supply.SupplyAccess;
import org.fugong.supply.allocation.ItemLocks;
import org.fugong.supply.allocation.MatchingService;
import org.fugong.supply.catalogue.SupplyItem;
import org.fugong.supply.config.SupplyConfig;
import org.fugong.supply.offer.api.Certificate;
import org.fugong.supply.offer.api.NewOffer;
import org.fugong.supply.offer.api.OfferView;
import org.fugong.supply.organisation.Organisation;
import org.fugong.supply.tx.RetryTransientFailures;

@ApplicationScoped
public class OfferService {

    @Inject
    OfferEvents events;

    @Inject
    MatchingService matching;

    @Inject
    ItemLocks itemLocks;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    SupplyConfig config;

    @Inject
    SupplyAccess access;

    @RetryTransientFailures
    @Transactional
    public IdempotentResponse publish(Caller caller, NewOffer body, String idempotencyKey) {
        UUID supplierId = access.offeringSupplier(caller);
        return idempotency.run(idempotencyKey, caller.subject() + " POST /api/v1/supply-offers", body, () -> {
            Organisation supplier = Organisation.findById(supplierId);
            if (supplier == null) {
                throw ProblemException.conflict("Your organisation is not known to supply yet; register it first");
            }
            if (!supplier.isActive()) {
                throw ProblemException.conflict("Your organisation is " + supplier.status + " and cannot offer supply");
            }
            SupplyItem item = SupplyItem.findById(body.itemCode());
            if (item == null) {
                throw ProblemException.invalid("item_code", "is not in the catalogue");
            }
            LocalDate today = LocalDate.now(config.zone());
            checkCertificate(item, body.certificate(), today);
            if (body.expiryDate() != null && body.expiryDate().isBefore(today)) {
                throw ProblemException.invalid("expiry_date", "is in the past");
            }
            itemLocks.lock(List.of(item.code)); // supply's lock order, though the new row is ours alone
            SupplyOffer o = new SupplyOffer();
            o.id = UuidV7.next();
            o.supplierId = supplier.id;
            o.itemCode = item.code;
            o.quantity = body.quantity();
            o.originRegion = body.originRegion() != null ? body.originRegion() : supplier.regionCode;
            if (body.certificate() != null) {
                o.certificateStandard = body.certificate().standard().strip();
                o.certificateNumber = body.certificate().number().strip();
                o.certificateValidUntil = body.certificate().validUntil();
            }
            o.lot = body.lot();
            o.expiryDate = body.expiryDate();
            o.status = OfferStatus.OPEN;
            o.createdAt = Instant.now();
            o.updatedAt = o.createdAt;
            o.persistAndFlush();
            events.published(o);
            matching.match(List.of(o.itemCode));
            return new Created<>(URI.create("/api/v1/supply-offers/" + o.id), view(o), null);
        });
    }

    private static void checkCertificate(SupplyItem item, Certificate certificate, LocalDate today) {
        if (item.requiredStandard == null) {
            return;
        }
        if (certificate == null) {
            // Accepted and shown, never allocated: a supplier may announce stock while its certificate
            // is still in (emergency) approval; authorities see it, the engine passes it over.
            return;
        }
        if (!CertificateRule.sameStandard(item.requiredStandard, certificate.standard())) {
            throw ProblemException.invalid("certificate.standard", "must be " + item.requiredStandard);
        }
        if (certificate.validUntil().isBefore(today)) {
            throw ProblemException.invalid("certificate.valid_until", "has passed");
        }
    }

    /** The offer as callers see it, with whether it is certified for its item today. */
    public OfferView view(SupplyOffer o) {
        SupplyItem item = SupplyItem.findById(o.itemCode);
        return OfferView.of(o, item.requiredStandard, LocalDate.now(config.zone()));
    }

    public SupplyOffer visible(Caller caller, UUID id) {
        SupplyOffer o = SupplyOffer.findById(id);
        if (o == null || !access.canSee(caller, o)) {
            throw ProblemException.notFound("Supply offer " + id);
        }
        return o;
    }

    public Page<OfferView> list(Caller caller, String item, String cursor, int limit) {
        ScopedFilter where = access.offersVisibleTo(caller, cursor).equal("itemCode", item);
        List<SupplyOffer> rows = SupplyOffer.<SupplyOffer>find(where.query(), where.params()).range(0, limit).list();
        Map<String, String> standards = new HashMap<>();
        if (!rows.isEmpty()) {
            SupplyItem.<SupplyItem>list("code in ?1", rows.stream().map(o -> o.itemCode).distinct().toList())
                    .forEach(i -> standards.put(i.code, i.requiredStandard));
        }
        LocalDate today = LocalDate.now(config.zone());
        return Page.of(rows, limit, o -> OfferView.of(o, standards.get(o.itemCode), today), o -> o.id.toString());
    }

    /** The supplier takes back what is not yet allocated; allocations already made stand. */
    @RetryTransientFailures
    @Transactional
    public SupplyOffer withdraw(Caller caller, UUID id) {
        SupplyOffer o = lockedInLockOrder(id);
        if (o == null || !access.canSee(caller, o)) {
            throw ProblemException.notFound("Supply offer " + id);
        }
        access.requireSupplierOf(caller, o);
        if (o.withdraw()) {
            SupplyOffer.flush();
            events.withdrawn(o);
        }
        return o;
    }

    /**
     * An offer locked in supply's lock order — its item, then its row — and loaded only then, so it
     * shows whatever changed while we waited; null if there is none.
     */
    private SupplyOffer lockedInLockOrder(UUID id) {
        String item = SupplyOffer.itemCodeOf(id);
        if (item == null) {
            return null;
        }
        itemLocks.lock(List.of(item));
        return SupplyOffer.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
