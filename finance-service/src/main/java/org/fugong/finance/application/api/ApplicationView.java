package org.fugong.finance.application.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.finance.application.ApplicationStatus;
import org.fugong.finance.application.FinancingApplication;
import org.fugong.finance.application.Product;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * An application as one viewer may see it: the applicant and administrators see every lender's part
 * (the applicant only approved offers); a lender sees only its own part — never another lender's
 * offer, nor which lender won unless it did — and the loan only if it is the lender.
 */
@Schema(name = "FinancingApplication")
public record ApplicationView(UUID id, UUID applicantOrgId, Product product,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "800000.00") BigDecimal amount,
        int termMonths, String purpose, int daysOfCashLeft, ApplicationStatus status,
        @Schema(description = "While ON_HOLD: the status it returns to on the applicant's reinstatement") ApplicationStatus heldFrom,
        @Schema(description = "While ON_HOLD: why, from the registry") String holdReason,
        @Schema(description = "The eligibility rule that admitted it", example = "SME") String eligibilityRule,
        @Schema(description = "A working-capital loan to a key enterprise under the 2020 special relending") boolean specialRelending,
        String withdrawalReason, UUID acceptedLenderOrgId, Instant acceptedAt, List<UUID> receivableIds,
        PriorityView priority, LoanView loan, List<LenderView> lenders, Instant createdAt, Instant updatedAt, long version) {

    /** Who is looking: the applicant, one lender, or an administrator. */
    public record Viewer(Kind kind, UUID orgId) {
        public enum Kind {
            APPLICANT, LENDER, ADMIN
        }

        public static Viewer admin() {
            return new Viewer(Kind.ADMIN, null);
        }
    }

    public static ApplicationView of(FinancingApplication a, Viewer viewer, List<UUID> receivableIds, PriorityView priority) {
        List<LenderView> lenders = switch (viewer.kind()) {
            case ADMIN -> a.lenders.stream().map(LenderView::full).toList();
            case APPLICANT -> a.lenders.stream().map(LenderView::forApplicant).toList();
            case LENDER -> a.lender(viewer.orgId()).map(LenderView::full).stream().toList();
        };
        boolean winnerShown = viewer.kind() != Viewer.Kind.LENDER || viewer.orgId().equals(a.acceptedLenderOrgId);
        return new ApplicationView(a.id, a.applicantOrgId, a.product, Money.cents(a.amount), a.termMonths, a.purpose,
                a.daysOfCashLeft, a.status, a.heldFrom, a.holdReason, a.eligibilityRule, a.isSpecialRelending(),
                a.withdrawalReason, winnerShown ? a.acceptedLenderOrgId : null, winnerShown ? a.acceptedAt : null,
                receivableIds, priority, winnerShown ? LoanView.of(a) : null, lenders, a.createdAt, a.updatedAt, a.version);
    }
}
