package org.fugong.platform.problem;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** An endpoint like any service's, to test the error mapping every service inherits, once. */
@Path("/test/echo")
public class EchoProbe {

    public enum Colour {
        RED, GREEN
    }

    public record Paint(@NotNull Colour colour, @Size(max = 10) String name) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    public Paint echo(@Valid @NotNull Paint paint) {
        return paint;
    }

    /** Someone forgot its security annotation: with deny-unannotated-endpoints it is closed. */
    @GET
    @Path("/forgotten")
    @Produces(MediaType.TEXT_PLAIN)
    public String forgotten() {
        return "open";
    }
}
