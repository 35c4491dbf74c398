package org.fugong.finance.application.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.finance.application.ApplicationStatus;
import org.fugong.finance.application.LenderStatus;
import org.fugong.finance.application.Product;

import com.fasterxml.jackson.annotation.JsonFormat;

@Schema(name = "ReviewQueueItem", description = "An application awaiting the lender's answer, with why it stands where it does")
public record QueueItem(UUID applicationId, UUID applicantOrgId, String applicantName, Product product,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "800000.00") BigDecimal amount,
        int termMonths, int daysOfCashLeft, ApplicationStatus applicationStatus, LenderStatus lenderStatus,
        @Schema(description = "While the application is ON_HOLD: why") String holdReason, Instant submittedAt,
        PriorityView priority) {
}
