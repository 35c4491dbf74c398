package org.fugong.supply.offer.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.supply.offer.CertificateRule;
import org.fugong.supply.offer.OfferStatus;
import org.fugong.supply.offer.SupplyOffer;

@Schema(name = "SupplyOffer")
public record OfferView(UUID id, UUID supplierId, String itemCode, long quantity, long allocated, long free,
        String originRegion, Certificate certificate,
        @Schema(description = "Whether the certificate meets the item's standard today: only certified offers are allocated")
        boolean certified,
        String lot, LocalDate expiryDate, OfferStatus status, Instant createdAt, long version) {

    public static OfferView of(SupplyOffer o, String requiredStandard, LocalDate today) {
        Certificate certificate = o.certificateStandard == null ? null
                : new Certificate(o.certificateStandard, o.certificateNumber, o.certificateValidUntil);
        return new OfferView(o.id, o.supplierId, o.itemCode, o.quantity, o.allocated, o.free(), o.originRegion,
                certificate, CertificateRule.satisfied(requiredStandard, o.certificateStandard, o.certificateNumber,
                        o.certificateValidUntil, today),
                o.lot, o.expiryDate, o.status, o.createdAt, o.version);
    }
}
