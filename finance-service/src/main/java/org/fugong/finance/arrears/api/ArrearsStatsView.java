package org.fugong.finance.arrears.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

@Schema(name = "ArrearsStats", description = "What is still owed on unsettled claims whose debtor lies in the caller's "
        + "scope, by how long it is overdue, in total and per debtor or per county; keyset-paged groups")
public record ArrearsStatsView(LocalDate asOf, String groupBy, Amounts totals, List<Group> items,
        @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {

    /** Outstanding amounts by days overdue (0–30, 31–90, 91–180, over 180), and how much of it is disputed. */
    @Schema(name = "ArrearsAmounts")
    public record Amounts(long claims,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING) BigDecimal outstanding,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING) BigDecimal disputed,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @JsonProperty("days_0_30") @Schema(type = SchemaType.STRING) BigDecimal days0To30,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @JsonProperty("days_31_90") @Schema(type = SchemaType.STRING) BigDecimal days31To90,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @JsonProperty("days_91_180") @Schema(type = SchemaType.STRING) BigDecimal days91To180,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @JsonProperty("days_over_180") @Schema(type = SchemaType.STRING) BigDecimal daysOver180) {
    }

    /** One debtor's (group_by=debtor) or one county's (group_by=region) amounts. */
    @Schema(name = "ArrearsGroup")
    public record Group(@JsonInclude(JsonInclude.Include.NON_NULL) UUID debtorOrgId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String debtorName,
            @JsonInclude(JsonInclude.Include.NON_NULL) String debtorUscc,
            @JsonInclude(JsonInclude.Include.NON_NULL) String regionCode, Amounts amounts) {
    }
}
