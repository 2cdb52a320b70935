package org.vigie.connector.mqtt.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A sensor publishing with QoS 1: {@link #publish} returns once the broker has the message. */
final class Sensor implements AutoCloseable {

    private final MqttClient client;

    Sensor(String brokerUri) throws MqttException {
        this(brokerUri, null, null);
    }

    Sensor(String brokerUri, String user, String password) throws MqttException {
        client = new MqttClient(brokerUri, "sensor-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.toCharArray());
        }
        client.connect(options);
    }

    static void publishOnce(String brokerUri, String topic, String... payloads) throws MqttException {
        try (Sensor sensor = new Sensor(brokerUri)) {
            for (String payload : payloads) {
                sensor.publish(topic, payload);
            }
        }
    }

    void publish(String topic, String payload) throws MqttException {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    void publish(String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, 1, false);
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
