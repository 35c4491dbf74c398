package org.fugong.logistics.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.fugong.logistics.pass.CargoCategory;
import org.fugong.logistics.pass.GreenPass;
import org.fugong.logistics.pass.VehicleType;
import org.fugong.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Shipment's transitions check their own preconditions: the wrong state is a 409, bad figures a 400. */
class ShipmentTransitionsTest {

    static final Instant NOW = Instant.parse("2020-02-25T08:00:00Z");

    static Shipment planned() {
        return Shipment.planned(new Shipment.ConfirmedAllocation(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "MASK_MEDICAL_PROTECTIVE", "PROTECTIVE_GEAR", 60, "420111", "420102"), CargoCategory.MEDICAL_SUPPLIES, NOW);
    }

    static GreenPass pass() {
        GreenPass p = new GreenPass();
        p.id = UUID.randomUUID();
        p.number = "420111000001";
        p.plate = "鄂A12345";
        p.vehicleType = VehicleType.TRUCK;
        return p;
    }

    static Shipment pickedUp() {
        Shipment s = planned();
        s.assignVehicle(pass(), NOW);
        s.pickUp(NOW);
        return s;
    }

    static int status(Throwable e) {
        return ((ProblemException) e).problem().status();
    }

    @Test
    void aPlannedShipmentGetsOneVehicleAndItsPass() {
        Shipment s = planned();
        assertThat(s.status).isEqualTo(ShipmentStatus.PLANNED);
        GreenPass pass = pass();
        s.assignVehicle(pass, NOW);
        assertThat(s.status).isEqualTo(ShipmentStatus.VEHICLE_ASSIGNED);
        assertThat(s.passId).isEqualTo(pass.id);
        assertThat(s.passNumber).isEqualTo("420111000001");
        assertThat(s.plate).isEqualTo("鄂A12345");
        assertThatThrownBy(() -> s.assignVehicle(pass(), NOW)).satisfies(e -> assertThat(status(e)).isEqualTo(409));
        assertThatThrownBy(s::requirePlanned).satisfies(e -> assertThat(status(e)).isEqualTo(409));
    }

    @Test
    void onlyAShipmentWithAVehicleIsPickedUpAndTwiceChangesNothing() {
        assertThatThrownBy(() -> planned().pickUp(NOW)).satisfies(e -> assertThat(status(e)).isEqualTo(409));
        Shipment s = planned();
        s.assignVehicle(pass(), NOW);
        assertThat(s.pickUp(NOW)).isTrue();
        assertThat(s.status).isEqualTo(ShipmentStatus.PICKED_UP);
        assertThat(s.pickedUpAt).isEqualTo(NOW);
        assertThat(s.pickUp(NOW.plusSeconds(60))).isFalse();
        assertThat(s.pickedUpAt).isEqualTo(NOW);
    }

    @Test
    void checkpointsAreTrackedOnTheJourneyAndTheFirstAfterPickUpMakesItInTransit() {
        Shipment s = planned();
        assertThat(s.passCheckpoint(NOW)).as("no vehicle yet").isFalse();
        s.assignVehicle(pass(), NOW);
        assertThat(s.passCheckpoint(NOW)).as("fetching the goods").isTrue();
        assertThat(s.status).isEqualTo(ShipmentStatus.VEHICLE_ASSIGNED);
        s.pickUp(NOW);
        assertThat(s.passCheckpoint(NOW.plusSeconds(3600))).isTrue();
        assertThat(s.status).isEqualTo(ShipmentStatus.IN_TRANSIT);
        assertThat(s.passCheckpoint(NOW.plusSeconds(7200))).isTrue();
        assertThat(s.status).isEqualTo(ShipmentStatus.IN_TRANSIT);
        s.deliver(60, "李娜", "hospital-clerk", NOW.plusSeconds(9000));
        assertThat(s.passCheckpoint(NOW.plusSeconds(10000))).as("delivered: the way back is not this shipment's").isFalse();
    }

    @Test
    void theProofOfDeliveryIsAtMostWhatWasShippedAndOnlyAfterPickUp() {
        Shipment planned = planned();
        assertThatThrownBy(() -> planned.deliver(60, "李娜", "x", NOW)).satisfies(e -> assertThat(status(e)).isEqualTo(409));
        Shipment s = pickedUp();
        assertThatThrownBy(() -> s.deliver(61, "李娜", "x", NOW)).satisfies(e -> {
            assertThat(status(e)).isEqualTo(400);
            assertThat(((ProblemException) e).problem().errors()).anySatisfy(f -> assertThat(f.field()).isEqualTo("received_quantity"));
        });
        assertThat(s.status).isEqualTo(ShipmentStatus.PICKED_UP);
        assertThat(s.deliver(58, "李娜", "x", NOW)).isTrue();
        assertThat(s.status).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(s.receivedQuantity).isEqualTo(58);
        assertThat(s.deliver(58, "李娜", "x", NOW)).as("the same proof again").isFalse();
        assertThatThrownBy(() -> s.deliver(60, "李娜", "x", NOW)).satisfies(e -> assertThat(status(e)).isEqualTo(409));
        Shipment none = pickedUp();
        assertThat(none.deliver(0, "李娜", "x", NOW)).as("all lost on the way").isTrue();
    }

    @Test
    void aShipmentIsCancelledInAnyStateButDelivered() {
        for (Shipment s : new Shipment[] { planned(), pickedUp() }) {
            assertThat(s.cancel("Allocation cancelled", NOW)).isTrue();
            assertThat(s.status).isEqualTo(ShipmentStatus.CANCELLED);
            assertThat(s.cancel("Allocation cancelled", NOW)).isFalse();
            assertThatThrownBy(() -> s.pickUp(NOW)).satisfies(e -> assertThat(status(e)).isEqualTo(409));
        }
        Shipment delivered = pickedUp();
        delivered.deliver(60, "李娜", "x", NOW);
        assertThatThrownBy(() -> delivered.cancel("Allocation cancelled", NOW)).satisfies(e -> assertThat(status(e)).isEqualTo(409));
        assertThat(delivered.status).isEqualTo(ShipmentStatus.DELIVERED);
    }
}
