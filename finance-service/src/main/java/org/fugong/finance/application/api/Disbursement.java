package org.fugong.finance.application.api;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Disbursement", description = "The accepted lender records that it paid the loan out")
public record Disbursement(@Schema(description = "When the money was paid; today (in the finance zone) when absent. "
        + "Not in the future, not before 2020-01-01. Instalment k falls due k months after it.", example = "2020-03-02")
        LocalDate disbursedOn) {
}
