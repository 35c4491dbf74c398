package org.fugong.finance.receivable.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.finance.receivable.ReceivablePledge;

@Schema(name = "ReceivablePledge", description = "Whether the receivable backs a live financing application, and before which lender")
public record PledgeView(UUID receivableId, boolean pledged, UUID applicationId, UUID lenderOrgId, Instant pledgedAt) {

    public static PledgeView of(UUID receivableId, ReceivablePledge live) {
        return live == null ? new PledgeView(receivableId, false, null, null, null)
                : new PledgeView(receivableId, true, live.applicationId, live.lenderOrgId, live.pledgedAt);
    }
}
