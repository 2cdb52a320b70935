package org.vigie.cap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigie.api.AlertEvent;
import org.vigie.api.AlertEvent.Basis;
import org.vigie.api.AlertEvent.Transition;
import org.vigie.api.Quantity;
import org.vigie.api.Threshold;
import org.vigie.api.VigilanceLevel;

/** A LOCAL_STEP (a named local level crossed within the same vigilance level) is a valid CAP Update. */
class LocalStepCapTest {

    @Test
    void aLocalStepIsAValidUpdateNamingTheLocalLevel() throws Exception {
        VigieCapFactory factory = new VigieCapFactory(
                CapSettings.of("vigie@orleans-metropole.fr", "Orléans Métropole — Vigie")
                        .withIdentifierPrefix("vigie-orleans-"));
        Threshold n2 = new Threshold(VigieCapFactoryTest.STATION, Quantity.H, VigilanceLevel.ORANGE, 2.80,
                "caves", Threshold.Kind.LEVEL, 0.10, Duration.ZERO, null, 0, null, "N2 – caves à vider");
        for (Basis basis : Basis.values()) {
            AlertEvent step = new AlertEvent("s-" + basis, VigieCapFactoryTest.STATION, Transition.LOCAL_STEP,
                    VigilanceLevel.ORANGE, VigilanceLevel.ORANGE, basis, Quantity.H, 2.83,
                    VigieCapFactoryTest.CREATED.plus(Duration.ofHours(3)), n2, VigieCapFactoryTest.CREATED,
                    "Niveau local N2 – caves à vider atteint — La Loire à Orléans : …");
            CapAlert cap = factory.create(VigieAlert.of(step, "La Loire à Orléans - Pont Royal", "Orléans")
                    .withStationPosition(VigieCapFactoryTest.ORLEANS).withArea(List.of(VigieCapFactoryTest.RING)));
            assertEquals(CapAlert.MsgType.UPDATE, cap.msgType());
            byte[] xml = new CapWriter().write(cap);
            CapSharedData.validator().validate(xml, cap.identifier());
            assertEquals(cap, new CapReader().read(xml));
            String description = cap.infos().get(0).description();
            assertTrue(description.contains("Niveau local N2 – caves à vider franchi"), description);
            assertTrue(description.contains("niveau local N2 – caves à vider."), description);
        }
    }
}
