package org.fugong.finance.application;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fugong.finance.application.api.QueueItem;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.security.Caller;
import org.fugong.platform.security.Role;

@Path("/api/v1/lenders")
@Tag(name = "Lenders", description = "What awaits a lender's answer")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewQueueResource {

    @Inject
    ReviewQueue queue;

    @Inject
    Caller caller;

    @GET
    @Path("/{org}/review-queue")
    @RolesAllowed({ Role.ADMIN, Role.LENDER })
    @Operation(summary = "A lender's review queue", description = "Applications awaiting the lender's answer, highest "
            + "priority first, each with its score and every factor's points (tier ESSENTIAL, medical-supply maker, key "
            + "enterprise, micro size, days of cash left, Hubei; weights in configuration). Keyset pages over (score, id). "
            + "The lender's own people and admins; 404 for another lender's.")
    public Page<QueueItem> queue(@PathParam("org") UUID org, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return queue.of(caller, org, cursor, Cursor.limit(limit));
    }
}
