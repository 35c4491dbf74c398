package org.fugong.supply.catalogue;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fugong.platform.http.QueryParams;
import org.fugong.platform.paging.Cursor;
import org.fugong.platform.paging.Page;
import org.fugong.platform.problem.ProblemException;
import org.fugong.platform.security.Role;

@Path("/api/v1/supply-items")
@Tag(name = "Catalogue", description = "What can be offered and requested (public)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN, Role.AUTHORITY, Role.ENTERPRISE, Role.HEALTH_INSTITUTION, Role.LENDER, Role.CHECKPOINT,
        Role.READER })
public class CatalogueResource {

    @Inject
    CatalogueService catalogue;

    @GET
    @Operation(summary = "List supply items", description = "Ordered by code; filter by category.")
    public Page<SupplyItemView> list(@QueryParam("category") String category, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        Category filter = QueryParams.enumValue("category", category, Category.class);
        int size = Cursor.limit(limit);
        String after = Cursor.decode(cursor);
        List<SupplyItem> rows = SupplyItem.<SupplyItem>find(
                "code > ?1" + (filter == null ? "" : " and category = ?2") + " order by code",
                filter == null ? new Object[] { after == null ? "" : after }
                        : new Object[] { after == null ? "" : after, filter })
                .range(0, size).list();
        return Page.of(rows, size, SupplyItemView::of, i -> i.code);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get a supply item")
    public SupplyItemView get(@PathParam("code") String code) {
        SupplyItem item = SupplyItem.findById(code);
        if (item == null) {
            throw ProblemException.notFound("Supply item " + code);
        }
        return SupplyItemView.of(item);
    }

    @POST
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Add a supply item", description = "Administrators only. A GTIN, if given, must pass its check digit.")
    public Response add(@Valid @NotNull NewSupplyItem body) {
        SupplyItem item = catalogue.add(body);
        return Response.created(URI.create("/api/v1/supply-items/" + item.code)).entity(SupplyItemView.of(item)).build();
    }
}
