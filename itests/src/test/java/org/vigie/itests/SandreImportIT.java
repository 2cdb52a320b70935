package org.vigie.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.vigie.api.Health;
import org.vigie.api.Observation;
import org.vigie.api.Quantity;
import org.vigie.api.service.PluginRegistry;
import org.vigie.api.service.SeriesStore;

/**
 * A Sandre XML import configured at run time: observations stored in Vigie's units, a file with an external entity
 * refused without reading the file it points at.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SandreImportIT {

    private static final String STATION = "K435001010";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return VigieDistribution.options(VigieDistribution.freshCopy("sandre"), VigieDistribution.freePort());
    }

    @Test
    public void importsObservationsAndRefusesExternalEntities() throws Exception {
        Path home = Path.of(context.getProperty("vigie.home"));
        Path folder = Files.createDirectories(home.resolve("data/sandre"));
        PluginRegistry registry = VigieDistribution.service(context, PluginRegistry.class);
        SeriesStore store = VigieDistribution.service(context, SeriesStore.class);
        Files.writeString(home.resolve("config/org.vigie.connector.sandre-itest.config"),
                "folder=\"data/sandre\"\npollIntervalMillis=L\"200\"\n");
        Await.until("the Sandre import up", Duration.ofSeconds(20), registry::plugins,
                p -> p.stream().anyMatch(i -> i.id().startsWith("sandre") && i.health().status() == Health.Status.UP));

        drop(folder, "obs.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <hydrometrie xmlns="http://xml.sandre.eaufrance.fr/scenario/hydrometrie/1.1">
                  <Donnees><Series><Serie>
                    <CdStationHydro>K435001010</CdStationHydro><GrdSerie>H</GrdSerie>
                    <ObssHydro>
                      <ObsHydro><DtObsHydro>2024-01-15T10:00:00+01:00</DtObsHydro><ResObsHydro>1250</ResObsHydro>
                        <QualifObsHydro>20</QualifObsHydro></ObsHydro>
                      <ObsHydro><DtObsHydro>2024-01-15T11:00:00+01:00</DtObsHydro><ResObsHydro>1300</ResObsHydro>
                        <QualifObsHydro>20</QualifObsHydro></ObsHydro>
                    </ObssHydro>
                  </Serie></Series></Donnees>
                </hydrometrie>
                """);
        List<Observation> stored = Await.until("the two levels stored", Duration.ofSeconds(20),
                () -> store.read(STATION, Quantity.H, Instant.parse("2024-01-15T00:00:00Z"),
                        Instant.parse("2024-01-16T00:00:00Z")), l -> l.size() == 2);
        assertEquals(Instant.parse("2024-01-15T09:00:00Z"), stored.get(0).time());
        assertEquals("mm converted to m", 1.25, stored.get(0).value(), 1e-12);

        Path secret = Files.writeString(home.resolve("secret.txt"), "4242.0");
        drop(folder, "attack.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE hydrometrie [ <!ENTITY secret SYSTEM "%s"> ]>
                <hydrometrie><Donnees><Series><Serie>
                  <CdStationHydro>K435001010</CdStationHydro><GrdSerie>H</GrdSerie>
                  <ObssHydro><ObsHydro><DtObsHydro>2024-01-16T10:00:00Z</DtObsHydro>
                    <ResObsHydro>&secret;</ResObsHydro></ObsHydro></ObssHydro>
                </Serie></Series></Donnees></hydrometrie>
                """.formatted(secret.toUri()));
        Path rejected = folder.resolve("rejected/attack.xml");
        Await.until("the attack file rejected", Duration.ofSeconds(20), () -> Files.exists(rejected), ok -> ok);
        assertEquals("nothing stored from it", 2, store.count(STATION, Quantity.H));
        try (var reports = Files.list(folder.resolve("rejected"))) {
            for (Path report : reports.filter(p -> p.getFileName().toString().startsWith("attack.xml.")).toList()) {
                String text = Files.readString(report);
                assertFalse("the secret never appears: " + text, text.contains("4242"));
                assertTrue(text, text.toLowerCase(java.util.Locale.ROOT).contains("dtd")
                        || text.toLowerCase(java.util.Locale.ROOT).contains("entit"));
            }
        }
    }

    private static void drop(Path folder, String name, String xml) throws Exception {
        Path partial = folder.resolve(name + ".part");
        Files.writeString(partial, xml, StandardCharsets.UTF_8);
        Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
