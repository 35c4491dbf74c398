package org.fugong.finance.application.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.finance.application.LenderReview;
import org.fugong.finance.application.LenderStatus;

/**
 * One lender's part as a viewer may see it. The applicant sees each lender's status (a recommendation
 * awaiting its checker shows as UNDER_REVIEW), approved offers and approved refusals' reasons, and
 * nobody's reviewers; a lender sees its own part in full, the maker's and the checker's names
 * included; administrators see all.
 */
@Schema(name = "LenderAnswer", description = "One lender's part in an application")
public record LenderView(UUID lenderOrgId, LenderStatus status,
        @Schema(description = "The approved offer (to the applicant), or the recommended one (to the lender itself)") OfferView offer,
        String refusalReason,
        @Schema(description = "Lender and administrators only: the maker's recommendation awaiting or after approval")
        RecommendationView recommendation,
        String reviewStartedBy, Instant reviewStartedAt, String approvedBy, Instant approvedAt,
        @Schema(description = "Lender and administrators only: why the checker sent the last recommendation back")
        String returnedReason, Instant updatedAt) {

    @Schema(name = "RecommendationState")
    public record RecommendationView(LenderReview.Recommendation decision, String recommendedBy, Instant recommendedAt) {
    }

    /** What the applicant sees. */
    public static LenderView forApplicant(LenderReview l) {
        LenderStatus shown = l.status == LenderStatus.RECOMMENDED ? LenderStatus.UNDER_REVIEW : l.status;
        OfferView offer = l.hasApprovedOffer() ? OfferView.of(l, true) : null;
        String refusal = l.status == LenderStatus.REFUSED ? l.refusalReason : null;
        return new LenderView(l.lenderOrgId, shown, offer, refusal, null, null, null, null, l.hasApprovedOffer()
                ? l.approvedAt : null, null, l.updatedAt);
    }

    /** What the lender's own people and administrators see. */
    public static LenderView full(LenderReview l) {
        OfferView offer = l.recommendation == LenderReview.Recommendation.OFFER ? OfferView.of(l, l.approvedAt != null)
                : null;
        RecommendationView recommendation = l.recommendation == null ? null
                : new RecommendationView(l.recommendation, l.recommendedBy, l.recommendedAt);
        return new LenderView(l.lenderOrgId, l.status, offer, l.refusalReason, recommendation, l.reviewStartedBy,
                l.reviewStartedAt, l.approvedBy, l.approvedAt, l.returnedReason, l.updatedAt);
    }
}
