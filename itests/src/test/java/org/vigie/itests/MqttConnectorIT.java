package org.vigie.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.inject.Inject;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
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
 * The MQTT connector against a real Mosquitto broker: a subscription configured at run time stores the sensors'
 * readings in Vigie's units; readings published while the bundle is being updated arrive once it is back (QoS 1,
 * persistent session); the subscription retires with its configuration.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MqttConnectorIT {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
    private static final String STATION = "K437311001";
    private static final String ID = "mqtt:sensors";
    private static final Instant T0 = Instant.parse("2024-06-01T12:00:00Z");
    /** Written by the configuration (test driver) and read by the test (in the framework): their classes differ. */
    private static final String PORT_FILE = "mosquitto/port";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() throws IOException {
        Path home = VigieDistribution.freshCopy("mqtt");
        if (Files.isExecutable(MOSQUITTO)) {
            int brokerPort = VigieDistribution.freePort();
            Path brokerHome = Files.createDirectories(home.resolve("mosquitto"));
            Path conf = Files.writeString(brokerHome.resolve("mosquitto.conf"), "listener " + brokerPort
                    + " 127.0.0.1\nallow_anonymous true\npersistence true\npersistence_location " + brokerHome + "/\n");
            Process broker = new ProcessBuilder(MOSQUITTO.toString(), "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(brokerHome.resolve("mosquitto.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
            Files.writeString(home.resolve(PORT_FILE), String.valueOf(brokerPort));
        }
        return VigieDistribution.options(home, VigieDistribution.freePort());
    }

    @Test
    public void aSubscriptionIsConfiguredAtRunTimeAndLosesNothingAcrossABundleUpdate() throws Exception {
        Path home = Path.of(context.getProperty("vigie.home"));
        assumeTrue("mosquitto not installed: apt-get install mosquitto", Files.exists(home.resolve(PORT_FILE)));
        int brokerPort = Integer.parseInt(Files.readString(home.resolve(PORT_FILE)));
        PluginRegistry registry = VigieDistribution.service(context, PluginRegistry.class);
        SeriesStore store = VigieDistribution.service(context, SeriesStore.class);
        Path config = home.resolve("config/org.vigie.connector.mqtt-sensors.config");
        Files.writeString(config, "brokerUri=\"tcp://127.0.0.1:" + brokerPort + "\"\n"
                + "topicFilter=\"vigie/sensors/+/level\"\nstationTopicLevel=I\"2\"\nquantity=\"H\"\nunit=\"mm\"\n"
                + "valuePointer=\"/value\"\ntimePointer=\"/time\"\n", StandardCharsets.ISO_8859_1);
        Await.until("the subscription up", Duration.ofSeconds(30), registry::plugins,
                p -> p.stream().anyMatch(i -> i.id().equals(ID) && i.health().status() == Health.Status.UP));

        MqttClient sensor = new MqttClient("tcp://127.0.0.1:" + brokerPort, "itest-sensor", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        sensor.connect(options);
        try {
            publish(sensor, 0);
            awaitStored(store, 1);
            List<Observation> first = store.read(STATION, Quantity.H, T0, T0.plusSeconds(1));
            assertEquals("mm converted to m", 1.2, first.get(0).value(), 1e-12);

            Path jar = home.resolve("deploy/org.vigie.connector.mqtt.jar");
            String newVersion = "0.1.0.update" + System.currentTimeMillis();
            Path staged = home.resolve("mqtt-staged.tmp");
            VigieDistribution.rebuildWithVersion(jar, staged, newVersion);
            Files.move(staged, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            for (int reading = 1; reading <= 5; reading++) {
                publish(sensor, reading);
                Thread.sleep(100);
            }
            Await.until("the subscription on the new build", Duration.ofSeconds(30), registry::plugins,
                    p -> p.stream().anyMatch(i -> i.id().equals(ID) && i.bundleVersion().equals(newVersion)
                            && i.health().status() == Health.Status.UP));
            awaitStored(store, 6);
        } finally {
            sensor.disconnect();
            sensor.close();
        }

        Files.delete(config);
        Await.until("the subscription retired with its configuration", Duration.ofSeconds(20), registry::plugins,
                p -> p.stream().noneMatch(i -> i.id().equals(ID)));
        assertEquals("history kept", 6, store.count(STATION, Quantity.H));
    }

    private static void publish(MqttClient sensor, int hour) throws Exception {
        String payload = "{\"value\": " + (1200 + hour) + ", \"time\": \"" + T0.plusSeconds(3600L * hour) + "\"}";
        sensor.publish("vigie/sensors/" + STATION + "/level", payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    private static void awaitStored(SeriesStore store, long expected) throws Exception {
        Await.until(expected + " readings stored", Duration.ofSeconds(30), () -> store.count(STATION, Quantity.H),
                n -> n == expected);
    }
}
